import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { listSettings, resetSetting, settingValue, updateSetting } from './settings';

describe('settings service', () => {
  it('returns defaults until a value is changed, then the stored value', () => {
    const { db } = countyStore();
    expect(settingValue(db, 'monitoring.dueSoonDays')).toBe(5);
    updateSetting(db, TEST_ACTOR, 'monitoring.dueSoonDays', 7);
    expect(settingValue(db, 'monitoring.dueSoonDays')).toBe(7);
    expect(listSettings(db).find((s) => s.key === 'monitoring.dueSoonDays')).toMatchObject({ value: 7, changed: true });
  });

  it('refuses an invalid value and keeps the old one', () => {
    const { db } = countyStore();
    expect(() => updateSetting(db, TEST_ACTOR, 'monitoring.budgetGreenFrom', '-1')).toThrow(/不小于 0/);
    expect(settingValue(db, 'monitoring.budgetGreenFrom')).toBe('80');
  });

  it('resets to the default and audits both changes', () => {
    const { db } = countyStore();
    updateSetting(db, TEST_ACTOR, 'results.cutFair', '15');
    resetSetting(db, TEST_ACTOR, 'results.cutFair');
    expect(settingValue(db, 'results.cutFair')).toBe('10');
    expect(listAudit(db, { entity: 'setting', limit: 5 }).map((a) => a.action)).toEqual(['恢复默认设置', '修改设置']);
  });

  it('refuses a threshold that contradicts another, in Chinese naming both values, and keeps the old one', () => {
    const { db } = countyStore();
    expect(() => updateSetting(db, TEST_ACTOR, 'monitoring.budgetGreenFrom', '50')).toThrow(
      '“预算执行绿灯：执行率/序时进度不低于”（50%）不能低于“预算执行红灯：执行率/序时进度低于”（60%），请先调整其中一项',
    );
    expect(settingValue(db, 'monitoring.budgetGreenFrom')).toBe('80');
    expect(listAudit(db, { entity: 'setting', limit: 5 })).toEqual([]);
  });

  it('refuses a reset to a default that would contradict another changed value', () => {
    const { db } = countyStore();
    updateSetting(db, TEST_ACTOR, 'monitoring.indicatorBlueFrom', '150');
    updateSetting(db, TEST_ACTOR, 'monitoring.indicatorGreenFrom', '130');
    expect(() => resetSetting(db, TEST_ACTOR, 'monitoring.indicatorBlueFrom')).toThrow(/“指标蓝灯（超额）：完成进度不低于”（120%）不能低于“指标绿灯：完成进度不低于”（130%）/);
    expect(settingValue(db, 'monitoring.indicatorBlueFrom')).toBe('150');
  });
});
