// Migration 0038 adds the 88号 annex fields: a project target's 中期 goal, funds split, 立项依据, 实施进度计划
// and contact, a 评（扣）分标准 per indicator, 中期绩效指标 in their own table, and a department task's 主要内容
// and 财政拨款 / 其他资金. A target from before keeps its rows and reads as "not entered yet".
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0038_project_target_annex';

const SEED = `
INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '农村道路', '101001', '101002');
INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, overall_goal) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', '修好道路');
INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit) VALUES ('i1', 't1', 1, '产出指标', '数量指标', '新建道路', '≥', '12', '公里');
INSERT INTO targets (id, region_code, year, kind, owner_code, basic_fen, project_fen, fiscal_fen, other_fen, functions) VALUES ('t2', '652822', 2020, 'department', '101002', 100, 200, 300, 0, '职能');
INSERT INTO department_tasks (id, target_id, seq, function, task, amount_fen) VALUES ('k1', 't2', 1, '职能', '修路', 300);`;

describe(`migration ${TAG}`, () => {
  it('keeps a target, its indicator and a task from before, with the annex fields empty', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const target = upgraded.sqlite
        .prepare(`SELECT overall_goal, midterm_goal, midterm_fiscal_fen, annual_fiscal_fen, project_basis, schedule, contact_person, contact_phone FROM targets WHERE id = 't1'`)
        .get();
      expect(target).toEqual({ overall_goal: '修好道路', midterm_goal: '', midterm_fiscal_fen: null, annual_fiscal_fen: null, project_basis: '', schedule: '[]', contact_person: '', contact_phone: '' });
      expect(upgraded.sqlite.prepare(`SELECT name, value, scoring_standard FROM target_indicators WHERE id = 'i1'`).get()).toEqual({ name: '新建道路', value: '12', scoring_standard: '' });
      expect(upgraded.sqlite.prepare(`SELECT task, amount_fen, content, fiscal_fen, other_fen FROM department_tasks WHERE id = 'k1'`).get()).toEqual({ task: '修路', amount_fen: 300, content: '', fiscal_fen: null, other_fen: null });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('lets a target carry 中期绩效指标 that go with it when it is deleted', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => upgraded.sqlite.prepare(sql).run();
      run(`INSERT INTO target_midterm_indicators (id, target_id, seq, level1, level2, name, operator, value, unit) VALUES ('m1', 't1', 1, '产出指标', '数量指标', '三年新建道路', '≥', '36', '公里')`);
      expect(upgraded.sqlite.prepare(`SELECT name, value FROM target_midterm_indicators WHERE target_id = 't1'`).all()).toEqual([{ name: '三年新建道路', value: '36' }]);
      run(`DELETE FROM targets WHERE id = 't1'`);
      expect(upgraded.sqlite.prepare(`SELECT count(*) AS n FROM target_midterm_indicators`).get()).toEqual({ n: 0 });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
