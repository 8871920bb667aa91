// Migration 0022 adds 评价计划 (plans, their items, the evaluators assigned) and 专家库 / 第三方机构 beside
// the register: the projects and units already there stay as they were, a plan item refers to them, and
// the new tables refuse what the domain refuses (an assignment of both an expert and a firm, a rating of 6).
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0022_evaluation_plans_and_experts';

describe(`migration ${TAG}`, () => {
  it('keeps the projects, and lets plans, experts and firms refer to them', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO regions (code, name, level, parent_code) VALUES ('652822', '轮台县', 'county', '652800');
       INSERT INTO units (id, region_code, code, name, department_code, is_department) VALUES ('u1', '652822', '301002', '轮台县农村公路管理站', '301001', 0);
       INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, key_project) VALUES ('p1', '652822', 2020, 'XM001', '农村公路硬化工程', '301001', '301002', 1);`,
    );
    try {
      const { sqlite } = upgraded;
      expect(sqlite.prepare('SELECT id, code, key_project FROM projects').all()).toEqual([{ id: 'p1', code: 'XM001', key_project: 1 }]);
      sqlite.exec(`
        INSERT INTO evaluation_plans (id, region_code, year, kind, created_by) VALUES ('plan', '652822', 2020, 'finance', '张三');
        INSERT INTO evaluation_plan_items (id, plan_id, project_id, rule, reason, added_by) VALUES ('item', 'plan', 'p1', 'key', '重点项目', '张三');
        INSERT INTO experts (id, region_code, name, field) VALUES ('e1', '652822', '王芳', '交通');
        INSERT INTO firms (id, region_code, name, credit_code) VALUES ('f1', '652822', '甲机构', '91440300708461136T');
        INSERT INTO evaluation_assignments (id, plan_item_id, expert_id, role, assigned_by) VALUES ('a1', 'item', 'e1', '组长', '张三');
        INSERT INTO firm_engagements (id, firm_id, year, subject, contract_fen, fee_fen, start_date, end_date) VALUES ('j1', 'f1', 2020, '财政评价', 100, 50, '2021-03-01', '2021-05-01');`);
      expect(sqlite.prepare('SELECT department_code, kind FROM evaluation_plans').get()).toEqual({ department_code: '', kind: 'finance' });
      expect(sqlite.prepare('SELECT available, version FROM experts').get()).toEqual({ available: 1, version: 1 });
      const both = () => sqlite.prepare("INSERT INTO evaluation_assignments (id, plan_item_id, expert_id, firm_id, role, assigned_by) VALUES ('a2', 'item', 'e1', 'f1', '成员', '张三')").run();
      expect(both).toThrow(/evaluation_assignments_one_evaluator/);
      expect(() => sqlite.prepare("UPDATE firm_engagements SET rating = 6 WHERE id = 'j1'").run()).toThrow(/firm_engagements_rating/);
      expect(() => sqlite.prepare("INSERT INTO evaluation_plans (id, region_code, year, kind, created_by) VALUES ('x', '652822', 2020, 'self', '张三')").run()).toThrow(/evaluation_plans_kind/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
