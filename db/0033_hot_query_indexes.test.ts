// Migration 0033 adds the indexes the hot list, board and dashboard queries need (db/queryPlans.test.ts
// guards each one). A county's database from before it keeps every row, and its projects list, which
// scanned all targets of every year for each project, now looks each project's target up by index.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { setUpSampleDatabase } from '../electron/demo/sampleDatabase';
import { seedCounty } from '../electron/testSupport/county';
import { tempDir, TEST_ACTOR } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

const TAG = '0033_hot_query_indexes';

const PROJECTS_WITH_TARGETS = `SELECT p.code, t.status FROM projects p LEFT JOIN targets t ON t.project_id = p.id AND t.kind = 'project' WHERE p.region_code = '652822' AND p.year = 2020`;
const COUNTED = ['projects', 'targets', 'target_indicators', 'monitoring_sheets', 'self_evaluations', 'rectifications', 'evaluations'];

const planOf = (sqlite: Database.Database, query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail);
const countsOf = (sqlite: Database.Database) => Object.fromEntries(COUNTED.map((table) => [table, (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));

describe(`migration ${TAG}`, () => {
  it('keeps a county’s rows and turns the projects list’s scan of targets into an index search', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, TAG) });
    setUpSampleDatabase(older.db, TEST_ACTOR, { regionCode: '652822', operatorName: '张三' });
    // Rows written as the older version stored them: today's sample generator reads columns added since.
    seedCounty(older.db, {
      units: [{ code: '101001', name: '轮台县教育局' }, { code: '101002', name: '轮台县第一中学', departmentCode: '101001' }],
      projects: Array.from({ length: 30 }, (_, n) => ({ code: `LT-${n + 1}`, name: `项目${n + 1}`, unitCode: n % 2 ? '101001' : '101002', funds: [{ source: '本级财政拨款' as const, initialFen: (n + 1) * 1_000_000 }] })),
      targets: Array.from({ length: 20 }, (_, n) => ({ project: `LT-${n + 1}`, status: n % 3 ? ('approved' as const) : ('submitted' as const), indicators: [{ name: '受益人数', operator: '≥', value: '100', unit: '人' }] })),
    });
    const before = countsOf(older.sqlite);
    const listed = older.sqlite.prepare(PROJECTS_WITH_TARGETS).all();
    expect(planOf(older.sqlite, PROJECTS_WITH_TARGETS)).toContain('SCAN t LEFT-JOIN');
    closeDatabase(older);

    const upgraded = openDatabase(file);
    try {
      expect(countsOf(upgraded.sqlite)).toEqual(before);
      expect(before.targets).toBeGreaterThan(0);
      expect(upgraded.sqlite.prepare(PROJECTS_WITH_TARGETS).all()).toEqual(listed);
      expect(planOf(upgraded.sqlite, PROJECTS_WITH_TARGETS)).toContain('SEARCH t USING INDEX targets_project (project_id=?) LEFT-JOIN');
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  });
});
