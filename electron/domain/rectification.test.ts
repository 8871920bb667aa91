import { describe, expect, it } from 'vitest';
import {
  feedbackAuthor,
  feedbackEntry,
  accountabilityReasons,
  availableNoticeActions,
  currentNoticeState,
  noticeActorProblem,
  noticeDaysOverdue,
  noticeDeadlineState,
  noticeMove,
  type NoticeState,
} from './rectification';

const direct = (status: NoticeState['status'], holder: NoticeState['holder']): NoticeState => ({ status, holder, department: null });
const chained = (status: NoticeState['status'], holder: NoticeState['holder']): NoticeState => ({ status, holder, department: '101001' });

const bureau = { role: 'reviewer' as const, departmentCode: null, id: 'reviewer' };
const otherBureau = { role: 'office' as const, departmentCode: null, id: 'office' };
const clerk = { role: 'clerk' as const, departmentCode: null, id: 'clerk' };
const education = { role: 'department' as const, departmentCode: '101001', id: 'dept' };
const health = { role: 'department' as const, departmentCode: '102001', id: 'dept2' };
const parties = { issuedBy: 'reviewer', answeredBy: 'clerk' };

describe('rectification status flow', () => {
  it('issues to the unit directly, or to its department which passes the notice on', () => {
    expect(noticeMove(direct('pending', null), 'issue')).toEqual({ ok: true, status: 'issued', holder: 'unit' });
    expect(noticeMove(chained('pending', null), 'issue')).toEqual({ ok: true, status: 'issued', holder: 'department' });
    expect(noticeMove(chained('issued', 'department'), 'forward')).toEqual({ ok: true, status: 'issued', holder: 'unit' });
  });

  it('sends the unit’s feedback to its department first, which forwards it to the bureau or returns it', () => {
    expect(noticeMove(direct('issued', 'unit'), 'answer')).toEqual({ ok: true, status: 'answered', holder: 'bureau' });
    expect(noticeMove(chained('issued', 'unit'), 'answer')).toEqual({ ok: true, status: 'answered', holder: 'department' });
    expect(noticeMove(chained('answered', 'department'), 'forward')).toEqual({ ok: true, status: 'answered', holder: 'bureau' });
    expect(noticeMove(chained('answered', 'department'), 'return', '附件不全')).toEqual({ ok: true, status: 'returned', holder: 'unit' });
  });

  it('passes or returns at the bureau, and a returned notice is answered again', () => {
    expect(noticeMove(direct('answered', 'bureau'), 'approve')).toEqual({ ok: true, status: 'passed', holder: null });
    expect(noticeMove(direct('answered', 'bureau'), 'return', '未见支付凭证')).toEqual({ ok: true, status: 'returned', holder: 'unit' });
    expect(noticeMove(direct('returned', 'unit'), 'answer')).toEqual({ ok: true, status: 'answered', holder: 'bureau' });
  });

  it('refuses every move the flow does not have, naming the status and who holds the notice', () => {
    expect(noticeMove(direct('issued', 'unit'), 'issue')).toEqual({ ok: false, message: '该整改通知当前为“已下达”（实施单位办理中），不能下达' });
    expect(noticeMove(direct('pending', null), 'answer')).toEqual({ ok: false, message: '该整改通知当前为“待下达”，不能提交整改反馈' });
    expect(noticeMove(direct('passed', null), 'return', '再改')).toEqual({ ok: false, message: '该整改通知当前为“通过”，不能退回' });
    expect(noticeMove(chained('answered', 'department'), 'approve').ok).toBe(false);
    expect(noticeMove(chained('issued', 'department'), 'answer').ok).toBe(false);
    expect(noticeMove(direct('issued', 'unit'), 'forward').ok).toBe(false);
    expect(noticeMove(direct('answered', 'bureau'), 'answer').ok).toBe(false);
  });

  it('refuses a return without an opinion', () => {
    expect(noticeMove(direct('answered', 'bureau'), 'return', '  ')).toEqual({ ok: false, message: '退回时必须填写审核意见，说明还需整改什么' });
    expect(noticeMove(chained('answered', 'department'), 'return').ok).toBe(false);
  });
});

describe('a notice when 主管部门审核 is turned off', () => {
  it('goes on past the department instead of waiting for it, and the feedback goes straight to the bureau', () => {
    expect(currentNoticeState(chained('issued', 'department'), false)).toEqual(direct('issued', 'unit'));
    expect(currentNoticeState(chained('answered', 'department'), false)).toEqual(direct('answered', 'bureau'));
    expect(noticeMove(currentNoticeState(chained('returned', 'unit'), false), 'answer')).toEqual({ ok: true, status: 'answered', holder: 'bureau' });
    expect(currentNoticeState(chained('issued', 'department'), true)).toEqual(chained('issued', 'department'));
  });
});

describe('who acts on a notice', () => {
  it('lets only the notice’s own department pass it on, and only a clerk answer', () => {
    expect(noticeActorProblem(chained('issued', 'department'), 'forward', education, parties, false)).toBeNull();
    expect(noticeActorProblem(chained('issued', 'department'), 'forward', health, parties, false)).toMatch(/只能审核本部门（102001）所属单位/);
    expect(noticeActorProblem(chained('issued', 'department'), 'forward', bureau, parties, false)).toMatch(/正在等待主管部门（101001）审核/);
    expect(noticeActorProblem(direct('issued', 'unit'), 'answer', clerk, parties, false)).toBeNull();
    expect(noticeActorProblem(direct('issued', 'unit'), 'answer', education, parties, false)).toBe('主管部门审核人不能填报和送审，请由系统管理员、绩效办、审核人或经办人操作');
    expect(noticeActorProblem(direct('pending', null), 'issue', clerk, parties, false)).toMatch(/^经办人不能审核/);
  });

  it('refuses the verdict to whoever issued the notice or wrote the feedback, unless self-review is allowed', () => {
    const answered = direct('answered', 'bureau');
    expect(noticeActorProblem(answered, 'approve', bureau, parties, false)).toBe('不能审核本人下达的整改通知或本人填写的整改反馈，请由另一位审核人审核');
    expect(noticeActorProblem(answered, 'approve', { ...otherBureau, id: 'clerk' }, parties, false)).not.toBeNull();
    expect(noticeActorProblem(answered, 'approve', otherBureau, parties, false)).toBeNull();
    expect(noticeActorProblem(answered, 'approve', bureau, parties, true)).toBeNull();
    // The department never issued the notice: only the feedback's author is kept from its look.
    expect(noticeActorProblem(chained('answered', 'department'), 'return', education, { issuedBy: 'dept', answeredBy: 'clerk' }, false)).toBeNull();
    expect(noticeActorProblem(chained('answered', 'department'), 'approve', otherBureau, parties, false)).toMatch(/正在等待主管部门/);
  });

  it('offers each person only the buttons they may press now', () => {
    expect(availableNoticeActions(chained('answered', 'department'), education, parties, false)).toEqual(['forward', 'return']);
    expect(availableNoticeActions(direct('answered', 'bureau'), otherBureau, parties, false)).toEqual(['approve', 'return']);
    expect(availableNoticeActions(direct('answered', 'bureau'), clerk, parties, false)).toEqual([]);
    expect(availableNoticeActions(direct('returned', 'unit'), clerk, parties, false)).toEqual(['answer']);
  });
});

describe('rectification deadlines and accountability', () => {
  it('is due soon within the setting’s days and overdue the day after the deadline, as rounds are', () => {
    expect(noticeDeadlineState('issued', '2020-08-31', '2020-08-25', 5)).toBe('open');
    expect(noticeDeadlineState('issued', '2020-08-31', '2020-08-26', 5)).toBe('dueSoon');
    expect(noticeDeadlineState('issued', '2020-08-31', '2020-08-31', 5)).toBe('dueSoon');
    expect(noticeDeadlineState('answered', '2020-08-31', '2020-09-01', 5)).toBe('overdue');
    expect(noticeDeadlineState('passed', '2020-08-31', '2020-09-01', 5)).toBe('done');
    expect([noticeDaysOverdue('returned', '2020-08-31', '2020-08-31'), noticeDaysOverdue('returned', '2020-08-31', '2020-09-01'), noticeDaysOverdue('passed', '2020-08-31', '2020-10-01')]).toEqual([0, 1, 0]);
  });

  it('puts a notice on the 问责 list when overdue or returned the setting’s number of times', () => {
    const notice = { status: 'returned' as const, deadline: '2020-08-31', returns: 1 };
    expect(accountabilityReasons(notice, '2020-08-31', 2)).toEqual([]);
    expect(accountabilityReasons(notice, '2020-09-03', 2)).toEqual(['逾期 3 天未通过']);
    expect(accountabilityReasons({ ...notice, returns: 2 }, '2020-08-31', 2)).toEqual(['整改反馈被退回 2 次']);
    expect(accountabilityReasons({ ...notice, status: 'passed', returns: 2 }, '2020-09-03', 3)).toEqual([]);
  });
});

describe('who answers for a unit', () => {
  it('lets a unit’s own installation answer its own notices only, marks the bureau’s entry 代录, and keeps a prefecture out', () => {
    expect(feedbackEntry({ role: 'unit', unitCode: '101002' }, '101002')).toEqual({ ok: true, onBehalf: false });
    expect(feedbackEntry({ role: 'unit', unitCode: '101002' }, '101003')).toEqual({ ok: false, message: '本机是预算单位 101002 的安装，只能填写本单位的整改反馈；该通知下达给单位 101003' });
    expect(feedbackEntry({ role: 'county', unitCode: null }, '101003')).toEqual({ ok: true, onBehalf: true });
    expect(feedbackEntry({ role: 'prefecture', unitCode: null }, '101003')).toMatchObject({ ok: false });
    expect([feedbackAuthor('李经办', true), feedbackAuthor('王老师', false)]).toEqual(['李经办（财政局代录）', '王老师']);
  });

  it('lists an open notice held back by the budget proposals (整改后再安排), and not once it passed', () => {
    const open = { status: 'issued' as const, deadline: '2020-10-31', returns: 0, rectifyFirst: true };
    expect(accountabilityReasons(open, '2020-09-01', 2)).toEqual(['结果应用：整改后再安排']);
    expect(accountabilityReasons({ ...open, status: 'passed' }, '2020-09-01', 2)).toEqual([]);
    expect(accountabilityReasons({ ...open, rectifyFirst: false }, '2020-09-01', 2)).toEqual([]);
  });
});
