// What 整改问责 shows: the list of notices with its filters and counts, one notice with its timeline and
// files, and the 问责 list with the measures taken. A 主管部门审核人 sees only its own department's units.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { accountabilityMeasures, projects, rectificationRounds, rectifications, units } from '../../db/schema';
import { listAttachments, type AttachmentInfo } from '../attachments';
import { recordAudit, type Actor } from '../audit/audit';
import { localDate } from '../domain/clock';
import type { DeadlineState } from '../domain/monitoring';
import {
  accountabilityReasons,
  availableNoticeActions,
  currentNoticeState,
  measureProblem,
  noticeDaysOverdue,
  noticeDeadlineState,
  RECTIFICATION_STATUSES,
  type AccountabilityMeasure,
  type NoticeAction,
  type RectificationSource,
  type RectificationStatus,
} from '../domain/rectification';
import { seesDepartment } from '../domain/reviewChain';
import { AppError } from '../errors';
import { departmentStepOn, reviewerOf } from '../registry';
import { resultsView } from '../results';
import { settingValue } from '../settings';
import { draftOwner, latestRound, noticeFeedbackEntry, noticeState, rectificationKey, requireRectification, roundOwner, toRectification, type Rectification, type RectificationRow } from './notices';

/** A notice as the list shows it: with its unit's and project's names and where its deadline stands. */
export interface NoticeListItem extends Rectification {
  unitName: string;
  projectName: string | null;
  deadlineState: DeadlineState | 'done';
  daysOverdue: number;
}

export interface NoticeFilter {
  year?: number | undefined;
  status?: RectificationStatus | undefined;
  source?: RectificationSource | undefined;
  unitCode?: string | undefined;
  overdue?: boolean | undefined;
}

export interface NoticeList {
  notices: NoticeListItem[];
  /** Of the notices the filter's year and the reader's scope give, before the other filters. */
  counts: Record<RectificationStatus, number> & { overdue: number; total: number };
}

function named(db: Db, rows: readonly RectificationRow[]): (row: RectificationRow) => { unitName: string; projectName: string | null; department: string | null } {
  const unitRows = rows.length === 0 ? [] : db.select({ regionCode: units.regionCode, code: units.code, name: units.name, departmentCode: units.departmentCode }).from(units).where(inArray(units.code, [...new Set(rows.map((r) => r.unitCode))])).all();
  const projectIds = rows.flatMap((r) => (r.projectId ? [r.projectId] : []));
  const projectRows = projectIds.length === 0 ? [] : db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, projectIds)).all();
  const unitOf = new Map(unitRows.map((u) => [`${u.regionCode}/${u.code}`, u]));
  const projectOf = new Map(projectRows.map((p) => [p.id, p.name]));
  return (row) => {
    const unit = unitOf.get(`${row.regionCode}/${row.unitCode}`);
    return { unitName: unit?.name ?? row.unitCode, projectName: row.projectId ? (projectOf.get(row.projectId) ?? null) : null, department: unit ? (unit.departmentCode ?? row.unitCode) : null };
  };
}

const dueSoonDays = (db: Db) => settingValue<number>(db, 'rectification.dueSoonDays');

/** The notices the reader may see, newest year and number first. */
function visibleNotices(db: Db, actor: Actor, year: number | undefined): NoticeListItem[] {
  const rows = db
    .select()
    .from(rectifications)
    .where(and(eq(rectifications.deleted, false), year === undefined ? undefined : eq(rectifications.year, year)))
    .orderBy(desc(rectifications.year), desc(rectifications.seq))
    .all();
  const names = named(db, rows);
  const reviewer = reviewerOf(db, actor);
  const today = localDate();
  const days = dueSoonDays(db);
  const stepOn = departmentStepOn(db);
  return rows.flatMap((row) => {
    const { department, ...name } = names(row);
    if (!seesDepartment(reviewer, department)) return [];
    return [{ ...toRectification(row), holder: currentNoticeState({ status: row.status, holder: row.holder, department: row.departmentCode }, stepOn).holder, ...name, deadlineState: noticeDeadlineState(row.status, row.deadline, today, days), daysOverdue: noticeDaysOverdue(row.status, row.deadline, today) }];
  });
}

export function listRectifications(db: Db, actor: Actor, filter: NoticeFilter): NoticeList {
  const all = visibleNotices(db, actor, filter.year);
  const counts = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, all.filter((n) => n.status === s).length])) as Record<RectificationStatus, number>;
  const notices = all.filter(
    (n) =>
      (!filter.status || n.status === filter.status) &&
      (!filter.source || n.source === filter.source) &&
      (!filter.unitCode || n.unitCode === filter.unitCode) &&
      (!filter.overdue || n.deadlineState === 'overdue'),
  );
  return { notices, counts: { ...counts, overdue: all.filter((n) => n.deadlineState === 'overdue').length, total: all.length } };
}

function visibleNotice(db: Db, actor: Actor, id: string): NoticeListItem {
  const row = requireRectification(db, id);
  const notice = visibleNotices(db, actor, row.year).find((n) => n.id === id);
  if (!notice) throw new AppError('FORBIDDEN', '主管部门审核人只能查看本部门所属单位的整改通知，该通知属于其他主管部门');
  return notice;
}

export interface FeedbackRound {
  round: number;
  feedback: string;
  answeredByName: string;
  answeredAt: string;
  /** 代录: entered by the bureau for the unit. */
  onBehalf: boolean;
  departmentDecision: 'forward' | 'return' | null;
  departmentOpinion: string | null;
  departmentByName: string | null;
  departmentAt: string | null;
  verdict: 'approve' | 'return' | null;
  verdictOpinion: string | null;
  verdictByName: string | null;
  verdictAt: string | null;
  attachments: AttachmentInfo[];
}

export interface MeasureRecord {
  id: string;
  measure: AccountabilityMeasure;
  detail: string;
  takenOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface NoticeDetail {
  notice: NoticeListItem;
  departmentName: string | null;
  rounds: FeedbackRound[];
  /** The files the unit has added to the feedback it is writing (removable until it submits). */
  draftAttachments: AttachmentInfo[];
  measures: MeasureRecord[];
  /** What the reader may do now: the page's buttons. */
  actions: NoticeAction[];
  /** Whether the reader may add and remove files of the feedback being written. */
  canAttach: boolean;
  /** The feedback written here is entered for the unit (代录): the page says so beside the form. */
  feedbackOnBehalf: boolean;
}

const measuresOf = (db: Db, ids: readonly string[]): (MeasureRecord & { rectificationId: string })[] =>
  ids.length === 0
    ? []
    : db
        .select({ id: accountabilityMeasures.id, rectificationId: accountabilityMeasures.rectificationId, measure: accountabilityMeasures.measure, detail: accountabilityMeasures.detail, takenOn: accountabilityMeasures.takenOn, recordedBy: accountabilityMeasures.recordedBy, recordedAt: accountabilityMeasures.recordedAt })
        .from(accountabilityMeasures)
        .where(inArray(accountabilityMeasures.rectificationId, [...ids]))
        .orderBy(asc(accountabilityMeasures.takenOn), asc(accountabilityMeasures.recordedAt))
        .all();

export function rectificationDetail(db: Db, actor: Actor, id: string): NoticeDetail {
  const notice = visibleNotice(db, actor, id);
  const row = requireRectification(db, id);
  const rounds = db.select().from(rectificationRounds).where(eq(rectificationRounds.rectificationId, id)).orderBy(asc(rectificationRounds.round)).all();
  const reviewer = { ...reviewerOf(db, actor), id: actor.id };
  const parties = { issuedBy: row.issuedBy, answeredBy: latestRound(db, id)?.answeredBy ?? null };
  const entry = noticeFeedbackEntry(db, row);
  // Answering is also a matter of who may answer for the unit here (a unit's installation, its own notices only).
  const actions = availableNoticeActions(noticeState(db, row), reviewer, parties, settingValue<string>(db, 'review.selfReview') === 'allow').filter((a) => a !== 'answer' || entry.ok);
  const department = row.departmentCode ? db.select({ name: units.name }).from(units).where(and(eq(units.regionCode, row.regionCode), eq(units.code, row.departmentCode))).get() : undefined;
  return {
    notice,
    departmentName: row.departmentCode ? (department?.name ?? row.departmentCode) : null,
    rounds: rounds.map(({ id: roundId, rectificationId: _, answeredBy: __, ...round }) => ({ ...round, attachments: listAttachments(db, roundOwner(roundId)) })),
    draftAttachments: listAttachments(db, draftOwner(id)),
    measures: measuresOf(db, [id]).map(({ rectificationId: _, ...m }) => m),
    actions,
    canAttach: actions.includes('answer'),
    feedbackOnBehalf: entry.ok && entry.onBehalf,
  };
}

export interface AccountabilityItem extends NoticeListItem {
  reasons: string[];
  measures: MeasureRecord[];
  /** What the year's 预算调整建议清单 proposes for the notice's project, once it is generated. */
  resultsMeasure: string | null;
}

/** The measure of each project on the generated budget proposals of the notices' years (none before a list exists). */
function resultsMeasures(db: Db, years: Iterable<number>): Map<string, { label: string; rectifyFirst: boolean }> {
  const byProject = new Map<string, { label: string; rectifyFirst: boolean }>();
  for (const year of years) for (const line of resultsView(db, year).lines) byProject.set(line.projectId, { label: line.measureLabel, rectifyFirst: line.measure === 'rectifyFirst' });
  return byProject;
}

/**
 * 问责清单: overdue notices, notices returned the setting's number of times, and open notices whose project
 * the budget proposals hold back until rectified (整改后再安排), with what was done.
 */
export function accountabilityList(db: Db, actor: Actor, filter: { year?: number | undefined }): AccountabilityItem[] {
  const today = localDate();
  const limit = settingValue<number>(db, 'rectification.returnsForAccountability');
  const notices = visibleNotices(db, actor, filter.year);
  const proposed = resultsMeasures(db, new Set(notices.map((n) => n.year)));
  const listed = notices.flatMap((n) => {
    const results = n.projectId ? proposed.get(n.projectId) : undefined;
    const reasons = accountabilityReasons({ status: n.status, deadline: n.deadline, returns: n.returnCount, rectifyFirst: results?.rectifyFirst ?? false }, today, limit);
    return reasons.length > 0 ? [{ ...n, reasons, resultsMeasure: results?.label ?? null }] : [];
  });
  const measures = measuresOf(db, listed.map((n) => n.id));
  return listed.map((n) => ({ ...n, measures: measures.filter((m) => m.rectificationId === n.id).map(({ rectificationId: _, ...m }) => m) }));
}

/** Records a 问责 measure on a notice of the 问责 list. */
export function recordMeasure(db: Db, actor: Actor, input: { id: string; measure: AccountabilityMeasure; detail: string; takenOn: string }): AccountabilityItem {
  return db.transaction((tx) => {
    const row = requireRectification(tx, input.id);
    const item = accountabilityList(tx, actor, { year: row.year }).find((n) => n.id === input.id);
    if (!item) throw new AppError('CONFLICT', `${toRectification(row).number}整改通知既未逾期，也未被多次退回，不在问责清单中`);
    const problem = measureProblem(input.measure, input.detail, input.takenOn, localDate());
    if (problem) throw new AppError('INVALID_INPUT', problem);
    tx.insert(accountabilityMeasures).values({ id: randomUUID(), rectificationId: row.id, measure: input.measure, detail: input.detail.trim(), takenOn: input.takenOn, recordedBy: actor.name }).run();
    recordAudit(tx, actor, { entity: 'rectification', naturalKey: rectificationKey(row), action: '记录问责措施', after: { measure: input.measure, detail: input.detail.trim(), takenOn: input.takenOn } });
    return accountabilityList(tx, actor, { year: row.year }).find((n) => n.id === input.id)!;
  });
}
