// Test support for migration tests: a copy of the shipped migrations as an older app version had them.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { closeDatabase, migrationsFolder, openDatabase, type Store } from '../../db/open';
import { copySampleCounty2020, tempDir } from './fixtures';

/** The shipped migrations up to (not including) `tag`, in a folder below `dir`. */
export function migrationsBefore(dir: string, tag: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/**
 * A database file as the version before migration `tag` left it, with `seed` SQL run on it, then opened
 * by this version (which applies `tag` and after). The caller closes the returned store.
 */
export function upgradedFrom(tag: string, seed: string): Store {
  const dir = tempDir();
  const file = path.join(dir, 'county.db');
  const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, tag) });
  older.sqlite.exec(seed);
  closeDatabase(older);
  return openDatabase(file);
}

/**
 * A database migrated up to (not including) `tag`, holding the sample county's rows of `tables` (copied with
 * foreign keys off, in the order given). The caller goes on with `older` and closes it before opening `file`.
 */
export function sampleRowsBefore(tag: string, tables: readonly string[]): { file: string; older: Store } {
  const dir = tempDir();
  const sample = path.join(dir, 'sample.db');
  copySampleCounty2020(sample);
  const file = path.join(dir, 'county.db');
  const older = openDatabase(file, { migrationsFolder: migrationsBefore(dir, tag) });
  older.sqlite.pragma('foreign_keys = OFF');
  older.sqlite.exec(`ATTACH DATABASE '${sample}' AS sample`);
  for (const table of tables) older.sqlite.exec(`INSERT OR REPLACE INTO main."${table}" SELECT * FROM sample."${table}"`);
  older.sqlite.exec('DETACH DATABASE sample');
  return { file, older };
}
