import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { listSettings, resetSetting, resetSettings, settingValue, updateSetting, updateSettings } from './settings';

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

  describe('the self-evaluation weights, which total 100', () => {
    const WEIGHTS = ['evaluation.weightBudget', 'evaluation.weightOutput', 'evaluation.weightBenefit', 'evaluation.weightSatisfaction'];
    const weights = (db: ReturnType<typeof countyStore>['db']) => WEIGHTS.map((key) => settingValue(db, key));

    it('refuses one weight saved alone when it breaks the total, naming every weight and the sum', () => {
      const { db } = countyStore();
      expect(() => updateSetting(db, TEST_ACTOR, 'evaluation.weightOutput', 60)).toThrow(
        '预算执行分值 10、产出指标分值 60、效益指标分值 30、满意度指标分值 10，合计 110，应为 100。请一起调整这几项后再保存',
      );
      expect(weights(db)).toEqual([10, 50, 30, 10]);
      expect(listAudit(db, { entity: 'setting', limit: 5 })).toEqual([]);
    });

    it('saves the weights together when they total 100, logging only the ones that changed', () => {
      const { db } = countyStore();
      const saved = updateSettings(db, TEST_ACTOR, WEIGHTS.map((key, i) => ({ key, value: [10, 60, 20, 10][i] })));
      expect(saved.map((s) => s.value)).toEqual([10, 60, 20, 10]);
      expect(weights(db)).toEqual([10, 60, 20, 10]);
      expect(listAudit(db, { entity: 'setting', limit: 5 }).map((a) => a.naturalKey)).toEqual(['evaluation.weightBenefit', 'evaluation.weightOutput']);
      expect(() => updateSettings(db, TEST_ACTOR, [{ key: 'evaluation.weightOutput', value: 50 }, { key: 'evaluation.weightBenefit', value: 30 }, { key: 'evaluation.weightBudget', value: 0 }])).toThrow(/合计 90，应为 100/);
      expect(weights(db)).toEqual([10, 60, 20, 10]);
    });

    it('resets the weights together, and refuses to reset one alone that would break the total', () => {
      const { db } = countyStore();
      updateSettings(db, TEST_ACTOR, [{ key: 'evaluation.weightOutput', value: 60 }, { key: 'evaluation.weightBenefit', value: 20 }]);
      expect(() => resetSetting(db, TEST_ACTOR, 'evaluation.weightOutput')).toThrow(/合计 90，应为 100/);
      resetSettings(db, TEST_ACTOR, WEIGHTS);
      expect(weights(db)).toEqual([10, 50, 30, 10]);
      expect(listSettings(db).filter((s) => WEIGHTS.includes(s.key)).every((s) => !s.changed)).toBe(true);
    });
  });
});
