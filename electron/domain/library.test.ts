import { describe, expect, it } from 'vitest';
import { framework } from './indicators';
import {
  changesPublishedLibrary,
  checkLibraryIndicator,
  checkProjectType,
  editRefusal,
  frameworkOf,
  INDICATOR_CODE,
  libraryActions,
  libraryTransition,
  nextIndicatorCode,
  parseLibraryStatus,
  sameIndicatorContent,
  type LibraryIndicatorDraft,
} from './library';

const classic = framework('classic');
const fw2021 = framework('2021');

const draft = (over: Partial<LibraryIndicatorDraft> = {}): LibraryIndicatorDraft => ({
  projectTypeCode: 'JT01',
  level1: '产出指标',
  level2: '数量指标',
  name: '新建农村公路里程',
  operator: '≥',
  referenceValue: '50',
  unit: '公里',
  definition: '年度内建成并通过交工验收的农村公路里程。',
  basis: '计划标准',
  accrual: 'cumulative',
  ...over,
});

describe('library status moves', () => {
  it('goes 草稿 → 待确认 → 已入库 → 停用 → 草稿', () => {
    expect(libraryTransition('draft', 'propose')).toEqual({ ok: true, next: 'proposed' });
    expect(libraryTransition('proposed', 'confirm')).toEqual({ ok: true, next: 'accepted' });
    expect(libraryTransition('accepted', 'retire')).toEqual({ ok: true, next: 'retired' });
    expect(libraryTransition('retired', 'restore')).toEqual({ ok: true, next: 'draft' });
  });

  it('returns a proposal to draft only with an opinion', () => {
    expect(libraryTransition('proposed', 'reject', '  ')).toEqual({ ok: false, message: expect.stringMatching(/必须填写退回意见/) });
    expect(libraryTransition('proposed', 'reject', '参考值偏低')).toEqual({ ok: true, next: 'draft' });
  });

  it.each([
    ['draft', 'confirm'],
    ['accepted', 'propose'],
    ['accepted', 'confirm'],
    ['proposed', 'retire'],
    ['retired', 'confirm'],
    ['draft', 'restore'],
  ] as const)('refuses %s → %s and says why', (status, action) => {
    const result = libraryTransition(status, action);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^该指标当前为“.+”，不能/);
  });

  it('offers the buttons each status allows', () => {
    expect(libraryActions('draft')).toEqual(['propose', 'retire']);
    expect(libraryActions('proposed')).toEqual(['confirm', 'reject']);
    expect(libraryActions('accepted')).toEqual(['retire']);
    expect(libraryActions('retired')).toEqual(['restore']);
  });

  it('opens a library version only when the published indicators change', () => {
    expect(changesPublishedLibrary('confirm', 'proposed')).toBe(true);
    expect(changesPublishedLibrary('retire', 'accepted')).toBe(true);
    expect(changesPublishedLibrary('retire', 'draft')).toBe(false);
    expect(changesPublishedLibrary('propose', 'draft')).toBe(false);
  });

  it('lets drafts and accepted indicators be edited, not proposals or retired ones', () => {
    expect(editRefusal('draft')).toBeNull();
    expect(editRefusal('accepted')).toBeNull();
    expect(editRefusal('proposed')).toMatch(/等待确认/);
    expect(editRefusal('retired')).toMatch(/恢复为草稿/);
  });

  it('reads statuses as typed in Excel', () => {
    expect(parseLibraryStatus('已入库')).toBe('accepted');
    expect(parseLibraryStatus(' 停用 ')).toBe('retired');
    expect(parseLibraryStatus('draft')).toBe('draft');
    expect(parseLibraryStatus('作废')).toBeUndefined();
  });
});

describe('codes', () => {
  it('numbers a new indicator after the highest serial of its own prefix', () => {
    expect(nextIndicatorCode('JT01', null, ['JT01-001', 'JT01-010', 'JT02-050'])).toBe('JT01-011');
    expect(nextIndicatorCode('JT01', '652822', ['JT01-001', 'JT01-652822-002', 'JT01-652800-009'])).toBe('JT01-652822-003');
    expect(nextIndicatorCode('XZ02', '652822', [])).toBe('XZ02-652822-001');
  });

  it('accepts starter and regional codes and refuses others', () => {
    expect(INDICATOR_CODE.test('JY01-001')).toBe(true);
    expect(INDICATOR_CODE.test('JY01-652822-001')).toBe(true);
    expect(INDICATOR_CODE.test('jy01-001')).toBe(false);
    expect(INDICATOR_CODE.test('JY01001')).toBe(false);
  });

  it('checks a project type', () => {
    expect(checkProjectType({ code: 'JT03', name: '桥梁维修加固', sector: '交通运输', description: '' })).toEqual({});
    expect(checkProjectType({ code: 'j', name: '', sector: '航天', description: '' })).toEqual({
      code: expect.stringMatching(/2–12 位大写字母或数字/),
      name: '请填写项目类型名称',
      sector: expect.stringMatching(/^所属领域应为：教育、/),
    });
    expect(checkProjectType({ code: 'JT03', name: '桥梁维修加固', sector: '', description: '' }).sector).toBe('请选择所属领域');
  });
});

describe('checkLibraryIndicator', () => {
  it('accepts a complete indicator', () => {
    expect(checkLibraryIndicator(draft(), classic)).toEqual({});
  });

  it('reports the target-form rules against the reference value', () => {
    expect(checkLibraryIndicator(draft({ referenceValue: '很多' }), classic)).toEqual({ referenceValue: '定量指标的参考值应为数字' });
    expect(checkLibraryIndicator(draft({ operator: '定性', referenceValue: '', unit: '' }), classic)).toEqual({
      referenceValue: '定性指标请填写参考值，如“达成预期目标”',
    });
    expect(checkLibraryIndicator(draft({ unit: '' }), classic)).toEqual({ unit: '定量指标请填写计量单位' });
  });

  it('adds the library rules: a project type, a basis from the list, bounded texts', () => {
    expect(checkLibraryIndicator(draft({ projectTypeCode: '', basis: '领导要求', definition: '长'.repeat(501), unit: '单'.repeat(21) }), classic)).toEqual({
      projectTypeCode: '请选择项目类型',
      basis: '设定依据应为：计划标准、行业标准、历史标准、其他标准',
      definition: '指标解释不能超过 500 个字',
      unit: '计量单位不能超过 20 个字',
    });
  });

  it('keeps an indicator written under the other framework valid, and reports errors against the preferred one', () => {
    const cost2021 = draft({ level1: '成本指标', level2: '经济成本指标' });
    expect(frameworkOf('成本指标', '经济成本指标', classic).id).toBe('2021');
    expect(checkLibraryIndicator(cost2021, classic)).toEqual({});
    expect(checkLibraryIndicator(draft({ level2: '成本指标' }), fw2021)).toEqual({});
    expect(checkLibraryIndicator(draft({ level1: '过程指标' }), classic).level1).toMatch(/产出指标、效益指标、满意度指标/);
  });

  it('compares the content of two versions of an indicator', () => {
    expect(sameIndicatorContent(draft(), draft())).toBe(true);
    expect(sameIndicatorContent(draft(), draft({ referenceValue: '60' }))).toBe(false);
  });
});
