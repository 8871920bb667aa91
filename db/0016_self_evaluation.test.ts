// Migration 0016 adds the self-evaluation tables. Targets approved before it keep their rows and gain a
// self-evaluation beside them; the new tables refuse a status, a sum of money or a tier the domain does
// not know, as the other tables do since 0011; a spot check draws a whole percent of them.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0016_self_evaluation';

describe(`migration ${TAG}`, () => {
  it('keeps approved targets as they were and lets a self-evaluation with its indicator rows be written beside them', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'approved');
       INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit, weight) VALUES ('i1', 't1', 1, '产出指标', '数量指标', '维修校舍', '≥', '5', '所', '20');`,
    );
    try {
      const run = (sql: string) => upgraded.sqlite.prepare(sql).run();
      expect(upgraded.sqlite.prepare("SELECT status FROM targets WHERE id = 't1'").get()).toEqual({ status: 'approved' });
      run(`INSERT INTO self_evaluations (id, region_code, year, project_code, project_id, target_id, unit_code, appropriation_adjusted_fen)
           VALUES ('e1', '652822', 2020, 'LT-1', 'p1', 't1', '101001', 1000000)`);
      run(`INSERT INTO self_evaluation_indicators (id, self_evaluation_id, indicator_id, seq, name, operator, target_value, weight, actual)
           SELECT 'r1', 'e1', id, seq, name, operator, value, weight, '4' FROM target_indicators WHERE target_id = 't1'`);
      expect(upgraded.sqlite.prepare("SELECT status, version, appropriation_adjusted_fen AS fen FROM self_evaluations WHERE id = 'e1'").get()).toEqual({ status: 'draft', version: 1, fen: 1000000 });
      expect(upgraded.sqlite.prepare("SELECT name, target_value, weight, actual, tier FROM self_evaluation_indicators WHERE id = 'r1'").get()).toEqual({
        name: '维修校舍', target_value: '5', weight: '20', actual: '4', tier: null,
      });
      expect(() => run("UPDATE self_evaluations SET status = 'done' WHERE id = 'e1'")).toThrow(/self_evaluations_status/);
      expect(() => run("UPDATE self_evaluations SET other_executed_fen = -1 WHERE id = 'e1'")).toThrow(/self_evaluations_other_executed_fen/);
      expect(() => run("UPDATE self_evaluations SET carry_over_initial_fen = 1.5 WHERE id = 'e1'")).toThrow(/self_evaluations_carry_over_initial_fen/);
      expect(() => run("UPDATE self_evaluation_indicators SET tier = '很好' WHERE id = 'r1'")).toThrow(/self_evaluation_indicators_tier/);
      expect(() => run(`INSERT INTO self_evaluations (id, region_code, year, project_code, project_id, target_id, unit_code) VALUES ('e2', '652822', 2020, 'LT-1', 'p1', 't1', '101001')`)).toThrow(/UNIQUE/);
      run(`INSERT INTO self_evaluation_spot_checks (id, draw_id, region_code, year, seed, share, self_evaluation_id, drawn_by) VALUES ('s1', 'd1', '652822', 2020, 'abc', 20, 'e1', '王审核')`);
      expect(() => run("UPDATE self_evaluation_spot_checks SET share = 0 WHERE id = 's1'")).toThrow(/self_evaluation_spot_checks_share/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
