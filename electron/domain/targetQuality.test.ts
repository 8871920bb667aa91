import { describe, expect, it } from 'vitest';
import { framework } from './indicators';
import {
  belowLastYearWarnings,
  blueLastYearWarnings,
  budgetGrowth,
  duplicateWarnings,
  missingMandatoryWarnings,
  qualitativeShareWarning,
  satisfactionAsBenefitWarnings,
  targetQualityWarnings,
  unchangedWhileBudgetGrowsWarnings,
  vagueWordWarnings,
} from './targetQuality';
import type { LastYearActualSource, LastYearIndicator, LastYearTarget } from './targetAnnex';
import type { MandatoryIndicator } from './mandatoryIndicators';
import type { TargetIndicator } from './targets';
import { plainDecimal } from './ratio';

const classic = framework('classic');

const row = (over: Partial<TargetIndicator> = {}): TargetIndicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '带动脱贫人口',
  operator: '≥',
  value: '500',
  unit: '人',
  definition: '',
  basis: '计划标准',
  weight: '',
  accrual: 'cumulative',
  libraryCode: null,
  ...over,
});

const qualitative = (name: string, value: string) => row({ level1: '效益指标', level2: '社会效益指标', name, operator: '定性', value, unit: '' });

const before = (over: Partial<LastYearIndicator> = {}): LastYearIndicator => ({
  libraryCode: null,
  name: '带动脱贫人口',
  operator: '≥',
  value: '500',
  unit: '人',
  actual: null,
  light: null,
  ...over,
});

const evaluated: LastYearActualSource = { kind: 'selfEvaluation' };
const lastYear = (indicators: LastYearIndicator[], adjustedFen = 100_000_000, actualSource: LastYearActualSource = evaluated): LastYearTarget => ({ year: 2019, adjustedFen, actualSource, indicators });

describe('vague words', () => {
  it('warns of 进一步 in a quantitative indicator’s name, naming the row and the word', () => {
    const warnings = vagueWordWarnings([row(), row({ name: '进一步提高通村道路里程', unit: '公里' })]);
    expect(warnings).toEqual([{ check: 'vagueWord', row: 1, message: expect.stringMatching(/^第 2 个指标“进一步提高通村道路里程”的名称含有“进一步”/) }]);
  });

  it('warns of 明显 in a qualitative target, and not of a qualitative indicator’s name', () => {
    expect(vagueWordWarnings([qualitative('群众出行条件', '明显改善')])).toMatchObject([{ row: 0, message: expect.stringContaining('的指标值含有“明显”') }]);
    expect(vagueWordWarnings([qualitative('有效保障群众出行', '道路全年通行')])).toEqual([]);
  });

  it('passes a measurable name and target', () => {
    expect(vagueWordWarnings([row(), qualitative('群众出行条件', '全年通车率达到设计标准')])).toEqual([]);
  });
});

describe('qualitative share', () => {
  const quantitative = row();
  it('warns when qualitative indicators are more than the setting’s share (2 of 5 = 40% > 30%)', () => {
    const rows = [quantitative, quantitative, quantitative, qualitative('a', '达成'), qualitative('b', '达成')];
    expect(qualitativeShareWarning(rows, '30')).toEqual([{ check: 'qualitativeShare', message: expect.stringContaining('定性指标 2 个，占全部 5 个指标的 40.00%，超过 30%') }]);
  });

  it('passes exactly the setting’s share (3 of 10 = 30%)', () => {
    const rows = [...Array<TargetIndicator>(7).fill(quantitative), qualitative('a', '达成'), qualitative('b', '达成'), qualitative('c', '达成')];
    expect(qualitativeShareWarning(rows, '30')).toEqual([]);
    expect(qualitativeShareWarning(rows, '29.9')).toHaveLength(1);
  });
});

describe('satisfaction counted as a benefit', () => {
  it('warns of a 满意度 indicator under 效益指标', () => {
    const filed = row({ level1: '效益指标', level2: '社会效益指标', name: '脱贫户满意度', value: '90', unit: '%' });
    expect(satisfactionAsBenefitWarnings([filed], classic)).toEqual([
      { check: 'satisfactionAsBenefit', row: 0, message: '第 1 个指标“脱贫户满意度”是满意度指标，应列入“满意度指标”，不应计入“效益指标”' },
    ]);
  });

  it('passes one under 满意度指标', () => {
    expect(satisfactionAsBenefitWarnings([row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '脱贫户满意度', value: '90', unit: '%' })], classic)).toEqual([]);
  });
});

describe('a target below last year’s actual', () => {
  it('warns of a ≥ target below what was achieved last year', () => {
    const warnings = belowLastYearWarnings([row({ value: '500' })], lastYear([before({ actual: '620' })]));
    expect(warnings).toEqual([{ check: 'belowLastYear', row: 0, message: '第 1 个指标“带动脱贫人口”的指标值 500人 低于上年（2019 年）实际完成值 620人，目标设定偏低' }]);
  });

  it('warns of a ≤ limit above last year’s actual, matched by library code under a new name', () => {
    const cost = { libraryCode: 'XC01-003', operator: '≤' as const, unit: '万元/公里' };
    const warnings = belowLastYearWarnings([row({ ...cost, name: '每公里造价', value: '60' })], lastYear([before({ ...cost, name: '单位造价', value: '60', actual: '55' })]));
    expect(warnings).toMatchObject([{ check: 'belowLastYear', message: expect.stringContaining('宽于上年（2019 年）实际完成值 55万元/公里') }]);
  });

  it('compares with the value last year’s monitoring reached by its month when there was no approved self-evaluation, and says so', () => {
    const monitored = lastYear([before({ actual: '540' })], 100_000_000, { kind: 'monitoring', month: 8 });
    expect(belowLastYearWarnings([row({ value: '500' })], monitored)).toEqual([
      { check: 'belowLastYear', row: 0, message: '第 1 个指标“带动脱贫人口”的指标值 500人 低于上年（2019 年）监控至 8 月的完成值 540人，目标设定偏低' },
    ]);
    expect(belowLastYearWarnings([row({ value: '540' })], monitored)).toEqual([]);
  });

  it('passes a target at or above last year’s actual, one in another unit, and a new project', () => {
    expect(belowLastYearWarnings([row({ value: '620' })], lastYear([before({ actual: '620' })]))).toEqual([]);
    expect(belowLastYearWarnings([row({ value: '5', unit: '百人' })], lastYear([before({ actual: '620' })]))).toEqual([]);
    expect(belowLastYearWarnings([row()], null)).toEqual([]);
  });
});

describe('a target unchanged while the budget grows', () => {
  const previous = lastYear([before({ value: '500' })], 100_000_000);

  it('warns when the value is last year’s and the budget grew by more than the setting', () => {
    const warnings = unchangedWhileBudgetGrowsWarnings([row({ value: '500.0' })], previous, 112_000_000, '10');
    expect(warnings).toEqual([{ check: 'unchangedWhileBudgetGrows', row: 0, message: expect.stringContaining('预算比上年增长 12.00%（超过 10%）') }]);
  });

  it('passes a growth of exactly the setting, and a raised value', () => {
    expect(plainDecimal(budgetGrowth(110_000_000, previous)!)).toBe('0.1');
    expect(unchangedWhileBudgetGrowsWarnings([row({ value: '500' })], previous, 110_000_000, '10')).toEqual([]);
    expect(unchangedWhileBudgetGrowsWarnings([row({ value: '560' })], previous, 150_000_000, '10')).toEqual([]);
  });
});

describe('an indicator that went blue last year', () => {
  const previous = lastYear([before({ value: '500', light: 'blue' })]);

  it('warns when last year’s blue indicator keeps its target', () => {
    expect(blueLastYearWarnings([row({ value: '500' })], previous)).toEqual([{ check: 'blueLastYear', row: 0, message: expect.stringContaining('上年（2019 年）监控中亮蓝灯') }]);
  });

  it('passes once the target was raised, and an indicator that was green', () => {
    expect(blueLastYearWarnings([row({ value: '650' })], previous)).toEqual([]);
    expect(blueLastYearWarnings([row({ value: '500' })], lastYear([before({ light: 'green' })]))).toEqual([]);
  });
});

describe('duplicated indicators', () => {
  it('warns of the same level-3 name twice and of the same library indicator twice', () => {
    const warnings = duplicateWarnings([row(), row({ value: '600' }), row({ name: '资金支出进度', libraryCode: 'XC01-002' }), row({ name: '支出进度', libraryCode: 'XC01-002' })]);
    expect(warnings.map((w) => [w.row, w.message])).toEqual([
      [1, '第 2 个指标“带动脱贫人口”与第 1 个指标重复，请合并或删除一个'],
      [3, '第 4 个指标“支出进度”与第 3 个指标重复，请合并或删除一个'],
    ]);
  });

  it('passes distinct indicators, unnamed new rows included', () => {
    expect(duplicateWarnings([row(), row({ name: '资金支出进度' }), row({ name: '' }), row({ name: '' })])).toEqual([]);
  });
});

describe('missing mandatory indicators', () => {
  const mandatory: MandatoryIndicator[] = [{ libraryCode: 'XC01-001', row: row({ libraryCode: 'XC01-001' }), rule: '衔接资金项目的固化指标' }];

  it('warns of one the target lacks, naming it and its rule', () => {
    expect(missingMandatoryWarnings([row()], mandatory)).toEqual([{ check: 'missingMandatory', message: '缺少固化指标“带动脱贫人口”（衔接资金项目的固化指标），送审前请从指标库添加' }]);
  });

  it('passes a target carrying it', () => {
    expect(missingMandatoryWarnings([row({ libraryCode: 'XC01-001', value: '800' })], mandatory)).toEqual([]);
  });
});

describe('targetQualityWarnings', () => {
  it('gathers every check of a form, and none for a clean one', () => {
    const context = { settings: { qualitativeShareMax: '30', budgetGrowthFrom: '10' }, adjustedFen: 100_000_000, previous: null, mandatory: [] };
    const clean = { overallGoal: '带动脱贫人口 500 人', annualGoals: [], indicators: [row(), row({ level1: '效益指标', level2: '社会效益指标', name: '人均增收', value: '800', unit: '元' })] };
    expect(targetQualityWarnings(clean, classic, context)).toEqual([]);
    const vague = { ...clean, indicators: [...clean.indicators, qualitative('群众生活', '明显改善'), qualitative('社会影响', '持续发挥'), row()] };
    expect(targetQualityWarnings(vague, classic, context).map((w) => w.check)).toEqual(['vagueWord', 'qualitativeShare', 'duplicate']);
  });
});
