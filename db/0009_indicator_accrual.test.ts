// Migration 0009 gives every existing indicator (library, target, monitoring snapshot) its accrual kind:
// the SQL default must be the domain's defaultAccrual, or a round would light differently after upgrade.
import { describe, expect, it } from 'vitest';
import { defaultAccrual } from '../electron/domain/indicators';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

/** [level2, unit] of rows as counties have them: every level unit, both level classes, count units. */
const ROWS: [string, string][] = [
  ['数量指标', '%'], ['数量指标', '％'], ['效益指标', '‰'], ['社会效益指标', '百分比'], ['数量指标', '分'], ['数量指标', '星'],
  ['数量指标', '级'], ['可持续影响指标', '年'], ['质量指标', '平方米'], ['服务对象满意度指标', '人'], ['数量指标', '人次'],
  ['数量指标', '公里'], ['数量指标', '所'], ['成本指标', '万元'], ['时效指标', '年度'], ['成本指标', '元/生·年'], ['成本指标', '元／平方米'],
];

describe('migration 0009_indicator_accrual', () => {
  it('sets 状态型 on level units and classes, 累计型 on counts, in the library, targets and round snapshots', () => {
    const values = (make: (row: [string, string], n: number) => string) => ROWS.map(make).join(',\n');
    const upgraded = upgradedFrom(
      '0009_indicator_accrual',
      `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES ('p1', '652822', 2020, 'LT-1', '校舍维修', '101001', '101001');
       INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status) VALUES ('t1', '652822', 2020, 'project', 'LT-1', 'p1', 'approved');
       INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit) VALUES
         ${values(([l2, unit], n) => `('i${n}', 't1', ${n}, '产出指标', '${l2}', '指标${n}', '≥', '90', '${unit}')`)};
       INSERT INTO project_types (id, code, name, sector) VALUES ('pt1', 'JY01', '教育补助', '教育');
       INSERT INTO library_indicators (id, code, project_type_code, level1, level2, name, operator, unit) VALUES
         ${values(([l2, unit], n) => `('l${n}', 'JY01-${n}', 'JY01', '产出指标', '${l2}', '指标${n}', '≥', '${unit}')`)};
       INSERT INTO monitoring_rounds (id, region_code, year, month, title, deadline, scope) VALUES ('r1', '652822', 2020, 8, '8月监控', '2020-08-31', 'all');
       INSERT INTO monitoring_sheets (id, round_id, project_id) VALUES ('s1', 'r1', 'p1');
       INSERT INTO monitoring_indicators (sheet_id, indicator_id, seq, level2, unit, reached) VALUES
         ${values(([l2, unit], n) => `('s1', 'i${n}', ${n}, '${l2}', '${unit}', '${n}')`)};`,
    );
    try {
      const expected = ROWS.map(([level2, unit]) => defaultAccrual({ level2, unit }));
      expect(expected.filter((a) => a === 'level')).toHaveLength(12);
      for (const table of ['target_indicators', 'library_indicators', 'monitoring_indicators']) {
        const order = table === 'library_indicators' ? 'rowid' : 'seq';
        const rows = upgraded.sqlite.prepare(`SELECT accrual FROM ${table} ORDER BY ${order}`).all() as { accrual: string }[];
        expect(rows.map((r) => r.accrual), table).toEqual(expected);
      }
      const reached = upgraded.sqlite.prepare('SELECT reached FROM monitoring_indicators ORDER BY seq').all() as { reached: string }[];
      expect(reached.map((r) => r.reached)).toEqual(ROWS.map((_, n) => String(n)));
    } finally {
      closeDatabase(upgraded);
    }
  });
});
