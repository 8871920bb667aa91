// Migration 0037 gives monitoring sheets the 136号 annex's fields: 年初预算数 and 全年预计执行数 per fund
// source, 年度总体目标 执行情况 and 备注, and the budget light's own slow-spending reasons. A sheet opened
// before it keeps its figures, takes its 年初预算数 from the project, and keeps the 保障 reasons it gave as 其他.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0037_monitoring_annex_fields';

describe(`migration ${TAG}`, () => {
  it('keeps the reported figures, fills 年初预算数 from the project, leaves the forecast open and keeps old budget reasons as 其他', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p2', '652822', 2020, 'LT-2', '教师培训', '101001', '101001');
       INSERT INTO project_funds (project_id, source, initial_fen, addition_fen) VALUES ('p1', '本级财政拨款', 2000000, 400000);
       INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
       INSERT INTO monitoring_sheets (id, round_id, project_id, analysis, budget_reasons, budget_reason_other, budget_measures)
         VALUES ('s1', 'r1', 'p1', '进度正常', '["经费保障","其他"]', '配套未到位', '加快支付');
       INSERT INTO monitoring_sheets (id, round_id, project_id) VALUES ('s2', 'r1', 'p2');
       INSERT INTO monitoring_funds (sheet_id, source, adjusted_fen, executed_fen) VALUES ('s1', '本级财政拨款', 2400000, 800000), ('s1', '单位资金', 50000, 0);`,
    );
    try {
      expect(upgraded.sqlite.prepare('SELECT source, initial_fen AS initial, adjusted_fen AS adjusted, executed_fen AS executed, forecast_fen AS forecast FROM monitoring_funds ORDER BY source').all()).toEqual([
        { source: '单位资金', initial: 0, adjusted: 50000, executed: 0, forecast: null },
        { source: '本级财政拨款', initial: 2000000, adjusted: 2400000, executed: 800000, forecast: null },
      ]);
      expect(
        upgraded.sqlite
          .prepare('SELECT id, analysis, budget_reasons AS reasons, budget_reason_other AS other, budget_measures AS measures, goal_progress AS goal, remarks FROM monitoring_sheets ORDER BY id')
          .all(),
      ).toEqual([
        { id: 's1', analysis: '进度正常', reasons: '["其他"]', other: '经费保障：配套未到位', measures: '加快支付', goal: '', remarks: '' },
        { id: 's2', analysis: '', reasons: '[]', other: '', measures: '', goal: '', remarks: '' },
      ]);
      expect(() => upgraded.sqlite.prepare("UPDATE monitoring_funds SET forecast_fen = -1 WHERE sheet_id = 's1'").run()).toThrow(/CHECK/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
