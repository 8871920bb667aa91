// The installation's role bounds what its operators may write: a prefecture does not register units or
// enter a county's targets, a budget unit does not run the county's evaluations, whatever the operator's
// role; reading and administering the installation stay open to every installation.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { WORKFLOW_INSTALLATIONS } from '../domain/permissions';
import { WORKFLOWS } from '../workflows';
import { initInstallation } from '../registry/setup';
import { countyStore, freshStore, prefectureStore } from '../testSupport/fixtures';
import { createAppContext, type CallContext } from './context';
import { handlers } from './handlers';
import { createRouter } from './router';

const router = createRouter(handlers);

function unitStore(): Store {
  const store = freshStore();
  initInstallation(store.db, { regionCode: '652822', role: 'unit', operatorName: '王老师', unit: { code: '101002', name: '轮台县第一中学' } });
  return store;
}

/** The installation's administrator, signed in through the router as the page would. */
async function signedIn(store: Store): Promise<CallContext> {
  const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator: null }, transport: 'test' };
  const status = await router.invoke('setup.status', {}, ctx, true);
  if (!status.ok) throw new Error(status.error.message);
  const [operator] = (status.value as { operators: { id: string }[] }).operators;
  const result = await router.invoke('session.signIn', { operatorId: operator!.id, password: null }, ctx, true);
  if (!result.ok) throw new Error(result.error.message);
  return ctx;
}

const unitCount = (store: Store) => (store.sqlite.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
const newUnit = { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true };

describe('the router refuses what the installation does not do', () => {
  it('names every listed workflow, and no other, in the table of installations', () => {
    expect(Object.keys(WORKFLOW_INSTALLATIONS).sort()).toEqual(WORKFLOWS.map((workflow) => workflow.name).sort());
  });

  it('refuses a prefecture registering a budget unit, says why, and writes nothing', async () => {
    const store = prefectureStore();
    const ctx = await signedIn(store);
    const result = await router.invoke('units.create', newUnit, ctx, true);
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '本机是州级财政局（汇总），这项业务只在县级财政局、预算单位办理，本机不能填报和送审；需要的数据请通过数据交换收发' },
    });
    expect(unitCount(store)).toBe(0);
  });

  it('lets a prefecture read, keep its own library and manage its operators', async () => {
    const ctx = await signedIn(prefectureStore());
    expect(await router.invoke('units.list', {}, ctx, true)).toEqual({ ok: true, value: [] });
    const seeded = await router.invoke('library.seedStarter', {}, ctx, true);
    expect(seeded.ok).toBe(true);
    expect((await router.invoke('session.changePassword', { current: null, next: '李四的密码' }, ctx, true)).ok).toBe(true);
    const added = await router.invoke('operators.create', { name: '赵六', role: 'clerk', password: '赵六的密码' }, ctx, true);
    expect(added.ok && added.value).toMatchObject({ name: '赵六', role: 'clerk' });
  });

  it('refuses a unit the county’s evaluation work but lets it enter its own directory', async () => {
    const store = unitStore();
    const ctx = await signedIn(store);
    const firm = await router.invoke('firms.create', { name: '新疆某绩效评价咨询有限公司', creditCode: '91650000MA7XXXXX1', qualifications: '', contact: '王经理' }, ctx, true);
    expect(!firm.ok && firm.error.code).toBe('FORBIDDEN');
    expect(!firm.ok && firm.error.message).toMatch(/^本机是预算单位，这项业务只在县级财政局办理/);
    const before = unitCount(store);
    const created = await router.invoke('units.create', newUnit, ctx, true);
    expect(created.ok).toBe(true);
    expect(unitCount(store)).toBe(before + 1);
  });

  it('leaves a county every workflow', async () => {
    const store = countyStore();
    const ctx = await signedIn(store);
    expect((await router.invoke('units.create', newUnit, ctx, true)).ok).toBe(true);
    expect(unitCount(store)).toBe(1);
  });
});
