import { describe, expect, it } from 'vitest';
import { countyStore } from '../testSupport/fixtures';
import { createAppContext, type CallContext } from './context';
import { handlers } from './handlers';
import { PackageRefusal } from '../exchange/packageFile';
import { AppError } from '../errors';
import { createRouter, toErrorPayload } from './router';

function signedInCall() {
  const store = countyStore();
  const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator: null }, transport: 'test' };
  const router = createRouter(handlers);
  return { store, ctx, router };
}

async function signIn({ ctx, router }: ReturnType<typeof signedInCall>) {
  const status = await router.invoke('setup.status', {}, ctx, true);
  if (!status.ok) throw new Error(status.error.message);
  const [operator] = (status.value as { operators: { id: string }[] }).operators;
  const result = await router.invoke('session.signIn', { operatorId: operator!.id, password: null }, ctx, true);
  expect(result.ok).toBe(true);
}

describe('IPC router', () => {
  it('rejects an unknown channel with a clear error', async () => {
    const { ctx, router } = signedInCall();
    const result = await router.invoke('units.dropAll', {}, ctx, true);
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的接口“units.dropAll”' } });
  });

  it('rejects a call from an untrusted sender before looking at the channel', async () => {
    const { ctx, router } = signedInCall();
    const result = await router.invoke('setup.status', {}, ctx, false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN_SENDER');
  });

  it('requires a signed-in operator for anything beyond setup and sign-in', async () => {
    const { ctx, router } = signedInCall();
    const result = await router.invoke('units.list', {}, ctx, true);
    expect(!result.ok && result.error).toEqual({ code: 'NOT_SIGNED_IN', message: '请先登录后再操作' });
  });

  it('rejects bad input with a Chinese message naming the field, and writes nothing', async () => {
    const setup = signedInCall();
    await signIn(setup);
    const result = await setup.router.invoke('units.create', { code: '101001', name: 42, departmentCode: null, isDepartment: false }, setup.ctx, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^输入有误：name：/);
    const list = await setup.router.invoke('units.list', {}, setup.ctx, true);
    expect(list.ok && list.value).toEqual([]);
  });

  it('rejects fields the channel does not know', async () => {
    const setup = signedInCall();
    await signIn(setup);
    const result = await setup.router.invoke('units.setActive', { id: crypto.randomUUID(), active: true, force: true }, setup.ctx, true);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
  });

  it('returns a service refusal as its own code and message', async () => {
    const setup = signedInCall();
    await signIn(setup);
    const draft = { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true };
    expect((await setup.router.invoke('units.create', draft, setup.ctx, true)).ok).toBe(true);
    const again = await setup.router.invoke('units.create', draft, setup.ctx, true);
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(!again.ok && again.error.message).toMatch(/101001 已被使用/);
  });

  it('reports a refused package as PACKAGE_REFUSED while the refusal keeps the check that failed', () => {
    const refusal = new PackageRefusal('BAD_SIGNATURE', '数据包签名无效：清单在签发后被改动过');
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal.code).toBe('BAD_SIGNATURE');
    expect(toErrorPayload(refusal)).toEqual({ code: 'PACKAGE_REFUSED', message: '数据包签名无效：清单在签发后被改动过' });
    expect(toErrorPayload(new AppError('NOT_FOUND', '找不到该项目'))).toEqual({ code: 'NOT_FOUND', message: '找不到该项目' });
  });

  it('records the signed-in operator in the audit log', async () => {
    const setup = signedInCall();
    await signIn(setup);
    await setup.router.invoke('units.create', { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true }, setup.ctx, true);
    const audit = await setup.router.invoke('audit.list', { entity: 'unit' }, setup.ctx, true);
    expect(audit.ok && audit.value).toMatchObject({ rows: [{ operatorName: '张三', action: '新增单位', naturalKey: '652822/101001' }] });
  });
});
