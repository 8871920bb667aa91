// The prefecture's read-only lists over two counties that reported through the real exchange: 轮台县's
// sample year and a small 尉犁县. Each list filters by county and year, pages in SQL with a total, and
// names the package that brought each row (早期导入 when it came before packages were noted).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Store } from '../../../db/open';
import { importPackage } from '../../exchange/incoming';
import { roundReport } from '../../monitoring/report';
import { exportReport } from '../../exchange/outgoing';
import { initInstallation } from '../../registry/setup';
import { seedCounty } from '../../testSupport/county';
import { copySampleCounty2020, TEST_ACTOR } from '../../testSupport/fixtures';
import type { CountyListInput } from '../contract';
import { recordDecision } from '../decisions';
import { countyRoundDepartmentSheets, countyRoundSheets, countyRounds, countySheetDetail } from './monitoring';
import { countyEvaluations, countyRectifications, countyResults, countySelfEvaluations } from './outcomes';
import { countyProjects, countyUnits } from './registry';
import { countyTargetDetail, countyTargetList } from './targets';

const LUNTAI = '652822';
const YULI = '652823';
const list = (filter: Partial<CountyListInput> = {}): CountyListInput => ({ county: null, year: 2020, search: '', offset: 0, limit: 50, ...filter });

/** 尉犁县 with a 主管部门 and a school, an approved target its May round monitors, and a submitted one. */
function yuliCounty(): Store {
  const store = storeAt('yuli.db');
  initInstallation(store.db, { regionCode: YULI, role: 'county', operatorName: '王五' });
  seedCounty(store.db, {
    units: [{ code: '201001', name: '尉犁县教育局' }, { code: '201002', name: '尉犁县第一中学', departmentCode: '201001' }],
    projects: [
      { code: 'WL-01', name: '校舍维修', unitCode: '201002', funds: [{ source: '本级财政拨款', initialFen: 1_000_000 }] },
      { code: 'WL-02', name: '营养餐补助', unitCode: '201002', funds: [{ source: '本级财政拨款', initialFen: 500_000, additionFen: 20_000 }] },
    ],
    targets: [
      { project: 'WL-01', status: 'approved', indicators: [{ name: '维修校舍面积', operator: '≥', value: '500', unit: '平方米' }] },
      { project: 'WL-02', status: 'submitted', indicators: [{ name: '受益学生人数', operator: '≥', value: '1200', unit: '人' }] },
    ],
    rounds: [{ year: 2020, month: 5, deadline: '2020-05-31', scope: 'all' }],
  });
  return store;
}

// The stores live for the whole file (the fixtures' close after each test): the sample year takes seconds to make.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-prefecture-views-'));
const opened: Store[] = [];
const storeAt = (name: string): Store => opened[opened.push(openDatabase(path.join(folder, name))) - 1]!;
afterAll(() => {
  opened.forEach(closeDatabase);
  fs.rmSync(folder, { recursive: true, force: true });
});

const reportOf = (county: Store, name: string) =>
  exportReport(county, TEST_ACTOR, { year: 2020, stage: 'all', full: true, out: path.join(folder, name) }).file;
const countOf = (county: Store, sql: string) => (county.sqlite.prepare(sql).get() as { n: number }).n;

let luntai: Store;
let yuli: Store;
let prefecture: Store;
const packages: Record<string, string> = {};

beforeAll(() => {
  copySampleCounty2020(path.join(folder, 'luntai.db'));
  luntai = storeAt('luntai.db');
  yuli = yuliCounty();
  prefecture = storeAt('prefecture.db');
  initInstallation(prefecture.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  packages[LUNTAI] = importPackage(prefecture, TEST_ACTOR, reportOf(luntai, 'luntai-2020.zip'), { dryRun: false, trust: true }).packageId;
  packages[YULI] = importPackage(prefecture, TEST_ACTOR, reportOf(yuli, 'yuli-2020.zip'), { dryRun: false, trust: true }).packageId;
}, 120_000);

describe('the prefecture’s lists across its counties', () => {
  it('shows one county’s targets with the county’s state, the prefecture’s latest decision and the package that brought each', () => {
    const submitted = countyTargetList(prefecture, list({ county: YULI, search: 'WL-02' })).rows[0]!;
    recordDecision(prefecture, TEST_ACTOR, { entity: 'target', recordId: submitted.id, action: 'return', opinion: '受益人数口径不清' });

    const page = countyTargetList(prefecture, list({ county: YULI }));
    expect(page.total).toBe(2);
    expect(page.rows.map((t) => [t.countyName, t.ownerCode, t.name, t.unitName, t.status, t.indicatorCount, t.decision?.action ?? null])).toEqual([
      ['尉犁县', 'WL-01', '校舍维修', '尉犁县第一中学', 'approved', 1, null],
      ['尉犁县', 'WL-02', '营养餐补助', '尉犁县第一中学', 'submitted', 1, 'return'],
    ]);
    expect(page.rows[1]!.decision).toMatchObject({ opinion: '受益人数口径不清', sent: false });
    expect(page.rows.map((t) => t.source)).toEqual(page.rows.map(() => expect.objectContaining({ id: packages[YULI], fileName: 'yuli-2020.zip', sequence: 1 })));
    expect(page.counties.map((c) => c.code)).toContain(LUNTAI);
    expect(page.years).toEqual([2020]);

    const detail = countyTargetDetail(prefecture, submitted.id);
    expect(detail).toMatchObject({ ownerCode: 'WL-02', status: 'submitted', decision: { action: 'return' } });
    expect(detail.indicators.map((i) => [i.name, i.operator, i.value, i.unit])).toEqual([['受益学生人数', '≥', '1200', '人']]);
  });

  it('lists every county’s targets under 全部县市, a page at a time with the total counted in SQL', () => {
    const targets = countOf(luntai, 'SELECT count(*) AS n FROM targets WHERE deleted = 0 AND year = 2020') + 2;
    const first = countyTargetList(prefecture, list({ limit: 40 }));
    const second = countyTargetList(prefecture, list({ limit: 40, offset: 40 }));
    const last = countyTargetList(prefecture, list({ limit: 40, offset: targets - 1 }));
    expect([first.total, second.total, last.total]).toEqual([targets, targets, targets]);
    expect([first.rows.length, second.rows.length, last.rows.length]).toEqual([40, 40, 1]);
    expect(new Set([...first.rows, ...second.rows].map((t) => t.id)).size).toBe(80);
    // By county code: 轮台县 (652822) first, 尉犁县's targets last.
    expect(first.rows[0]!.countyName).toBe('轮台县');
    expect(last.rows[0]).toMatchObject({ countyName: '尉犁县', ownerCode: 'WL-02' });
  });

  it('takes the latest reported year when none is chosen, and shows nothing for a year no county reported', () => {
    expect(countyProjects(prefecture, list({ year: null, county: YULI }))).toMatchObject({ year: 2020, total: 2 });
    expect(countyProjects(prefecture, list({ year: 2021 }))).toMatchObject({ year: 2021, total: 0, rows: [] });
  });

  it('shows units and projects with names joined in the query, the amount and the target’s state', () => {
    const units = countyUnits(prefecture, list({ county: YULI }));
    expect(units.rows.map((u) => [u.code, u.name, u.departmentName, u.isDepartment])).toEqual([
      ['201001', '尉犁县教育局', null, true],
      ['201002', '尉犁县第一中学', '尉犁县教育局', false],
    ]);
    expect(units.rows.every((u) => u.source?.id === packages[YULI])).toBe(true);
    const projects = countyProjects(prefecture, list({ county: YULI, search: '营养' }));
    expect(projects.rows.map((p) => [p.code, p.unitName, p.adjustedFen, p.targetStatus])).toEqual([['WL-02', '尉犁县第一中学', 520_000, 'submitted']]);
    const all = countyProjects(prefecture, list({ limit: 1 }));
    expect(all.total).toBe(countOf(luntai, 'SELECT count(*) AS n FROM projects WHERE year = 2020 AND deleted = 0') + 2);
  });

  it('shows a county’s rounds with their lights, a round’s sheets a page at a time, and a sheet’s rows with lights', () => {
    const rounds = countyRounds(prefecture, list({ county: YULI }));
    expect(rounds.rows.map((r) => [r.countyName, r.month, r.sheets, r.submitted, r.unreported])).toEqual([['尉犁县', 5, 1, 0, 1]]);
    const luntaiRounds = countyRounds(prefecture, list({ county: LUNTAI }));
    expect(luntaiRounds.rows.map((r) => r.month)).toEqual([5, 8, 11]);
    const november = luntaiRounds.rows[2]!;
    const sheetCount = countOf(luntai, "SELECT count(*) AS n FROM monitoring_sheets s JOIN monitoring_rounds m ON m.id = s.round_id WHERE m.month = 11");
    expect(november.sheets).toBe(sheetCount);
    const lit = Object.values(november.lights).reduce((a, b) => a + b, 0);
    expect(lit + november.unreported).toBe(sheetCount);
    // Counted from the lights' inputs alone, each round's lights are its full report's, light by light.
    for (const round of luntaiRounds.rows) {
      const { counts } = roundReport(prefecture.db, round.id);
      expect({ lights: round.lights, unreported: round.unreported }).toEqual({ lights: counts.project, unreported: counts.unreported });
    }
    expect(Object.values(november.lights).filter((n) => n > 0).length).toBeGreaterThan(1);

    const sheets = countyRoundSheets(prefecture, { roundId: november.id, search: '', offset: 10, limit: 10 });
    expect(sheets.total).toBe(sheetCount);
    expect(sheets.rows).toHaveLength(10);
    expect(sheets.rows.every((s) => s.source?.id === packages[LUNTAI])).toBe(true);
    const red = countyRoundSheets(prefecture, { roundId: november.id, search: '', offset: 0, limit: 200 }).rows.find((s) => s.projectLight === 'red')!;
    const detail = countySheetDetail(prefecture, red.id);
    expect(detail).toMatchObject({ projectCode: red.projectCode, projectLight: 'red', reported: true });
    expect(detail.indicators.some((i) => i.light === 'red')).toBe(true);
  });

  it('shows a county round’s 部门整体 sheets a page at a time, with their lights, searchable by unit', () => {
    const november = countyRounds(prefecture, list({ county: LUNTAI })).rows[2]!;
    const expected = countOf(luntai, "SELECT count(*) AS n FROM monitoring_department_sheets d JOIN monitoring_rounds m ON m.id = d.round_id WHERE m.month = 11");
    expect(expected).toBeGreaterThan(20);
    expect(november.departmentSheets).toBe(expected);
    const page = countyRoundDepartmentSheets(prefecture, { roundId: november.id, search: '', offset: 10, limit: 10 });
    expect(page.total).toBe(expected);
    expect(page.rows).toHaveLength(10);
    expect(page.rows.map((r) => r.unitCode)).toEqual([...page.rows.map((r) => r.unitCode)].sort());
    expect(page.rows.every((r) => r.source?.id === packages[LUNTAI])).toBe(true);
    const [first] = page.rows;
    const own = luntai.sqlite.prepare('SELECT basic_budget_fen AS basic, project_budget_fen AS project FROM monitoring_department_sheets WHERE id = ?').get(first!.id);
    expect({ basic: first!.basicBudgetFen, project: first!.projectBudgetFen }).toEqual(own);
    expect(first).toMatchObject({ adjustedFen: first!.basicBudgetFen + first!.projectBudgetFen, reported: expect.any(Boolean), budgetLight: expect.any(String) });
    const byName = countyRoundDepartmentSheets(prefecture, { roundId: november.id, search: first!.unitName, offset: 0, limit: 50 });
    expect(byName.rows.map((r) => r.unitCode)).toContain(first!.unitCode);
    expect(byName.total).toBeLessThan(expected);
    expect(countyRounds(prefecture, list({ county: YULI })).rows.map((r) => r.departmentSheets)).toEqual([0]);
  });

  it('shows the later stages of 轮台县 as its own tables hold them', () => {
    const selfEvaluations = countySelfEvaluations(prefecture, list({ county: LUNTAI, limit: 5 }));
    expect(selfEvaluations.total).toBe(countOf(luntai, 'SELECT count(*) AS n FROM self_evaluations WHERE deleted = 0 AND year = 2020'));
    expect(selfEvaluations.total).toBeGreaterThan(5);
    expect(selfEvaluations.rows[0]!.source?.fileName).toBe('luntai-2020.zip');
    const evaluations = countyEvaluations(prefecture, list());
    expect(evaluations.total).toBe(countOf(luntai, "SELECT count(*) AS n FROM evaluations WHERE deleted = 0 AND year = 2020 AND status <> 'draft'"));
    expect(evaluations.rows.every((e) => e.countyName === '轮台县' && e.name)).toBe(true);
    const notices = countyRectifications(prefecture, list({ county: LUNTAI }), '2020-12-31');
    expect(notices.total).toBe(countOf(luntai, 'SELECT count(*) AS n FROM rectifications WHERE deleted = 0 AND year = 2020'));
    expect(notices.rows.some((n) => n.daysOverdue > 0)).toBe(true);
    expect(countyRectifications(prefecture, list({ county: YULI }))).toMatchObject({ total: 0 });
    expect(countyResults(prefecture, list()).total).toBe(countOf(luntai, 'SELECT count(*) AS n FROM result_proposals'));
  });

  it('keeps the package that brought a record when a later package carries it unchanged', () => {
    const again = importPackage(prefecture, TEST_ACTOR, reportOf(yuli, 'yuli-2020-again.zip'), { dryRun: false, trust: true });
    expect(again.counts.created + again.counts.updated).toBe(0);
    const rows = countyTargetList(prefecture, list({ county: YULI })).rows;
    expect(rows.map((t) => t.source?.fileName)).toEqual(['yuli-2020.zip', 'yuli-2020.zip']);
  });

  it('says a record came before packages were noted (早期导入) with no package', () => {
    const target = countyTargetList(prefecture, list({ county: YULI, search: 'WL-01' })).rows[0]!;
    prefecture.sqlite.prepare('UPDATE exchange_sync SET package_id = NULL WHERE record_id = ?').run(target.id);
    expect(countyTargetList(prefecture, list({ county: YULI, search: 'WL-01' })).rows[0]!.source).toBeNull();
  });

  it('refuses a county outside the prefecture, and every list on a county’s installation', () => {
    expect(() => countyTargetList(prefecture, list({ county: '650102' }))).toThrow(/不是本州（巴音郭楞蒙古自治州）下辖的县市/);
    expect(() => countyUnits(yuli, list())).toThrow(/只在州级财政局查看/);
  });
});
