// Migration 0041 puts the owner's id first in the attachments index: the exchange engine reads a record's
// files by owner_id alone (db/queryPlans.test.ts guards the index), which the old (owner_kind, owner_id)
// order could not serve. A database from before keeps every file and finds it by owner and kind as before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './open';
import { tempDir } from '../electron/testSupport/fixtures';
import { migrationsBefore } from '../electron/testSupport/migrations';

const TAG = '0041_attachments_owner_first';

const file = (id: string, kind: string, owner: string) =>
  `INSERT INTO attachments (id, owner_kind, owner_id, name, mime, size, sha256, content, added_by) VALUES ('${id}', '${kind}', '${owner}', '${id}.pdf', 'application/pdf', 5, '${'a'.repeat(64)}', X'255044462d', '张三');`;
const SEED = [file('a1', 'evaluation', 'e1'), file('a2', 'evaluation', 'e2'), file('a3', 'rectification.feedback', 'r1'), file('a4', 'rectification.feedback', 'e1')].join('\n');

// As the exchange engine asks for the files of a page of records, and as the attachments service asks for one owner's.
const BY_OWNERS = `SELECT id FROM attachments WHERE owner_id IN ('e1', 'r1') ORDER BY id`;
const BY_OWNER_AND_KIND = `SELECT id FROM attachments WHERE owner_kind = 'evaluation' AND owner_id = 'e1' ORDER BY id`;

const planOf = (sqlite: Database.Database, query: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
const ids = (sqlite: Database.Database, query: string) => (sqlite.prepare(query).all() as { id: string }[]).map((r) => r.id);

describe(`migration ${TAG}`, () => {
  it('keeps every file and turns the scan for a page of owners’ files into an index search', () => {
    const dir = tempDir();
    const older = openDatabase(path.join(dir, 'county.db'), { migrationsFolder: migrationsBefore(dir, TAG) });
    older.sqlite.exec(SEED);
    expect(planOf(older.sqlite, BY_OWNERS)).toMatch(/^SCAN attachments/);
    const before = older.sqlite.prepare('SELECT * FROM attachments ORDER BY id').all();
    closeDatabase(older);

    const upgraded = openDatabase(path.join(dir, 'county.db'));
    try {
      expect(upgraded.sqlite.prepare('SELECT * FROM attachments ORDER BY id').all()).toEqual(before);
      expect(ids(upgraded.sqlite, BY_OWNERS)).toEqual(['a1', 'a3', 'a4']);
      expect(planOf(upgraded.sqlite, BY_OWNERS)).toContain('SEARCH attachments USING INDEX attachments_owner (owner_id=?)');
      expect(ids(upgraded.sqlite, BY_OWNER_AND_KIND)).toEqual(['a1']);
      expect(planOf(upgraded.sqlite, BY_OWNER_AND_KIND)).toContain('SEARCH attachments USING INDEX attachments_owner (owner_id=? AND owner_kind=?)');
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  });
});
