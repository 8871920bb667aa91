import { describe, expect, it } from 'vitest';
import { settingDefinition } from '../../../../electron/domain/settings';
import { formatSettingValue } from './settingValue';

describe('formatSettingValue', () => {
  it('shows percentages, months and choices the way staff read them', () => {
    expect(formatSettingValue(settingDefinition('monitoring.budgetGreenFrom')!, '80')).toBe('80%');
    expect(formatSettingValue(settingDefinition('monitoring.months')!, [5, 8, 11])).toBe('5、8、11 月');
    expect(formatSettingValue(settingDefinition('monitoring.timeProgress')!, 'month')).toBe('报告月份 ÷ 12');
  });
});
