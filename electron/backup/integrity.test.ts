import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, closeDatabase, openDatabase, type Store } from '../../db/open';
import { AppError } from '../errors';
import { createAppContext, type CallContext } from '../ipc/context';
import type { Channel, Input, Output } from '../ipc/contract';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { listOperators } from '../registry/operators';
import { initInstallation } from '../registry/setup';
import { databaseWithStaleIndex } from '../testSupport/damagedDatabase';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { createBackup } from './backup';
import { listAudit } from '../audit/audit';
import { checkIntegrity, checkIntegrityFor, databaseChecks } from './integrity';

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

const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) if (store.sqlite.open) closeDatabase(store);
});

/** 轮台县's database file as the app opens it, with 张三 signed in, called through the router as the page calls. */
function countyAt(file: string) {
  const store = openDatabase(file);
  opened.push(store);
  if (listOperators(store.db).length === 0) initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
  const ctx: CallContext = { app: createAppContext(store, 'test', tempDir('jixiao-userdata-')), session: { operator: listOperators(store.db)[0]!, signedInTo: store }, transport: 'test' };
  const router = createRouter(handlers);
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await router.invoke(channel, input, ctx, true);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Output<C>;
  };
  return { store, call };
}

describe('what 本机信息 says of the file’s checks', () => {
  it('says the last close was clean after a clean close, and that opening quick-checked a file a crash left', async () => {
    const file = path.join(tempDir(), '轮台县.db');
    const first = countyAt(file);
    expect(await first.call('database.checks', {})).toMatchObject({ closedCleanly: false });
    closeDatabase(first.store);

    const before = Date.now();
    const clean = countyAt(file);
    const checks = await clean.call('database.checks', {});
    expect(checks.closedCleanly).toBe(true);
    expect(Date.parse(checks.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    // A crash: the connection ends without the close that leaves the mark.
    clean.store.sqlite.close();

    expect(await countyAt(file).call('database.checks', {})).toMatchObject({ closedCleanly: false });
  });

  it('keeps each full check in the log and tells the last one, who ran it and what it found; a backup counts as a sound check', async () => {
    const { store, call } = countyAt(path.join(tempDir(), '轮台县.db'));
    expect((await call('database.checks', {})).lastFullCheck).toBeNull();

    expect(await call('database.integrityCheck', {})).toMatchObject({ ok: true });
    const checked = (await call('database.checks', {})).lastFullCheck;
    expect(checked).toEqual({ at: expect.any(String), by: '张三', ok: true, problems: 0, beforeBackup: false });
    expect(listAudit(store.db, { entity: 'database', limit: 1 })[0]).toMatchObject({ action: '完整性检查', operatorName: '张三' });

    await call('backup.create', {});
    expect((await call('database.checks', {})).lastFullCheck).toMatchObject({ by: '张三', ok: true, beforeBackup: true });
  });

  it('logs a failed full check with the number of problems found', () => {
    const { store, close } = damagedCopy();
    try {
      const report = checkIntegrityFor(store, TEST_ACTOR);
      expect(report.ok).toBe(false);
      expect(databaseChecks(store).lastFullCheck).toMatchObject({ by: TEST_ACTOR.name, ok: false, problems: report.problems.length, beforeBackup: false });
      expect(report.problems.length).toBeGreaterThan(0);
    } finally {
      close();
    }
  });
});
