// Migration 0006 adds the budget light's reason and measure to monitoring sheets: sheets opened before
// it keep their rows and read as having none yet.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

describe('migration 0006_monitoring_budget_deviation', () => {
  it('keeps the sheets opened before it, with no budget reasons or measures yet', () => {
    const upgraded = upgradedFrom(
      '0006_monitoring_budget_deviation',
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
       INSERT INTO monitoring_sheets (id, round_id, project_id, analysis) VALUES ('s1', 'r1', 'p1', '进度正常');`,
    );
    try {
      expect(
        upgraded.sqlite
          .prepare('SELECT analysis, budget_reasons AS reasons, budget_reason_other AS other, budget_measures AS measures FROM monitoring_sheets')
          .all(),
      ).toEqual([{ analysis: '进度正常', reasons: '[]', other: '', measures: '' }]);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
