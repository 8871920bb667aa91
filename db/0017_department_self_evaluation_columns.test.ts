// Migration 0017 gives self-evaluations a kind and the 基本支出 / 项目支出 figures of a department-wide
// table, and adds the table of its annual tasks. A project's self-evaluation written before it reads as
// kind project with those figures at zero, and keeps its own.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0017_department_self_evaluation_columns';

describe(`migration ${TAG}`, () => {
  it('reads an earlier self-evaluation as a project one and lets annual tasks be written beside a self-evaluation', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'approved');
       INSERT INTO self_evaluations (id, region_code, year, project_code, project_id, target_id, unit_code, appropriation_adjusted_fen, status)
         VALUES ('e1', '652822', 2020, 'LT-1', 'p1', 't1', '101001', 1000000, 'approved');`,
    );
    try {
      expect(upgraded.sqlite.prepare("SELECT kind, status, appropriation_adjusted_fen AS fen, basic_spending_adjusted_fen AS basic, project_spending_executed_fen AS spent FROM self_evaluations WHERE id = 'e1'").get()).toEqual({
        kind: 'project', status: 'approved', fen: 1000000, basic: 0, spent: 0,
      });
      upgraded.sqlite.prepare("INSERT INTO self_evaluation_tasks (id, self_evaluation_id, seq, task, amount_fen, completion) VALUES ('k1', 'e1', 1, '保障教学', 500000, '已完成')").run();
      expect(upgraded.sqlite.prepare("SELECT task, amount_fen, completion, function FROM self_evaluation_tasks WHERE id = 'k1'").get()).toEqual({ task: '保障教学', amount_fen: 500000, completion: '已完成', function: '' });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
