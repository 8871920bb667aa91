// Files the software writes (backups, packages, uploads) never replace an existing file, the database, its
// WAL or its signing key; names made in the same second differ.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unusedName } from '../../db/files';
import { defaultBackupPath } from '../../db/open';
import { runCli } from '../testSupport/cli';
import { tempDir } from '../testSupport/fixtures';

async function county(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'county.db');
  expect((await runCli('--db', db, 'init', '--region', '652822', '--role', 'county')).code).toBe(0);
  // The first package makes the signing key beside the database.
  expect((await runCli('--db', db, 'package', 'export', '--out', path.join(dir, 'first.zip'))).code).toBe(0);
  return { dir, db };
}

// The shared memory and the clean-close mark are rewritten by every opening and close, whatever it did.
const snapshot = (dir: string) => Object.fromEntries(fs.readdirSync(dir).filter((n) => !n.endsWith('-shm') && !n.endsWith('.clean')).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]));

describe('never overwriting', () => {
  it('refuses package --out onto an existing file, the database, its WAL or its key, changing nothing', async () => {
    const { dir, db } = await county();
    const before = snapshot(dir);
    for (const target of [path.join(dir, 'first.zip'), db, `${db}-wal`, `${db}-journal`, `${db}.signing-key.pem`, `${db}.lock`, `${db}.clean`]) {
      const result = await runCli('--db', db, 'package', 'export', '--out', target);
      expect(result.code, target).toBe(1);
      expect(result.err).toMatch(target.endsWith('first.zip') ? /已存在，未覆盖/ : /是数据库本身或它的附属文件（日志、锁文件、签名私钥），不能写到这里/);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses backup --out onto the database or an existing backup', async () => {
    const { dir, db } = await county();
    const backup = path.join(dir, 'backup.db');
    expect((await runCli('--db', db, 'backup', '--out', backup)).code).toBe(0);
    const before = snapshot(dir);
    expect((await runCli('--db', db, 'backup', '--out', db)).err).toMatch(/是数据库本身或它的附属文件/);
    expect((await runCli('--db', db, 'backup', '--out', backup)).err).toMatch(/已存在，未覆盖/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('gives files made in the same second names of their own', () => {
    const dir = tempDir();
    const db = path.join(dir, 'county.db');
    const first = defaultBackupPath(db, 'manual');
    fs.mkdirSync(path.dirname(first), { recursive: true });
    fs.writeFileSync(first, 'taken');
    const second = defaultBackupPath(db, 'manual');
    expect(second).not.toBe(first);
    expect(fs.existsSync(second)).toBe(false);
    const name = path.join(dir, 'jixiao-report-20201231-120000.zip');
    fs.writeFileSync(name, 'taken');
    expect(unusedName(name)).toBe(path.join(dir, 'jixiao-report-20201231-120000-2.zip'));
    fs.writeFileSync(unusedName(name), 'taken');
    expect(unusedName(name)).toBe(path.join(dir, 'jixiao-report-20201231-120000-3.zip'));
  });
});
