// The 指标库 channels through the real router, as the renderer calls them: signed in, with validation.
import { describe, expect, it } from 'vitest';
import { createAppContext, type CallContext } from '../ipc/context';
import type { Channel, Input, Output } from '../ipc/contract';
import { handlers } from '../ipc/handlers';
import { createRouter } from '../ipc/router';
import { countyStore } from '../testSupport/fixtures';

async function signedIn() {
  const store = countyStore();
  const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator: null }, transport: 'test' };
  const router = createRouter(handlers);
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await router.invoke(channel, input, ctx, true);
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
    return result.value as Output<C>;
  };
  const [operator] = (await call('setup.status', {})).operators;
  await call('session.signIn', { operatorId: operator!.id, password: null });
  return call;
}

describe('library channels', () => {
  it('seeds the starter once, finds a partial name, and takes an indicator from draft into the library', async () => {
    const call = await signedIn();
    expect(await call('library.seedStarter', {})).toMatchObject({ seeded: true, libraryVersion: 1 });
    expect(await call('library.seedStarter', {})).toMatchObject({ seeded: false });
    const found = await call('library.search', { text: '健康档案' });
    expect(found.indicators.map((i) => i.name)).toEqual(['居民电子健康档案建档率']);

    const draft = await call('library.create', {
      projectTypeCode: 'WS01', level1: '产出指标', level2: '数量指标', name: '家庭医生签约人数', operator: '≥',
      referenceValue: '30000', unit: '人', definition: '', basis: '计划标准',
    });
    await call('library.propose', { id: draft.id });
    const confirmed = await call('library.confirm', { ids: [draft.id] });
    expect(confirmed.indicators[0]).toMatchObject({ status: 'accepted', proposedBy: '张三', libraryVersion: 2 });
    expect((await call('library.suggested', { projectTypeCode: 'WS01' })).map((i) => i.name)).toContain('家庭医生签约人数');
    expect((await call('library.history', { code: draft.code })).map((a) => a.action)).toEqual(['确认入库', '提交入库申请', '新增指标（草稿）']);
    expect((await call('library.versions', {})).map((v) => v.version)).toEqual([2, 1]);
  });

  it('answers a search with what a row shows, and the whole indicator when one is opened', async () => {
    const call = await signedIn();
    await call('library.seedStarter', {});
    const [row] = (await call('library.search', { text: '健康档案' })).indicators;
    expect(Object.keys(row!).sort()).toEqual(
      ['code', 'definition', 'id', 'level1', 'level2', 'libraryVersion', 'name', 'operator', 'projectTypeCode', 'proposingUnitCode', 'referenceValue', 'status', 'unit'],
    );
    const opened = await call('library.get', { id: row!.id });
    expect(opened).toMatchObject({ ...row, version: 1, basis: expect.any(String), accrual: expect.any(String), updatedAt: expect.any(String) });
    await expect(call('library.get', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/NOT_FOUND 该指标不存在或已删除/);
  });

  it('refuses a return without an opinion before it reaches the service', async () => {
    const call = await signedIn();
    await call('library.seedStarter', {});
    const [first] = await call('library.suggested', { projectTypeCode: 'WS01' });
    await expect(call('library.reject', { id: first!.id, opinion: '' })).rejects.toThrow(/INVALID_INPUT .*退回时必须填写退回意见/);
  });

  it('hands out the library as an xlsx', async () => {
    const call = await signedIn();
    await call('library.seedStarter', {});
    expect((await call('library.export', {})).fileName).toMatch(/^指标库-\d{4}-\d\d-\d\d\.xlsx$/);
  });
});
