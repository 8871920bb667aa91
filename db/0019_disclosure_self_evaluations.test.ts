// Migration 0019 lets the publication record hold the self-evaluation tables published with the final
// accounts (绩效自评, kind selfEvaluations): the publications of targets recorded before stay as they were,
// and a kind the record does not know is still refused.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0019_disclosure_self_evaluations';

describe(`migration ${TAG}`, () => {
  it('keeps the recorded publications and accepts the self-evaluation tables as a kind', () => {
    const upgraded = upgradedFrom(
      TAG,
      `INSERT INTO disclosures (id, year, kind, scope, record_count, file_name, published_at, published_by)
         VALUES ('d1', 2020, 'projectTargets', '*', 145, '轮台县2020年度项目支出绩效目标表.xlsx', '2020-02-10T08:00:00.000Z', '张三'),
                ('d2', 2020, 'departmentTargets', '301001', 1, '轮台县交通运输局2020年度部门整体支出绩效目标表.xlsx', '2020-02-11T08:00:00.000Z', '李四');`,
    );
    try {
      const all = (sql: string) => upgraded.sqlite.prepare(sql).all() as Record<string, unknown>[];
      expect(all('SELECT id, year, kind, scope, record_count, file_name, published_at, published_by FROM disclosures ORDER BY id')).toEqual([
        { id: 'd1', year: 2020, kind: 'projectTargets', scope: '*', record_count: 145, file_name: '轮台县2020年度项目支出绩效目标表.xlsx', published_at: '2020-02-10T08:00:00.000Z', published_by: '张三' },
        { id: 'd2', year: 2020, kind: 'departmentTargets', scope: '301001', record_count: 1, file_name: '轮台县交通运输局2020年度部门整体支出绩效目标表.xlsx', published_at: '2020-02-11T08:00:00.000Z', published_by: '李四' },
      ]);
      upgraded.sqlite.prepare("INSERT INTO disclosures (id, year, kind, scope, record_count, file_name, published_by) VALUES ('d3', 2020, 'selfEvaluations', '*', 90, '轮台县2020年度项目支出绩效自评表.xlsx', '张三')").run();
      expect(all("SELECT kind FROM disclosures WHERE id = 'd3'")).toEqual([{ kind: 'selfEvaluations' }]);
      const unknown = () => upgraded.sqlite.prepare("INSERT INTO disclosures (id, year, kind, scope, record_count, file_name, published_by) VALUES ('d4', 2020, 'inspections', '*', 1, 'x.xlsx', '张三')").run();
      expect(unknown).toThrow(/disclosures_kind/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
