// 整改通知, domain.md §8: the status flow 待下达 → 已下达 → 已反馈 → 通过 | 退回 (back to 已下达 with the
// opinion), the chain 财政局 → 主管部门 → 实施单位 that carries a notice down and its feedback up, who may act
// at each point, the deadline (as for rounds), and 问责 for what is not rectified.
import { checkReviewer, type Reviewer } from './reviewChain';
import { daysLate, deadlineState, type DeadlineState } from './monitoring';
import { refusalReason, checkSelfReview } from './permissions';
import type { InstallationRole } from './registry';
import { isIsoDate } from './projects';
import { compare, parseDecimal } from './ratio';

/** What a notice was opened from: a monitoring round's sheet, a self-evaluation, a spot check, or an evaluation. */
export const RECTIFICATION_SOURCES = ['monitoring', 'self-evaluation', 'spot-check', 'department-evaluation', 'finance-evaluation'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSource, string> = {
  monitoring: '绩效监控',
  'self-evaluation': '绩效自评',
  'spot-check': '自评抽查',
  'department-evaluation': '部门评价',
  'finance-evaluation': '财政评价',
};

export const RECTIFICATION_STATUSES = ['pending', 'issued', 'answered', 'passed', 'returned'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_LABELS: Record<RectificationStatus, string> = {
  pending: '待下达',
  issued: '已下达',
  answered: '已反馈',
  passed: '通过',
  returned: '退回',
};

/** Who a notice waits for on the chain: null while 待下达 (the bureau drafts) and once 通过. */
export const NOTICE_HOLDERS = ['department', 'unit', 'bureau'] as const;
export type NoticeHolder = (typeof NOTICE_HOLDERS)[number];
export const NOTICE_HOLDER_LABELS: Record<NoticeHolder, string> = { department: '主管部门', unit: '实施单位', bureau: '财政局' };

export const NOTICE_ACTIONS = ['issue', 'forward', 'answer', 'approve', 'return'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];
export const NOTICE_ACTION_LABELS: Record<NoticeAction, string> = {
  issue: '下达',
  forward: '转发',
  answer: '提交整改反馈',
  approve: '审核通过',
  return: '退回',
};

/** Where a notice stands: its status, who holds it, and the 主管部门 it passes (null: issued to the unit directly). */
export interface NoticeState {
  status: RectificationStatus;
  holder: NoticeHolder | null;
  department: string | null;
}

/**
 * Where a notice stands once 主管部门审核 may have been turned off since it was issued: what waited for a
 * department goes on to the unit (a notice) or to the bureau (feedback), and the way back up skips the
 * department, so switching the step off never strands a notice (as reviewChain's stepOf does for records).
 */
export function currentNoticeState(stored: NoticeState, departmentStepOn: boolean): NoticeState {
  if (departmentStepOn) return stored;
  const holder = stored.holder === 'department' ? (stored.status === 'answered' ? 'bureau' : 'unit') : stored.holder;
  return { status: stored.status, holder, department: null };
}

export type NoticeMove = { ok: true; status: RectificationStatus; holder: NoticeHolder | null } | { ok: false; message: string };

const refused = (state: NoticeState, action: NoticeAction): NoticeMove => ({
  ok: false,
  message: `该整改通知当前为“${RECTIFICATION_LABELS[state.status]}”${state.holder ? `（${NOTICE_HOLDER_LABELS[state.holder]}办理中）` : ''}，不能${NOTICE_ACTION_LABELS[action]}`,
});

/**
 * The state after `action`. The bureau issues to the department (or to a unit without one); the department
 * passes the notice on to its unit, and the unit's feedback back to the bureau, or returns the feedback;
 * the bureau passes or returns it. A return always goes to the unit, which answers again.
 */
export function noticeMove(state: NoticeState, action: NoticeAction, opinion?: string | null): NoticeMove {
  const { status, holder, department } = state;
  const upward: NoticeHolder = department ? 'department' : 'bureau';
  switch (action) {
    case 'issue':
      return status === 'pending' ? { ok: true, status: 'issued', holder: department ? 'department' : 'unit' } : refused(state, action);
    case 'forward':
      if (holder !== 'department') return refused(state, action);
      if (status === 'issued') return { ok: true, status, holder: 'unit' };
      if (status === 'answered') return { ok: true, status, holder: 'bureau' };
      return refused(state, action);
    case 'answer':
      return (status === 'issued' || status === 'returned') && holder === 'unit' ? { ok: true, status: 'answered', holder: upward } : refused(state, action);
    case 'approve':
      return status === 'answered' && holder === 'bureau' ? { ok: true, status: 'passed', holder: null } : refused(state, action);
    case 'return':
      if (status !== 'answered' || (holder !== 'bureau' && holder !== 'department')) return refused(state, action);
      if (!opinion?.trim()) return { ok: false, message: '退回时必须填写审核意见，说明还需整改什么' };
      return { ok: true, status: 'returned', holder: 'unit' };
  }
}

/** Who did what on the notice so far, for separation of duties (operator ids; null: the command line). */
export interface NoticeParties {
  issuedBy: string | null;
  answeredBy: string | null;
}

/**
 * Why this person may not take `action` on the notice now, or null. The department's steps are its
 * 主管部门审核人's; feedback is entered by the unit's 经办人; the verdict is a reviewer's who neither issued
 * the notice nor wrote the feedback (unless a single-person installation allows self-review).
 */
export function noticeActorProblem(state: NoticeState, action: NoticeAction, reviewer: Reviewer & { id: string | null }, parties: NoticeParties, allowSelfReview: boolean): string | null {
  switch (action) {
    case 'issue':
      return refusalReason(reviewer.role, 'review');
    case 'forward':
      return checkReviewer('department', reviewer, state.department);
    case 'answer':
      return refusalReason(reviewer.role, 'enter');
    case 'approve':
    case 'return': {
      const step = state.holder === 'department' ? 'department' : 'bureau';
      const problem = checkReviewer(step, reviewer, state.department);
      if (problem) return problem;
      const own = [parties.answeredBy, step === 'bureau' ? parties.issuedBy : null].find((by) => !checkSelfReview(by, reviewer.id, allowSelfReview).ok);
      return own === undefined ? null : '不能审核本人下达的整改通知或本人填写的整改反馈，请由另一位审核人审核';
    }
  }
}

/**
 * Who answers for a unit. Units sign in only on an installation of their own (本机是预算单位): there its
 * 经办人 writes the unit's own feedback and no other unit's. At the bureau no unit signs in, so its 经办人
 * enters the feedback the unit handed in on paper or by file, on the unit's behalf: the round is marked
 * 代录 so that nobody later reads it as the unit's own entry. A prefecture never answers for a county's unit.
 */
export type FeedbackEntry = { ok: true; onBehalf: boolean } | { ok: false; message: string };

export function feedbackEntry(installation: { role: InstallationRole; unitCode: string | null }, noticeUnitCode: string): FeedbackEntry {
  switch (installation.role) {
    case 'unit':
      return installation.unitCode === noticeUnitCode
        ? { ok: true, onBehalf: false }
        : { ok: false, message: `本机是预算单位 ${installation.unitCode ?? ''} 的安装，只能填写本单位的整改反馈；该通知下达给单位 ${noticeUnitCode}` };
    case 'county':
      return { ok: true, onBehalf: true };
    case 'prefecture':
      return { ok: false, message: '州级财政局不代县里的单位填写整改反馈，请由县财政局或单位填写' };
  }
}

/** How the timeline names who wrote a round: 代录 when the bureau entered it for the unit. */
export const feedbackAuthor = (name: string, onBehalf: boolean): string => (onBehalf ? `${name}（财政局代录）` : name);

/** The actions this person can take on the notice now: the buttons a page shows. */
export const availableNoticeActions = (state: NoticeState, reviewer: Reviewer & { id: string | null }, parties: NoticeParties, allowSelfReview: boolean): NoticeAction[] =>
  NOTICE_ACTIONS.filter((action) => noticeMove(state, action, 'x').ok && noticeActorProblem(state, action, reviewer, parties, allowSelfReview) === null);

/**
 * Why a notice's deadline cannot be used, or null: a deadline already passed on the day the notice is
 * drafted would put the unit in 问责 before it could answer. `today` is the bureau's local date.
 */
export function deadlineProblem(deadline: string, today: string): string | null {
  if (deadline.trim() === '') return '请填写整改期限';
  if (!isIsoDate(deadline)) return `整改期限应为“${today}”这样的日期`;
  if (deadline < today) return `整改期限 ${deadline} 已经过去，请选择今天（${today}）或以后的日期`;
  return null;
}

/** A notice still open: not yet passed. The one rule results application reads (整改后再安排). */
export const rectificationOpen = (status: RectificationStatus): boolean => status !== 'passed';

/** A notice's deadline as for rounds: due soon within the setting's days, overdue past it; a passed notice is done. */
export const noticeDeadlineState = (status: RectificationStatus, deadline: string, today: string, dueSoonDays: number): DeadlineState | 'done' =>
  rectificationOpen(status) ? deadlineState(deadline, today, dueSoonDays) : 'done';

/** Days a still-open notice is past its deadline (0 when it is not overdue). */
export const noticeDaysOverdue = (status: RectificationStatus, deadline: string, today: string): number => (rectificationOpen(status) ? daysLate(deadline, today) : 0);

/**
 * Why a notice belongs on the 问责 list (empty: it does not): overdue, returned `returnsLimit` times or more,
 * or still open while next year's budget proposals hold its project back until it is rectified (整改后再安排).
 */
export function accountabilityReasons(notice: { status: RectificationStatus; deadline: string; returns: number; rectifyFirst?: boolean }, today: string, returnsLimit: number): string[] {
  const reasons: string[] = [];
  const late = noticeDaysOverdue(notice.status, notice.deadline, today);
  if (late > 0) reasons.push(`逾期 ${late} 天未通过`);
  if (notice.returns >= returnsLimit) reasons.push(`整改反馈被退回 ${notice.returns} 次`);
  if (notice.rectifyFirst && rectificationOpen(notice.status)) reasons.push('结果应用：整改后再安排');
  return reasons;
}

/** 问责 measures (the report's 约谈、通报、扣减预算、暂停拨付); 其他 needs a description. */
export const ACCOUNTABILITY_MEASURES = ['interview', 'circular', 'budgetCut', 'suspendPayment', 'other'] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];
export const ACCOUNTABILITY_MEASURE_LABELS: Record<AccountabilityMeasure, string> = {
  interview: '约谈',
  circular: '通报',
  budgetCut: '扣减预算',
  suspendPayment: '暂停拨付',
  other: '其他',
};

/** Why a measure cannot be recorded, or null. */
export function measureProblem(measure: AccountabilityMeasure, detail: string, takenOn: string, today: string): string | null {
  if (measure === 'other' && detail.trim() === '') return '选择“其他”时请写明采取的措施';
  if (!isIsoDate(takenOn)) return `措施日期应为“${today}”这样的日期`;
  if (takenOn > today) return `措施日期 ${takenOn} 晚于今天（${today}），请填写已采取措施的日期`;
  return null;
}

/** The notice's number as printed on the 整改通知书: 〔2020〕3号. */
export const noticeNumber = (year: number, seq: number): string => `〔${year}〕${seq}号`;

/** A spot check opens a notice only when its recheck scored the table lower than the unit did (scores as decimal text). */
export function spotCheckLowered(unitScore: string | null, adjustedScore: string | null): boolean {
  const unit = unitScore === null ? null : parseDecimal(unitScore);
  const adjusted = adjustedScore === null ? null : parseDecimal(adjustedScore);
  return unit !== null && adjusted !== null && compare(adjusted, unit) < 0;
}
