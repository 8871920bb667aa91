import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanMarkPath, writeCleanMark } from './cleanClose';
import { closeDatabase, openDatabase, restoreDatabase, StoreError, type OpeningCheck, type OpenOptions, type Store } from './open';
import { tempDir } from '../electron/testSupport/fixtures';

/** Opens `file` and returns the store with the checks its opening ran, in order. */
function openWatched(file: string, options: OpenOptions = {}): { store: Store; checks: OpeningCheck[] } {
  const checks: OpeningCheck[] = [];
  const store = openDatabase(file, { ...options, onCheck: (check) => checks.push(check) });
  return { store, checks };
}

/** A database with some rows in it, closed cleanly. */
function closedCleanly(): string {
  const store = openDatabase(path.join(tempDir(), '轮台县.db'));
  const insert = store.sqlite.prepare("INSERT INTO audit_log (operator_name, entity, natural_key, action, after) VALUES ('测试', 'x', ?, 'y', ?)");
  store.sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(String(i), 'x'.repeat(200));
  })();
  closeDatabase(store);
  return store.path;
}

describe('the clean-close mark spares the quick check on opening', () => {
  it('writes an owner-only mark holding the file stat when a store closes cleanly', () => {
    const file = closedCleanly();
    const mark = JSON.parse(fs.readFileSync(cleanMarkPath(file), 'utf8'));
    expect(mark.size).toBe(String(fs.statSync(file).size));
    expect(mark.ino).toBe(String(fs.statSync(file, { bigint: true }).ino));
    expect(mark.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    if (process.platform !== 'win32') expect(fs.statSync(cleanMarkPath(file)).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${cleanMarkPath(file)}.part`)).toBe(false);
  });

  it('opens a cleanly closed file with the cheap check only, and removes the mark at once', () => {
    const file = closedCleanly();
    const { store, checks } = openWatched(file);
    try {
      expect(checks).toEqual(['sanity']);
      expect(store.closedCleanly).toBe(true);
      expect(fs.existsSync(cleanMarkPath(file))).toBe(false);
    } finally {
      closeDatabase(store);
    }
  });

  it('runs the quick check after a crash: the session never closed, so no mark is left', () => {
    const file = closedCleanly();
    const crashed = openDatabase(file);
    crashed.sqlite.prepare("INSERT INTO audit_log (operator_name, entity, natural_key, action) VALUES ('测试', 'x', 'crash', 'y')").run();
    // The process dies here: no checkpoint, no close, the WAL still holds the insert.
    const { store, checks } = openWatched(file);
    try {
      expect(checks).toEqual(['quick_check']);
      expect(store.closedCleanly).toBe(false);
      expect(store.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE natural_key = 'crash'").get()).toEqual({ n: 1 });
    } finally {
      closeDatabase(store);
      crashed.sqlite.close();
    }
  });

  it('runs the quick check when a WAL with content lies beside a marked file', () => {
    const file = closedCleanly();
    fs.writeFileSync(`${file}-wal`, 'not a checkpointed log');
    const { store, checks } = openWatched(file);
    closeDatabase(store);
    expect(checks).toEqual(['quick_check']);
  });

  it('runs the quick check on a file that grew by a byte after closing', () => {
    const file = closedCleanly();
    fs.appendFileSync(file, Buffer.from([0]));
    const { store, checks } = openWatched(file);
    try {
      expect(checks).toEqual(['quick_check']);
      expect(store.closedCleanly).toBe(false);
      expect(fs.existsSync(cleanMarkPath(file))).toBe(false);
    } finally {
      closeDatabase(store);
    }
  });

  it('runs the quick check on a file whose modification time changed after closing', () => {
    const file = closedCleanly();
    const later = new Date(fs.statSync(file).mtimeMs + 60_000);
    fs.utimesSync(file, later, later);
    const { store, checks } = openWatched(file);
    closeDatabase(store);
    expect(checks).toEqual(['quick_check']);
  });

  it('still refuses a file damaged after a clean close with the CORRUPT message', () => {
    const file = closedCleanly();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    for (let page = pages - 30; page < pages - 25; page++) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
    fs.writeFileSync(file, bytes);
    const checks: OpeningCheck[] = [];
    let refused: unknown;
    try {
      openDatabase(file, { onCheck: (check) => checks.push(check) });
    } catch (error) {
      refused = error;
    }
    expect(checks).toEqual(['quick_check']);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe('CORRUPT');
    expect((refused as StoreError).message).toMatch(/完整性检查未通过/);
  });

  it('falls back to the quick check when a marked file fails the cheap check, refusing it as before', () => {
    const file = closedCleanly();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Half a page lost at the end, and a mark that vouches for the file as it is now (a mark cannot see inside).
    fs.truncateSync(file, bytes.length - pageSize / 2);
    writeCleanMark(file, 'test');
    const checks: OpeningCheck[] = [];
    let refused: unknown;
    try {
      closeDatabase(openDatabase(file, { onCheck: (check) => checks.push(check) }));
    } catch (error) {
      refused = error;
    }
    expect(checks).toEqual(['sanity', 'quick_check']);
    expect(refused).toBeInstanceOf(StoreError);
  });

  it('gives a copy of the file and its mark no pass: the copy is another file', () => {
    const file = closedCleanly();
    const copy = path.join(tempDir(), '副本.db');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(cleanMarkPath(file), cleanMarkPath(copy));
    const { store, checks } = openWatched(copy);
    closeDatabase(store);
    expect(checks).toEqual(['quick_check']);
  });

  it('leaves no mark on a restored file, so its first opening is checked', () => {
    const backup = closedCleanly();
    const current = openDatabase(closedCleanly());
    const checks: OpeningCheck[] = [];
    const { store } = restoreDatabase(current, backup, { reopen: (f, o) => openDatabase(f, { ...o, onCheck: (check) => checks.push(check) }) });
    try {
      // The trial on the staged copy, then the live file: both checked in full.
      expect(checks.filter((check) => check === 'sanity')).toEqual([]);
      expect(checks.filter((check) => check === 'quick_check')).toHaveLength(2);
      expect(fs.readdirSync(path.dirname(store.path)).filter((name) => name.endsWith('.clean'))).toEqual([]);
    } finally {
      closeDatabase(store);
    }
  });
});
