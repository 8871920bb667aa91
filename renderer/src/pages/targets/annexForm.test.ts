import { describe, expect, it } from 'vitest';
import { emptyAnnex } from '../../../../electron/domain/targetAnnex';
import { emptyIndicator } from '../../../../electron/domain/targets';
import { annexOf, annexParseErrors, annexState, annexWithFreshKeys } from './annexForm';

const WAN = 1_000_000;

describe('the annex parts of the project target editor', () => {
  it('starts a split never entered from the fund sources’ split, and leaves the 中期 split empty', () => {
    const state = annexState(emptyAnnex(), { fiscalFen: 100 * WAN, otherFen: 20 * WAN });
    expect(state.annualFunds).toEqual({ fiscal: '100', other: '20' });
    expect(annexOf(state)).toMatchObject({ annualFunds: { fiscalFen: 100 * WAN, otherFen: 20 * WAN }, midtermFunds: null });
  });

  it('gives back what was loaded, 中期 rows and schedule included, also after a restore with fresh keys', () => {
    const annex = {
      ...emptyAnnex(),
      midtermGoal: '三年目标',
      midtermIndicators: [{ ...emptyIndicator('产出指标', '数量指标'), name: '里程', operator: '≥' as const, value: '36', unit: '公里' }],
      midtermFunds: { fiscalFen: 300 * WAN, otherFen: 0 },
      annualFunds: { fiscalFen: 120 * WAN, otherFen: 0 },
      schedule: [{ period: '1—3月', work: '招标' }],
      contactPhone: '13912345678',
    };
    const state = annexState(annex, { fiscalFen: 0, otherFen: 0 });
    expect(annexOf(state)).toEqual(annex);
    const restored = annexWithFreshKeys(JSON.parse(JSON.stringify(state)));
    expect(annexOf(restored)).toEqual(annex);
    expect(restored.schedule[0]!.key).not.toBe(state.schedule[0]!.key);
  });

  it('names an amount that is not a 万元 figure', () => {
    const state = { ...annexState(emptyAnnex(), { fiscalFen: 0, otherFen: 0 }), annualFunds: { fiscal: '一百', other: '' } };
    expect(annexParseErrors(state)).toHaveLength(1);
  });
});
