// Through the web bridge, as a browser calls it: one session per browser (its cookie), the role's
// refusals, and a session ended by a restore.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, tempDir } from '../testSupport/fixtures';
import { SESSION_COOKIE, startBridge, type Bridge } from './server';
import { browser, type Reply } from '../testSupport/bridgeClient';

let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function countyWithClerk() {
  const dir = tempDir();
  bridge = await startBridge({ dbPath: path.join(dir, 'bridge.db'), staticDir: dir, dataDir: dir });
  const admin = browser(bridge);
  const init = await admin('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: TEST_ADMIN_PASSWORD });
  expect(init.ok).toBe(true);
  const clerk = await admin('operators.create', { name: '李经办', role: 'clerk', password: null });
  if (!clerk.ok) throw new Error(clerk.error.message);
  const clerkBrowser = browser(bridge);
  expect((await clerkBrowser('session.signIn', { operatorId: clerk.value.id, password: null })).ok).toBe(true);
  return { admin, clerk: clerkBrowser };
}

const refusal = (reply: Reply) => (reply.ok ? 'allowed' : reply.error.code);

describe('bridge sessions and permissions', () => {
  it('refuses a second operator until the password-less administrator sets a password', async () => {
    const dir = tempDir();
    bridge = await startBridge({ dbPath: path.join(dir, 'bridge.db'), staticDir: dir, dataDir: dir });
    const admin = browser(bridge);
    expect((await admin('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null })).ok).toBe(true);
    const refused = await admin('operators.create', { name: '李经办', role: 'clerk', password: null });
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    expect(!refused.ok && refused.error.message).toMatch(/^系统管理员“张三”还没有登录密码/);
    expect((await admin('session.changePassword', { current: null, next: TEST_ADMIN_PASSWORD })).ok).toBe(true);
    expect((await admin('operators.create', { name: '李经办', role: 'clerk', password: null })).ok).toBe(true);
  });

  it('keeps a session per browser: signing in at one leaves another signed out', async () => {
    const { admin } = await countyWithClerk();
    const stranger = browser(bridge!);
    expect(await stranger('units.list')).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录后再操作' } });
    expect((await admin('session.current')).ok && (await admin('session.current'))).toMatchObject({ value: { name: '张三', role: 'admin' } });
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const dir = tempDir();
    bridge = await startBridge({ dbPath: path.join(dir, 'bridge.db'), staticDir: dir, dataDir: dir });
    const response = await fetch(new URL('/api/invoke', bridge.url), {
      method: 'POST',
      headers: { 'X-Jixiao-Token': bridge.token },
      body: JSON.stringify({ channel: 'setup.status', input: {} }),
    });
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=[0-9a-f]{48}; HttpOnly; SameSite=Strict; Path=/$`));
  });

  it('refuses a clerk every administrator and reviewer action, naming who may', async () => {
    const { clerk } = await countyWithClerk();
    const id = '00000000-0000-4000-8000-000000000001';
    const attempts: [string, unknown][] = [
      ['operators.create', { name: '王五', role: 'admin', password: null }],
      ['settings.update', { key: 'monitoring.months', value: [5, 8, 11] }],
      ['regions.add', { code: '652999', name: '新县', level: 'county', parentCode: '652800' }],
      ['backup.restore', { name: 'x.db' }],
      ['library.confirm', { ids: [id] }],
      ['monitoring.createRound', { year: 2020 }],
      ['monitoring.transition', { sheetId: id, version: 1, action: 'approve', opinion: null }],
      ['exchange.import', { file: { fileName: 'a.zip', dataBase64: '' }, trust: true }],
    ];
    for (const [channel, input] of attempts) {
      const reply = await clerk(channel, input);
      expect([channel, refusal(reply)]).toEqual([channel, 'FORBIDDEN']);
      expect(!reply.ok && reply.error.message).toMatch(/^经办人不能.+，请由系统管理员.*操作$/);
    }
    const audit = await clerk('audit.list', {});
    expect(audit.ok && audit.value.rows.filter((row: { action: string }) => row.action === '拒绝越权操作').length).toBe(attempts.length);
  });

  it('signs the session out when a backup is restored', async () => {
    const { admin } = await countyWithClerk();
    const backup = await admin('backup.create');
    if (!backup.ok) throw new Error(backup.error.message);
    expect((await admin('backup.restore', { name: backup.value.name })).ok).toBe(true);
    const after = await admin('units.list');
    expect(refusal(after)).toBe('NOT_SIGNED_IN');
    expect(!after.ok && after.error.message).toMatch(/数据库已恢复或切换.*请重新登录/);
    expect((await admin('session.current')).ok && (await admin('session.current'))).toEqual({ ok: true, value: null });
  });

  it('refuses the sixth sign-in in a row after five wrong passwords, even with the right password', async () => {
    const { admin } = await countyWithClerk();
    const created = await admin('operators.create', { name: '王审核', role: 'reviewer', password: '审核密码2020' });
    if (!created.ok) throw new Error(created.error.message);
    const guesser = browser(bridge!);
    for (let i = 0; i < 5; i++) expect(refusal(await guesser('session.signIn', { operatorId: created.value.id, password: `猜${i}` }))).toBe('INVALID_INPUT');
    const right = await guesser('session.signIn', { operatorId: created.value.id, password: '审核密码2020' });
    expect(refusal(right)).toBe('SIGN_IN_LOCKED');
    expect(!right.ok && right.error.message).toMatch(/^连续 5 次密码错误，请在 \d\d:\d\d 之后再试/);
    expect(refusal(await guesser('units.list'))).toBe('NOT_SIGNED_IN');
  });

  it('signs an operator out everywhere when an administrator changes their role or deactivates them', async () => {
    const { admin, clerk } = await countyWithClerk();
    const me = await clerk('session.current');
    if (!me.ok) throw new Error(me.error.message);
    expect((await admin('operators.setRole', { id: me.value.id, role: 'reviewer' })).ok).toBe(true);
    const after = await clerk('units.list');
    expect(refusal(after)).toBe('NOT_SIGNED_IN');
    expect(!after.ok && after.error.message).toMatch(/“李经办”已停用或角色已变更/);
  });

  it('records who downloaded and uploaded a backup, and the restore in the restored database', async () => {
    const { admin } = await countyWithClerk();
    const backup = await admin('backup.create');
    if (!backup.ok) throw new Error(backup.error.message);
    const downloaded = await admin('backup.download', { name: backup.value.name });
    if (!downloaded.ok) throw new Error(downloaded.error.message);
    expect((await admin('backup.upload', { fileName: '从U盘拷回.db', dataBase64: downloaded.value.dataBase64 })).ok).toBe(true);
    const actions = async (): Promise<string[]> => {
      const page = await admin('audit.list', {});
      if (!page.ok) throw new Error(page.error.message);
      return page.value.rows.map((row: { operatorName: string; action: string }) => `${row.operatorName}:${row.action}`);
    };
    expect(await actions()).toEqual(expect.arrayContaining(['张三:下载备份', '张三:上传备份', '张三:手动备份']));
    expect((await admin('backup.restore', { name: backup.value.name })).ok).toBe(true);
    const list = await admin('setup.status');
    const zhang = list.ok && list.value.operators.find((o: { name: string }) => o.name === '张三');
    expect((await admin('session.signIn', { operatorId: zhang.id, password: TEST_ADMIN_PASSWORD })).ok).toBe(true);
    expect((await actions()).some((action) => action.startsWith('张三:') && action.includes('恢复'))).toBe(true);
  });
});
