// Migration 0039 puts the checks of money and JSON on the columns 0038 added (a table rebuild, so it comes
// after the columns exist): a negative split or a schedule that is not JSON is refused; rows are kept.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0039_project_target_annex_checks';

const SEED = `
INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '农村道路', '101001', '101002');
INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, midterm_goal, midterm_fiscal_fen, midterm_other_fen, annual_fiscal_fen, annual_other_fen, schedule, contact_phone)
  VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', '三年修通', 3000, 600, 1000, 200, '[{"period":"1-3月","work":"招标"}]', '0996-4621234');
INSERT INTO targets (id, region_code, year, kind, owner_code, basic_fen, project_fen, fiscal_fen, other_fen, functions) VALUES ('t2', '652822', 2020, 'department', '101002', 100, 200, 300, 0, '职能');
INSERT INTO department_tasks (id, target_id, seq, function, task, amount_fen, content, fiscal_fen, other_fen) VALUES ('k1', 't2', 1, '职能', '修路', 300, '修乡道', 250, 50);`;

describe(`migration ${TAG}`, () => {
  it('keeps the annex fields entered before it', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      expect(upgraded.sqlite.prepare(`SELECT midterm_goal, midterm_fiscal_fen, annual_other_fen, schedule, contact_phone FROM targets WHERE id = 't1'`).get()).toEqual({
        midterm_goal: '三年修通',
        midterm_fiscal_fen: 3000,
        annual_other_fen: 200,
        schedule: '[{"period":"1-3月","work":"招标"}]',
        contact_phone: '0996-4621234',
      });
      expect(upgraded.sqlite.prepare(`SELECT content, fiscal_fen, other_fen FROM department_tasks WHERE id = 'k1'`).get()).toEqual({ content: '修乡道', fiscal_fen: 250, other_fen: 50 });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses a negative split, a schedule that is not JSON and a task amount in 元 with decimals', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(run(`UPDATE targets SET midterm_other_fen = -1 WHERE id = 't1'`)).toThrow(/targets_midterm_other_fen/);
      expect(run(`UPDATE targets SET annual_fiscal_fen = -5 WHERE id = 't1'`)).toThrow(/targets_annual_fiscal_fen/);
      expect(run(`UPDATE targets SET schedule = '1-3月 招标' WHERE id = 't1'`)).toThrow(/targets_schedule/);
      expect(run(`UPDATE department_tasks SET fiscal_fen = 12.5 WHERE id = 'k1'`)).toThrow(/department_tasks_fiscal_fen/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
