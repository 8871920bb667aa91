// Migration 0044 adds monitoring_round_lights, where a round's counted project lights are kept for the
// prefecture's screens. A database from before keeps every round, sheet, fund and indicator, starts with
// nothing kept, and counts each round as its report does, keeping the count.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { roundReport } from '../electron/monitoring/report';
import { roundLightCounts } from '../electron/monitoring/roundLights';
import { sampleRowsBefore } from '../electron/testSupport/migrations';

const TAG = '0044_monitoring_round_lights';

const MONITORING_TABLES = ['settings', 'projects', 'monitoring_rounds', 'monitoring_sheets', 'monitoring_funds', 'monitoring_indicators'];
const countOf = (sqlite: Database.Database, table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe(`migration ${TAG}`, () => {
  it('keeps every round’s rows, keeps no count at first, and keeps each round’s count as its report counts it', () => {
    const { file, older } = sampleRowsBefore(TAG, MONITORING_TABLES);
    const counts = Object.fromEntries(MONITORING_TABLES.map((table) => [table, countOf(older.sqlite, table)]));
    closeDatabase(older);
    expect(counts.monitoring_indicators).toBeGreaterThan(0);

    const upgraded = openDatabase(file);
    try {
      expect(Object.fromEntries(MONITORING_TABLES.map((table) => [table, countOf(upgraded.sqlite, table)]))).toEqual(counts);
      expect(countOf(upgraded.sqlite, 'monitoring_round_lights')).toBe(0);
      const rounds = upgraded.sqlite.prepare('SELECT id FROM monitoring_rounds WHERE deleted = 0 ORDER BY month').pluck().all() as string[];
      expect(rounds.length).toBe(3);
      const counted = roundLightCounts(upgraded.db, rounds);
      for (const id of rounds) {
        const report = roundReport(upgraded.db, id);
        expect(counted.get(id)).toEqual({ lights: report.counts.project, unreported: report.counts.unreported, adjustedFen: report.totals.adjustedFen, executedFen: report.totals.executedFen });
      }
      const kept = upgraded.sqlite.prepare('SELECT round_id AS id, red + yellow + green + blue + "none" + unreported AS sheets FROM monitoring_round_lights ORDER BY round_id').all();
      const sheets = upgraded.sqlite.prepare('SELECT round_id AS id, count(*) AS sheets FROM monitoring_sheets WHERE deleted = 0 GROUP BY round_id ORDER BY round_id').all();
      expect(kept).toEqual(sheets);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  }, 120_000);
});
