import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolder, closeDatabase, inspectBackup, migrationsFolder, openDatabase, restoreDatabase, StoreError } from './open';
import { freshStore, tempDir } from '../electron/testSupport/fixtures';
import { databaseWithStaleIndex } from '../electron/testSupport/damagedDatabase';

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  db.close();
  return names;
};

/** A copy of the real migrations plus one more, as the next version of the app would ship it. */
function migrationsWithOneMore(dir: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  const tag = `${String(last.idx + 1).padStart(4, '0')}_test_next`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), 'ALTER TABLE `units` ADD `note` text;');
  return folder;
}

function expectStoreError(fn: () => unknown, code: StoreError['code']): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(code);
    return error as StoreError;
  }
  throw new Error(`expected StoreError ${code}`);
}

describe('openDatabase', () => {
  it('creates every table of the schema on a new file, in WAL mode with foreign keys on', () => {
    // openDatabase itself: freshStore starts from the run's migrated copy, not from a new file.
    const store = openDatabase(path.join(tempDir(), 'new.db'));
    try {
      expect(tables(store.path)).toEqual(
        expect.arrayContaining(['regions', 'installation', 'fiscal_years', 'units', 'settings', 'operators', 'audit_log']),
      );
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.backupPath).toBeNull();
    } finally {
      closeDatabase(store);
    }
  });

  it('reopens an up-to-date file without migrating or backing up', () => {
    const file = freshStore().path;
    const again = freshStore(file);
    expect(again.backupPath).toBeNull();
    expect(fs.existsSync(backupFolder(file))).toBe(false);
  });

  it('backs up the file before applying a new migration, and keeps the rows', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.db');
    const first = openDatabase(file);
    first.sqlite.prepare("INSERT INTO regions (code, name, level) VALUES ('652822', '轮台县', 'county')").run();
    closeDatabase(first);

    const upgraded = openDatabase(file, { migrationsFolder: migrationsWithOneMore(dir) });
    try {
      expect(upgraded.backupPath).not.toBeNull();
      const backup = new Database(upgraded.backupPath!, { readonly: true });
      expect(backup.prepare('SELECT name FROM regions').get()).toEqual({ name: '轮台县' });
      expect(() => backup.prepare('SELECT note FROM units').all()).toThrow(/no such column/);
      backup.close();
      expect(upgraded.sqlite.prepare('SELECT name FROM regions').get()).toEqual({ name: '轮台县' });
      expect(upgraded.sqlite.prepare('SELECT note FROM units').all()).toEqual([]);
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.db');
    closeDatabase(openDatabase(file, { migrationsFolder: migrationsWithOneMore(dir) }));
    const before = fs.readFileSync(file);
    const error = expectStoreError(() => openDatabase(file), 'NEWER_VERSION');
    expect(error.message).toMatch(/更新版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, '这不是数据库'.repeat(200));
    expectStoreError(() => openDatabase(file), 'NOT_A_DATABASE');
  });

  it('refuses a database whose pages are damaged', () => {
    const store = freshStore();
    const insert = store.sqlite.prepare("INSERT INTO audit_log (operator_name, entity, natural_key, action, after) VALUES ('测试', 'x', ?, 'y', ?)");
    store.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(String(i), 'x'.repeat(200));
    })();
    const file = store.path;
    closeDatabase(store);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a few of the last pages (the audit rows just written), leaving the schema intact.
    const pages = bytes.length / pageSize;
    for (let page = pages - 30; page < pages - 25; page++) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
    fs.writeFileSync(file, bytes);
    const error = expectStoreError(() => openDatabase(file), 'CORRUPT');
    expect(error.message).toMatch(/完整性检查未通过/);
  });

  it('opens a database with only the quick check, which reads every page but leaves indexes to the full check', () => {
    const file = databaseWithStaleIndex(tempDir());
    const store = openDatabase(file);
    try {
      expect(store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toMatch(/missing from index audit_at/);
    } finally {
      closeDatabase(store);
    }
  });

  it('runs the full check before migrating: a stale index stops the upgrade before any backup is taken', () => {
    const dir = tempDir();
    const file = databaseWithStaleIndex(dir);
    const error = expectStoreError(() => openDatabase(file, { migrationsFolder: migrationsWithOneMore(dir) }), 'CORRUPT');
    expect(error.message).toMatch(/完整性检查未通过：.*audit_at/);
    expect(fs.existsSync(backupFolder(file))).toBe(false);
  });

  it('runs the full check on a backup before trusting it', () => {
    const file = databaseWithStaleIndex(tempDir());
    const error = expectStoreError(() => inspectBackup(file), 'CORRUPT');
    expect(error.message).toMatch(/audit_at/);
  });
});

describe('restoreDatabase', () => {
  it('replaces the data with the backup and keeps a safety copy of what was replaced', () => {
    const dir = tempDir();
    const store = openDatabase(path.join(dir, 'live.db'));
    store.sqlite.prepare("INSERT INTO regions (code, name, level) VALUES ('652822', '轮台县', 'county')").run();
    const backup = path.join(dir, 'saved.db');
    store.sqlite.prepare('VACUUM INTO ?').run(backup);
    store.sqlite.prepare("INSERT INTO regions (code, name, level) VALUES ('652823', '尉犁县', 'county')").run();

    const { store: restored, safetyBackup } = restoreDatabase(store, backup);
    try {
      expect(restored.sqlite.prepare('SELECT code FROM regions').all()).toEqual([{ code: '652822' }]);
      expect(inspectBackup(safetyBackup).applied).toBeGreaterThan(0);
      const safety = new Database(safetyBackup, { readonly: true });
      expect(safety.prepare('SELECT count(*) AS n FROM regions').get()).toEqual({ n: 2 });
      safety.close();
    } finally {
      closeDatabase(restored);
    }
  });

  it('refuses a file that is not a Jixiao backup and leaves the live data open', () => {
    const store = freshStore();
    const other = path.join(tempDir(), 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expectStoreError(() => restoreDatabase(store, other), 'NOT_A_DATABASE');
    expect(store.sqlite.open).toBe(true);
  });
});
