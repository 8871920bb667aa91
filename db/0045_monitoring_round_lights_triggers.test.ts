// Migration 0045 adds the triggers that delete a round's kept light count when one of its sheets is written
// (its funds and indicators are written only with it). A count kept before them is not trusted; after them,
// a write to a sheet deletes the count of exactly its round, and a write that leaves the sheet as it was, or
// changes only its status, keeps it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { roundLightCounts } from '../electron/monitoring/roundLights';
import { tempDir } from '../electron/testSupport/fixtures';
import { sampleRowsBefore } from '../electron/testSupport/migrations';

const TAG = '0045_monitoring_round_lights_triggers';

const MONITORING_TABLES = ['settings', 'projects', 'monitoring_rounds', 'monitoring_sheets', 'monitoring_funds', 'monitoring_indicators'];
const keptRounds = (sqlite: Database.Database) => sqlite.prepare('SELECT round_id FROM monitoring_round_lights ORDER BY round_id').pluck().all() as string[];

describe(`migration ${TAG}`, () => {
  it('drops counts kept before it, and from then on deletes a round’s count on a write to one of its sheets only', () => {
    const { file, older } = sampleRowsBefore(TAG, MONITORING_TABLES);
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
      // A sheet not yet submitted: every write below changes it.
      const sheet = sqlite.prepare('SELECT id FROM monitoring_sheets WHERE round_id = ? AND submitted_at IS NULL LIMIT 1').pluck().get(round) as string;
      expect(sheet).toBeTruthy();
      const others = rounds.filter((id) => id !== round);
      const writes: [string, string, boolean][] = [
        ['a sheet saved (a new version)', "UPDATE monitoring_sheets SET analysis = analysis || '。', version = version + 1 WHERE id = @sheet", true],
        ['a sheet written without a new version', "UPDATE monitoring_sheets SET updated_at = '2020-08-02T00:00:00.000Z' WHERE id = @sheet", true],
        ['a sheet’s status alone', "UPDATE monitoring_sheets SET status = 'draft' WHERE id = @sheet", false],
        ['a sheet set to what it was', 'UPDATE monitoring_sheets SET version = version, deleted = deleted WHERE id = @sheet', false],
        ['a sheet submitted', "UPDATE monitoring_sheets SET submitted_at = '2020-08-01T00:00:00.000Z' WHERE id = @sheet AND submitted_at IS NULL", true],
        ['a sheet’s tombstone', 'UPDATE monitoring_sheets SET deleted = 1 WHERE id = @sheet', true],
        ['a sheet deleted with its rows', 'DELETE FROM monitoring_sheets WHERE id = @sheet', true],
      ];
      for (const [what, statement, deletes] of writes) {
        keepAll();
        expect(sqlite.prepare(statement).run({ sheet }).changes, what).toBeGreaterThan(0);
        expect(keptRounds(sqlite), what).toEqual(deletes ? others : rounds);
      }
      keepAll();
      sqlite.pragma('foreign_keys = ON');
      const other = others[0]!;
      sqlite.prepare('DELETE FROM monitoring_rounds WHERE id = ?').run(other);
      expect(keptRounds(sqlite), 'a round deleted takes its count along').toEqual(rounds.filter((id) => id !== other));
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  }, 120_000);

  it('stands on a database migrated by every later migration too (a rebuilt table would drop its triggers)', () => {
    const store = openDatabase(path.join(tempDir(), 'head.db'));
    try {
      const triggers = store.sqlite.prepare("SELECT tbl_name || ' ' || name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'monitoring_round_lights_%' ORDER BY 1").pluck().all();
      expect(triggers).toEqual(['delete', 'insert', 'update'].map((event) => `monitoring_sheets monitoring_round_lights_sheet_${event}`));
    } finally {
      closeDatabase(store);
    }
  });
});
