// Migration 0044 adds the triggers that delete a round's kept light count when anything it was counted from
// is written. A count kept before them is not trusted; after them, a write to what a light depends on
// deletes the count of exactly the round written, and a write to anything else keeps it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { roundLightCounts } from '../electron/monitoring/roundLights';
import { copySampleCounty2020, tempDir } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

const TAG = '0044_monitoring_round_lights_triggers';

const MONITORING_TABLES = ['settings', 'projects', 'monitoring_rounds', 'monitoring_sheets', 'monitoring_funds', 'monitoring_indicators'];
const keptRounds = (sqlite: Database.Database) => sqlite.prepare('SELECT round_id FROM monitoring_round_lights ORDER BY round_id').pluck().all() as string[];

describe(`migration ${TAG}`, () => {
  it('drops counts kept before it, and from then on deletes a round’s count on a write to what its lights depend on only', () => {
    const dir = tempDir();
    const sample = path.join(dir, 'sample.db');
    copySampleCounty2020(sample);
    const file = path.join(dir, 'county.db');
    const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, TAG) });
    older.sqlite.pragma('foreign_keys = OFF');
    older.sqlite.exec(`ATTACH DATABASE '${sample}' AS sample`);
    for (const table of MONITORING_TABLES) older.sqlite.exec(`INSERT OR REPLACE INTO main."${table}" SELECT * FROM sample."${table}"`);
    older.sqlite.exec('DETACH DATABASE sample');
    older.sqlite.exec(`INSERT INTO monitoring_round_lights (round_id, rules, red, yellow, green, blue, "none", unreported, adjusted_fen, executed_fen)
                       SELECT id, '{}', 0, 0, 0, 0, 0, 0, 0, 0 FROM monitoring_rounds`);
    expect(keptRounds(older.sqlite).length).toBe(3);
    closeDatabase(older);

    const upgraded = openDatabase(file);
    const { sqlite } = upgraded;
    try {
      expect(keptRounds(sqlite)).toEqual([]);
      const rounds = sqlite.prepare('SELECT id FROM monitoring_rounds ORDER BY id').pluck().all() as string[];
      const keepAll = () => {
        roundLightCounts(upgraded.db, rounds);
        expect(keptRounds(sqlite)).toEqual(rounds);
      };
      const round = sqlite
        .prepare("SELECT round_id FROM monitoring_sheets WHERE submitted_at IS NULL GROUP BY round_id ORDER BY count(*) DESC LIMIT 1")
        .pluck()
        .get() as string;
      // A sheet not yet submitted, with indicators and money left to spend: every write below changes a row of it.
      const sheet = sqlite
        .prepare(
          `SELECT s.id FROM monitoring_sheets s JOIN monitoring_funds f ON f.sheet_id = s.id
            WHERE s.round_id = ? AND s.submitted_at IS NULL AND f.adjusted_fen > f.executed_fen + 1
              AND EXISTS (SELECT 1 FROM monitoring_indicators i WHERE i.sheet_id = s.id) LIMIT 1`,
        )
        .pluck()
        .get(round) as string;
      expect(sheet).toBeTruthy();
      const others = rounds.filter((id) => id !== round);
      const writes: [string, string, boolean][] = [
        ['an indicator’s value reached', "UPDATE monitoring_indicators SET reached = coalesce(reached, '') || '1' WHERE sheet_id = @sheet", true],
        ['an indicator’s measures', "UPDATE monitoring_indicators SET measures = measures || '。' WHERE sheet_id = @sheet", false],
        ['an indicator set to what it was', 'UPDATE monitoring_indicators SET reached = reached, operator = operator WHERE sheet_id = @sheet', false],
        ['a fund’s execution', 'UPDATE monitoring_funds SET executed_fen = executed_fen + 1 WHERE sheet_id = @sheet AND adjusted_fen > executed_fen', true],
        ['a fund’s forecast', 'UPDATE monitoring_funds SET forecast_fen = adjusted_fen WHERE sheet_id = @sheet', false],
        ['a fund deleted', 'DELETE FROM monitoring_funds WHERE rowid = (SELECT min(rowid) FROM monitoring_funds WHERE sheet_id = @sheet)', true],
        ['a fund added', "INSERT INTO monitoring_funds (sheet_id, source, adjusted_fen, executed_fen) VALUES (@sheet, '其他资金', 100, 0)", true],
        ['an indicator deleted', 'DELETE FROM monitoring_indicators WHERE rowid = (SELECT min(rowid) FROM monitoring_indicators WHERE sheet_id = @sheet)', true],
        ['an indicator added', "INSERT INTO monitoring_indicators (sheet_id, indicator_id, operator, target_value) VALUES (@sheet, 'new-indicator', '≥', '1')", true],
        ['a sheet submitted', "UPDATE monitoring_sheets SET submitted_at = '2020-08-01T00:00:00.000Z' WHERE id = @sheet AND submitted_at IS NULL", true],
        ['a sheet’s analysis', "UPDATE monitoring_sheets SET analysis = analysis || '。' WHERE id = @sheet", false],
        ['a sheet’s tombstone', 'UPDATE monitoring_sheets SET deleted = 1 WHERE id = @sheet', true],
      ];
      for (const [what, statement, deletes] of writes) {
        keepAll();
        expect(sqlite.prepare(statement).run({ sheet }).changes, what).toBeGreaterThan(0);
        expect(keptRounds(sqlite), what).toEqual(deletes ? others : rounds);
      }
      keepAll();
      sqlite.pragma('foreign_keys = ON');
      sqlite.prepare('DELETE FROM monitoring_rounds WHERE id = ?').run(round);
      expect(keptRounds(sqlite), 'a round deleted takes its count along').toEqual(others);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  }, 120_000);

  it('stands on a database migrated by every later migration too (a rebuilt table would drop its triggers)', () => {
    const store = openDatabase(path.join(tempDir(), 'head.db'));
    try {
      const triggers = store.sqlite.prepare("SELECT tbl_name || ' ' || name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'monitoring_round_lights_%' ORDER BY 1").pluck().all();
      expect(triggers).toEqual(
        ['monitoring_funds', 'monitoring_indicators', 'monitoring_sheets'].flatMap((table) => {
          const kind = { monitoring_funds: 'fund', monitoring_indicators: 'indicator', monitoring_sheets: 'sheet' }[table];
          return ['delete', 'insert', 'update'].map((event) => `${table} monitoring_round_lights_${kind}_${event}`);
        }),
      );
    } finally {
      closeDatabase(store);
    }
  });
});
