import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { createIndicator, requireIndicator, suggestedIndicators, updateIndicator, type IndicatorInput } from './indicators';
import { confirmIndicators, proposeIndicator, rejectIndicator, restoreIndicator, retireIndicator } from './review';
import { seedStarterLibrary } from './starter';
import { currentLibraryVersion, listLibraryVersions } from './versions';

const OFFICE = { id: null, name: '绩效办王五' };

const guardrail: IndicatorInput = {
  projectTypeCode: 'JT01',
  level1: '产出指标',
  level2: '数量指标',
  name: '安装波形护栏长度',
  operator: '≥',
  referenceValue: '3',
  unit: '公里',
  definition: '年度内在临水临崖路段安装波形护栏的长度。',
  basis: '计划标准',
};

function library() {
  const store = countyStore();
  seedStarterLibrary(store.db, TEST_ACTOR);
  seedCounty(store.db, { units: [{ code: '105001', name: '轮台县交通运输局' }] });
  return store.db;
}

const history = (db: ReturnType<typeof library>, code: string) =>
  listAudit(db, { entity: 'library_indicator', naturalKey: code, limit: 20 }).map((a) => [a.action, a.operatorName, a.opinion]).reverse();

describe('a unit proposes, the performance office confirms', () => {
  it('creates a draft with a regional code, proposes it for a unit, and confirms it as a new library version', () => {
    const db = library();
    const draft = createIndicator(db, TEST_ACTOR, guardrail);
    expect(draft).toMatchObject({ code: 'JT01-652822-001', status: 'draft', libraryVersion: 0, proposingUnitCode: null });
    expect(suggestedIndicators(db, 'JT01').map((i) => i.code)).not.toContain(draft.code);

    const proposed = proposeIndicator(db, TEST_ACTOR, { id: draft.id, proposingUnitCode: '105001' });
    expect(proposed).toMatchObject({ status: 'proposed', proposingUnitCode: '105001', proposedBy: '测试员', version: draft.version + 1 });

    const { libraryVersion, indicators } = confirmIndicators(db, OFFICE, { ids: [draft.id] });
    expect(libraryVersion).toBe(2);
    expect(indicators[0]).toMatchObject({ status: 'accepted', libraryVersion: 2 });
    expect(listLibraryVersions(db)[0]).toMatchObject({ version: 2, publishedBy: '绩效办王五', source: 'local', note: '确认入库 1 条指标：安装波形护栏长度' });
    expect(suggestedIndicators(db, 'JT01').map((i) => i.code)).toContain(draft.code);
    expect(history(db, draft.code)).toEqual([
      ['新增指标（草稿）', '测试员', null],
      ['提交入库申请', '测试员', null],
      ['确认入库', '绩效办王五', null],
    ]);
  });

  it('numbers the next new indicator of the type after the last one', () => {
    const db = library();
    createIndicator(db, TEST_ACTOR, guardrail);
    expect(createIndicator(db, TEST_ACTOR, { ...guardrail, name: '设置警示标志数量', unit: '块' }).code).toBe('JT01-652822-002');
  });

  it('confirms several proposals as one version, or none when one of them is not waiting', () => {
    const db = library();
    const a = proposeIndicator(db, TEST_ACTOR, { id: createIndicator(db, TEST_ACTOR, guardrail).id });
    const b = proposeIndicator(db, TEST_ACTOR, { id: createIndicator(db, TEST_ACTOR, { ...guardrail, name: '设置警示标志数量', unit: '块' }).id });
    const stillDraft = createIndicator(db, TEST_ACTOR, { ...guardrail, name: '修复坑槽面积', unit: '平方米' });
    expect(() => confirmIndicators(db, OFFICE, { ids: [a.id, stillDraft.id] })).toThrow('修复坑槽面积（JT01-652822-003）：该指标当前为“草稿”，不能确认入库');
    expect(requireIndicator(db, a.id).status).toBe('proposed');
    expect(currentLibraryVersion(db)).toBe(1);
    expect(confirmIndicators(db, OFFICE, { ids: [a.id, b.id], note: '交通局 2026 年新增' })).toMatchObject({ libraryVersion: 2 });
    expect(listLibraryVersions(db)).toHaveLength(2);
  });

  it('returns a proposal to draft only with an opinion, which the history keeps', () => {
    const db = library();
    const proposed = proposeIndicator(db, TEST_ACTOR, { id: createIndicator(db, TEST_ACTOR, guardrail).id });
    expect(() => rejectIndicator(db, OFFICE, { id: proposed.id, opinion: ' ' })).toThrow(/必须填写退回意见/);
    const returned = rejectIndicator(db, OFFICE, { id: proposed.id, opinion: '参考值偏低，请按年度计划填写' });
    expect(returned.status).toBe('draft');
    expect(history(db, proposed.code).at(-1)).toEqual(['退回', '绩效办王五', '参考值偏低，请按年度计划填写']);
    expect(currentLibraryVersion(db)).toBe(1);
  });

  it('refuses a proposing unit that is not registered', () => {
    const db = library();
    const draft = createIndicator(db, TEST_ACTOR, guardrail);
    expect(() => proposeIndicator(db, TEST_ACTOR, { id: draft.id, proposingUnitCode: '999999' })).toThrow(/提出单位编码 999999 不存在/);
    expect(requireIndicator(db, draft.id).status).toBe('draft');
  });
});

describe('retiring and editing', () => {
  it('retires an accepted indicator as a new version, and restores it only as a draft', () => {
    const db = library();
    const [first] = suggestedIndicators(db, 'JY01');
    const retired = retireIndicator(db, OFFICE, { id: first!.id, reason: '政策调整' });
    expect(retired).toMatchObject({ status: 'retired', libraryVersion: 2 });
    expect(listLibraryVersions(db)[0]!.note).toBe(`停用指标：${first!.name}（${first!.code}），政策调整`);
    expect(suggestedIndicators(db, 'JY01').map((i) => i.id)).not.toContain(first!.id);
    expect(() => confirmIndicators(db, OFFICE, { ids: [first!.id] })).toThrow(/当前为“停用”/);
    expect(restoreIndicator(db, OFFICE, { id: first!.id }).status).toBe('draft');
  });

  it('retires a draft without opening a version', () => {
    const db = library();
    const draft = createIndicator(db, TEST_ACTOR, guardrail);
    expect(retireIndicator(db, OFFICE, { id: draft.id }).status).toBe('retired');
    expect(currentLibraryVersion(db)).toBe(1);
  });

  it('turns an edited accepted indicator into a draft that must be confirmed again', () => {
    const db = library();
    const [first] = suggestedIndicators(db, 'JT01');
    const edited = updateIndicator(db, TEST_ACTOR, { ...first!, referenceValue: '60' });
    expect(edited).toMatchObject({ status: 'draft', referenceValue: '60', version: first!.version + 1 });
    expect(suggestedIndicators(db, 'JT01').map((i) => i.id)).not.toContain(first!.id);
    expect(history(db, first!.code).at(-1)?.[0]).toBe('修改已入库指标（转为草稿）');
  });

  it('leaves an indicator untouched when an edit changes nothing', () => {
    const db = library();
    const [first] = suggestedIndicators(db, 'JT01');
    expect(updateIndicator(db, TEST_ACTOR, { ...first! })).toEqual(first);
  });

  it('refuses to edit a proposal, a stale copy, an invalid draft or a change of project type', () => {
    const db = library();
    const draft = createIndicator(db, TEST_ACTOR, guardrail);
    const proposed = proposeIndicator(db, TEST_ACTOR, { id: draft.id });
    expect(() => updateIndicator(db, TEST_ACTOR, { ...proposed, name: '安装护栏长度' })).toThrow(/正在等待确认，不能修改/);
    rejectIndicator(db, OFFICE, { id: draft.id, opinion: '请补充指标解释' });
    expect(() => updateIndicator(db, TEST_ACTOR, { ...draft, name: '安装护栏长度' })).toThrow(/已被他人修改/);
    const current = requireIndicator(db, draft.id);
    expect(() => updateIndicator(db, TEST_ACTOR, { ...current, referenceValue: '三公里' })).toThrow('定量指标的参考值应为数字');
    expect(() => updateIndicator(db, TEST_ACTOR, { ...current, projectTypeCode: 'JT02' })).toThrow(/不能更换项目类型/);
  });

  it('refuses a new indicator of an unknown project type or with a qualitative unit', () => {
    const db = library();
    expect(() => createIndicator(db, TEST_ACTOR, { ...guardrail, projectTypeCode: 'ZZ99' })).toThrow(/项目类型 ZZ99 不存在/);
    expect(() => createIndicator(db, TEST_ACTOR, { ...guardrail, operator: '定性', referenceValue: '明显改善' })).toThrow('定性指标不填计量单位');
  });
});
