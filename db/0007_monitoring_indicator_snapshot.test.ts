// Migration 0007 copies each monitored indicator into monitoring_indicators and drops the foreign key to
// target_indicators, so a target adjustment approved after a round (which rewrites the target's rows)
// neither fails nor changes what the past round was measured against.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

describe('migration 0007_monitoring_indicator_snapshot', () => {
  it('keeps the progress reported, fills the indicator snapshot from the target, and lets the target row go', () => {
    const upgraded = upgradedFrom(
      '0007_monitoring_indicator_snapshot',
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'approved');
       INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit) VALUES ('i1', 't1', 1, '产出指标', '数量指标', '维修面积', '≥', '3000', '平方米');
       INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
       INSERT INTO monitoring_sheets (id, round_id, project_id) VALUES ('s1', 'r1', 'p1');
       INSERT INTO monitoring_indicators (sheet_id, indicator_id, reached, reasons, measures) VALUES ('s1', 'i1', '1500', '["经费保障"]', '加快施工');`,
    );
    try {
      const rows = () =>
        upgraded.sqlite
          .prepare('SELECT indicator_id AS id, seq, level1, level2, name, operator, target_value AS target, unit, reached, reasons, measures FROM monitoring_indicators')
          .all();
      const expected = { id: 'i1', seq: 1, level1: '产出指标', level2: '数量指标', name: '维修面积', operator: '≥', target: '3000', unit: '平方米', reached: '1500', reasons: '["经费保障"]', measures: '加快施工' };
      expect(rows()).toEqual([expected]);
      upgraded.sqlite.prepare("DELETE FROM target_indicators WHERE id = 'i1'").run();
      expect(rows()).toEqual([expected]);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
