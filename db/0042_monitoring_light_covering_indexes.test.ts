// Migration 0042 adds covering indexes for what a round's lights depend on (each indicator's values, each
// sheet's fund totals): the prefecture counts the lights of 27 rounds on one screen, and reading a table row
// per indicator was most of its time. A database from before keeps every row and reads the same answers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { copySampleCounty2020, tempDir } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

const TAG = '0042_monitoring_light_covering_indexes';

const ROUND = `(SELECT id FROM monitoring_rounds ORDER BY month DESC LIMIT 1)`;
const INDICATOR_VALUES = `SELECT i.sheet_id, i.operator, i.target_value, i.accrual, i.reached FROM monitoring_sheets s JOIN monitoring_indicators i ON i.sheet_id = s.id WHERE s.round_id = ${ROUND} AND s.deleted = 0 ORDER BY 1, 2, 3, 4, 5`;
const FUND_TOTALS = `SELECT s.id, sum(f.adjusted_fen), sum(f.executed_fen) FROM monitoring_sheets s LEFT JOIN monitoring_funds f ON f.sheet_id = s.id WHERE s.round_id = ${ROUND} GROUP BY s.id ORDER BY s.id`;

const planOf = (sqlite: Database.Database, query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
const countOf = (sqlite: Database.Database, table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const MONITORING_TABLES = ['projects', 'monitoring_rounds', 'monitoring_sheets', 'monitoring_funds', 'monitoring_indicators'];

/** The sample county's rounds, sheets, funds and indicators (and their projects) in a database migrated up to before `TAG`. */
function sampleRowsBeforeTag(dir: string, file: string): void {
  const sample = path.join(dir, 'sample.db');
  copySampleCounty2020(sample);
  const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, TAG) });
  const { sqlite } = older;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec(`ATTACH DATABASE '${sample}' AS sample`);
  for (const table of MONITORING_TABLES) sqlite.exec(`INSERT INTO main."${table}" SELECT * FROM sample."${table}"`);
  sqlite.exec('DETACH DATABASE sample');
  closeDatabase(older);
}

describe(`migration ${TAG}`, () => {
  it('keeps every sheet’s funds and indicators and reads a round’s light inputs from the covering indexes alone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    sampleRowsBeforeTag(dir, file);
    const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, TAG) });
    const counts = { indicators: countOf(older.sqlite, 'monitoring_indicators'), funds: countOf(older.sqlite, 'monitoring_funds') };
    const values = older.sqlite.prepare(INDICATOR_VALUES).raw().all();
    const totals = older.sqlite.prepare(FUND_TOTALS).raw().all();
    expect(planOf(older.sqlite, INDICATOR_VALUES)).toContain('SEARCH i USING INDEX monitoring_indicators_key (sheet_id=?)');
    closeDatabase(older);
    expect(counts.indicators).toBeGreaterThan(0);
    expect(values.length).toBeGreaterThan(0);

    const upgraded = openDatabase(file);
    try {
      expect({ indicators: countOf(upgraded.sqlite, 'monitoring_indicators'), funds: countOf(upgraded.sqlite, 'monitoring_funds') }).toEqual(counts);
      expect(upgraded.sqlite.prepare(INDICATOR_VALUES).raw().all()).toEqual(values);
      expect(upgraded.sqlite.prepare(FUND_TOTALS).raw().all()).toEqual(totals);
      expect(planOf(upgraded.sqlite, INDICATOR_VALUES)).toContain('SEARCH i USING COVERING INDEX monitoring_indicators_lights (sheet_id=?)');
      expect(planOf(upgraded.sqlite, FUND_TOTALS)).toContain('SEARCH f USING COVERING INDEX monitoring_funds_totals (sheet_id=?)');
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  });
});
