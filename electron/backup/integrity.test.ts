import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, closeDatabase, openDatabase } from '../../db/open';
import { AppError } from '../errors';
import { databaseWithStaleIndex } from '../testSupport/damagedDatabase';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { createBackup } from './backup';
import { checkIntegrity } from './integrity';

/** A copy of a county's database, damaged where only the full check looks, opened as the app opens it. */
function damagedCopy() {
  const dir = tempDir();
  const file = databaseWithStaleIndex(dir);
  const store = openDatabase(file);
  return { store, close: () => closeDatabase(store) };
}

describe('the full integrity check', () => {
  it('finds a sound county database sound', () => {
    const report = checkIntegrity(countyStore());
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('names what is wrong in a copy whose index no longer matches its rows, which opening let through', () => {
    const { store, close } = damagedCopy();
    try {
      const report = checkIntegrity(store);
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/audit_at/);
    } finally {
      close();
    }
  });

  it('refuses 立即备份 of a damaged database with a message saying why, leaving no backup behind', () => {
    const { store, close } = damagedCopy();
    try {
      let refused: unknown;
      try {
        createBackup(store, TEST_ACTOR);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('STORE');
      expect((refused as AppError).message).toMatch(/完整性检查未通过（.*audit_at.*），本次没有备份.*从最近一次完好的备份恢复/);
      expect(fs.existsSync(backupFolder(store.path))).toBe(false);
    } finally {
      close();
    }
  });

  it('still backs up a sound database', () => {
    const store = countyStore();
    const file = createBackup(store, TEST_ACTOR);
    expect(path.dirname(file.path)).toBe(backupFolder(store.path));
    expect(file.size).toBeGreaterThan(0);
  });
});
