// Each installation's navigation: a county runs every workflow, a budget unit its own records, a
// prefecture oversees its counties on 州级汇总 and through 数据交换, and issues the library.
import { describe, expect, it } from 'vitest';
import { navigationFor, PREFECTURE_PAGES, WORKFLOWS } from './navigation';

const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((workflow) => workflow.label);

describe('navigationFor', () => {
  it('gives a county every page', () => {
    expect(navigationFor('county')).toEqual(WORKFLOWS);
  });

  it('gives a budget unit the pages of its own records, none of the county’s evaluation, results, funds or publishing', () => {
    expect(labels('unit')).toEqual(['首页', '单位与项目', '指标库', '绩效目标', '绩效监控', '绩效自评', '整改问责', '数据交换', '设置']);
  });

  it('gives a prefecture its home, its read-only pages across its counties, the library it issues, 数据交换 and 设置, and no page to register units', () => {
    expect(labels('prefecture')).toEqual([
      '首页', '州级汇总', '各县单位与项目', '各县绩效目标', '各县绩效监控', '各县绩效自评', '各县绩效评价', '各县结果应用', '各县整改', '指标库', '数据交换', '设置',
    ]);
  });

  it('offers the pages across counties to a prefecture only', () => {
    for (const role of ['county', 'unit'] as const) expect(navigationFor(role).some((page) => PREFECTURE_PAGES.includes(page))).toBe(false);
  });

  it('starts every navigation at 首页', () => {
    for (const role of ['county', 'unit', 'prefecture'] as const) expect(navigationFor(role)[0]).toMatchObject({ path: '', label: '首页' });
  });
});
