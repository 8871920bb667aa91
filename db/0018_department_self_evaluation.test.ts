// Migration 0018 lets a self-evaluation be department-wide: it names no project, its natural key includes
// the kind (a unit code may equal a project code), and the new figures and tasks refuse what 0011 refuses
// elsewhere. The table is rebuilt, so the rows that hang on a self-evaluation (its indicators, a spot
// check) must come through untouched.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0018_department_self_evaluation';

describe(`migration ${TAG}`, () => {
  it('keeps a project self-evaluation with its rows and accepts a department-wide one without a project', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, '101001', '校舍维修', '101001', '101001');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status) VALUES ('t1', '652822', 2020, 'project', '101001', 'p1', 'approved');
       INSERT INTO targets (id, region_code, year, kind, owner_code, status, basic_fen, project_fen, fiscal_fen, other_fen) VALUES ('d1', '652822', 2020, 'department', '101001', 'approved', 100, 200, 300, 0);
       INSERT INTO self_evaluations (id, region_code, year, project_code, project_id, target_id, unit_code, appropriation_adjusted_fen, status)
         VALUES ('e1', '652822', 2020, '101001', 'p1', 't1', '101001', 1000000, 'approved');
       INSERT INTO self_evaluation_indicators (id, self_evaluation_id, indicator_id, seq, name, operator, target_value, weight, actual) VALUES ('r1', 'e1', 'i1', 1, '维修校舍', '≥', '5', '20', '4');
       INSERT INTO self_evaluation_spot_checks (id, draw_id, region_code, year, seed, share, self_evaluation_id, drawn_by) VALUES ('s1', 'd', '652822', 2020, 'abc', 20, 'e1', '王审核');
       INSERT INTO self_evaluation_tasks (id, self_evaluation_id, seq, task) VALUES ('k0', 'e1', 1, '旧任务');`,
    );
    try {
      const run = (sql: string) => upgraded.sqlite.prepare(sql).run();
      const one = (sql: string) => upgraded.sqlite.prepare(sql).get();
      expect(one("SELECT kind, project_id, status, appropriation_adjusted_fen AS fen FROM self_evaluations WHERE id = 'e1'")).toEqual({ kind: 'project', project_id: 'p1', status: 'approved', fen: 1000000 });
      expect(one("SELECT name, actual FROM self_evaluation_indicators WHERE self_evaluation_id = 'e1'")).toEqual({ name: '维修校舍', actual: '4' });
      expect(one("SELECT self_evaluation_id FROM self_evaluation_spot_checks WHERE id = 's1'")).toEqual({ self_evaluation_id: 'e1' });
      expect(one("SELECT task FROM self_evaluation_tasks WHERE id = 'k0'")).toEqual({ task: '旧任务' });
      // The unit's code equals the project's: the kind keeps the two apart.
      run(`INSERT INTO self_evaluations (id, region_code, year, kind, project_code, target_id, unit_code, basic_spending_adjusted_fen) VALUES ('e2', '652822', 2020, 'department', '101001', 'd1', '101001', 100)`);
      expect(one("SELECT kind, project_id, basic_spending_adjusted_fen AS basic FROM self_evaluations WHERE id = 'e2'")).toEqual({ kind: 'department', project_id: null, basic: 100 });
      expect(() => run(`INSERT INTO self_evaluations (id, region_code, year, kind, project_code, target_id, unit_code) VALUES ('e3', '652822', 2020, 'department', '101001', 'd1', '101001')`)).toThrow(/UNIQUE/);
      expect(() => run(`INSERT INTO self_evaluations (id, region_code, year, kind, project_code, target_id, unit_code) VALUES ('e4', '652822', 2021, 'project', 'X', 't1', '101001')`)).toThrow(/self_evaluations_kind_project/);
      expect(() => run("UPDATE self_evaluations SET kind = 'unit' WHERE id = 'e2'")).toThrow(/self_evaluations_kind/);
      expect(() => run("UPDATE self_evaluations SET project_spending_executed_fen = -1 WHERE id = 'e2'")).toThrow(/self_evaluations_project_spending_executed_fen/);
      expect(() => run("INSERT INTO self_evaluation_tasks (id, self_evaluation_id, seq, amount_fen) VALUES ('k1', 'e2', 1, 0.5)")).toThrow(/self_evaluation_tasks_amount_fen/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
