import { describe, expect, it } from 'vitest';
import { runCliWithStdin } from '../testSupport/cli';

const calc = (stdin: string) => runCliWithStdin(stdin, ['calc', 'monitor']);

/** The JSON a successful run printed. */
async function calcJson(input: unknown) {
  const result = await calc(JSON.stringify(input));
  expect(result).toMatchObject({ code: 0, err: '' });
  return JSON.parse(result.out);
}

const ISSUE_EXAMPLE = {
  month: 8,
  budget: { adjusted: '240', executed: '128' },
  indicators: [
    { operator: '≥', target: '1200', reached: '350' },
    { operator: '定性', reached: '部分达成并具有一定效果' },
  ],
};

describe('jixiao calc monitor', () => {
  it('computes the issue’s example: 128 of 240 in month 8 is green, 350 of 1200 red, 部分达成 yellow, project red', async () => {
    const result = await calc(JSON.stringify(ISSUE_EXAMPLE));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toEqual({
      timeProgress: '66.67',
      executionRate: '53.33',
      zeroBudget: false,
      overspent: false,
      budgetLight: 'green',
      indicators: [{ light: 'red', ratio: '43.75', accrual: 'cumulative' }, { light: 'yellow' }],
      projectLight: 'red',
    });
  });

  it('gives §13 #12 (80 of 240 → red) and #14 (350 and 620 of 1200 in May → yellow and blue)', async () => {
    const out = await calcJson({
      month: 5,
      budget: { adjusted: '240.0000', executed: '80' },
      indicators: [
        { operator: '≥', target: '1200', reached: '350' },
        { operator: '≥', target: '1200', reached: '620' },
      ],
    });
    // 80 of 240 in May is r = (1/3) ÷ (5/12) = 80% exactly: green.
    expect(out).toMatchObject({ timeProgress: '41.67', executionRate: '33.33', budgetLight: 'green', projectLight: 'yellow' });
    expect(out.indicators).toEqual([
      { light: 'yellow', ratio: '70.00', accrual: 'cumulative' },
      { light: 'blue', ratio: '124.00', accrual: 'cumulative' },
    ]);
    const august = await calcJson({ month: 8, budget: { adjusted: '240', executed: '80' } });
    expect(august).toMatchObject({ executionRate: '33.33', budgetLight: 'red', indicators: [], projectLight: 'none' });
  });

  it('handles reverse indicators, unreported values and a zero budget', async () => {
    const out = await calcJson({
      month: 11,
      budget: { adjusted: '0', executed: '0' },
      indicators: [
        { operator: '=', target: '0', reached: '1' },
        { operator: '≤', target: '90', reached: '88.5' },
        { operator: '≥', target: '10', reached: null },
      ],
    });
    expect(out).toMatchObject({ timeProgress: '91.67', executionRate: '0.00', zeroBudget: true });
    expect(out.indicators).toEqual([
      { light: 'red', accrual: 'cumulative' },
      { light: 'green', accrual: 'cumulative' },
      { light: 'none', accrual: 'cumulative' },
    ]);
    expect(out.projectLight).toBe('red');
  });

  it('compares rates, satisfaction and service life with the full target in month 8: =100% and ≥90% green, ≥10年 green', async () => {
    const out = await calcJson({
      month: 8,
      budget: { adjusted: '240', executed: '128' },
      indicators: [
        { operator: '=', target: '100', unit: '%', reached: '100' },
        { operator: '≥', target: '90', unit: '%', level2: '服务对象满意度指标', reached: '92' },
        { operator: '≥', target: '10', unit: '年', reached: '10' },
        { operator: '≥', target: '90', unit: '%', reached: '70' },
        { operator: '≥', target: '98', unit: '台', level2: '质量指标', reached: '98' },
      ],
    });
    expect(out.indicators).toEqual([
      { light: 'green', ratio: '100.00', accrual: 'level' },
      { light: 'green', ratio: '102.22', accrual: 'level' },
      { light: 'green', ratio: '100.00', accrual: 'level' },
      { light: 'yellow', ratio: '77.78', accrual: 'level' },
      { light: 'green', ratio: '100.00', accrual: 'level' },
    ]);
    expect(out.projectLight).toBe('yellow');
  });

  it('prorates a count: ≥600人 reached 480 in month 8 is 120% of the 400 expected, blue', async () => {
    const out = await calcJson({ month: 8, budget: { adjusted: '240', executed: '128' }, indicators: [{ operator: '≥', target: '600', unit: '人', reached: '480' }] });
    expect(out.indicators).toEqual([{ light: 'blue', ratio: '120.00', accrual: 'cumulative' }]);
  });

  it('follows an explicit "accrual": cumulative prorates a percentage, level does not prorate a count', async () => {
    const out = await calcJson({
      month: 8,
      budget: { adjusted: '240', executed: '128' },
      indicators: [
        { operator: '=', target: '100', unit: '%', accrual: 'cumulative', reached: '100' },
        { operator: '≥', target: '600', unit: '人', accrual: 'level', reached: '480' },
      ],
    });
    expect(out.indicators).toEqual([
      { light: 'blue', ratio: '150.00', accrual: 'cumulative' },
      { light: 'green', ratio: '80.00', accrual: 'level' },
    ]);
  });

  it('prorates every positive indicator with "allCumulative": true, as the setting 全部按累计型 does', async () => {
    const out = await calcJson({
      month: 8,
      budget: { adjusted: '240', executed: '128' },
      allCumulative: true,
      indicators: [
        { operator: '=', target: '100', unit: '%', reached: '100' },
        { operator: '≥', target: '600', unit: '人', accrual: 'level', reached: '480' },
      ],
    });
    expect(out.indicators).toEqual([
      { light: 'blue', ratio: '150.00', accrual: 'cumulative' },
      { light: 'blue', ratio: '120.00', accrual: 'cumulative' },
    ]);
  });

  it('flags executed above the adjusted budget as overspent and gives it a red budget light, not green', async () => {
    const out = await calcJson({ month: 8, budget: { adjusted: '282.04', executed: '99999' } });
    expect(out).toMatchObject({ overspent: true, budgetLight: 'red', executionRate: '35455.61' });
    const exact = await calcJson({ month: 8, budget: { adjusted: '282.04', executed: '282.04' } });
    expect(exact).toMatchObject({ overspent: false, budgetLight: 'green' });
  });

  it('takes the bureau’s own thresholds when given', async () => {
    const out = await calcJson({ ...ISSUE_EXAMPLE, thresholds: { budgetGreenFrom: '90' } });
    expect(out.budgetLight).toBe('yellow');
  });

  it.each([
    ['empty input', '', /请在标准输入中提供 JSON/],
    ['text that is not JSON', 'month=8', /标准输入不是有效的 JSON/],
    ['a missing budget', JSON.stringify({ month: 8 }), /budget：应为 \{"adjusted": "预算数", "executed": "执行数"\}/],
    ['a month of 13', JSON.stringify({ ...ISSUE_EXAMPLE, month: 13 }), /month：应为 1–12 的整数/],
    ['a negative amount', JSON.stringify({ ...ISSUE_EXAMPLE, budget: { adjusted: '-1', executed: '0' } }), /budget\.adjusted：应为不小于 0 的数字/],
    ['a number instead of a string', JSON.stringify({ ...ISSUE_EXAMPLE, budget: { adjusted: 240, executed: '0' } }), /budget\.adjusted：应为数字字符串/],
    ['an unknown operator', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '>=', target: '1', reached: '1' }] }), /indicators\.0\.operator：应为 ≥ > = < ≤ 定性 之一/],
    ['a quantitative indicator without target', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '≥', reached: '1' }] }), /定量指标须有 target/],
    ['an unknown qualitative level', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '定性', reached: '很好' }] }), /定性指标的 reached 应为/],
    ['an unknown field', JSON.stringify({ ...ISSUE_EXAMPLE, extra: 1 }), /输入有误/],
    ['an unknown accrual kind', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '≥', target: '1', reached: '1', accrual: 'stock' }] }), /indicators\.0\.accrual：应为 "cumulative"（累计型，按序时进度折算）或 "level"/],
    ['a unit that is not text', JSON.stringify({ ...ISSUE_EXAMPLE, indicators: [{ operator: '≥', target: '1', reached: '1', unit: 5 }] }), /indicators\.0\.unit：应为计量单位文字/],
  ])('refuses %s with a Chinese message on stderr and exit 1', async (_name, stdin, message) => {
    const result = await calc(stdin);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });
});
