// Migration 0023 adds the 结果应用 list and its proposals: the projects already registered stay as they were
// and a proposal can be written against one, while a decision or an amount the domain does not know is refused.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0023_results_proposals';

const proposal = (id: string, seq: number, over: Record<string, string | number> = {}) => {
  const row: Record<string, string | number> = {
    id, list_id: 'l1', seq, project_id: 'p1', project_code: '2020-001', project_name: '乡村道路建设', unit_code: '301001', unit_name: '轮台县交通运输局',
    grade: '中', grade_source: 'self-evaluation', grade_record_id: 'se1', measure: 'cut', measure_label: '核减 10%', base_kind: 'this-year',
    base_fen: 100_000_000, proposed_fen: 90_000_000, adjusted_fen: 100_000_000, executed_fen: 80_000_000, recover_fen: 20_000_000, trace: '["绩效自评等级“中”"]',
    ...over,
  };
  return `INSERT INTO result_proposals (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(', ')})`;
};

describe(`migration ${TAG}`, () => {
  it('keeps the registered projects and takes a results list with its proposals on them, refusing unknown decisions and negative amounts', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, '2020-001', '乡村道路建设', '301001', '301001');`,
    );
    try {
      const all = (sql: string) => upgraded.sqlite.prepare(sql).all() as Record<string, unknown>[];
      expect(all('SELECT id, year, code, name FROM projects')).toEqual([{ id: 'p1', year: 2020, code: '2020-001', name: '乡村道路建设' }]);
      upgraded.sqlite.prepare("INSERT INTO result_lists (id, region_code, year, generated_by_name) VALUES ('l1', '652822', 2020, '张三')").run();
      upgraded.sqlite.prepare(proposal('r1', 1)).run();
      expect(all('SELECT project_code, measure, proposed_fen, decision, decision_reason FROM result_proposals')).toEqual([
        { project_code: '2020-001', measure: 'cut', proposed_fen: 90_000_000, decision: null, decision_reason: '' },
      ]);
      expect(() => upgraded.sqlite.prepare(proposal('r2', 2, { decision: 'maybe' })).run()).toThrow(/result_proposals_decision/);
      expect(() => upgraded.sqlite.prepare(proposal('r3', 3, { recover_fen: -1 })).run()).toThrow(/result_proposals_recover_fen/);
      expect(() => upgraded.sqlite.prepare("INSERT INTO result_lists (id, region_code, year, generated_by_name) VALUES ('l2', '652822', 2020, '李四')").run()).toThrow(/UNIQUE/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
