// Restoring a backup: never loses the database (a crash at any step leaves the old or the new one), never
// runs under another process's feet, keeps the installation's signing key and sequences, and a backup that
// cannot be migrated leaves the live database untouched.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, RESTORE_STEPS, type RestoreStep, type Store } from '../../db/open';
import { lockPath } from '../../db/lock';
import { openAppStore } from '../appStore';
import { startBridge } from '../bridge/server';
import { exchangeIdentity } from '../../db/schema';
import { importPackage } from '../exchange/incoming';
import { ensureIdentity, privateKeyPath } from '../exchange/keys';
import { exportReport } from '../exchange/outgoing';
import { initInstallation } from '../registry/setup';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { browser } from '../testSupport/bridgeClient';
import { tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { migrationsBefore } from '../testSupport/migrations';
import { createBackup, restoreBackup } from './backup';

const installedRegion = (file: string): string | null => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT region_code AS code FROM installation').get() as { code: string } | undefined)?.code ?? null;
  } finally {
    db.close();
  }
};

/** A live database of 轮台县 and a backup of 尉犁县, closed, in a fresh folder. */
function liveAndBackup(): { live: string; backup: string } {
  const dir = tempDir();
  const backup = path.join(dir, 'yuli.db');
  const other = openAppStore(backup);
  initInstallation(other.db, { regionCode: '652823', role: 'county', operatorName: '王五' });
  closeDatabase(other);
  const live = path.join(dir, 'luntai.db');
  const store = openAppStore(live);
  initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
  closeDatabase(store);
  return { live, backup };
}

function childProcess(script: string, ...argv: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', path.resolve('electron/testSupport', script), ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the restore in a child that stops at `step`, and kills it there with SIGKILL. */
async function restoreKilledAt(live: string, backup: string, step: RestoreStep): Promise<void> {
  const child = childProcess('restoreChild.ts', live, backup, step);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`step ${step}\n`)) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', () => reject(new Error(`the restore ended before step ${step}:\n${output}`)));
  });
  await new Promise((resolve) => child.once('close', resolve));
}

describe('restore', () => {
  it('leaves the old or the new database, never neither, when killed at any step', async () => {
    for (const step of RESTORE_STEPS) {
      const { live, backup } = liveAndBackup();
      await restoreKilledAt(live, backup, step);
      const swapped = RESTORE_STEPS.indexOf(step) >= RESTORE_STEPS.indexOf('swapped');
      expect(installedRegion(live), step).toBe(swapped ? '652823' : '652822');
      // The dead restore's lock is stale: the database opens, and a new restore completes.
      const store = openAppStore(live, { holder: '应用' });
      const { store: restored } = restoreBackup(store, TEST_ACTOR, backup);
      closeDatabase(restored);
      expect(installedRegion(live), step).toBe('652823');
      expect(fs.existsSync(lockPath(live))).toBe(false);
    }
  }, 120_000);

  it('is refused while the bridge has the database open, naming it, and changes nothing', async () => {
    const { live, backup } = liveAndBackup();
    const bridge = await startBridge({ dbPath: live, dataDir: path.dirname(live) });
    try {
      const child = childProcess('cliChild.ts', '--db', live, 'restore', backup);
      let err = '';
      child.stderr.on('data', (chunk) => (err += chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`^错误：数据库“${live.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”正由网页桥使用（进程 ${process.pid}，自 .* 起），不能恢复备份。请先关闭网页桥后再试。`));
    } finally {
      await bridge.close();
    }
    expect(installedRegion(live)).toBe('652822');
    expect(fs.existsSync(lockPath(live))).toBe(false);
  }, 30_000);

  it("is refused, at the bridge and from another CLI, while a CLI command still uses the database, naming it", async () => {
    const { live, backup } = liveAndBackup();
    const bridge = await startBridge({ dbPath: live, dataDir: path.dirname(live) });
    const holding = childProcess('cliHolding.ts', '--db', live, 'stats');
    try {
      const call = browser(bridge);
      const status = await call('setup.status', {});
      if (!status.ok) throw new Error(status.error.message);
      await call('session.signIn', { operatorId: status.value.operators[0].id, password: null });
      const made = await call('backup.create');
      if (!made.ok) throw new Error(made.error.message);
      await new Promise<void>((resolve, reject) => {
        holding.stdout.once('data', () => resolve());
        holding.once('exit', () => reject(new Error('the CLI command ended before it printed')));
      });
      const usedByCli = new RegExp(`正由命令行使用（进程 ${holding.pid}，自 .* 起），不能恢复备份。`);

      const refused = await call('backup.restore', { name: made.value.name });
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.message).toMatch(usedByCli);
      expect(installedRegion(live)).toBe('652822');
      await bridge.close();

      const cli = childProcess('cliChild.ts', '--db', live, 'restore', backup);
      let err = '';
      cli.stderr.on('data', (chunk) => (err += chunk));
      expect(await new Promise((resolve) => cli.on('close', resolve))).toBe(1);
      expect(err).toMatch(usedByCli);
      expect(installedRegion(live)).toBe('652822');
    } finally {
      holding.kill('SIGKILL');
      await bridge.close();
    }
    // The command that died left its mark behind: it is stale, and the restore goes through.
    await new Promise((resolve) => holding.once('close', resolve));
    const store = openAppStore(live, { holder: '应用' });
    closeDatabase(restoreBackup(store, TEST_ACTOR, backup).store);
    expect(installedRegion(live)).toBe('652823');
    expect(fs.readdirSync(path.dirname(live)).filter((name) => name.includes('.user-'))).toEqual([]);
  }, 60_000);

  it('refuses a CLI command started while the bridge restores, naming who restores, and lets it run once the restore is gone', async () => {
    const { live, backup } = liveAndBackup();
    const restoring = childProcess('restoreChild.ts', live, backup, 'copied', '网页桥');
    let output = '';
    await new Promise<void>((resolve, reject) => {
      restoring.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('step copied\n')) resolve();
      });
      restoring.once('exit', () => reject(new Error(`the restore ended before it copied:\n${output}`)));
    });
    try {
      const cli = childProcess('cliChild.ts', '--db', live, 'stats', '--json');
      let err = '';
      cli.stderr.on('data', (chunk) => (err += chunk));
      expect(await new Promise((resolve) => cli.on('close', resolve))).toBe(1);
      expect(err).toMatch(new RegExp(`^错误：数据库“${live.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”正由网页桥恢复备份（进程 ${restoring.pid}，自 .* 起），命令行现在不能使用它。请等恢复完成后再试。`));
      expect(installedRegion(live)).toBe('652822');
    } finally {
      restoring.kill('SIGKILL');
    }
    await new Promise((resolve) => restoring.once('close', resolve));
    // The killed restore's mark is stale: the next command runs, on the old database (killed before the swap).
    const cli = childProcess('cliChild.ts', '--db', live, 'stats', '--json');
    let out = '';
    cli.stdout.on('data', (chunk) => (out += chunk));
    expect(await new Promise((resolve) => cli.on('close', resolve))).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ region: { code: '652822' } });
  }, 60_000);

  it('refuses a second bridge on a database another one holds', async () => {
    const { live } = liveAndBackup();
    const bridge = await startBridge({ dbPath: live, dataDir: path.dirname(live) });
    try {
      const second = childProcess('../bridge/start.ts', '--db', live, '--port', '0');
      let err = '';
      second.stderr.on('data', (chunk) => (err += chunk));
      expect(await new Promise((resolve) => second.on('close', resolve))).toBe(1);
      expect(err).toMatch(/^启动失败：数据库“.*luntai\.db”正由网页桥使用（进程 \d+，自 .* 起），不能同时打开。/);
    } finally {
      await bridge.close();
    }
  }, 30_000);

  it('leaves the live database untouched when the backup fails to migrate, naming the backup', () => {
    const dir = tempDir();
    const backup = path.join(dir, 'old-backup.db');
    const older = openDatabase(backup, { migrationsFolder: migrationsBefore(dir, '0009_indicator_accrual') });
    // Written as that version wrote it: today's services would look for columns the old file lacks.
    older.sqlite.exec(`INSERT OR IGNORE INTO regions (code, name, level, parent_code, builtin) VALUES ('652823', '尉犁县', 'county', '652800', 1);
      INSERT INTO installation (id, installation_id, region_code, role) VALUES (1, 'old-installation', '652823', 'county');
      INSERT INTO operators (id, name, role) VALUES ('old-operator', '王五', 'admin');`);
    // Any migration that cannot be applied to the old file: here the bookkeeping row is refused.
    older.sqlite.exec(`CREATE TRIGGER refuse_upgrade BEFORE INSERT ON __drizzle_migrations BEGIN SELECT RAISE(ABORT, '旧备份无法升级'); END;`);
    closeDatabase(older);
    const { live } = liveAndBackup();
    const store = openAppStore(live, { holder: '应用' });
    try {
      expect(() => restoreBackup(store, TEST_ACTOR, backup)).toThrow(
        new RegExp(`^备份“${backup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”无法恢复：数据库升级失败：旧备份无法升级。请联系技术支持。 当前数据库“.*luntai\\.db”未做任何改动，仍可照常使用。$`),
      );
      expect(store.sqlite.open).toBe(true);
      expect(store.db.select().from(exchangeIdentity).all()).toEqual([]);
    } finally {
      closeDatabase(store);
    }
    expect(installedRegion(live)).toBe('652822');
    expect(fs.readdirSync(path.dirname(live)).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  it('keeps the signing key and the sequences, so the prefecture accepts the next package', () => {
    const dir = tempDir();
    const countyPath = path.join(dir, 'county.db');
    let county: Store = openAppStore(countyPath, { holder: '应用' });
    initInstallation(county.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
    luntaiApprovedTargets(county.db, 2020);
    // A backup from before the first package: it knows neither the key nor any sequence.
    const earlier = createBackup(county, TEST_ACTOR, path.join(dir, 'before-first-package.db')).path;
    const prefecture = openAppStore(path.join(dir, 'prefecture.db'));
    initInstallation(prefecture.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
    const send = (name: string) => exportReport(county, TEST_ACTOR, { year: 2020, stage: 'targets', full: true, out: path.join(dir, name) }).file;
    try {
      const first = send('first.zip');
      importPackage(prefecture, TEST_ACTOR, first, { dryRun: false, trust: true });
      const key = fs.readFileSync(privateKeyPath(county));
      const fingerprint = ensureIdentity(county).fingerprint;

      county = restoreBackup(county, TEST_ACTOR, earlier).store;

      expect(fs.readFileSync(privateKeyPath(county))).toEqual(key);
      expect(ensureIdentity(county).fingerprint).toBe(fingerprint);
      expect(county.db.select().from(exchangeIdentity).get()?.nextSequence).toBe(2);
      const second = importPackage(prefecture, TEST_ACTOR, send('second.zip'), { dryRun: false, trust: false });
      expect(second.sequence).toBe(2);
      expect(second.repeat).toBe(false);
      // The package sent before the restore is still known as imported: nothing changes.
      expect(importPackage(prefecture, TEST_ACTOR, first, { dryRun: false, trust: false }).repeat).toBe(true);
    } finally {
      closeDatabase(county);
      closeDatabase(prefecture);
    }
  });
});
