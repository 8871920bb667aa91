// Migration 0040 adds the department-wide monitoring sheets (部门整体绩效监控) and their indicator rows
// beside the project sheets: a round opened before it keeps its project sheets, takes department sheets
// with whole-fen amounts only, and deleting the round removes them with their indicators.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0040_monitoring_department_sheets';

const SEED = `
INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
INSERT INTO targets (id, region_code, year, kind, owner_code, status, basic_fen, project_fen, fiscal_fen, other_fen, functions) VALUES ('t1', '652822', 2020, 'department', '101001', 'approved', 600, 400, 1000, 0, '职能');
INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
INSERT INTO monitoring_sheets (id, round_id, project_id, analysis) VALUES ('s1', 'r1', 'p1', '进度正常');`;

describe(`migration ${TAG}`, () => {
  it('keeps the project sheets and takes a department sheet with its indicators for an existing round', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const { sqlite } = upgraded;
      expect(sqlite.prepare("SELECT analysis FROM monitoring_sheets WHERE id = 's1'").get()).toEqual({ analysis: '进度正常' });
      sqlite.prepare("INSERT INTO monitoring_department_sheets (id, round_id, unit_code, target_id, basic_budget_fen, project_budget_fen) VALUES ('d1', 'r1', '101001', 't1', 600, 400)").run();
      sqlite.prepare("INSERT INTO monitoring_department_indicators (sheet_id, indicator_id, seq, name, operator, target_value, unit) VALUES ('d1', 'i1', 1, '巩固率', '≥', '95', '%')").run();
      expect(sqlite.prepare("SELECT status, basic_executed_fen AS basic, project_executed_fen AS project, budget_reasons AS reasons FROM monitoring_department_sheets WHERE id = 'd1'").get()).toEqual({
        status: 'draft',
        basic: 0,
        project: 0,
        reasons: '[]',
      });
      expect(() => sqlite.prepare("INSERT INTO monitoring_department_sheets (id, round_id, unit_code, target_id) VALUES ('d2', 'r1', '101001', 't1')").run()).toThrow(/UNIQUE/);
      expect(() => sqlite.prepare("UPDATE monitoring_department_sheets SET basic_executed_fen = 12.5 WHERE id = 'd1'").run()).toThrow(/monitoring_department_sheets_basic_executed_fen/);
      expect(() => sqlite.prepare("UPDATE monitoring_department_indicators SET reasons = '经费' WHERE sheet_id = 'd1'").run()).toThrow(/monitoring_department_indicators_reasons/);
      sqlite.prepare("DELETE FROM monitoring_rounds WHERE id = 'r1'").run();
      expect(sqlite.prepare('SELECT count(*) AS n FROM monitoring_department_indicators').get()).toEqual({ n: 0 });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
