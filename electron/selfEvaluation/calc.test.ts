import { describe, expect, it } from 'vitest';
import { runCliWithStdin } from '../testSupport/cli';

const calc = (stdin: string) => runCliWithStdin(stdin, ['calc', 'selfeval']);

async function calcJson(input: unknown) {
  const result = await calc(JSON.stringify(input));
  expect(result).toMatchObject({ code: 0, err: '' });
  return JSON.parse(result.out);
}

/** The issue's example, with a satisfaction row so that the weights total 100 (the issue's own add up to 60). */
const ISSUE_EXAMPLE = {
  budget: { adjusted: '100', executed: '95', weight: 10 },
  indicators: [
    { operator: '≥', target: '50', actual: '40', weight: 20 },
    { operator: '定性', tier: '达成', score: '9', weight: 10 },
    { operator: '≥', target: '50', actual: '65', weight: 20, deduction: '3', deductionReason: '指标值设定偏低' },
    { operator: '≥', target: '90', actual: '92', weight: 40 },
  ],
};

describe('jixiao calc selfeval', () => {
  it('scores the issue’s example: 9.50 + 16 + 9 + 17 (over-achieved, 3 deducted) + 40 = 91.50 → 优', async () => {
    const result = await calc(JSON.stringify(ISSUE_EXAMPLE));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toEqual({
      executionRate: '95.00',
      budgetScore: '9.50',
      budgetFlags: [],
      indicators: [
        { score: '16.00', flags: ['deviationReasonRequired'] },
        { score: '9.00', flags: [] },
        { score: '17.00', flags: ['overAchievement'] },
        { score: '40.00', flags: [] },
      ],
      total: '91.50',
      grade: '优',
    });
  });

  it('gives §13 #2, #3, #6, #7 and #8: budget 105%, a zero budget, ≤ by ratio, = 100%, = 0 起', async () => {
    const over = await calcJson({ budget: { adjusted: '100', executed: '105', weight: 10 }, indicators: [{ operator: '≤', target: '90', actual: '99', weight: 10 }, { operator: '≥', target: '1', actual: '1', weight: 80 }] });
    expect(over).toMatchObject({ executionRate: '105.00', budgetScore: '10.00', total: '99.09', grade: '优' });
    expect(over.indicators[0]).toEqual({ score: '9.09', flags: ['deviationReasonRequired'] });
    const zero = await calcJson({
      budget: { adjusted: '0', executed: '0', weight: '10' },
      indicators: [
        { operator: '=', target: '100', actual: '95', weight: 10 },
        { operator: '=', target: '0', actual: '1', weight: 5 },
        { operator: '≥', target: '1', actual: '1', weight: 75 },
      ],
    });
    expect(zero).toMatchObject({ executionRate: '0.00', budgetScore: '0.00', budgetFlags: ['zeroBudget', 'reasonRequired'] });
    expect(zero.indicators.slice(0, 2)).toEqual([
      { score: '9.50', flags: ['deviationReasonRequired'] },
      { score: '0.00', flags: ['manualReview', 'deviationReasonRequired'] },
    ]);
  });

  it('applies each scoring setting’s alternative', async () => {
    const out = await calcJson({
      budget: { adjusted: '100', executed: '75', weight: 10 },
      indicators: [
        { operator: '≤', target: '90', actual: '99', weight: 10 },
        { operator: '=', target: '100', actual: '105', weight: 10 },
        { operator: '≥', target: '50', actual: '65', weight: 20 },
        { operator: '≥', target: '50', actual: '70', weight: 50 },
      ],
      settings: { lessOrEqual: 'deviation', equal: 'asAtLeast', overAchievementFrom: '130', overAchievementDeduction: '2', executionCaps: true },
    });
    expect(out.indicators).toEqual([
      { score: '9.00', flags: ['deviationReasonRequired'] },
      { score: '10.00', flags: [] },
      { score: '18.00', flags: ['overAchievement', 'fixedDeduction'] },
      { score: '48.00', flags: ['overAchievement', 'fixedDeduction'] },
    ]);
    // 7.50 + 9 + 10 + 18 + 48 = 92.50, capped at 89 by an execution rate of 75%
    expect(out).toMatchObject({ budgetScore: '7.50', total: '89.00', cappedAt: '89.00', grade: '良' });
    const ownCaps = await calcJson({ ...ISSUE_EXAMPLE, settings: { executionCaps: [{ below: '96', cap: '85' }] } });
    expect(ownCaps).toMatchObject({ total: '85.00', cappedAt: '85.00', grade: '良' });
  });

  it('reviews the unit’s own scores: one difference per row, block or total that differs, none where they agree', async () => {
    const out = await calcJson({
      budget: { ...ISSUE_EXAMPLE.budget, enteredScore: '9.5' },
      indicators: [
        { ...ISSUE_EXAMPLE.indicators[0], enteredScore: '18' },
        { ...ISSUE_EXAMPLE.indicators[1], enteredScore: '9' },
        { ...ISSUE_EXAMPLE.indicators[2], enteredScore: '17' },
        { ...ISSUE_EXAMPLE.indicators[3], enteredScore: '40' },
      ],
      enteredTotal: '95',
    });
    expect(out.differences).toEqual([
      { kind: 'indicator', row: 0, entered: '18.00', rule: '16.00', message: '“第 1 个指标”填报得分 18.00，按规则应为 16.00' },
      { kind: 'total', entered: '95.00', rule: '91.50', message: '总分填报 95.00，按规则应为 91.50' },
      { kind: 'sum', entered: '95.00', rule: '93.50', message: '总分填报 95.00，不等于所填各项得分之和 93.50' },
    ]);
    const clean = await calcJson({ ...ISSUE_EXAMPLE, enteredTotal: '91.5' });
    expect(clean.differences).toEqual([]);
  });

  it('reports in review a unit’s qualitative score outside its tier and weights not totalling 100 as differences', async () => {
    const out = await calcJson({
      budget: { adjusted: '100', executed: '95', weight: 10, enteredScore: '9.5' },
      indicators: [
        { operator: '定性', tier: '达成年度指标', weight: 10, enteredScore: '7.5' },
        { operator: '≥', target: '50', actual: '40', weight: 20, enteredScore: '16' },
      ],
    });
    expect(out.differences.map((x: { kind: string; entered: string; rule: string }) => [x.kind, x.entered, x.rule])).toEqual([
      ['indicator', '7.50', '8.00–10.00'],
      ['weights', '40.00', '100.00'],
    ]);
  });

  it.each([
    ['empty input', '', /请在标准输入中提供 JSON/],
    ['text that is not JSON', 'budget=100', /标准输入不是有效的 JSON/],
    ['a missing budget', JSON.stringify({ indicators: [] }), /budget：应为 \{"adjusted": "全年预算数", "executed": "全年执行数", "weight": 10\}/],
    ['weights not totalling 100', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: ISSUE_EXAMPLE.indicators.slice(0, 3) }), /分值合计 60 分，应为 100 分（含预算执行分值）/],
    [
      'a qualitative score outside its tier (§13 #9)',
      JSON.stringify({ budget: ISSUE_EXAMPLE.budget, indicators: [{ operator: '定性', tier: '达成', score: '7.9', weight: 10 }, { operator: '≥', target: '1', actual: '1', weight: 80 }] }),
      /indicators\.0：定性指标“达成年度指标”的得分应在 8\.00–10\.00 之间，填写的是 7\.90/,
    ],
    [
      'a deduction above the weight (§13 #5)',
      JSON.stringify({ ...ISSUE_EXAMPLE, indicators: ISSUE_EXAMPLE.indicators.map((r, i) => (i === 2 ? { ...r, deduction: '21' } : r)) }),
      /indicators\.2：扣分 21\.00 超过该指标分值 20\.00/,
    ],
    [
      'a deduction without a reason',
      JSON.stringify({ ...ISSUE_EXAMPLE, indicators: ISSUE_EXAMPLE.indicators.map((r, i) => (i === 2 ? { ...r, deductionReason: undefined } : r)) }),
      /indicators\.2：填写了扣分，请说明扣分原因/,
    ],
    ['an unknown tier', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '定性', tier: '很好', score: '9', weight: 90 }] }), /indicators\.0\.tier：应为 达成 \/ 部分达成 \/ 未达成/],
    ['a quantitative row without actual', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '≥', target: '50', weight: 90 }] }), /indicators\.0\.actual：定量指标须有 actual/],
    ['an unknown setting value', JSON.stringify({ ...ISSUE_EXAMPLE, settings: { lessOrEqual: 'linear' } }), /settings\.lessOrEqual：应为 "ratio"（按比例）或 "deviation"（按偏离度）/],
    ['a negative actual', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '≥', target: '50', actual: '-1', weight: 90 }] }), /indicators\.0\.actual：应为不小于 0 的数字/],
    ['an unknown field', JSON.stringify({ ...ISSUE_EXAMPLE, month: 8 }), /输入有误/],
    ['a weight in exponent form', JSON.stringify({ ...ISSUE_EXAMPLE, budget: { ...ISSUE_EXAMPLE.budget, weight: 1e-7 } }), /budget\.weight：分值请写成普通小数/],
  ])('refuses %s with a Chinese message on stderr and exit 1', async (_name, stdin, message) => {
    const result = await calc(stdin);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });
});
