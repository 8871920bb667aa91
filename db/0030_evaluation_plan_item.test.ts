// Migration 0030 ties an evaluation to the plan item it carries out and to the firm's job it was done
// under. Evaluations made before keep their scores and status with neither link, and a link must name a
// real plan item or engagement.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0030_evaluation_plan_item';

const SEED = `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101002');
  INSERT INTO evaluation_templates (id, kind, name, version, tree) VALUES ('t1', 'project', '项目支出绩效评价指标体系', 1, '[]');
  INSERT INTO evaluations (id, region_code, year, kind, subject_code, project_id, unit_code, template_id, status, total_score, grade)
    VALUES ('e1', '652822', 2020, 'finance-evaluation', 'LT-1', 'p1', '101002', 't1', 'approved', '85.00', '良');`;

describe(`migration ${TAG}`, () => {
  it('keeps an evaluation made before with its grade and status, linked to no plan item and no engagement', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      expect(upgraded.sqlite.prepare('SELECT status, grade, total_score, plan_item_id, engagement_id FROM evaluations').get()).toEqual({ status: 'approved', grade: '良', total_score: '85.00', plan_item_id: null, engagement_id: null });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('links an evaluation to a real plan item and engagement, and refuses one that does not exist', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(run("UPDATE evaluations SET plan_item_id = 'nothing'")).toThrow(/FOREIGN KEY/);
      expect(run("UPDATE evaluations SET engagement_id = 'nothing'")).toThrow(/FOREIGN KEY/);
      run("INSERT INTO evaluation_plans (id, region_code, year, kind, created_by) VALUES ('pl1', '652822', 2020, 'finance', '张三')")();
      run("INSERT INTO evaluation_plan_items (id, plan_id, project_id, rule, reason, added_by) VALUES ('i1', 'pl1', 'p1', 'key', '重点项目', '张三')")();
      run("INSERT INTO firms (id, region_code, name, credit_code) VALUES ('f1', '652822', '巴州诚信评估', '91652800MA77XXXX0X')")();
      run("INSERT INTO firm_engagements (id, firm_id, year, subject, contract_fen, fee_fen, start_date, end_date) VALUES ('g1', 'f1', 2020, '重点项目评价', 100, 0, '2021-03-01', '2021-05-31')")();
      run("UPDATE evaluations SET plan_item_id = 'i1', engagement_id = 'g1'")();
      expect(upgraded.sqlite.prepare('SELECT plan_item_id, engagement_id FROM evaluations').get()).toEqual({ plan_item_id: 'i1', engagement_id: 'g1' });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
