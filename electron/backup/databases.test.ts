import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { units } from '../../db/schema';
import { createAppContext, type CallContext } from '../ipc/context';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import type { Channel, Input } from '../ipc/contract';
import { listOperators } from '../registry/operators';
import { initInstallation } from '../registry/setup';
import { freshStore, tempDir } from '../testSupport/fixtures';
import { RECENT_FILE_NAME, SAMPLE_FILE_NAME } from './databaseFiles';

const open: CallContext[] = [];
afterEach(() => {
  // Stores a switch opened are the context's, not the fixture's: close whichever is current.
  for (const ctx of open.splice(0)) closeDatabase(ctx.app.store());
});

/** A real county 轮台县 with 张三 signed in, its user-data folder apart from the database's folder. */
function realCounty() {
  const dataDir = tempDir('jixiao-userdata-');
  const realPath = path.join(tempDir(), '轮台县.db');
  const store = freshStore(realPath);
  initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
  const ctx: CallContext = { app: createAppContext(store, 'test', dataDir), session: { operator: listOperators(store.db)[0]!, signedInTo: store }, transport: 'test' };
  open.push(ctx);
  const router = createRouter(handlers);
  const call = async <C extends Channel>(channel: C, input: Input<C>) => {
    const result = await router.invoke(channel, input, ctx, true);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as never;
  };
  return { ctx, call, dataDir, realPath };
}

/** Units in a database file, read from the file itself rather than through the app. */
function unitsIn(file: string): number {
  const store = openDatabase(file);
  try {
    return store.db.select().from(units).all().length;
  } finally {
    closeDatabase(store);
  }
}

describe('the sample county in a database of its own', () => {
  it('opens in 示例数据库.db of the user-data folder, signed in under the same name, and leaves the real database empty', async () => {
    const { ctx, call, dataDir, realPath } = realCounty();
    const opened = await call('database.openSample', { year: 2020 });
    expect(opened).toMatchObject({ database: { path: path.join(dataDir, SAMPLE_FILE_NAME), fileName: SAMPLE_FILE_NAME, sample: true }, generated: { year: 2020, units: 108 } });
    expect(ctx.app.store().path).toBe(path.join(dataDir, SAMPLE_FILE_NAME));
    expect(ctx.session.operator?.name).toBe('张三');
    expect(await call('demo.status', {})).toEqual({ present: true, years: [2020], sample: true });
    // The sample mark is no changed parameter on 首页.
    expect((await call('stats.get', {}) as { counts: { units: number; settings: number } }).counts).toMatchObject({ units: 108, settings: 0 });

    const back = await call('database.leaveSample', {});
    expect(back).toEqual({ path: realPath, fileName: '轮台县.db', sample: false });
    expect(ctx.session.operator?.name).toBe('张三');
    expect((await call('stats.get', {}) as { counts: { units: number } }).counts.units).toBe(0);
    expect(unitsIn(path.join(dataDir, SAMPLE_FILE_NAME))).toBe(108);
  });

  it('reopens the same sample the second time, adding only a year it does not have yet', async () => {
    const { call } = realCounty();
    await call('database.openSample', { year: 2020 });
    await call('database.leaveSample', {});
    expect(await call('database.openSample', { year: 2020 })).toMatchObject({ generated: null });
    await call('database.leaveSample', {});
    expect(await call('database.openSample', { year: 2021 })).toMatchObject({ generated: { year: 2021 } });
    expect(await call('demo.status', {})).toMatchObject({ years: [2020, 2021] });
  });

  it('refuses to fill the real database with samples through the channel', async () => {
    const { call, realPath } = realCounty();
    await expect(call('demo.generate', { year: 2020 })).rejects.toThrow(/^这是正式数据库，示例数据不会写入正式数据库/);
    expect(await call('demo.status', {})).toEqual({ present: false, years: [], sample: false });
    expect(unitsIn(realPath)).toBe(0);
  });

  it('refuses to take a real database that happens to sit where the sample goes', async () => {
    const { ctx, call, dataDir, realPath } = realCounty();
    const impostor = openDatabase(path.join(dataDir, SAMPLE_FILE_NAME));
    initInstallation(impostor.db, { regionCode: '652822', role: 'county' });
    closeDatabase(impostor);
    await expect(call('database.openSample', { year: 2020 })).rejects.toThrow(/不是示例数据库，为保护其中的数据不会打开它作示例使用/);
    expect(ctx.app.store().path).toBe(realPath);
    expect(unitsIn(path.join(dataDir, SAMPLE_FILE_NAME))).toBe(0);
  });

  it('says there is no way back from a sample when no real database is known', async () => {
    const { ctx, call } = realCounty();
    await call('database.openSample', { year: 2020 });
    ctx.session.leftForSample = undefined;
    fs.rmSync(path.join(ctx.app.dataDir, RECENT_FILE_NAME));
    await expect(call('database.leaveSample', {})).rejects.toThrow('找不到要返回的正式数据库，请用“文件 → 打开数据库”选择它');
  });
});

describe('switching databases', () => {
  it('creates a new database, ends the sign-in that belonged to the old one, and lists both as recent', async () => {
    const { ctx, call, dataDir, realPath } = realCounty();
    const file = path.join(tempDir(), '2027年.db');
    expect(await call('database.create', { path: file })).toEqual({ path: file, fileName: '2027年.db', sample: false });
    expect(ctx.session.operator).toBeNull();
    expect(await call('setup.status', {})).toEqual({ installation: null, operators: [] });
    await expect(call('stats.get', {})).rejects.toThrow();
    const recent = JSON.parse(fs.readFileSync(path.join(dataDir, RECENT_FILE_NAME), 'utf8')) as { path: string }[];
    expect(recent.map((r) => r.path)).toEqual([file, realPath]);
    // Opening the first one again puts it first.
    await call('database.open', { path: realPath });
    expect((await call('database.recent', {}) as { path: string }[]).map((r) => r.path)).toEqual([realPath, file]);
    expect(await call('database.current', {})).toEqual({ path: realPath, fileName: '轮台县.db', sample: false });
  });

  it('refuses to create over an existing file', async () => {
    const { call, realPath } = realCounty();
    await expect(call('database.create', { path: realPath })).rejects.toThrow(/已存在。新建数据库不会覆盖已有文件/);
  });

  it.each([
    ['a text file named .db', (dir: string) => fs.writeFileSync(path.join(dir, '笔记.db'), '这不是数据库'.repeat(200)), '笔记.db', /不是绩效软件的数据库文件，或已损坏.*当前数据库保持打开，未做任何修改/],
    [
      'another program’s SQLite database',
      (dir: string) => {
        const other = new Database(path.join(dir, '别的软件.db'));
        other.exec('CREATE TABLE contacts (name TEXT)');
        other.close();
      },
      '别的软件.db',
      /“.*别的软件.db”不是绩效软件的数据库文件。当前数据库保持打开/,
    ],
    ['a file that is not .db', (dir: string) => fs.writeFileSync(path.join(dir, '表.xlsx'), 'x'), '表.xlsx', /不是数据库文件名：数据库文件须以 \.db 结尾/],
    ['a file that does not exist', () => undefined, '没有.db', /^找不到“/],
  ])('keeps the current database open when asked to open %s', async (_name, make, name, message) => {
    const { ctx, call, realPath } = realCounty();
    const dir = tempDir();
    make(dir);
    await expect(call('database.open', { path: path.join(dir, name) })).rejects.toThrow(message);
    expect(ctx.app.store().path).toBe(realPath);
    expect(ctx.app.store().sqlite.open).toBe(true);
    expect(ctx.session.operator?.name).toBe('张三');
  });

  it('refuses a folder that does not exist for a new database', async () => {
    const { call } = realCounty();
    await expect(call('database.create', { path: path.join(tempDir(), '没有的文件夹', '新.db') })).rejects.toThrow(/文件夹“.*没有的文件夹”不存在/);
  });

  it('does not change a foreign SQLite file it refused', async () => {
    const { call } = realCounty();
    const file = path.join(tempDir(), '别的软件.db');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    await expect(call('database.open', { path: file })).rejects.toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'contacts' }]);
    check.close();
  });
});
