// Migrations 0020–0021 put self-evaluations and target adjustments on the 主管部门 review chain: the step
// a submission waits at and the department's decision, as targets have since 0014. What was submitted
// before keeps its state with no step, which the chain reads as the bureau's, and the indicator rows of
// a self-evaluation survive its table's rebuild.
import { describe, expect, it } from 'vitest';
import { stepOf } from '../electron/domain/reviewChain';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0020_chained_reviews';

const SEED = `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101002');
  INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'approved');
  INSERT INTO target_adjustments (id, target_id, seq, status, reason, original, proposed, proposed_by) VALUES ('a1', 't1', 1, 'submitted', '资金调减', '{}', '{}', 'o1');
  INSERT INTO self_evaluations (id, region_code, year, project_code, project_id, target_id, unit_code, status, submitted_by, review_opinion) VALUES ('e1', '652822', 2020, 'LT-1', 'p1', 't1', '101002', 'submitted', 'o1', NULL);
  INSERT INTO self_evaluation_indicators (id, self_evaluation_id, indicator_id, seq, name, actual) VALUES ('r1', 'e1', 'i1', 1, '维修校舍', '4');`;

describe(`migration ${TAG}`, () => {
  it('keeps submitted self-evaluations and adjustments as they were, waiting for the bureau, with their indicator rows', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const get = (sql: string) => upgraded.sqlite.prepare(sql).get();
      const chain = 'review_step, department_opinion, department_decision, department_decided_at, department_decided_by';
      const none = { review_step: null, department_opinion: null, department_decision: null, department_decided_at: null, department_decided_by: null };
      expect(get(`SELECT status, submitted_by, ${chain} FROM self_evaluations`)).toEqual({ status: 'submitted', submitted_by: 'o1', ...none });
      expect(get(`SELECT status, reason, proposed_by, ${chain} FROM target_adjustments`)).toEqual({ status: 'submitted', reason: '资金调减', proposed_by: 'o1', ...none });
      expect(get('SELECT name, actual FROM self_evaluation_indicators')).toEqual({ name: '维修校舍', actual: '4' });
      expect(stepOf(null, true)).toBe('bureau');
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses a review step or a department decision the chain does not know', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(run("UPDATE self_evaluations SET review_step = 'prefecture'")).toThrow(/self_evaluations_review_step/);
      expect(run("UPDATE self_evaluations SET department_decision = 'maybe'")).toThrow(/self_evaluations_department_decision/);
      expect(run("UPDATE target_adjustments SET review_step = 'unit'")).toThrow(/target_adjustments_review_step/);
      expect(run("UPDATE target_adjustments SET department_decision = 'pass'")).toThrow(/target_adjustments_department_decision/);
      run("UPDATE self_evaluations SET review_step = 'department', department_decision = 'approve'")();
      expect(upgraded.sqlite.prepare('SELECT review_step, department_decision FROM self_evaluations').get()).toEqual({ review_step: 'department', department_decision: 'approve' });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
