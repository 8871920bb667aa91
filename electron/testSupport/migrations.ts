// Test support for migration tests: a copy of the shipped migrations as an older app version had them.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { closeDatabase, migrationsFolder, openDatabase, type Store } from '../../db/open';
import { tempDir } from './fixtures';

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
