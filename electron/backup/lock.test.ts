// The lock a long-running holder (the app, the bridge) keeps beside its database: named in refusals,
// taken over when its process is gone, and moved along when the running app switches to another file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { lockPath } from '../../db/lock';
import { openAppStore } from '../appStore';
import { createAppContext, type CallContext } from '../ipc/context';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { listOperators } from '../registry/operators';
import { initInstallation } from '../registry/setup';
import { tempDir } from '../testSupport/fixtures';

const lockOf = (file: string) => JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as { pid: number; holder: string };

describe('the database lock', () => {
  it('follows the running app to the database it switches to, and is released on closing', async () => {
    const first = path.join(tempDir(), '轮台县.db');
    const store = openAppStore(first, { holder: '应用' });
    initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
    expect(lockOf(first)).toMatchObject({ pid: process.pid, holder: '应用' });
    const ctx: CallContext = { app: createAppContext(store, 'test', tempDir()), session: { operator: listOperators(store.db)[0]! }, transport: 'test' };
    const second = path.join(tempDir(), '2027年.db');
    const result = await createRouter(handlers).invoke('database.create', { path: second }, ctx, true);
    expect(result.ok).toBe(true);
    try {
      expect(fs.existsSync(lockPath(first))).toBe(false);
      expect(lockOf(second)).toMatchObject({ pid: process.pid, holder: '应用' });
    } finally {
      closeDatabase(ctx.app.store());
    }
    expect(fs.existsSync(lockPath(second))).toBe(false);
  });

  it('takes over a lock whose process is gone', () => {
    const file = path.join(tempDir(), 'county.db');
    // A pid far above any the system hands out: the app that wrote it crashed long ago.
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid: 2 ** 30, holder: '网页桥', host: os.hostname(), since: '2020-01-01T00:00:00.000Z' }));
    const store = openDatabase(file, { holder: '应用' });
    try {
      expect(lockOf(file)).toMatchObject({ pid: process.pid, holder: '应用' });
    } finally {
      closeDatabase(store);
    }
  });

  it('refuses a holder while another live process has the file, naming it', () => {
    const file = path.join(tempDir(), 'county.db');
    // The parent of this test process is alive and is not this process.
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid: process.ppid, holder: '网页桥', host: os.hostname(), since: '2026-12-01T08:30:00.000Z' }));
    expect(() => openDatabase(file, { holder: '应用' })).toThrow(`数据库“${file}”正由网页桥使用（进程 ${process.ppid}，自 2026-12-01 08:30:00 起），不能同时打开。请先关闭网页桥后再试。`);
    expect(fs.existsSync(file)).toBe(false);
    // A short CLI command works beside it: it takes no lock.
    const cli = openDatabase(file);
    closeDatabase(cli);
    expect(lockOf(file).pid).toBe(process.ppid);
  });
});
