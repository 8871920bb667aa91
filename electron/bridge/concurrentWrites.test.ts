import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, closeDatabase, openDatabase } from '../../db/open';
import { countRows } from '../../db/open';
import { units } from '../../db/schema';
import { copySampleCounty2020, tempDir } from '../testSupport/fixtures';
import { browser, type Reply } from '../testSupport/bridgeClient';
import { toErrorPayload } from '../ipc/router';
import { startBridge, type Bridge } from './server';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

/** The CLI in a process of its own, as IT staff run it beside the app. */
function cliProcess(...argv: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('electron/testSupport/cliChild.ts'), ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

describe('two processes writing one database', () => {
  it('lets the CLI and the bridge write at the same time, each waiting its turn', async () => {
    const dbPath = path.join(tempDir(), 'county.db');
    // A sample database with one year in it, because the CLI's sample-data generator refuses real ones.
    copySampleCounty2020(dbPath);
    bridge = await startBridge({ dbPath, dataDir: path.dirname(dbPath) });
    const b = bridge;
    const call = browser(b);
    const status = await call('setup.status', {});
    if (!status.ok) throw new Error(status.error.message);
    await call('session.signIn', { operatorId: status.value.operators[0].id, password: null });
    const createUnit = (n: number) => call('units.create', { code: String(900000 + n), name: `并发单位${n}`, departmentCode: null, isDepartment: true });

    // The CLI's sample-data run is one long write transaction; the bridge keeps writing throughout it.
    const cli = cliProcess('--db', dbPath, 'demo', '--year', '2021');
    const answers: Reply[] = [];
    let cliDone = false;
    void cli.then(() => (cliDone = true));
    for (let n = 0; !cliDone || n < 20; n++) {
      answers.push(await createUnit(n));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const cliResult = await cli;

    expect(cliResult.err).toBe('');
    expect(cliResult.code).toBe(0);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const check = openDatabase(dbPath);
    try {
      expect(countRows(check.db, units)).toBeGreaterThan(answers.length);
    } finally {
      closeDatabase(check);
    }
  }, 180_000);

  it('makes every connection wait as long as the longest write, from its first statement on', () => {
    const store = openDatabase(path.join(tempDir(), 'county.db'));
    try {
      expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(BUSY_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
    } finally {
      closeDatabase(store);
    }
  });

  it('tells a write that waited past the timeout, in Chinese, that nothing was written and to retry', () => {
    const file = path.join(tempDir(), 'county.db');
    const store = openDatabase(file);
    const holder = new Database(file);
    // A connection that does not wait: what every connection meets once BUSY_TIMEOUT_MS has passed.
    const impatient = new Database(file, { timeout: 0 });
    try {
      holder.exec('BEGIN IMMEDIATE');
      let refusal: unknown;
      try {
        impatient.exec('CREATE TABLE busy_probe (x)');
      } catch (error) {
        refusal = error;
      }
      expect(toErrorPayload(refusal)).toEqual({
        code: 'CONFLICT',
        message: `数据库正被另一个程序（另一个窗口、命令行或正在进行的导入）写入，等了 ${BUSY_TIMEOUT_MS / 1000} 秒仍未结束。本次操作没有写入任何内容，请等它完成后重试。`,
      });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      impatient.close();
      closeDatabase(store);
    }
  });
});
