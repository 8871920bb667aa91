// A monitoring sheet executed above its budget (超支) is refused at entry and import; a package must not
// carry one past those checks either (e.g. a figure written before the rule existed).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { PackageRefusal } from '../exchange/packageFile';
import { initInstallation } from '../registry/setup';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { createRound } from './rounds';
import { getSheet, listSheets, saveSheet } from './sheets';

const WAN = 1_000_000;

function countyWithRound() {
  const county = countyStore();
  luntaiApprovedTargets(county.db, 2020);
  const round = createRound(county.db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const school = getSheet(county.db, listSheets(county.db, round.id).find((s) => s.projectCode === 'LT2020-002')!.id);
  saveSheet(county.db, TEST_ACTOR, { ...school, sheetId: school.id, funds: [{ source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 128 * WAN }] });
  return { county, school };
}

function prefecture() {
  const store = freshStore(path.join(tempDir(), 'prefecture.db'));
  initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  return store;
}

const exportMonitoring = (county: ReturnType<typeof countyStore>) =>
  exportReport(county, TEST_ACTOR, { year: 2020, stage: 'monitoring', full: true, out: path.join(tempDir(), 'monitoring.zip') }).file;

const sheetCount = (store: ReturnType<typeof prefecture>) => (store.sqlite.prepare('SELECT count(*) AS n FROM monitoring_sheets').get() as { n: number }).n;

describe('monitoring sheets in exchange packages', () => {
  it('carries each indicator’s accrual kind and the reported figures to the prefecture', () => {
    const { county } = countyWithRound();
    sqliteOf(county.db).prepare("UPDATE monitoring_indicators SET accrual = 'level' WHERE name = '维修校舍面积'").run();
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, exportMonitoring(county), { dryRun: false, trust: true });
    expect(pref.sqlite.prepare("SELECT accrual FROM monitoring_indicators WHERE name = '维修校舍面积'").get()).toEqual({ accrual: 'level' });
    expect(sheetCount(pref)).toBe(4);
  });

  it('refuses a county package whose sheet is executed above its adjusted budget, naming the project, in the dry run too', () => {
    const { county, school } = countyWithRound();
    county.sqlite.prepare('UPDATE monitoring_funds SET executed_fen = ? WHERE sheet_id = ?').run(99_999 * WAN, school.id);
    const file = exportMonitoring(county);
    const pref = prefecture();
    for (const dryRun of [true, false]) {
      let refused: unknown;
      try {
        importPackage(pref, TEST_ACTOR, file, { dryRun, trust: true });
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(PackageRefusal);
      expect((refused as PackageRefusal).message).toBe(
        '监控表（项目 LT2020-002“校舍维修改造”）的“本级财政拨款”执行数 99,999.0000 万元 超过调整后预算 240.0000 万元，请核对执行数，已拒绝整个数据包',
      );
      expect(sheetCount(pref)).toBe(0);
    }
  });

  it('carries 年初预算数 and the forecast, and refuses a package whose forecast is above the budget', () => {
    const { county, school } = countyWithRound();
    county.sqlite.prepare('UPDATE monitoring_funds SET forecast_fen = ? WHERE sheet_id = ?').run(230 * WAN, school.id);
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, exportMonitoring(county), { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT initial_fen AS initial, forecast_fen AS forecast FROM monitoring_funds WHERE sheet_id = ?').get(school.id)).toEqual({ initial: 240 * WAN, forecast: 230 * WAN });

    county.sqlite.prepare('UPDATE monitoring_funds SET forecast_fen = ? WHERE sheet_id = ?').run(250 * WAN, school.id);
    const other = prefecture();
    expect(() => importPackage(other, TEST_ACTOR, exportMonitoring(county), { dryRun: true, trust: true })).toThrow(
      '监控表（项目 LT2020-002“校舍维修改造”）的“本级财政拨款”全年预计执行数 250.0000 万元 超过调整后预算 240.0000 万元：预计执行不能超过预算，确需追加的请先办理预算调整，已拒绝整个数据包',
    );
  });
});

describe('a package made before slow spending had its own reasons', () => {
  it('brings the old 保障 reasons of a budget light in as 其他, the original reasons kept in the note, so the sheet offers every reason it shows', () => {
    const { county, school } = countyWithRound();
    // Written as the version before the split did: 保障 reasons (and 其他 with its text) on a red budget light.
    county.sqlite.prepare('UPDATE monitoring_funds SET executed_fen = ? WHERE sheet_id = ?').run(80 * WAN, school.id);
    county.sqlite
      .prepare('UPDATE monitoring_sheets SET budget_reasons = ?, budget_reason_other = ?, budget_measures = ? WHERE id = ?')
      .run(JSON.stringify(['经费保障', '人员保障', '其他']), '供应商资质复核', '九月完成支付', school.id);
    const file = exportMonitoring(county);
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true });
    const row = () => pref.sqlite.prepare('SELECT budget_reasons AS reasons, budget_reason_other AS other, budget_measures AS measures FROM monitoring_sheets WHERE id = ?').get(school.id);
    expect(row()).toEqual({ reasons: '["其他"]', other: '经费保障、人员保障：供应商资质复核', measures: '九月完成支付' });
    const sheet = getSheet(pref.db, school.id);
    expect(sheet.figures.budgetLight).toBe('red');
    expect(sheet.problems.join('；')).not.toMatch(/不在可选范围内/);
    // A second import of the same package changes nothing.
    importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true });
    expect(row()).toEqual({ reasons: '["其他"]', other: '经费保障、人员保障：供应商资质复核', measures: '九月完成支付' });
  });

  it('keeps a reason already on the 136号 list beside the 其他 an old one becomes', () => {
    const { county, school } = countyWithRound();
    county.sqlite.prepare('UPDATE monitoring_sheets SET budget_reasons = ?, budget_reason_other = ? WHERE id = ?').run(JSON.stringify(['政府采购程序', '硬件条件保障']), '', school.id);
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, exportMonitoring(county), { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT budget_reasons AS reasons, budget_reason_other AS other FROM monitoring_sheets WHERE id = ?').get(school.id)).toEqual({
      reasons: '["政府采购程序","其他"]',
      other: '硬件条件保障',
    });
  });
});

describe('a budget unit’s package to its county', () => {
  it('is refused when a sheet it carries is executed above its budget', () => {
    const { county, school } = countyWithRound();
    const unit = freshStore(path.join(tempDir(), 'unit.db'));
    initInstallation(unit.db, { regionCode: '652822', role: 'unit', operatorName: '王老师', unit: { code: '101002', name: '轮台县第一中学' } });
    // The unit holds its own copy of the school's sheet (as a county reply would bring it), then overspends it.
    const copy = (table: string, where: string, ...params: unknown[]) => {
      for (const row of county.sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...params) as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        unit.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
      }
    };
    copy('projects', 'id = ?', school.project.id);
    copy('monitoring_rounds', 'id = ?', school.roundId);
    copy('monitoring_sheets', 'id = ?', school.id);
    copy('monitoring_funds', 'sheet_id = ?', school.id);
    unit.sqlite.prepare('UPDATE monitoring_funds SET executed_fen = ? WHERE sheet_id = ?').run(300 * WAN, school.id);
    const file = exportReport(unit, TEST_ACTOR, { year: 2020, stage: 'monitoring', full: true, out: path.join(tempDir(), 'unit.zip') }).file;
    const before = county.sqlite.prepare('SELECT executed_fen AS fen FROM monitoring_funds WHERE sheet_id = ?').get(school.id);
    expect(() => importPackage(county, TEST_ACTOR, file, { dryRun: false, trust: true })).toThrow(
      '监控表（项目 LT2020-002“校舍维修改造”）的“本级财政拨款”执行数 300.0000 万元 超过调整后预算 240.0000 万元，请核对执行数，已拒绝整个数据包',
    );
    expect(county.sqlite.prepare('SELECT executed_fen AS fen FROM monitoring_funds WHERE sheet_id = ?').get(school.id)).toEqual(before);
  });
});
