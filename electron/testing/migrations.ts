// Test support for migration tests: a copy of the shipped migrations as an older app version had them.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { migrationsFolder } from '../../db/open';

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
