// County data on a shared Linux PC: the database, its WAL, backups and exported files are the owner's alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNewFile } from './files';
import { backupDatabase, closeDatabase, defaultBackupPath, openDatabase } from './open';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-modes-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files written 0600', () => {
  it('creates the database, its WAL and shared memory readable by the owner only', () => {
    const file = path.join(tempDir(), 'jixiao.db');
    const store = openDatabase(file);
    try {
      store.sqlite.exec('CREATE TABLE probe (x); INSERT INTO probe VALUES (1)');
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
    } finally {
      closeDatabase(store);
    }
  });

  it('tightens a database an older version left readable by everyone', () => {
    const file = path.join(tempDir(), 'jixiao.db');
    closeDatabase(openDatabase(file));
    fs.chmodSync(file, 0o644);
    const store = openDatabase(file);
    closeDatabase(store);
    expect(modeOf(file)).toBe(0o600);
  });

  it('writes backups 0600', () => {
    const file = path.join(tempDir(), 'jixiao.db');
    const store = openDatabase(file);
    try {
      const backup = backupDatabase(store.sqlite, defaultBackupPath(file, 'manual'));
      expect(modeOf(backup)).toBe(0o600);
    } finally {
      closeDatabase(store);
    }
  });

  it('writes exported files 0600, whatever the writer asked for', () => {
    const out = path.join(tempDir(), '绩效目标.xlsx');
    writeNewFile(out, (partial) => fs.writeFileSync(partial, 'bytes', { mode: 0o666 }));
    expect(modeOf(out)).toBe(0o600);
  });
});
