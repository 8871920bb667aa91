// Migration 0031 lets template versions travel: a version kept before the upgrade stays (not deleted, this
// installation's own), names stay unique among this installation's own versions, and a county's copy
// received at the prefecture may share a name and version with another county's.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0031_evaluation_templates_travel';

const SEED = `INSERT INTO evaluation_templates (id, kind, name, version, tree, frozen) VALUES ('t1', 'project', '项目支出绩效评价', 1, '[]', 1);`;

describe(`migration ${TAG}`, () => {
  it('keeps a version as this installation’s own and unique by name, while received copies may share it', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(upgraded.sqlite.prepare("SELECT deleted, origin_region, frozen FROM evaluation_templates WHERE id = 't1'").get()).toEqual({ deleted: 0, origin_region: null, frozen: 1 });
      expect(run(`INSERT INTO evaluation_templates (id, kind, name, version, tree) VALUES ('t2', 'project', '项目支出绩效评价', 1, '[]')`)).toThrow(/UNIQUE constraint failed/);
      run(`INSERT INTO evaluation_templates (id, kind, name, version, tree, origin_region) VALUES ('t3', 'project', '项目支出绩效评价', 1, '[]', '652822')`)();
      run(`INSERT INTO evaluation_templates (id, kind, name, version, tree, origin_region) VALUES ('t4', 'project', '项目支出绩效评价', 1, '[]', '652823')`)();
      expect(upgraded.sqlite.prepare("SELECT count(*) AS n FROM evaluation_templates WHERE name = '项目支出绩效评价'").get()).toEqual({ n: 3 });
    } finally {
      closeDatabase(upgraded);
    }
  });
});
