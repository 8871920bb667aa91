import { describe, expect, it } from 'vitest';
import { FUND_SOURCES } from '../projects';
import { ratio } from '../ratio';
import { checkSetting, FUND_ROW_SETTINGS, settingDefinition, type SettingValue } from '../settings';
import { fundRowsOf } from './funds';
import { DEFAULT_SCORING, FUND_ROW_LABELS, scoringSettingsFrom, STANDARD_EXECUTION_CAPS } from './settings';

const withStored = (stored: Record<string, SettingValue>) =>
  scoringSettingsFrom((key) => (key in stored ? stored[key]! : settingDefinition(key)!.default));

describe('self-evaluation scoring settings', () => {
  it('default to domain.md §6: ≤ by ratio, = symmetric, 120% flag only, no caps, 90% reason line, 80/60 tiers, 90/80/60 grades', () => {
    expect(DEFAULT_SCORING).toMatchObject({
      lessOrEqual: 'ratio',
      equal: 'symmetric',
      overAchievementFrom: ratio(6, 5),
      overAchievementDeduction: null,
      executionReasonBelow: ratio(9, 10),
      tierAchievedFrom: ratio(4, 5),
      tierPartialFrom: ratio(3, 5),
      executionCaps: [],
      grades: { excellentFrom: ratio(90), goodFrom: ratio(80), fairFrom: ratio(60), labels: ['优', '良', '中', '差'] },
    });
  });

  it('take each alternative the bureau stored', () => {
    const settings = withStored({
      'evaluation.lessOrEqualScoring': 'deviation',
      'evaluation.equalScoring': 'asAtLeast',
      'evaluation.overAchievement': 'deduct',
      'evaluation.overAchievementDeduction': 2,
      'evaluation.overAchievementFrom': '150',
      'evaluation.executionCaps': 'standard',
      'evaluation.gradeLabels': '好/较好/一般/差',
      'evaluation.fundRow.carryOver': 'other',
    });
    expect(settings).toMatchObject({
      lessOrEqual: 'deviation',
      equal: 'asAtLeast',
      overAchievementDeduction: ratio(2),
      overAchievementFrom: ratio(3, 2),
      executionCaps: STANDARD_EXECUTION_CAPS,
      grades: { labels: ['好', '较好', '一般', '差'] },
    });
    expect(settings.fundRows['上年结转']).toBe('other');
  });

  it('ignore the fixed deduction while the consequence is flag only', () => {
    expect(withStored({ 'evaluation.overAchievementDeduction': 3 }).overAchievementDeduction).toBeNull();
  });

  it('have a fund-row setting for every fund source of the project form, and refuse other rows', () => {
    expect(FUND_ROW_SETTINGS.map(([, source]) => source)).toEqual([...FUND_SOURCES]);
    expect(checkSetting(settingDefinition('evaluation.fundRow.unit')!, 'carryOver')).toEqual({ ok: true, value: 'carryOver' });
    expect(checkSetting(settingDefinition('evaluation.fundRow.unit')!, '单位资金')).toEqual({ ok: false, message: '“自评表资金行：单位资金”的取值不在可选范围内' });
    expect(checkSetting(settingDefinition('evaluation.overAchievementDeduction')!, 101)).toMatchObject({ ok: false });
  });
});

describe('the 项目资金 rows of the table', () => {
  const funds = [
    { source: '本级财政拨款', initialFen: 1_000_000, adjustedFen: 1_200_000, executedFen: 1_100_000 },
    { source: '上级补助（中央）', initialFen: 500_000, adjustedFen: 500_000, executedFen: 400_000 },
    { source: '上年结转', initialFen: 0, adjustedFen: 300_000, executedFen: 300_000 },
    { source: '单位资金', initialFen: 100_000, adjustedFen: 100_000, executedFen: 0 },
  ];

  it('group the sources by default: appropriations and subsidies are 当年财政拨款, 上年结转 its own row, the rest 其他资金', () => {
    expect(fundRowsOf(funds, DEFAULT_SCORING)).toEqual([
      { row: 'total', initialFen: 1_600_000, adjustedFen: 2_100_000, executedFen: 1_800_000 },
      { row: 'appropriation', initialFen: 1_500_000, adjustedFen: 1_700_000, executedFen: 1_500_000 },
      { row: 'carryOver', initialFen: 0, adjustedFen: 300_000, executedFen: 300_000 },
      { row: 'other', initialFen: 100_000, adjustedFen: 100_000, executedFen: 0 },
    ]);
  });

  it('print the rows as the 10号 annex names them', () => {
    expect(FUND_ROW_LABELS).toEqual({ appropriation: '当年财政拨款', carryOver: '上年结转资金', other: '其他资金' });
  });

  it('follow an overridden mapping, and keep all rows when a source is empty', () => {
    const settings = withStored({ 'evaluation.fundRow.central': 'other', 'evaluation.fundRow.carryOver': 'appropriation' });
    const rows = fundRowsOf(funds, settings);
    expect(rows.map((r) => [r.row, r.adjustedFen])).toEqual([['total', 2_100_000], ['appropriation', 1_500_000], ['carryOver', 0], ['other', 600_000]]);
  });
});
