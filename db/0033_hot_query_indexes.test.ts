// Migration 0033 adds the indexes the hot list, board and dashboard queries need (db/queryPlans.test.ts
// guards each one). A county's database from before it keeps every row, and its projects list, which
// scanned all targets of every year for each project, now looks each project's target up by index.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { generateDemoCounty } from '../electron/demo/generate';
import { setUpSampleDatabase } from '../electron/demo/sampleDatabase';
import { tempDir, TEST_ACTOR } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

const TAG = '0033_hot_query_indexes';

const PROJECTS_WITH_TARGETS = `SELECT p.code, t.status FROM projects p LEFT JOIN targets t ON t.project_id = p.id AND t.kind = 'project' WHERE p.region_code = '652822' AND p.year = 2020`;
const COUNTED = ['projects', 'targets', 'target_indicators', 'monitoring_sheets', 'self_evaluations', 'rectifications', 'evaluations'];

const planOf = (sqlite: Database.Database, query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail);
const countsOf = (sqlite: Database.Database) => Object.fromEntries(COUNTED.map((table) => [table, (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));

/**
 * The sample county, generated at today's schema (the generator writes columns later migrations add), copied
 * into the older file: every column the older schema has, table by table.
 */
function copySampleCounty(older: Database.Database, sampleFile: string): void {
  const sample = openDatabase(sampleFile);
  setUpSampleDatabase(sample.db, TEST_ACTOR, { regionCode: '652822', operatorName: '张三' });
  generateDemoCounty(sample.db, TEST_ACTOR, { year: 2020 });
  closeDatabase(sample);
  older.pragma('foreign_keys = OFF');
  older.prepare('ATTACH DATABASE ? AS sample').run(sampleFile);
  const tables = older.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE '%_fts%'").all() as { name: string }[];
  for (const { name } of tables) {
    const columns = (older.prepare(`SELECT name FROM pragma_table_info('${name}')`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
    older.exec(`DELETE FROM main."${name}"; INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM sample."${name}"`);
  }
  older.exec('DETACH DATABASE sample');
  older.pragma('foreign_keys = ON');
}

describe(`migration ${TAG}`, () => {
  it('keeps a sample county’s rows and turns the projects list’s scan of targets into an index search', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, TAG) });
    copySampleCounty(older.sqlite, path.join(dir, 'sample.db'));
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
  }, 120_000);
});
