import { describe, expect, it } from 'vitest';
import { budgetLight, deadlineState, executionRate, indicatorLight, projectLight, timeProgress, timeProgressByDays } from './monitoring';
import { parseDecimal, percent, ratio } from './ratio';

const d = (text: string) => parseDecimal(text)!;

describe('time progress (§13 #11)', () => {
  it.each([
    [5, '41.67'],
    [8, '66.67'],
    [11, '91.67'],
  ])('month %i gives %s%%', (month, expected) => {
    expect(percent(timeProgress(month))).toBe(expected);
  });

  it('refuses a month outside 1–12', () => {
    expect(() => timeProgress(13)).toThrow(RangeError);
  });

  it('offers elapsed days ÷ days in year as the alternative', () => {
    expect(timeProgressByDays('2020-12-31')).toEqual(ratio(1));
    expect(timeProgressByDays('2021-01-01')).toEqual(ratio(1, 365));
    expect(timeProgressByDays('2020-01-01')).toEqual(ratio(1, 366));
  });
});

describe('execution rate and budget light', () => {
  it('adjusted 240, executed 80, month 8: rate 33.33%, r = 50% → red (§13 #12)', () => {
    const { rate } = executionRate(80, 240);
    expect(percent(rate)).toBe('33.33');
    expect(budgetLight(rate, timeProgress(8))).toBe('red');
  });

  it('adjusted 240, executed 128, month 8: rate 53.33%, r = 80% exactly → green (§13 #13)', () => {
    const { rate } = executionRate(128, 240);
    expect(percent(rate)).toBe('53.33');
    expect(budgetLight(rate, timeProgress(8))).toBe('green');
  });

  it('is yellow from 60% up to but not including 80%', () => {
    // month 6: progress 1/2; r = rate × 2
    expect(budgetLight(ratio(30, 100), timeProgress(6))).toBe('yellow'); // r = 60%
    expect(budgetLight(ratio(2999, 10000), timeProgress(6))).toBe('red'); // r = 59.98%
    expect(budgetLight(ratio(3999, 10000), timeProgress(6))).toBe('yellow'); // r = 79.98%
  });

  it('defines the rate as 0 and flags a zero budget', () => {
    expect(executionRate(0, 0)).toEqual({ rate: ratio(0), zeroBudget: true });
  });
});

describe('indicator light', () => {
  it('≥ 1200 人次 in month 5 (expected 500): reached 350 → 70% yellow, 620 → 124% blue (§13 #14)', () => {
    const at = (reached: string) => indicatorLight({ operator: '≥', target: d('1200'), reached: d(reached) }, 5);
    expect(at('350').light).toBe('yellow');
    expect(percent(at('350').ratio!)).toBe('70.00');
    expect(at('620').light).toBe('blue');
    expect(percent(at('620').ratio!)).toBe('124.00');
  });

  it('switches exactly at 60%, 80% and 120%', () => {
    const at = (reached: string) => indicatorLight({ operator: '≥', target: d('1200'), reached: d(reached) }, 12).light;
    expect([at('719.99'), at('720'), at('959.99'), at('960'), at('1439.99'), at('1440')]).toEqual([
      'red', 'yellow', 'yellow', 'green', 'green', 'blue',
    ]);
  });

  it('treats = with a non-zero target as positive', () => {
    expect(indicatorLight({ operator: '=', target: d('100'), reached: d('95') }, 12).light).toBe('green');
  });

  it('is green for a reverse indicator only when the value satisfies the operator', () => {
    expect(indicatorLight({ operator: '≤', target: d('90'), reached: d('90') }, 8).light).toBe('green');
    expect(indicatorLight({ operator: '<', target: d('90'), reached: d('90') }, 8).light).toBe('red');
    expect(indicatorLight({ operator: '=', target: d('0'), reached: d('1') }, 8).light).toBe('red');
    expect(indicatorLight({ operator: '=', target: d('0'), reached: d('0') }, 8).light).toBe('green');
  });

  it('maps the qualitative levels to green, yellow and red', () => {
    expect(indicatorLight({ operator: '定性', reached: '达成目标' }, 8).light).toBe('green');
    expect(indicatorLight({ operator: '定性', reached: '部分达成并具有一定效果' }, 8).light).toBe('yellow');
    expect(indicatorLight({ operator: '定性', reached: '未达成且效果较差' }, 8).light).toBe('red');
  });

  it('has no light before a value is reported', () => {
    expect(indicatorLight({ operator: '≥', target: d('10'), reached: null }, 8)).toEqual({ light: 'none', ratio: null });
  });
});

describe('project light', () => {
  it('is the worst indicator light: {green, blue, yellow} → yellow (§13 #15)', () => {
    expect(projectLight(['green', 'blue', 'yellow'])).toBe('yellow');
    expect(projectLight(['green', 'red', 'yellow'])).toBe('red');
    expect(projectLight(['blue', 'green'])).toBe('green');
    expect(projectLight(['blue'])).toBe('blue');
  });

  it('is none without indicators', () => {
    expect(projectLight([])).toBe('none');
  });
});

describe('deadline state (§13 #16)', () => {
  it('deadline 08-31, due soon within 5 days: 08-27 due soon, 09-01 已超时', () => {
    expect(deadlineState('2020-08-31', '2020-08-27', 5)).toBe('dueSoon');
    expect(deadlineState('2020-08-31', '2020-09-01', 5)).toBe('overdue');
    expect(deadlineState('2020-08-31', '2020-08-31', 5)).toBe('dueSoon');
    expect(deadlineState('2020-08-31', '2020-08-25', 5)).toBe('open');
  });
});
