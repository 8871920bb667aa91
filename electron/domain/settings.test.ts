import { describe, expect, it } from 'vitest';
import { checkSetting, settingDefinition, SETTINGS } from './settings';

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
  });

  it('normalise months into a sorted list without repeats', () => {
    expect(checkSetting(def('monitoring.months'), [11, 5, 5, 8])).toEqual({ ok: true, value: [5, 8, 11] });
  });
});
