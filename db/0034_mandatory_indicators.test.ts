// Migration 0034 adds 固化指标 (mandatory_indicators): a library from before it keeps its types and
// indicators, starts with no mandatory set, and then takes one entry per scope and indicator, with the
// scope and direction checked by SQLite.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0034_mandatory_indicators';

const SEED = `
  INSERT INTO project_types (id, code, name, sector) VALUES ('pt1', 'XC01', '产业扶持（衔接资金）', '乡村振兴');
  INSERT INTO library_indicators (id, code, project_type_code, level1, level2, name, operator, reference_value, unit, status)
    VALUES ('li1', 'XC01-002', 'XC01', '产出指标', '数量指标', '带动脱贫户和监测户户数', '≥', '800', '户', 'accepted');`;

const ENTRY = (id: string, scope: string, operator = '≥') =>
  `INSERT INTO mandatory_indicators (id, scope, scope_code, indicator_code, operator) VALUES ('${id}', '${scope}', 'poverty', 'XC01-002', '${operator}')`;

describe(`migration ${TAG}`, () => {
  it('keeps the library’s rows, starts with no mandatory set, and takes one entry per scope and indicator', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(upgraded.sqlite.prepare("SELECT name, status FROM library_indicators WHERE code = 'XC01-002'").get()).toEqual({ name: '带动脱贫户和监测户户数', status: 'accepted' });
      expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM mandatory_indicators').get()).toEqual({ n: 0 });
      run(ENTRY('m1', 'fund'))();
      expect(upgraded.sqlite.prepare("SELECT deleted, version, operator FROM mandatory_indicators WHERE id = 'm1'").get()).toEqual({ deleted: 0, version: 1, operator: '≥' });
      expect(run(ENTRY('m2', 'fund'))).toThrow(/UNIQUE constraint failed/);
      expect(run(ENTRY('m3', 'unit'))).toThrow(/CHECK constraint failed: mandatory_indicators_scope/);
      expect(run(ENTRY('m4', 'projectType', '>='))).toThrow(/CHECK constraint failed: mandatory_indicators_operator/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
