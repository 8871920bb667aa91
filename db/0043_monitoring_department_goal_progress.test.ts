// Migration 0043 gives department sheets the 136号 grid's 年度总体目标 执行情况: a sheet filled before it keeps
// its figures, remarks and review, and starts with no progress text, which it can then take.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0043_monitoring_department_goal_progress';

const SEED = `
INSERT INTO targets (id, region_code, year, kind, owner_code, status, basic_fen, project_fen, fiscal_fen, other_fen, functions) VALUES ('t1', '652822', 2020, 'department', '101001', 'approved', 600, 400, 1000, 0, '职能');
INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
INSERT INTO monitoring_department_sheets (id, round_id, unit_code, target_id, status, basic_budget_fen, project_budget_fen, basic_executed_fen, project_executed_fen, remarks, review_opinion)
  VALUES ('d1', 'r1', '101001', 't1', 'approved', 600, 400, 300, 200, '按进度执行', '同意');`;

describe(`migration ${TAG}`, () => {
  it('keeps a filled department sheet as it was, with an empty 年度总体目标执行情况 it can then take', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const { sqlite } = upgraded;
      const row = () =>
        sqlite
          .prepare("SELECT status, basic_executed_fen AS basic, project_executed_fen AS project, remarks, review_opinion AS opinion, goal_progress AS goal FROM monitoring_department_sheets WHERE id = 'd1'")
          .get();
      expect(row()).toEqual({ status: 'approved', basic: 300, project: 200, remarks: '按进度执行', opinion: '同意', goal: '' });
      sqlite.prepare("UPDATE monitoring_department_sheets SET goal_progress = '上半年完成义务教育巩固任务' WHERE id = 'd1'").run();
      expect(row()).toMatchObject({ goal: '上半年完成义务教育巩固任务' });
      expect(() => sqlite.prepare("UPDATE monitoring_department_sheets SET goal_progress = NULL WHERE id = 'd1'").run()).toThrow(/NOT NULL/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
