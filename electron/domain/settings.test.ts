import { describe, expect, it } from 'vitest';
import { checkSetting, settingConflict, settingDefinition, SETTINGS, type SettingValue } from './settings';

const def = (key: string) => settingDefinition(key)!;

describe('setting definitions', () => {
  it('carry the defaults of domain.md', () => {
    const defaults = Object.fromEntries(SETTINGS.map((s) => [s.key, s.default]));
    expect(defaults).toMatchObject({
      'monitoring.months': [5, 8, 11],
      'monitoring.budgetRedBelow': '60',
      'monitoring.budgetGreenFrom': '80',
      'monitoring.indicatorBlueFrom': '120',
      'monitoring.dueSoonDays': 5,
      // 状态型 indicators are not prorated unless the bureau reproduces the all-cumulative systems
      'monitoring.accrual': 'byIndicator',
      'evaluation.gradeExcellentFrom': 90,
      'results.cutFair': '10',
    });
  });

  it('have unique keys and valid defaults', () => {
    expect(new Set(SETTINGS.map((s) => s.key)).size).toBe(SETTINGS.length);
    for (const s of SETTINGS) expect(checkSetting(s, s.default), s.key).toMatchObject({ ok: true });
  });

  it('refuse values of the wrong shape, naming the setting', () => {
    expect(checkSetting(def('monitoring.budgetRedBelow'), 'sixty')).toEqual({
      ok: false,
      message: '“预算执行红灯：执行率/序时进度低于”须为不小于 0 的数字（百分比）',
    });
    expect(checkSetting(def('monitoring.dueSoonDays'), 61)).toMatchObject({ ok: false });
    expect(checkSetting(def('monitoring.accrual'), 'allCumulative')).toEqual({ ok: true, value: 'allCumulative' });
    expect(checkSetting(def('monitoring.accrual'), 'level')).toEqual({ ok: false, message: '“指标进度折算”的取值不在可选范围内' });
    expect(checkSetting(def('monitoring.months'), [0, 13])).toMatchObject({ ok: false });
    expect(checkSetting(def('targets.framework'), '2030')).toMatchObject({ ok: false });
    // a cut beyond the whole amount would propose a negative budget
    expect(checkSetting(def('results.cutFair'), '100.5')).toEqual({ ok: false, message: '“评价为“中”的核减比例”不能超过 100%' });
    expect(checkSetting(def('results.cutFair'), '100')).toEqual({ ok: true, value: '100' });
  });

  it('normalise months into a sorted list without repeats', () => {
    expect(checkSetting(def('monitoring.months'), [11, 5, 5, 8])).toEqual({ ok: true, value: [5, 8, 11] });
  });
});

describe('thresholds that must keep their order', () => {
  const defaults = (key: string): SettingValue => def(key).default;

  it.each([
    ['a budget green light below the red one', 'monitoring.budgetGreenFrom', '50', '“预算执行绿灯：执行率/序时进度不低于”（50%）不能低于“预算执行红灯：执行率/序时进度低于”（60%），请先调整其中一项'],
    ['a budget red light above the green one', 'monitoring.budgetRedBelow', '85.5', '“预算执行红灯：执行率/序时进度低于”（85.5%）不能高于“预算执行绿灯：执行率/序时进度不低于”（80%），请先调整其中一项'],
    ['an indicator blue light below the green one', 'monitoring.indicatorBlueFrom', '79.99', '“指标蓝灯（超额）：完成进度不低于”（79.99%）不能低于“指标绿灯：完成进度不低于”（80%），请先调整其中一项'],
    ['an indicator green light above the blue one', 'monitoring.indicatorGreenFrom', '130', '“指标绿灯：完成进度不低于”（130%）不能高于“指标蓝灯（超额）：完成进度不低于”（120%），请先调整其中一项'],
    ['a 良 line at the 优 line', 'evaluation.gradeGoodFrom', 90, '「“良”等级分数线」（90）须低于「“优”等级分数线」（90），请先调整其中一项'],
    ['a 部分达成 tier above 达成', 'evaluation.tierPartialFrom', '81', '「定性“部分达成”得分下限（占分值）」（81%）不能高于「定性“达成年度指标”得分下限（占分值）」（80%），请先调整其中一项'],
  ])('refuses %s, naming both values', (_name, key, value, message) => {
    expect(settingConflict(key, value, defaults)).toBe(message);
  });

  it('compares exactly, not as floating point', () => {
    // 80.0000000000000001 is above 80 although it is the same binary double.
    expect(settingConflict('monitoring.budgetRedBelow', '80.0000000000000001', defaults)).toMatch(/不能高于/);
    expect(settingConflict('monitoring.budgetRedBelow', '80', defaults)).toBeNull();
  });

  it('accepts a value between its neighbours and settings without an order', () => {
    expect(settingConflict('monitoring.indicatorGreenFrom', '100', defaults)).toBeNull();
    expect(settingConflict('evaluation.gradeGoodFrom', 85, defaults)).toBeNull();
    expect(settingConflict('results.cutFair', '99', defaults)).toBeNull();
  });

  it('checks against the other setting’s current value, not its default', () => {
    const current = (key: string) => (key === 'monitoring.budgetGreenFrom' ? '95' : defaults(key));
    expect(settingConflict('monitoring.budgetRedBelow', '90', current)).toBeNull();
  });
});
