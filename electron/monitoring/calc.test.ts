import { describe, expect, it } from 'vitest';
import { runCliWithStdin } from '../testing/cli';

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
      budgetLight: 'green',
      indicators: [{ light: 'red', ratio: '43.75' }, { light: 'yellow' }],
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
      { light: 'yellow', ratio: '70.00' },
      { light: 'blue', ratio: '124.00' },
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
    expect(out.indicators).toEqual([{ light: 'red' }, { light: 'green' }, { light: 'none' }]);
    expect(out.projectLight).toBe('red');
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
  ])('refuses %s with a Chinese message on stderr and exit 1', async (_name, stdin, message) => {
    const result = await calc(stdin);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });
});
