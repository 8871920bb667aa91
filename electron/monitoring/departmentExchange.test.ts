// 部门整体监控表 in exchange packages: they travel up with their indicator rows like project sheets, a unit
// sends only its own, every row is checked against its schema, its unit and its target, and a round the
// prefecture issued opens them at the county and takes them back filled.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { importPackage } from '../exchange/incoming';
import { exportReply, exportReport } from '../exchange/outgoing';
import { initInstallation } from '../registry/setup';
import { countyWithDepartmentTargets, DEPARTMENT_GOAL_PROGRESS, EDUCATION, fillDepartmentSheet, HEALTH } from '../testSupport/departmentMonitoring';
import { freshStore, prefectureStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { asFormat1, dump, membersOf, packageRecords, refusalOf, setPackageRecords, signedBy } from '../testSupport/forgedPackages';
import { listDepartmentSheets } from './departmentSheets';
import { issueRoundToCounties } from './issued';
import { createRound } from './rounds';

const WAN = 1_000_000;
const YEAR = 2020;

const out = () => path.join(tempDir(), `${randomUUID()}.zip`);
const monitoringReport = (store: Store) => exportReport(store, TEST_ACTOR, { year: YEAR, stage: 'monitoring', full: true, out: out() }).file;
const importInto = (store: Store, file: string, dryRun = false) => importPackage(store, TEST_ACTOR, file, { dryRun, trust: true });

/** Refused in the dry run and the import alike, with nothing written. */
function expectRefused(store: Store, file: string, message: RegExp): void {
  const before = dump(store.sqlite);
  for (const dryRun of [true, false]) expect(refusalOf(() => importInto(store, file, dryRun)).message).toMatch(message);
  expect(dump(store.sqlite)).toBe(before);
}

function countyWithFilledRound() {
  const county = countyWithDepartmentTargets();
  const round = createRound(county.db, TEST_ACTOR, { year: YEAR, month: 6, deadline: '2020-06-30', scope: 'all' });
  const sheet = fillDepartmentSheet(county, round.id, EDUCATION.code);
  return { county, round, sheet };
}

/** A copy of the county's monitoring report with its department sheets changed, signed again by the county. */
function forgedReport(county: Store, change: (sheets: ReturnType<typeof packageRecords>) => void): string {
  const members = membersOf(monitoringReport(county));
  const sheets = packageRecords(members, 'monitoring-department-sheet');
  change(sheets);
  setPackageRecords(members, 'monitoring-department-sheet', sheets);
  return signedBy(county, members, { stage: 'monitoring', sequence: 7 });
}

describe('department sheets in a county’s monitoring package', () => {
  it('reach the prefecture with their budget parts, execution, goal progress, remarks and indicator progress', () => {
    const { county, round, sheet } = countyWithFilledRound();
    const pref = prefectureStore();
    const summary = importInto(pref, monitoringReport(county));
    expect(summary.records.filter((r) => r.entity === 'monitoring-department-sheet').map((r) => [r.naturalKey, r.action])).toEqual([
      [`${round.id}/${EDUCATION.code}`, 'created'],
      [`${round.id}/${HEALTH.code}`, 'created'],
    ]);
    expect(pref.sqlite.prepare('SELECT basic_budget_fen AS basic, project_budget_fen AS project, basic_executed_fen AS basicExecuted, project_executed_fen AS projectExecuted, goal_progress AS goal, remarks FROM monitoring_department_sheets WHERE id = ?').get(sheet.id)).toEqual({
      basic: 60 * WAN,
      project: 40 * WAN,
      basicExecuted: 30 * WAN,
      projectExecuted: 20 * WAN,
      goal: DEPARTMENT_GOAL_PROGRESS,
      remarks: '按进度执行',
    });
    expect(pref.sqlite.prepare('SELECT name, target_value AS target, reached, expected_full_year AS expected FROM monitoring_department_indicators WHERE sheet_id = ?').all(sheet.id)).toEqual([
      { name: '义务教育巩固率', target: '95', reached: '96', expected: '97' },
    ]);
    expect(importInto(pref, monitoringReport(county)).records.filter((r) => r.entity === 'monitoring-department-sheet').map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('are refused when a part is executed above its budget, naming the unit and the figures', () => {
    const { county, sheet } = countyWithFilledRound();
    county.sqlite.prepare('UPDATE monitoring_department_sheets SET basic_executed_fen = ? WHERE id = ?').run(61 * WAN, sheet.id);
    expectRefused(prefectureStore(), monitoringReport(county), /^部门整体监控表（单位 101001）的“基本支出”执行数 61\.0000 万元 超过调整后预算 60\.0000 万元，请核对执行数，已拒绝整个数据包$/);
  });

  it('from a version before 年度总体目标执行情况 still import, with none reported; a progress text too long for the form is refused', () => {
    const { county, sheet } = countyWithFilledRound();
    // An older version wrote format 1 (each record an object) without the column.
    const older = asFormat1(monitoringReport(county), county, (entity, records) => {
      if (entity === 'monitoring-department-sheet') records.forEach((r) => delete r.row.goal_progress);
    });
    // A format-2 member from a version before the column names the other columns only.
    const members = membersOf(monitoringReport(county));
    const name = 'data/monitoring-department-sheet.json';
    const member = JSON.parse(members.get(name)!.toString()) as { columns: string[]; records: unknown[][] };
    const at = member.columns.indexOf('goal_progress');
    member.columns.splice(at, 1);
    for (const record of member.records) (record[4] as unknown[]).splice(at, 1);
    members.set(name, Buffer.from(JSON.stringify(member)));
    const olderColumnar = signedBy(county, members, { stage: 'monitoring', sequence: 7 });
    for (const file of [older, olderColumnar]) {
      const pref = prefectureStore();
      expect(importInto(pref, file).records.filter((r) => r.entity === 'monitoring-department-sheet').map((r) => r.action)).toEqual(['created', 'created']);
      expect(pref.sqlite.prepare('SELECT goal_progress AS goal, remarks FROM monitoring_department_sheets WHERE id = ?').get(sheet.id)).toEqual({ goal: '', remarks: '按进度执行' });
    }
    const long = forgedReport(county, (sheets) => void (sheets[0]!.row.goal_progress = '进'.repeat(2001)));
    expectRefused(prefectureStore(), long, /^数据包内部门整体监控表（.*\/101001）的字段“goal_progress”的值不合规/);
  });

  it('refuse an indicator row that does not fit its table, naming the sheet and the column', () => {
    const { county } = countyWithFilledRound();
    const forged = forgedReport(county, (sheets) => void (sheets[0]!.children.monitoring_department_indicators![0]!.accrual = '按月'));
    expectRefused(prefectureStore(), forged, /^数据包内部门整体监控表（.*\/101001）的明细字段“accrual”的值不合规（"按月"）/);
  });

  it('refuse a changed target value or an indicator of another unit’s target, and a sheet of a unit not of the county', () => {
    const { county } = countyWithFilledRound();
    const pref = prefectureStore();
    // The prefecture holds the county's targets, so it knows which indicators each department sheet reports on.
    importInto(pref, exportReport(county, TEST_ACTOR, { year: YEAR, stage: 'targets', full: true, out: out() }).file);
    const education = (sheets: ReturnType<typeof packageRecords>) => sheets.find((s) => s.row.unit_code === EDUCATION.code)!;
    const health = (sheets: ReturnType<typeof packageRecords>) => sheets.find((s) => s.row.unit_code === HEALTH.code)!;
    expectRefused(
      pref,
      forgedReport(county, (sheets) => void (education(sheets).children.monitoring_department_indicators![0]!.target_value = '80')),
      /^数据包内部门整体监控表（.*\/101001）的监控指标“义务教育巩固率”与批复的绩效目标不一致：监控只填报完成情况，指标名称、指标性质、指标值和计量单位不能更改，已拒绝整个数据包$/,
    );
    expectRefused(
      pref,
      forgedReport(county, (sheets) => {
        const row = education(sheets).children.monitoring_department_indicators![0]!;
        Object.assign(row, { ...health(sheets).children.monitoring_department_indicators![0]!, sheet_id: row.sheet_id });
      }),
      /^数据包内部门整体监控表（.*\/101001）的监控指标“孕产妇系统管理率”指向另一个绩效目标中的指标，不是该单位部门整体绩效目标的指标，已拒绝整个数据包$/,
    );
    expectRefused(
      pref,
      forgedReport(county, (sheets) => void (education(sheets).row.target_id = health(sheets).row.target_id)),
      /^数据包内部门整体监控表（.*\/101001）依据的绩效目标（.+）不是该单位本地区、本年度的部门整体绩效目标，已拒绝整个数据包$/,
    );
    expectRefused(
      pref,
      forgedReport(county, (sheets) => void (education(sheets).row.unit_code = '999999')),
      /^数据包内部门整体监控表（.*\/999999）所属的单位（999999）不是本数据包所属地区的预算单位，已拒绝整个数据包$/,
    );
    expect(importInto(pref, monitoringReport(county)).counts.conflict).toBe(0);
  });
});

describe('a budget unit’s department sheet', () => {
  /** The unit's installation holding its copy of the county's round and its own department sheet. */
  function unitWithCopy(county: Store, roundId: string, unitCode: string): Store {
    const unit = freshStore(path.join(tempDir(), 'unit.db'));
    initInstallation(unit.db, { regionCode: '652822', role: 'unit', operatorName: '王老师', unit: { code: unitCode, name: EDUCATION.name } });
    const copy = (table: string, where: string, ...params: unknown[]) => {
      for (const row of county.sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...params) as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        unit.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
      }
    };
    copy('monitoring_rounds', 'id = ?', roundId);
    copy('monitoring_department_sheets', 'round_id = ?', roundId);
    copy('monitoring_department_indicators', 'sheet_id IN (SELECT id FROM monitoring_department_sheets WHERE round_id = ?)', roundId);
    return unit;
  }

  const unitReport = (unit: Store) => exportReport(unit, TEST_ACTOR, { year: YEAR, stage: 'monitoring', full: true, out: out() }).file;

  it('goes to the county alone, and waits there for the county’s review whatever the unit says of it', () => {
    const county = countyWithDepartmentTargets();
    const round = createRound(county.db, TEST_ACTOR, { year: YEAR, month: 6, deadline: '2020-06-30', scope: 'all' });
    const unit = unitWithCopy(county, round.id, EDUCATION.code);
    // The unit's first report, before it filled anything, is the county's own copy.
    expect(importInto(county, unitReport(unit)).records.filter((r) => r.entity === 'monitoring-department-sheet').map((r) => r.action)).toEqual(['unchanged']);
    unit.sqlite.prepare("UPDATE monitoring_department_sheets SET basic_executed_fen = ?, status = 'approved', review_opinion = '同意', version = version + 1 WHERE unit_code = ?").run(25 * WAN, EDUCATION.code);
    const file = unitReport(unit);
    expect(packageRecords(membersOf(file), 'monitoring-department-sheet').map((r) => r.row.unit_code)).toEqual([EDUCATION.code]);
    const summary = importInto(county, file);
    expect(summary.records.filter((r) => r.entity === 'monitoring-department-sheet').map((r) => r.action)).toEqual(['updated']);
    expect(county.sqlite.prepare('SELECT unit_code AS unit, status, review_opinion AS opinion, basic_executed_fen AS fen FROM monitoring_department_sheets ORDER BY unit_code').all()).toEqual([
      { unit: EDUCATION.code, status: 'submitted', opinion: null, fen: 25 * WAN },
      { unit: HEALTH.code, status: 'draft', opinion: null, fen: 0 },
    ]);
  });

  it('is refused when the unit’s package carries another unit’s sheet, and nothing is written', () => {
    const county = countyWithDepartmentTargets();
    const round = createRound(county.db, TEST_ACTOR, { year: YEAR, month: 6, deadline: '2020-06-30', scope: 'all' });
    const unit = unitWithCopy(county, round.id, EDUCATION.code);
    const theirs = county.sqlite.prepare('SELECT target_id AS target FROM monitoring_department_sheets WHERE unit_code = ?').get(HEALTH.code) as { target: string };
    // The county has not opened the health commission's sheet (as if its target were approved after the round opened).
    county.sqlite.prepare('DELETE FROM monitoring_department_sheets WHERE unit_code = ?').run(HEALTH.code);
    // The unit's first, unchanged report: the county remembers what it holds of the unit's sheet.
    importInto(county, unitReport(unit));
    const members = membersOf(unitReport(unit));
    const [own] = packageRecords(members, 'monitoring-department-sheet');
    let sequence = 5;
    const forged = (record: NonNullable<typeof own>) => {
      setPackageRecords(members, 'monitoring-department-sheet', [record]);
      return signedBy(unit, members, {
        kind: 'unit-report',
        sender: { region: '652822', unit: EDUCATION.code, name: EDUCATION.name, role: 'unit' },
        receiver: { region: '652822', name: '轮台县' },
        stage: 'monitoring',
        sequence: sequence++,
      });
    };
    // A sheet for the health commission the education bureau claims to have opened and filled.
    const id = randomUUID();
    const claimed = {
      ...own!,
      id,
      row: { ...own!.row, unit_code: HEALTH.code, target_id: theirs.target, basic_executed_fen: 10 * WAN },
      children: { monitoring_department_indicators: own!.children.monitoring_department_indicators!.map((i) => ({ ...i, sheet_id: id })) },
    };
    expectRefused(county, forged(claimed), /^数据包中有 1 条不属于本单位（101001）的部门整体监控表，已拒绝整个数据包$/);
    // Its own sheet handed over to the other unit is no better.
    expectRefused(county, forged({ ...own!, version: own!.version + 1, row: { ...own!.row, unit_code: HEALTH.code } }), /^数据包中有 1 条不属于本单位（101001）的部门整体监控表，已拒绝整个数据包$/);
  });
});

describe('a round the prefecture issued', () => {
  it('opens the county’s department sheets on arrival, and takes them back filled without the county changing the round', () => {
    const pref = prefectureStore();
    const county = countyWithDepartmentTargets();
    issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope: 'all', counties: ['652822'] });
    importInto(county, exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'monitoring', full: false, out: out() }).file);
    const roundId = (county.sqlite.prepare('SELECT id FROM monitoring_rounds').get() as { id: string }).id;
    expect(listDepartmentSheets(county.db, roundId).map((s) => s.unitCode)).toEqual([EDUCATION.code, HEALTH.code]);
    fillDepartmentSheet(county, roundId, HEALTH.code);
    const summary = importInto(pref, monitoringReport(county));
    expect(summary.records.filter((r) => r.entity === 'monitoring-round').map((r) => r.action)).toEqual(['unchanged']);
    expect(pref.sqlite.prepare('SELECT unit_code AS unit, project_executed_fen AS fen FROM monitoring_department_sheets ORDER BY unit_code').all()).toEqual([
      { unit: EDUCATION.code, fen: 0 },
      { unit: HEALTH.code, fen: 20 * WAN },
    ]);
    county.sqlite.prepare("UPDATE monitoring_rounds SET deadline = '2020-09-30', version = version + 1").run();
    expectRefused(pref, monitoringReport(county), /由本机下发，对方不能更改它的“deadline”，已拒绝整个数据包$/);
  });
});
