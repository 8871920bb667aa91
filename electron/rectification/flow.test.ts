// A notice's way along the chain on a real database: issued through the 主管部门 to its unit, the feedback
// with a file looked at by the department first, returned and answered again, passed by another reviewer;
// each round and opinion kept; what each person may not do refused with what to do instead.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createOperator } from '../registry/operators';
import { updateSetting } from '../settings/settings';
import { payload, smallPdf, smallPng } from '../testSupport/attachments';
import { seedCounty } from '../testSupport/county';
import { countyStore, daysFromToday, freshStore, TEST_ACTOR } from '../testSupport/fixtures';
import { initInstallation } from '../registry/setup';
import { listAudit } from '../audit/audit';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { attachToFeedback, downloadFeedbackAttachment, removeFeedbackAttachment } from './files';
import { answerRectification, decideRectification, forwardRectification, issueRectification, openRectification } from './notices';
import { accountabilityList, listRectifications, recordMeasure, rectificationDetail } from './views';

function county({ departmentStep }: { departmentStep: boolean }) {
  const store = countyStore({ colleagues: true });
  const { db } = store;
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS, projects: [{ code: 'LT-1', name: '农村公路养护', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 100 }] }] });
  if (departmentStep) updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'on');
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const transport = createOperator(db, TEST_ACTOR, { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
  const education = createOperator(db, TEST_ACTOR, { name: '周教育', role: 'department', password: null, departmentCode: '302001' });
  const issuer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const checker = createOperator(db, TEST_ACTOR, { name: '赵绩效', role: 'office', password: null });
  const project = store.sqlite.prepare("SELECT id FROM projects WHERE code = 'LT-1'").get() as { id: string };
  const notice = openRectification(db, issuer, { problems: '执行进度滞后', requirements: '9 月底前完成支付', deadline: daysFromToday(30) }, () => ({
    source: 'self-evaluation', sourceId: 'eval-1', label: '2020年度自评 · LT-1 农村公路养护', regionCode: '652822', year: 2020, projectId: project.id, unitCode: '301002',
    subject: '农村公路养护', occasion: '该自评表', audit: {},
  }));
  return { store, db, clerk, transport, education, issuer, checker, notice };
}

const current = (db: Db, id: string) => rectificationDetail(db, TEST_ACTOR, id).notice;

describe('a rectification notice along the chain', () => {
  it('goes through the department to the unit and back, keeping each round of feedback and every opinion', () => {
    const { db, clerk, transport, issuer, checker, notice } = county({ departmentStep: true });
    const issued = issueRectification(db, issuer, notice);
    expect(issued).toMatchObject({ status: 'issued', holder: 'department', departmentCode: '301001', issuedByName: '王审核', number: '〔2020〕1号' });
    expect(() => answerRectification(db, clerk, { ...issued, feedback: '已整改' })).toThrow('该整改通知当前为“已下达”（主管部门办理中），不能提交整改反馈');
    const passedOn = forwardRectification(db, transport, { ...issued, note: '请于 9 月 20 日前报局' });
    expect(passedOn).toMatchObject({ holder: 'unit', departmentRequirements: '请于 9 月 20 日前报局' });

    attachToFeedback(db, clerk, { id: notice.id, file: payload('支付凭证.pdf', smallPdf()) });
    const answered = answerRectification(db, clerk, { ...passedOn, feedback: '已完成支付 80%' });
    expect(answered).toMatchObject({ status: 'answered', holder: 'department' });
    expect(() => decideRectification(db, checker, { ...answered, action: 'approve', opinion: '' })).toThrow('该整改通知当前为“已反馈”（主管部门办理中），不能审核通过');
    expect(() => decideRectification(db, checker, { ...answered, action: 'return', opinion: '不全' })).toThrow(/正在等待主管部门（301001）审核/);
    const sentBack = decideRectification(db, transport, { ...answered, action: 'return', opinion: '缺少验收单' });
    expect(sentBack).toMatchObject({ status: 'returned', holder: 'unit', returnCount: 1 });

    attachToFeedback(db, clerk, { id: notice.id, file: payload('验收单.png', smallPng()) });
    const again = answerRectification(db, clerk, { ...sentBack, feedback: '补充验收单' });
    const forwarded = forwardRectification(db, transport, { ...again, note: '' });
    expect(forwarded).toMatchObject({ status: 'answered', holder: 'bureau' });
    expect(() => decideRectification(db, issuer, { ...forwarded, action: 'approve', opinion: '' })).toThrow('不能审核本人下达的整改通知或本人填写的整改反馈，请由另一位审核人审核');
    const passed = decideRectification(db, checker, { ...forwarded, action: 'approve', opinion: '整改到位' });
    expect(passed).toMatchObject({ status: 'passed', holder: null });

    const detail = rectificationDetail(db, TEST_ACTOR, notice.id);
    expect(detail.rounds.map((r) => [r.round, r.feedback, r.departmentDecision, r.departmentOpinion, r.verdict, r.verdictOpinion, r.attachments.map((a) => a.name)])).toEqual([
      [1, '已完成支付 80%', 'return', '缺少验收单', null, null, ['支付凭证.pdf']],
      [2, '补充验收单', 'forward', null, 'approve', '整改到位', ['验收单.png']],
    ]);
    expect(detail.departmentName).toBe('轮台县交通运输局');
    const file = downloadFeedbackAttachment(db, TEST_ACTOR, { attachmentId: detail.rounds[0]!.attachments[0]!.id });
    expect(Buffer.from(file.dataBase64, 'base64').equals(smallPdf())).toBe(true);
  });

  it('goes straight to a unit when the department step is off, and refuses a return without an opinion', () => {
    const { db, clerk, issuer, checker, notice } = county({ departmentStep: false });
    const issued = issueRectification(db, issuer, notice);
    expect(issued).toMatchObject({ holder: 'unit', departmentCode: null });
    const answered = answerRectification(db, clerk, { ...issued, feedback: '已整改' });
    expect(answered.holder).toBe('bureau');
    expect(() => decideRectification(db, checker, { ...answered, action: 'return', opinion: '  ' })).toThrow('退回时必须填写审核意见，说明还需整改什么');
    expect(() => answerRectification(db, clerk, { ...issued, feedback: '再改' })).toThrow('该整改通知已被他人修改，请刷新后重试');
    expect(() => answerRectification(db, clerk, { ...answered, feedback: '   ' })).toThrow(/请填写整改情况/);
  });

  it('goes on to the unit, and its feedback to the bureau, when 主管部门审核 is turned off while the department holds it', () => {
    const { db, clerk, checker, issuer, notice } = county({ departmentStep: true });
    const issued = issueRectification(db, issuer, notice);
    expect(issued.holder).toBe('department');
    updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'off');
    expect(current(db, notice.id).holder).toBe('unit');
    const answered = answerRectification(db, clerk, { ...issued, feedback: '已整改' });
    expect(answered.holder).toBe('bureau');
    expect(decideRectification(db, checker, { ...answered, action: 'approve', opinion: '' }).status).toBe('passed');
  });

  it('keeps another department out, and a submitted feedback’s files from being removed', () => {
    const { db, clerk, transport, education, issuer, notice } = county({ departmentStep: true });
    const issued = issueRectification(db, issuer, notice);
    expect(() => forwardRectification(db, education, { ...issued, note: '' })).toThrow(/只能审核本部门（302001）所属单位/);
    expect(listRectifications(db, education, {}).notices).toEqual([]);
    expect(() => rectificationDetail(db, education, notice.id)).toThrow(/属于其他主管部门/);
    expect(() => attachToFeedback(db, clerk, { id: notice.id, file: payload('a.pdf', smallPdf()) })).toThrow(/只有在实施单位填写整改反馈时才能添加或删除附件/);
    const atUnit = forwardRectification(db, transport, { ...issued, note: '' });
    const draft = attachToFeedback(db, clerk, { id: notice.id, file: payload('草稿.pdf', smallPdf()) });
    const kept = attachToFeedback(db, clerk, { id: notice.id, file: payload('凭证.pdf', smallPdf()) });
    removeFeedbackAttachment(db, clerk, { attachmentId: draft.id });
    expect(rectificationDetail(db, clerk, notice.id).draftAttachments.map((a) => a.name)).toEqual(['凭证.pdf']);
    answerRectification(db, clerk, { ...atUnit, feedback: '已整改' });
    expect(() => removeFeedbackAttachment(db, clerk, { attachmentId: kept.id })).toThrow('该附件属于已提交的整改反馈，作为记录保留，不能删除');
  });
});

describe('who answers for a unit', () => {
  it('marks feedback entered at the bureau as 代录, on the timeline and in the log', () => {
    const { db, clerk, issuer, notice } = county({ departmentStep: false });
    const issued = issueRectification(db, issuer, notice);
    expect(rectificationDetail(db, clerk, notice.id).feedbackOnBehalf).toBe(true);
    answerRectification(db, clerk, { ...issued, feedback: '单位书面报送：已完成支付' });
    expect(rectificationDetail(db, TEST_ACTOR, notice.id).rounds.map((r) => [r.answeredByName, r.onBehalf])).toEqual([['李经办', true]]);
    expect(listAudit(db, { entity: 'rectification', limit: 1 })[0]).toMatchObject({ action: '提交整改反馈整改通知', opinion: '财政局代录' });
  });

  it('lets a unit’s own installation answer its own notices, not another unit’s, and never marks them 代录', () => {
    const store = freshStore();
    initInstallation(store.db, { regionCode: '652822', role: 'unit', operatorName: '王老师', unit: { code: '101002', name: '轮台县第一中学' } });
    const open = (unitCode: string) =>
      issueRectification(store.db, TEST_ACTOR, openRectification(store.db, TEST_ACTOR, { problems: '执行进度滞后', requirements: '', deadline: daysFromToday(30) }, () => ({
        source: 'monitoring', sourceId: `sheet-${unitCode}`, label: '2020年8月监控', regionCode: '652822', year: 2020, projectId: null, unitCode, subject: unitCode, occasion: '本轮', audit: {},
      })));
    const own = open('101002');
    const other = open('101003');
    answerRectification(store.db, TEST_ACTOR, { ...own, feedback: '已整改' });
    expect(rectificationDetail(store.db, TEST_ACTOR, own.id).rounds.map((r) => r.onBehalf)).toEqual([false]);
    expect(() => answerRectification(store.db, TEST_ACTOR, { ...other, feedback: '已整改' })).toThrow('本机是预算单位 101002 的安装，只能填写本单位的整改反馈；该通知下达给单位 101003');
    expect(() => attachToFeedback(store.db, TEST_ACTOR, { id: other.id, file: payload('a.pdf', smallPdf()) })).toThrow(/只能填写本单位的整改反馈/);
    expect(rectificationDetail(store.db, TEST_ACTOR, other.id).actions).not.toContain('answer');
  });
});

describe('deadlines and the 问责 list', () => {
  it('lists an overdue notice with its days late, and one returned as often as the setting says', () => {
    const { store, db, clerk, issuer, checker, notice } = county({ departmentStep: false });
    store.sqlite.prepare('UPDATE rectifications SET deadline = ? WHERE id = ?').run(daysFromToday(-3), notice.id);
    expect(listRectifications(db, TEST_ACTOR, { overdue: true }).notices.map((n) => [n.number, n.daysOverdue, n.deadlineState])).toEqual([['〔2020〕1号', 3, 'overdue']]);
    expect(accountabilityList(db, TEST_ACTOR, {}).map((n) => n.reasons)).toEqual([['逾期 3 天未通过']]);

    store.sqlite.prepare('UPDATE rectifications SET deadline = ? WHERE id = ?').run(daysFromToday(5), notice.id);
    expect(current(db, notice.id).deadlineState).toBe('dueSoon');
    expect(accountabilityList(db, TEST_ACTOR, {})).toEqual([]);
    let n = issueRectification(db, issuer, current(db, notice.id));
    for (const round of [1, 2]) {
      n = answerRectification(db, clerk, { ...n, feedback: `第 ${round} 次反馈` });
      n = decideRectification(db, checker, { ...n, action: 'return', opinion: '仍未到位' });
      expect(accountabilityList(db, TEST_ACTOR, {}).length).toBe(round === 2 ? 1 : 0);
    }
    expect(() => recordMeasure(db, checker, { id: notice.id, measure: 'other', detail: '', takenOn: daysFromToday(0) })).toThrow('选择“其他”时请写明采取的措施');
    expect(() => recordMeasure(db, checker, { id: notice.id, measure: 'interview', detail: '', takenOn: daysFromToday(1) })).toThrow(/晚于今天/);
    const item = recordMeasure(db, checker, { id: notice.id, measure: 'interview', detail: '约谈单位负责人', takenOn: daysFromToday(0) });
    expect(item).toMatchObject({ reasons: ['整改反馈被退回 2 次'], measures: [{ measure: 'interview', detail: '约谈单位负责人', recordedBy: '赵绩效' }] });
  });

  it('refuses a measure on a notice that is neither overdue nor returned often', () => {
    const { db, checker, notice } = county({ departmentStep: false });
    expect(() => recordMeasure(db, checker, { id: notice.id, measure: 'circular', detail: '', takenOn: daysFromToday(0) })).toThrow('〔2020〕1号整改通知既未逾期，也未被多次退回，不在问责清单中');
  });
});
