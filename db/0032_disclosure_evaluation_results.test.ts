// Migration 0032 lets 绩效评价结果 be recorded as published: the records of publications before the upgrade
// stay, a publication of the new kind is accepted, and a kind the domain does not know is still refused.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0032_disclosure_evaluation_results';

const SEED = `INSERT INTO disclosures (id, year, kind, scope, record_count, file_name, published_by) VALUES ('d1', 2020, 'selfEvaluations', '*', 12, '自评表.xlsx', '王审核');`;

describe(`migration ${TAG}`, () => {
  it('keeps earlier publications and records one of evaluation results, refusing an unknown kind', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const insert = (id: string, kind: string) => () =>
        upgraded.sqlite.prepare(`INSERT INTO disclosures (id, year, kind, scope, record_count, file_name, published_by) VALUES (?, 2020, ?, '*', 3, 'x.xlsx', '王审核')`).run(id, kind);
      insert('d2', 'evaluations')();
      expect(insert('d3', 'inspections')).toThrow(/disclosures_kind/);
      expect(upgraded.sqlite.prepare('SELECT id, kind, record_count FROM disclosures ORDER BY id').all()).toEqual([
        { id: 'd1', kind: 'selfEvaluations', record_count: 12 },
        { id: 'd2', kind: 'evaluations', record_count: 3 },
      ]);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
