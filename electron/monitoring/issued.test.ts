// Rounds a prefecture issues to all its counties at once: they travel down in each county's reply, open
// their sheets there, come back up with the county's figures, and a county's change to the round itself
// refuses its package however often its unchanged copy was taken before.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { importPackage } from '../exchange/incoming';
import { exportReply, exportReport } from '../exchange/outgoing';
import { PackageRefusal } from '../exchange/packageFile';
import { seedCounty } from '../testSupport/county';
import { countyStore, prefectureStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dump } from '../testSupport/forgedPackages';
import { createOperator } from '../registry/operators';
import { transitionTarget } from '../targets/targets';
import { issuedRounds, issueRoundToCounties, openLaterApprovedSheets } from './issued';
import { listSheets } from './sheets';
import { createRound, listRounds } from './rounds';

const YEAR = 2020;

function countyWithApprovedTargets(p002: 'approved' | 'submitted' = 'approved'): Store {
  const county = countyStore({ colleagues: true });
  seedCounty(county.db, {
    year: YEAR,
    units: [{ code: '101002', name: '轮台县第一中学' }],
    projects: ['P001', 'P002'].map((code) => ({ code, name: `项目${code}`, unitCode: '101002', keyProject: code === 'P001', funds: [{ source: '本级财政拨款', initialFen: 12_000_000 }] })),
    targets: ['P001', 'P002'].map((project) => ({
      project,
      status: project === 'P002' ? p002 : 'approved',
      overallGoal: '保障学生营养',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '受益学生人数', operator: '≥', value: '1200', unit: '人' },
        { level1: '效益指标', level2: '社会效益指标', name: '学生营养状况', operator: '定性', value: '明显改善', unit: '' },
      ],
    })),
  });
  return county;
}

const out = () => path.join(tempDir(), `${randomUUID()}.zip`);
const replyTo = (pref: Store, county = '652822') => exportReply(pref, TEST_ACTOR, { county, year: YEAR, stage: 'monitoring', full: false, out: out() }).file;
const reportOf = (county: Store) => exportReport(county, TEST_ACTOR, { year: YEAR, stage: 'monitoring', full: false, out: out() }).file;
const importInto = (store: Store, file: string) => importPackage(store, TEST_ACTOR, file, { dryRun: false, trust: true });

function issuedAugust(scope: 'all' | 'key' = 'all', p002: 'approved' | 'submitted' = 'approved') {
  const pref = prefectureStore();
  const county = countyWithApprovedTargets(p002);
  const issued = issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope });
  importInto(county, replyTo(pref));
  return { pref, county, issued };
}

describe('a monitoring round the prefecture issues to its counties', () => {
  it('goes to every county of the prefecture at once, one round each, and lists as issued there', () => {
    const pref = prefectureStore();
    const issued = issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope: 'all' });
    const counties = (pref.sqlite.prepare("SELECT code FROM regions WHERE parent_code = '652800' AND level = 'county' ORDER BY code").all() as { code: string }[]).map((r) => r.code);
    expect(issued.map((r) => r.county)).toEqual(counties);
    expect(new Set(issued.map((r) => `${r.month}/${r.deadline}/${r.scope}`))).toEqual(new Set(['8/2020-08-31/all']));
    expect(issuedRounds(pref.db, YEAR).map((r) => r.id).sort()).toEqual(issued.map((r) => r.id).sort());
    const chosen = issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-09-10', scope: 'key', counties: ['652822'] });
    expect(chosen.map((r) => [r.county, r.seq])).toEqual([['652822', 102]]);
  });

  it('refuses a county, a county not of the prefecture, and a deadline before the month', () => {
    const pref = prefectureStore();
    expect(() => issueRoundToCounties(countyStore().db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope: 'all' })).toThrow(/只有州级财政局/);
    expect(() => issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope: 'all', counties: ['650102'] })).toThrow(/650102 不是本州所辖的县市/);
    expect(() => issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-07-01', scope: 'all' })).toThrow();
    expect(issuedRounds(pref.db, YEAR)).toEqual([]);
  });

  it("arrives at the county in its reply as 州级下发 with a sheet per approved project in its scope", () => {
    const { county } = issuedAugust();
    const [round] = listRounds(county.db, YEAR);
    expect(round).toMatchObject({ month: 8, deadline: '2020-08-31', scope: 'all', issuedBy: { code: '652800', name: '巴音郭楞蒙古自治州' } });
    expect(round!.counts.sheets).toBe(2);
    const { county: keyOnly } = issuedAugust('key');
    expect(listRounds(keyOnly.db, YEAR)[0]!.counts.sheets).toBe(1);
  });

  it("takes the county's filled sheets, and refuses its package that changes the round itself, writing nothing", () => {
    const { pref, county } = issuedAugust();
    // The county's unchanged copy of the round comes back with its sheets: taken, and remembered as received.
    expect(importInto(pref, reportOf(county)).records.filter((r) => r.entity === 'monitoring-round').map((r) => r.action)).toEqual(['unchanged']);
    county.sqlite.prepare("UPDATE monitoring_funds SET executed_fen = 4000000 WHERE sheet_id IN (SELECT id FROM monitoring_sheets)").run();
    county.sqlite.prepare('UPDATE monitoring_sheets SET version = version + 1').run();
    const filled = importInto(pref, reportOf(county));
    expect(filled.records.filter((r) => r.entity === 'monitoring-sheet').map((r) => r.action)).toEqual(['updated', 'updated']);
    expect(pref.sqlite.prepare('SELECT DISTINCT executed_fen AS fen FROM monitoring_funds').all()).toEqual([{ fen: 4_000_000 }]);

    county.sqlite.prepare("UPDATE monitoring_rounds SET deadline = '2020-09-30', version = version + 1").run();
    const before = dump(pref.sqlite);
    const changed = reportOf(county);
    for (const dryRun of [true, false]) {
      const error = (() => {
        try {
          importPackage(pref, TEST_ACTOR, changed, { dryRun, trust: true });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(PackageRefusal);
      expect((error as Error).message).toBe('数据包内监控轮次（652822/2020/8/101）由本机下发，对方不能更改它的“deadline”，已拒绝整个数据包');
    }
    expect(dump(pref.sqlite)).toBe(before);
  });

  it("leaves the county's own round its own beside the issued one, under its own number", () => {
    const { county } = issuedAugust();
    // The county's own August round keeps its own number beside the issued one.
    createRound(county.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope: 'all' });
    expect(listRounds(county.db, YEAR).map((r) => [r.month, r.seq, r.title, r.issuedBy?.code ?? null])).toEqual([
      [8, 101, '2020年8月绩效运行监控（州级下发）', '652800'],
      [8, 1, '2020年8月绩效运行监控', null],
    ]);
  });
});

describe('补开监控表 on an issued round', () => {
  /** The August round issued while P002 waited for review, then P002 approved at the county. */
  function approvedAfterImport() {
    const issued = issuedAugust('all', 'submitted');
    const p002 = issued.county.sqlite.prepare("SELECT t.id, t.version FROM targets t JOIN projects p ON p.id = t.project_id WHERE p.code = 'P002'").get() as { id: string; version: number };
    transitionTarget(issued.county.db, TEST_ACTOR, { id: p002.id, version: p002.version, action: 'approve', grade: '优', opinion: null });
    const [round] = listRounds(issued.county.db, YEAR);
    return { ...issued, round: round! };
  }
  const sheetCodes = (county: Store, roundId: string) => listSheets(county.db, roundId).map((s) => s.projectCode).sort();

  it('opens a sheet for a project approved since the import, once: a second time finds nothing to open', () => {
    const { county, round } = approvedAfterImport();
    expect(sheetCodes(county, round.id)).toEqual(['P001']);
    expect(openLaterApprovedSheets(county.db, TEST_ACTOR, round.id)).toEqual({ projects: [{ code: 'P002', name: '项目P002', unitName: '轮台县第一中学' }], departmentSheets: 0 });
    expect(sheetCodes(county, round.id)).toEqual(['P001', 'P002']);
    expect(() => openLaterApprovedSheets(county.db, TEST_ACTOR, round.id)).toThrow('自导入本轮次以来没有新批复的项目或部门整体绩效目标，没有需要补开的监控表');
    expect(sheetCodes(county, round.id)).toEqual(['P001', 'P002']);
  });

  it('refuses an operator who may not open rounds, and a round the county opened itself, opening nothing', () => {
    const { county, round } = approvedAfterImport();
    const clerk = createOperator(county.db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
    expect(() => openLaterApprovedSheets(county.db, { id: clerk.id, name: clerk.name }, round.id)).toThrow(/开启监控轮次/);
    const own = createRound(county.db, TEST_ACTOR, { year: YEAR, month: 11, deadline: '2020-11-30', scope: 'key' });
    expect(() => openLaterApprovedSheets(county.db, TEST_ACTOR, own.id)).toThrow(/只用于州级下发的轮次/);
    expect(sheetCodes(county, round.id)).toEqual(['P001']);
  });

  it("sends the new sheet up with the county's report, and the prefecture's copy of the round takes it", () => {
    const { pref, county, round } = approvedAfterImport();
    openLaterApprovedSheets(county.db, TEST_ACTOR, round.id);
    const report = importInto(pref, reportOf(county));
    expect(report.records.filter((r) => r.entity === 'monitoring-sheet').map((r) => r.action)).toEqual(['created', 'created']);
    expect(pref.sqlite.prepare('SELECT count(*) AS n FROM monitoring_sheets WHERE round_id = ?').get(round.id)).toEqual({ n: 2 });
  });
});
