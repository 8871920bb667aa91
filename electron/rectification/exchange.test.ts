// The stage 整改 on real packages: a notice goes up with its feedback rounds, the files of each round and
// its 问责 measures; a forged file or a round hung on another notice refuses the package whole. Between a
// county and a unit, the notice goes down and the unit's own feedback comes back, nothing more.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { importPackage } from '../exchange/incoming';
import { exportReply } from '../exchange/outgoing';
import { createOperator } from '../registry/operators';
import { initInstallation } from '../registry/setup';
import { payload, smallPdf } from '../testSupport/attachments';
import { seedCounty } from '../testSupport/county';
import { countyStore, daysFromToday, freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { attachToFeedback } from './files';
import { answerRectification, decideRectification, issueRectification, openRectification } from './notices';
import { rectificationDetail } from './views';
import { countyWithEvaluations, exportStage, prefectureStore, seedNotices } from '../testSupport/evaluationExchange';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';

describe('rectification notices in exchange packages', () => {
  it('carry every feedback round with its verdict, the files of each round and the 问责 measures to the prefecture', () => {
    const { county, projectIds } = countyWithEvaluations();
    const seeded = seedNotices(county.sqlite, projectIds);
    const pref = prefectureStore();
    importPackage(pref, TEST_ACTOR, exportStage(county, 'rectification'), { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT seq, status, return_count FROM rectifications ORDER BY seq').all()).toEqual([
      { seq: 1, status: 'passed', return_count: 1 },
      { seq: 2, status: 'returned', return_count: 1 },
      { seq: 3, status: 'issued', return_count: 0 },
    ]);
    expect(pref.sqlite.prepare('SELECT r.seq, x.round, x.verdict, x.verdict_opinion FROM rectification_rounds x JOIN rectifications r ON r.id = x.rectification_id ORDER BY r.seq, x.round').all()).toEqual([
      { seq: 1, round: 1, verdict: 'return', verdict_opinion: '缺少台账' },
      { seq: 1, round: 2, verdict: 'approve', verdict_opinion: '同意' },
      { seq: 2, round: 1, verdict: 'return', verdict_opinion: '仍未量化' },
    ]);
    expect(pref.sqlite.prepare("SELECT owner_id, name FROM attachments WHERE owner_kind = 'rectification.feedback'").all()).toEqual([{ owner_id: seeded.secondRound, name: '台账.pdf' }]);
    expect(pref.sqlite.prepare('SELECT measure, detail, taken_on FROM accountability_measures').all()).toEqual([{ measure: 'interview', detail: '约谈校长', taken_on: '2021-06-10' }]);
    expect(importPackage(pref, TEST_ACTOR, exportStage(county, 'rectification'), { dryRun: false, trust: true }).counts).toMatchObject({ created: 0, updated: 0, conflict: 0 });
  });

  it('refuses a forged round file or a round moved to another notice, writing nothing', () => {
    const { county, projectIds } = countyWithEvaluations();
    const seeded = seedNotices(county.sqlite, projectIds);
    const exported = exportStage(county, 'rectification');
    const pref = prefectureStore();
    const before = dump(pref.sqlite);
    const forged = (change: (records: ReturnType<typeof packageRecords>) => void) => {
      const members = membersOf(exported);
      const records = packageRecords(members, 'rectification');
      change(records);
      setPackageRecords(members, 'rectification', records);
      return signedBy(county, members, { stage: 'rectification' });
    };
    const attempt = (file: string) => {
      try {
        importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true });
        return 'imported';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const passed = (records: ReturnType<typeof packageRecords>) => records.find((r) => r.id === seeded.passed)!;
    const cut = forged((records) => {
      const file = passed(records).children.attachments![0]!;
      file.content = Buffer.from(String(file.content), 'base64').subarray(0, 40).toString('base64');
    });
    expect(attempt(cut)).toMatch(/整改通知（652822\/2020\/1）的反馈附件“台账\.pdf”的内容长度（40 字节）与声明的大小（\d+ 字节）不一致.*已拒绝整个数据包$/);
    // The overdue notice claims the passed one's approving round.
    const moved = forged((records) => {
      const round = passed(records).children.rectification_rounds!.find((r) => r.round === 2)!;
      records.find((r) => r.id === seeded.overdue)!.children.rectification_rounds!.push({ ...round, rectification_id: seeded.overdue });
    });
    expect(attempt(moved)).toMatch(/明细行.*在数据包内出现了不止一次/);
    const stolen = forged((records) => {
      const round = passed(records).children.rectification_rounds!.find((r) => r.round === 2)!;
      round.rectification_id = seeded.overdue;
    });
    expect(attempt(stolen)).toMatch(/整改通知（652822\/2020\/1）的明细行属于另一条记录/);
    expect(dump(pref.sqlite)).toBe(before);
    expect(attempt(exported)).toBe('imported');
  });

});

/** A county that issued one notice to 301002 straight to the unit, and that unit's own installation. */
function countyAndUnit() {
  const county = countyStore({ colleagues: true });
  seedCounty(county.db, { units: ROAD_AND_SCHOOL_UNITS, projects: [] });
  const issuer = createOperator(county.db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const checker = createOperator(county.db, TEST_ACTOR, { name: '赵绩效', role: 'office', password: null });
  const opened = openRectification(county.db, issuer, { problems: '执行进度滞后', requirements: '9 月底前完成支付', deadline: daysFromToday(30) }, () => ({
    source: 'self-evaluation', sourceId: 'eval-1', label: '2020年度自评', regionCode: '652822', year: 2020, projectId: null, unitCode: '301002', subject: '自评', occasion: '该自评表', audit: {},
  }));
  const notice = issueRectification(county.db, issuer, opened);
  const unit = freshStore(path.join(tempDir(), 'unit.db'));
  initInstallation(unit.db, { regionCode: '652822', role: 'unit', operatorName: '王站长', unit: { code: '301002', name: '轮台县农村公路管理站' } });
  return { county, unit, checker, notice };
}

const toUnit = (county: Store) =>
  exportReply(county, TEST_ACTOR, { unit: '301002', year: 2020, stage: 'rectification', full: false, out: path.join(tempDir(), `reply-${randomUUID()}.zip`) }).file;
const toCounty = (unit: Store) => exportStage(unit, 'rectification');
const imported = (store: Store, file: string) => importPackage(store, TEST_ACTOR, file, { dryRun: false, trust: true });

/** The unit answers its notice on its own installation, with a file. */
function unitAnswers(unit: Store, id: string, feedback: string, file: string) {
  attachToFeedback(unit.db, TEST_ACTOR, { id, file: payload(file, smallPdf(file)) });
  return answerRectification(unit.db, TEST_ACTOR, { id, version: rectificationDetail(unit.db, TEST_ACTOR, id).notice.version, feedback });
}

describe('a budget unit’s feedback on its notice, between the unit and its county', () => {
  it('reaches the county as 已反馈 with the unit’s round and file; the county’s return reaches the unit', () => {
    const { county, unit, checker, notice } = countyAndUnit();
    expect(imported(unit, toUnit(county)).counts).toMatchObject({ created: 1 });
    expect(rectificationDetail(unit.db, TEST_ACTOR, notice.id).notice).toMatchObject({ status: 'issued', holder: 'unit', problems: '执行进度滞后' });
    unitAnswers(unit, notice.id, '已完成支付 80%', '支付凭证.pdf');

    expect(imported(county, toCounty(unit)).counts).toMatchObject({ updated: 1, conflict: 0 });
    const atCounty = rectificationDetail(county.db, checker, notice.id);
    expect(atCounty.notice).toMatchObject({ status: 'answered', holder: 'bureau' });
    expect(atCounty.rounds.map((r) => [r.round, r.feedback, r.answeredByName, r.onBehalf])).toEqual([[1, '已完成支付 80%', TEST_ACTOR.name, false]]);
    expect(county.sqlite.prepare("SELECT a.name FROM attachments a JOIN rectification_rounds r ON r.id = a.owner_id WHERE a.owner_kind = 'rectification.feedback' AND r.rectification_id = ?").all(notice.id)).toEqual([{ name: '支付凭证.pdf' }]);

    const returned = decideRectification(county.db, checker, { ...atCounty.notice, action: 'return', opinion: '缺少验收单' });
    expect(returned).toMatchObject({ status: 'returned', holder: 'unit', returnCount: 1 });
    expect(imported(unit, toUnit(county)).counts).toMatchObject({ updated: 1, conflict: 0 });
    const atUnit = rectificationDetail(unit.db, TEST_ACTOR, notice.id);
    expect(atUnit.notice).toMatchObject({ status: 'returned', returnCount: 1 });
    expect(atUnit.rounds.map((r) => [r.round, r.verdict, r.verdictOpinion])).toEqual([[1, 'return', '缺少验收单']]);

    // Answered again, the second round comes up beside the first, whose verdict stays the county's.
    unitAnswers(unit, notice.id, '补充验收单', '验收单.pdf');
    const second = toCounty(unit);
    expect(imported(county, second).counts).toMatchObject({ updated: 1, conflict: 0 });
    expect(rectificationDetail(county.db, checker, notice.id).rounds.map((r) => [r.round, r.verdict])).toEqual([[1, 'return'], [2, null]]);
    // The unit's copy coming again after the county passed it is old: it changes nothing and refuses nothing.
    decideRectification(county.db, checker, { ...rectificationDetail(county.db, checker, notice.id).notice, action: 'approve', opinion: '整改到位' });
    expect(imported(county, toCounty(unit)).counts).toMatchObject({ updated: 0, conflict: 0 });
    expect(rectificationDetail(county.db, checker, notice.id).notice.status).toBe('passed');
  });

  it('refuses a unit’s package that sets a verdict, changes the county’s, adds a measure or rewrites the notice, writing nothing', () => {
    const { county, unit, checker, notice } = countyAndUnit();
    imported(unit, toUnit(county));
    unitAnswers(unit, notice.id, '已完成支付 80%', '支付凭证.pdf');
    imported(county, toCounty(unit));
    decideRectification(county.db, checker, { ...rectificationDetail(county.db, checker, notice.id).notice, action: 'return', opinion: '缺少验收单' });
    imported(unit, toUnit(county));
    unitAnswers(unit, notice.id, '补充验收单', '验收单.pdf');
    const genuine = toCounty(unit);
    const forged = (change: (record: ReturnType<typeof packageRecords>[number]) => void) => {
      const members = membersOf(genuine);
      const records = packageRecords(members, 'rectification');
      change(records.find((r) => r.id === notice.id)!);
      setPackageRecords(members, 'rectification', records);
      return signedBy(unit, members, { kind: 'unit-report', sender: { region: '652822', unit: '301002', name: '轮台县农村公路管理站', role: 'unit' }, receiver: { region: '652822', name: '轮台县' }, stage: 'rectification', sequence: 5 });
    };
    const round = (record: ReturnType<typeof packageRecords>[number], n: number) => record.children.rectification_rounds!.find((r) => r.round === n)!;
    const before = dump(county.sqlite);
    const attempt = (file: string) => {
      try {
        imported(county, file);
        return 'imported';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(attempt(forged((r) => Object.assign(round(r, 2), { verdict: 'approve', verdict_opinion: '同意', verdict_by_name: '王站长', verdict_at: '2021-04-12' })))).toBe(
      '整改通知（652822/2020/1）第 2 轮反馈带有主管部门意见或审核结论：这些只由本县填写，单位不能带有，已拒绝整个数据包',
    );
    expect(attempt(forged((r) => Object.assign(round(r, 1), { verdict: 'approve', verdict_opinion: '同意' })))).toBe(
      '整改通知（652822/2020/1）第 1 轮反馈的主管部门意见和审核结论只由本县填写，单位不能更改，已拒绝整个数据包',
    );
    expect(attempt(forged((r) => (r.children.accountability_measures = [])))).toMatch(/整改通知（652822\/2020\/1）带有明细“accountability_measures”，这是本县自己的决定，单位上报包不能带有/);
    expect(attempt(forged((r) => (r.row.deadline = '2099-12-31')))).toMatch(/整改通知（652822\/2020\/1）的“deadline”由本县下达时确定，单位不能更改/);
    expect(attempt(forged((r) => (round(r, 2).on_behalf = 1)))).toMatch(/第 2 轮反馈标为“财政局代录”/);
    const withoutFirstFile = (r: ReturnType<typeof packageRecords>[number]) => (r.children.attachments = r.children.attachments!.filter((f) => f.name !== '支付凭证.pdf'));
    expect(attempt(forged(withoutFirstFile))).toMatch(/已交到本县的反馈附件“支付凭证\.pdf”不能由单位增删或替换/);
    expect(attempt(forged((r) => Object.assign(r, { deleted: true })))).toBe('数据包内整改通知（652822/2020/1）被标为删除：它由本县下达，单位不能删除，已拒绝整个数据包');
    expect(dump(county.sqlite)).toBe(before);
    expect(attempt(genuine)).toBe('imported');
  });

  it('takes a notice on a project the county entered for the unit down to the unit, with the project', () => {
    const { county, unit } = countyAndUnit();
    const [projectId] = seedCounty(county.db, { units: [], projects: [{ code: 'LT-9', name: '农村公路养护', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 100 }] }] }).projectIds.values();
    const onProject = openRectification(county.db, TEST_ACTOR, { problems: '养护里程不足', requirements: '', deadline: daysFromToday(30) }, () => ({
      source: 'self-evaluation', sourceId: 'eval-9', label: '2020年度自评 · LT-9', regionCode: '652822', year: 2020, projectId: projectId!, unitCode: '301002', subject: 'LT-9', occasion: '该自评表', audit: {},
    }));
    issueRectification(county.db, TEST_ACTOR, onProject);
    expect(imported(unit, toUnit(county)).counts).toMatchObject({ created: 3, conflict: 0 });
    expect(unit.sqlite.prepare('SELECT r.project_id, p.name FROM rectifications r JOIN projects p ON p.id = r.project_id WHERE r.id = ?').get(onProject.id)).toEqual({ project_id: projectId, name: '农村公路养护' });
    // The unit's answer comes back with the project as it went down: unchanged at the county.
    unitAnswers(unit, onProject.id, '已补足养护里程', '养护记录.pdf');
    expect(imported(county, toCounty(unit)).records.map((r) => [r.entity, r.action])).toEqual([['project', 'unchanged'], ['rectification', 'unchanged'], ['rectification', 'updated']]);
  });

  it("refuses the unit's package that renames a project the county entered for it, even after its unchanged copy was taken, writing nothing", () => {
    const { county, unit } = countyAndUnit();
    const [projectId] = seedCounty(county.db, { units: [], projects: [{ code: 'LT-9', name: '农村公路养护', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 100 }] }] }).projectIds.values();
    const onProject = openRectification(county.db, TEST_ACTOR, { problems: '养护里程不足', requirements: '', deadline: daysFromToday(30) }, () => ({
      source: 'self-evaluation', sourceId: 'eval-9', label: '2020年度自评 · LT-9', regionCode: '652822', year: 2020, projectId: projectId!, unitCode: '301002', subject: 'LT-9', occasion: '该自评表', audit: {},
    }));
    issueRectification(county.db, TEST_ACTOR, onProject);
    imported(unit, toUnit(county));
    expect(imported(county, toCounty(unit)).records.find((r) => r.entity === 'project')?.action).toBe('unchanged');
    unit.sqlite.prepare("UPDATE projects SET name = '农村公路新建', version = version + 1 WHERE id = ?").run(projectId);
    const renamed = toCounty(unit);
    const before = dump(county.sqlite);
    expect(() => imported(county, renamed)).toThrow('数据包内项目（652822/2020/LT-9）由本机下发，对方不能更改它的“name”，已拒绝整个数据包');
    expect(dump(county.sqlite)).toBe(before);
  });

  it('never sends a notice down from a prefecture, nor one of another unit to a unit', () => {
    const { county, unit, notice } = countyAndUnit();
    openRectification(county.db, TEST_ACTOR, { problems: '台账不全', requirements: '', deadline: daysFromToday(30) }, () => ({
      source: 'self-evaluation', sourceId: 'eval-2', label: '2020年度自评', regionCode: '652822', year: 2020, projectId: null, unitCode: '302001', subject: '自评', occasion: '该自评表', audit: {},
    }));
    imported(unit, toUnit(county));
    expect(unit.sqlite.prepare('SELECT id FROM rectifications').all()).toEqual([{ id: notice.id }]);
    const pref = prefectureStore();
    imported(pref, exportStage(county, 'rectification'));
    const reply = exportReply(pref, TEST_ACTOR, { county: '652822', year: 2020, stage: 'rectification', full: true, out: path.join(tempDir(), 'pref-reply.zip') });
    expect(reply.counts).not.toHaveProperty('rectification');
  });
});
