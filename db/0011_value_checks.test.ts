// Migration 0011 rebuilds the tables of projects, targets, monitoring, rectification and units with CHECK
// constraints on statuses, grades, years, money, booleans, months and JSON. It must copy every row (the
// children too: a rebuild of a parent must not cascade into them), keep the indexes and foreign keys, and
// refuse an existing bad row by naming it; after it, a bad write is refused by SQLite itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, StoreError } from './open';
import { migrationsBefore, upgradedFrom } from '../electron/testSupport/migrations';
import { tempDir } from '../electron/testSupport/fixtures';

const TAG = '0011_value_checks';

const SEED = `
  INSERT INTO regions (code, name, level, parent_code) VALUES ('652822', '轮台县', 'county', '652800');
  INSERT INTO units (id, region_code, code, name, is_department) VALUES ('u1', '652822', '101001', '轮台县教育局', 1);
  INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, key_project) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001', 1);
  INSERT INTO project_funds (project_id, source, initial_fen, addition_fen, cut_fen) VALUES ('p1', '本级财政拨款', 12000000, 500000, 0);
  INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, review_grade) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'approved', '良');
  INSERT INTO targets (id, region_code, year, kind, owner_code, status, basic_fen, fiscal_fen) VALUES ('t2', '652822', 2020, 'department', '101001', 'draft', 100, 200);
  INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit, accrual) VALUES ('i1', 't1', 1, '产出指标', '数量指标', '维修面积', '≥', '3000', '平方米', 'cumulative');
  INSERT INTO department_tasks (id, target_id, seq, function, task, project_codes, amount_fen) VALUES ('d1', 't2', 1, '教育', '校舍维修', '["LT-1"]', 300);
  INSERT INTO target_adjustments (id, target_id, seq, status, reason, original, proposed) VALUES ('a1', 't1', 1, 'submitted', '面积调整', '{"indicators":[]}', '{"indicators":[]}');
  INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
  INSERT INTO monitoring_sheets (id, round_id, project_id, status, submitted_by) VALUES ('s1', 'r1', 'p1', 'submitted', 'op-1');
  INSERT INTO monitoring_funds (sheet_id, source, adjusted_fen, executed_fen) VALUES ('s1', '本级财政拨款', 12500000, 6000000);
  INSERT INTO monitoring_indicators (sheet_id, indicator_id, name, accrual, reached, reasons) VALUES ('s1', 'i1', '维修面积', 'cumulative', '1500', '["经费保障"]');
  INSERT INTO rectifications (id, region_code, year, seq, source, project_id, unit_code, problems, deadline, status) VALUES ('c1', '652822', 2020, 1, 'monitoring', 'p1', '101001', '进度滞后', '2020-10-31', 'issued');
`;

const TABLES = ['units', 'projects', 'project_funds', 'targets', 'target_indicators', 'department_tasks', 'target_adjustments', 'monitoring_rounds', 'monitoring_sheets', 'monitoring_funds', 'monitoring_indicators', 'rectifications'];

describe(`migration ${TAG}`, () => {
  it('copies every row of the rebuilt tables, children too, and keeps their indexes and foreign keys', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const s = upgraded.sqlite;
      const counts = Object.fromEntries(TABLES.map((t) => [t, (s.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
      expect(counts).toEqual({ units: 1, projects: 1, project_funds: 1, targets: 2, target_indicators: 1, department_tasks: 1, target_adjustments: 1, monitoring_rounds: 1, monitoring_sheets: 1, monitoring_funds: 1, monitoring_indicators: 1, rectifications: 1 });
      expect(s.prepare("SELECT status, review_grade AS grade FROM targets WHERE id = 't1'").get()).toEqual({ status: 'approved', grade: '良' });
      expect(s.prepare("SELECT executed_fen AS fen FROM monitoring_funds").get()).toEqual({ fen: 6000000 });
      // The submitter that migration 0010 added is copied through the rebuild.
      expect(s.prepare("SELECT submitted_by AS who FROM monitoring_sheets").get()).toEqual({ who: 'op-1' });
      const indexes = (s.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['units_natural_key', 'projects_natural_key', 'project_funds_key', 'targets_natural_key', 'targets_status', 'target_indicators_seq', 'department_tasks_seq', 'target_adjustments_seq', 'monitoring_rounds_key', 'monitoring_sheets_key', 'monitoring_funds_key', 'monitoring_indicators_key', 'rectifications_key']));
      expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(s.pragma('foreign_key_check')).toEqual([]);
      // The cascade still holds after the rebuild: deleting a target takes its indicator rows along.
      s.prepare("DELETE FROM target_adjustments").run();
      s.prepare("DELETE FROM targets WHERE id = 't1'").run();
      expect(s.prepare('SELECT count(*) AS n FROM target_indicators').get()).toEqual({ n: 0 });
      expect(() => s.prepare("INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value) VALUES ('x', 'nope', 1, '', '', '', '', '')").run()).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses bad values written after it, whoever writes them', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const refused: [string, string][] = [
        ["UPDATE targets SET status = 'hacked' WHERE id = 't1'", 'targets_status'],
        ["UPDATE targets SET review_grade = '超优' WHERE id = 't1'", 'targets_review_grade'],
        ["UPDATE targets SET year = 'twenty' WHERE id = 't1'", 'targets_year'],
        ["UPDATE targets SET year = 1999 WHERE id = 't1'", 'targets_year'],
        ["UPDATE targets SET fiscal_fen = -1 WHERE id = 't2'", 'targets_fiscal_fen'],
        ["UPDATE targets SET annual_goals = '[\"保障' WHERE id = 't1'", 'targets_annual_goals'],
        ["UPDATE project_funds SET initial_fen = 'abc'", 'project_funds_initial_fen'],
        ["UPDATE project_funds SET initial_fen = 1.5", 'project_funds_initial_fen'],
        ["UPDATE projects SET key_project = 2", 'projects_key_project'],
        ["UPDATE projects SET category = '其他'", 'projects_category'],
        ["UPDATE monitoring_rounds SET month = 13", 'monitoring_rounds_month'],
        ["UPDATE monitoring_rounds SET scope = 'some'", 'monitoring_rounds_scope'],
        ["UPDATE monitoring_sheets SET status = 'done'", 'monitoring_sheets_status'],
        ["UPDATE monitoring_funds SET executed_fen = -100", 'monitoring_funds_executed_fen'],
        ["UPDATE monitoring_indicators SET reasons = '[经费'", 'monitoring_indicators_reasons'],
        ["UPDATE target_indicators SET accrual = 'sometimes'", 'target_indicators_accrual'],
        ["UPDATE target_adjustments SET proposed = '{'", 'target_adjustments_proposed'],
        ["UPDATE rectifications SET status = 'forgotten'", 'rectifications_status'],
        ["UPDATE units SET active = 'yes'", 'units_active'],
      ];
      for (const [statement, constraint] of refused) {
        expect(() => upgraded.sqlite.prepare(statement).run(), statement).toThrow(`CHECK constraint failed: ${constraint}`);
      }
      upgraded.sqlite.prepare("UPDATE targets SET review_grade = NULL, status = 'returned' WHERE id = 't1'").run();
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses to upgrade a database with a bad row, naming the row, and leaves it as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    const olderMigrations = migrationsBefore(dir, TAG);
    const older = openDatabase(file, { migrationsFolder: olderMigrations });
    older.sqlite.exec(SEED);
    older.sqlite.exec("UPDATE targets SET status = 'hacked' WHERE id = 't2'");
    closeDatabase(older);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('MIGRATION_FAILED');
    expect((error as StoreError).message).toMatch(/^数据库升级失败：数据表“targets”第 2 行不符合约束 targets_status（\{.*"id":"t2".*"status":"hacked".*\}）。升级前的备份在“.*”。请改正这一行（或从备份恢复）后再打开，请联系技术支持。$/);

    const untouched = openDatabase(file, { migrationsFolder: olderMigrations });
    try {
      expect(untouched.sqlite.prepare('SELECT id, status FROM targets ORDER BY id').all()).toEqual([
        { id: 't1', status: 'approved' },
        { id: 't2', status: 'hacked' },
      ]);
      expect(untouched.sqlite.prepare('SELECT count(*) AS n FROM target_indicators').get()).toEqual({ n: 1 });
    } finally {
      closeDatabase(untouched);
    }
  });
});
