// Migration 0024 adds the evaluation templates, the evaluations and their leaf scores: the projects
// already there stay, an evaluation can name one of them, and the columns refuse what the domain does not know.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0024_evaluation_templates';

const SEED = `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101002');`;

const TEMPLATE = `INSERT INTO evaluation_templates (id, kind, name, version, tree) VALUES ('tpl1', 'project', '项目模板', 1, '[{"name":"产出","points":"100","rule":{"type":"proportional"}}]')`;

describe(`migration ${TAG}`, () => {
  it('keeps the projects and scores an evaluation of one on a template version', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => upgraded.sqlite.prepare(sql).run();
      run(TEMPLATE);
      run(`INSERT INTO evaluations (id, region_code, year, kind, subject_code, project_id, unit_code, template_id, methods) VALUES ('e1', '652822', 2020, 'finance-evaluation', 'LT-1', 'p1', '101002', 'tpl1', '["比较法"]')`);
      run(`INSERT INTO evaluation_scores (id, evaluation_id, path, value, target, score) VALUES ('s1', 'e1', '0', '8', '10', '80.00')`);
      expect(upgraded.sqlite.prepare('SELECT p.name, e.status, e.methods, s.score FROM evaluations e JOIN projects p ON p.id = e.project_id JOIN evaluation_scores s ON s.evaluation_id = e.id').get()).toEqual({
        name: '校舍维修',
        status: 'draft',
        methods: '["比较法"]',
        score: '80.00',
      });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses a kind, a standard, a status or JSON the domain does not know', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      run(TEMPLATE)();
      const evaluation = (column: string, value: string) => run(`INSERT INTO evaluations (id, region_code, year, kind, subject_code, unit_code, template_id, ${column}) VALUES ('e2', '652822', 2020, 'finance-evaluation', 'LT-2', '101002', 'tpl1', ${value})`);
      expect(evaluation('standard', "'国际'")).toThrow(/evaluations_standard/);
      expect(evaluation('status', "'done'")).toThrow(/evaluations_status/);
      expect(evaluation('findings', "'not json'")).toThrow(/evaluations_findings/);
      expect(run(`INSERT INTO evaluation_templates (id, kind, name, version, tree) VALUES ('tpl2', 'unit', '模板', 1, '[]')`)).toThrow(/evaluation_templates_kind/);
      expect(run(`INSERT INTO evaluation_templates (id, kind, name, version, tree) VALUES ('tpl3', 'project', '模板', 0, '[]')`)).toThrow(/evaluation_templates_version/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
