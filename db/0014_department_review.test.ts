// Migrations 0014–0015 add the 主管部门 review step: the department an operator reviews for, and on targets
// the step a submission waits at with the department's opinion. Targets already submitted keep their
// state and get no step, which the review chain reads as the bureau's, so nobody's review is stranded.
import { describe, expect, it } from 'vitest';
import { stepOf } from '../electron/domain/reviewChain';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0014_department_review';

describe(`migration ${TAG}`, () => {
  it('keeps targets and operators as they were, with no step (the bureau) and no department', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO operators (id, name, role) VALUES ('o1', '王审核', 'reviewer');
       INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101002');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, review_opinion, submitted_at, submitted_by) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'submitted', NULL, '2020-03-01 09:00:00', 'o1');
       INSERT INTO targets (id, region_code, year, kind, owner_code, status, review_grade, review_opinion) VALUES ('t2', '652822', 2020, 'department', '101002', 'returned', '中', '指标不全');`,
    );
    try {
      const all = (sql: string) => upgraded.sqlite.prepare(sql).all() as Record<string, unknown>[];
      expect(all('SELECT id, status, review_grade, review_opinion, submitted_by, review_step, department_decision, department_opinion, department_decided_at, department_decided_by FROM targets ORDER BY id')).toEqual([
        { id: 't1', status: 'submitted', review_grade: null, review_opinion: null, submitted_by: 'o1', review_step: null, department_decision: null, department_opinion: null, department_decided_at: null, department_decided_by: null },
        { id: 't2', status: 'returned', review_grade: '中', review_opinion: '指标不全', submitted_by: null, review_step: null, department_decision: null, department_opinion: null, department_decided_at: null, department_decided_by: null },
      ]);
      expect(all('SELECT name, role, department_code FROM operators')).toEqual([{ name: '王审核', role: 'reviewer', department_code: null }]);
      expect(stepOf(null, true)).toBe('bureau');
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses a review step or a department decision the chain does not know', () => {
    const upgraded = upgradedFrom(TAG, '');
    try {
      const insert = () =>
        upgraded.sqlite.prepare("INSERT INTO targets (id, region_code, year, kind, owner_code, status, review_step) VALUES ('t3', '652822', 2020, 'department', '101002', 'submitted', 'prefecture')").run();
      expect(insert).toThrow(/targets_review_step/);
      const decided = () =>
        upgraded.sqlite.prepare("INSERT INTO targets (id, region_code, year, kind, owner_code, status, department_decision) VALUES ('t4', '652822', 2020, 'department', '101002', 'returned', 'maybe')").run();
      expect(decided).toThrow(/targets_department_decision/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
