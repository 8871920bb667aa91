import { describe, expect, it } from 'vitest';
import {
  assessSheet,
  attentionLight,
  budgetLight,
  deadlineState,
  DEFAULT_THRESHOLDS,
  executionRate,
  indicatorLight,
  listSheetProblems,
  expectedBalanceFen,
  forecastProblem,
  fundTotals,
  overspendMessage,
  projectLight,
  roundTimeProgress,
  slowSpendingDeviation,
  thresholdsFromPercents,
  timeProgress,
  timeProgressByDays,
  type IndicatorEntry,
  type SheetEntry,
} from './monitoring';
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
    const at = (reached: string) => indicatorLight({ operator: '≥', target: d('1200'), reached: d(reached), accrual: 'cumulative' }, 5);
    expect(at('350').light).toBe('yellow');
    expect(percent(at('350').ratio!)).toBe('70.00');
    expect(at('620').light).toBe('blue');
    expect(percent(at('620').ratio!)).toBe('124.00');
  });

  it('compares a 状态型 indicator with the full target (§5 examples, month 8)', () => {
    const level = (operator: '≥' | '=', target: string, reached: string) => indicatorLight({ operator, target: d(target), reached: d(reached), accrual: 'level' }, 8);
    expect(level('=', '100', '100')).toEqual({ light: 'green', ratio: ratio(1) });
    expect(percent(level('≥', '90', '92').ratio!)).toBe('102.22');
    expect(level('≥', '90', '92').light).toBe('green');
    expect(level('≥', '90', '70').light).toBe('yellow');
    expect(level('≥', '10', '10').light).toBe('green');
  });

  it('prorates a 累计型 indicator: ≥600人 reached 480 in month 8 is expected 400, r = 120% → blue', () => {
    const result = indicatorLight({ operator: '≥', target: d('600'), reached: d('480'), accrual: 'cumulative' }, 8);
    expect(result).toEqual({ light: 'blue', ratio: ratio(6, 5) });
    expect(indicatorLight({ operator: '=', target: d('100'), reached: d('100'), accrual: 'cumulative' }, 8).light).toBe('blue');
  });

  it('switches exactly at 60%, 80% and 120%', () => {
    const at = (reached: string) => indicatorLight({ operator: '≥', target: d('1200'), reached: d(reached), accrual: 'cumulative' }, 12).light;
    expect([at('719.99'), at('720'), at('959.99'), at('960'), at('1439.99'), at('1440')]).toEqual([
      'red', 'yellow', 'yellow', 'green', 'green', 'blue',
    ]);
  });

  it('treats = with a non-zero target as positive', () => {
    expect(indicatorLight({ operator: '=', target: d('100'), reached: d('95'), accrual: 'cumulative' }, 12).light).toBe('green');
  });

  it('is green for a reverse indicator only when the value satisfies the operator', () => {
    expect(indicatorLight({ operator: '≤', target: d('90'), reached: d('90'), accrual: 'cumulative' }, 8).light).toBe('green');
    expect(indicatorLight({ operator: '<', target: d('90'), reached: d('90'), accrual: 'cumulative' }, 8).light).toBe('red');
    expect(indicatorLight({ operator: '=', target: d('0'), reached: d('1'), accrual: 'cumulative' }, 8).light).toBe('red');
    expect(indicatorLight({ operator: '=', target: d('0'), reached: d('0'), accrual: 'cumulative' }, 8).light).toBe('green');
  });

  it('maps the qualitative levels to green, yellow and red', () => {
    expect(indicatorLight({ operator: '定性', reached: '达成目标' }, 8).light).toBe('green');
    expect(indicatorLight({ operator: '定性', reached: '部分达成并具有一定效果' }, 8).light).toBe('yellow');
    expect(indicatorLight({ operator: '定性', reached: '未达成且效果较差' }, 8).light).toBe('red');
  });

  it('has no light before a value is reported', () => {
    expect(indicatorLight({ operator: '≥', target: d('10'), reached: null, accrual: 'cumulative' }, 8)).toEqual({ light: 'none', ratio: null });
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

describe('lights with the bureau’s own thresholds', () => {
  const strict = thresholdsFromPercents({
    budgetRedBelow: '70',
    budgetGreenFrom: '90',
    indicatorRedBelow: '50',
    indicatorGreenFrom: '75.5',
    indicatorBlueFrom: '150',
  });

  it('moves the budget light boundaries to the settings, still exactly', () => {
    // month 6: r = rate × 2
    expect(budgetLight(ratio(35, 100), timeProgress(6), strict)).toBe('yellow'); // r = 70%
    expect(budgetLight(ratio(3499, 10000), timeProgress(6), strict)).toBe('red');
    expect(budgetLight(ratio(45, 100), timeProgress(6), strict)).toBe('green'); // r = 90%
    expect(budgetLight(ratio(128, 240), timeProgress(8), strict)).toBe('yellow'); // §13 #13 is only yellow here
  });

  it('moves the indicator light boundaries to the settings, with decimal percents', () => {
    const at = (reached: string) => indicatorLight({ operator: '≥', target: d('1000'), reached: d(reached), accrual: 'cumulative' }, 12, strict).light;
    expect([at('499.9'), at('500'), at('754.9'), at('755'), at('1499.9'), at('1500')]).toEqual([
      'red', 'yellow', 'yellow', 'green', 'green', 'blue',
    ]);
  });
});

describe('execution rate from decimal amounts', () => {
  it('divides exact decimals, so 128.00 of 240.0 is the same 53.33% as 128 of 240', () => {
    expect(executionRate(d('128.00'), d('240.0')).rate).toEqual(ratio(8, 15));
    expect(executionRate(d('0'), d('0.00'))).toEqual({ rate: ratio(0), zeroBudget: true });
  });

  it('shows more than 100% when more than the budget was spent', () => {
    expect(percent(executionRate(105, 100).rate)).toBe('105.00');
  });
});

describe('round time progress', () => {
  it('is month ÷ 12 by default and counts days to the end of the reporting month otherwise', () => {
    expect(roundTimeProgress('month', 2020, 8)).toEqual(ratio(8, 12));
    expect(roundTimeProgress('days', 2020, 8)).toEqual(ratio(244, 366)); // 2020-08-31 is day 244 of a leap year
    expect(roundTimeProgress('days', 2021, 2)).toEqual(ratio(59, 365));
    expect(roundTimeProgress('days', 2021, 12)).toEqual(ratio(1));
  });

  it('refuses a month outside 1–12 by either method', () => {
    expect(() => roundTimeProgress('days', 2020, 0)).toThrow(RangeError);
  });
});

describe('indicator light of the other positive operator', () => {
  it('treats > like ≥ against the expected value to date', () => {
    expect(indicatorLight({ operator: '>', target: d('90'), reached: d('60'), accrual: 'cumulative' }, 8)).toEqual({ light: 'green', ratio: ratio(1) });
  });

  it('is red for < or ≤ when the value is over the limit', () => {
    expect(indicatorLight({ operator: '≤', target: d('90'), reached: d('99'), accrual: 'cumulative' }, 8).light).toBe('red');
    expect(indicatorLight({ operator: '<', target: d('90'), reached: d('89.99'), accrual: 'cumulative' }, 8).light).toBe('green');
  });
});

describe('attention light', () => {
  it('is the worse of the budget and project lights', () => {
    expect(attentionLight('green', 'yellow')).toBe('yellow');
    expect(attentionLight('red', 'blue')).toBe('red');
    expect(attentionLight('green', 'none')).toBe('green');
  });
});

describe('assessing a sheet as typed', () => {
  const rules = { month: 8, progress: timeProgress(8), thresholds: DEFAULT_THRESHOLDS, allCumulative: false };
  const none = { reasons: [], reasonOther: '', measures: '' };
  const indicator = (over: Partial<IndicatorEntry> = {}): IndicatorEntry => ({
    operator: '≥', target: '1200', accrual: 'cumulative', reached: '800', expectedFullYear: '1200', likelihood: '确定能', ...none, ...over,
  });
  const fund = (executedFen: number, adjustedFen = 240) => ({ source: '本级财政拨款', adjustedFen, executedFen });
  const sheet = (over: Partial<SheetEntry> = {}): SheetEntry => ({
    funds: [fund(128)], submitted: false, budget: none, indicators: [indicator()], ...over,
  });

  it('computes the lights of the calc example: 128 of 240 in month 8 green, 350 of 1200 red, 部分达成 yellow → project red', () => {
    const result = assessSheet(
      sheet({ indicators: [indicator({ reached: '350' }), indicator({ operator: '定性', target: '达成预期目标', reached: '部分达成并具有一定效果' })] }),
      rules,
    );
    expect(result.budgetLight).toBe('green');
    expect(percent(result.execution.rate)).toBe('53.33');
    expect(result.indicators.map((i) => i.light)).toEqual(['red', 'yellow']);
    expect(percent(result.indicators[0]!.ratio!)).toBe('43.75');
    expect(result.projectLight).toBe('red');
  });

  it('asks nothing more of a green sheet that is complete', () => {
    const result = assessSheet(sheet(), rules);
    expect(result.projectLight).toBe('green');
    expect(listSheetProblems(result, ['受益人次'])).toEqual([]);
  });

  it('requires a reason and a measure for a red or yellow indicator, and a text for 其他', () => {
    const red = assessSheet(sheet({ indicators: [indicator({ reached: '100' })] }), rules);
    expect(red.problems.indicators[0]).toEqual({ reasons: '请选择偏差原因', measures: '请填写纠偏措施' });
    const other = assessSheet(sheet({ indicators: [indicator({ reached: '500', reasons: ['其他'], measures: '加快进度' })] }), rules);
    expect(other.indicators[0]!.light).toBe('yellow');
    expect(other.problems.indicators[0]).toEqual({ reasonOther: '选择了“其他”，请说明具体原因' });
    const explained = assessSheet(
      sheet({ indicators: [indicator({ reached: '500', reasons: ['其他', '经费保障'], reasonOther: '天气', measures: '加快进度' })] }),
      rules,
    );
    expect(explained.problems.indicators[0]).toEqual({});
  });

  it('requires a reason and a measure for a red or yellow budget light, not for a green one', () => {
    const red = assessSheet(sheet({ funds: [fund(80)] }), rules);
    expect(red.budgetLight).toBe('red');
    expect(listSheetProblems(red, ['受益人次'])).toEqual(['预算执行：请选择偏差原因', '预算执行：请填写纠偏措施']);
    expect(assessSheet(sheet({ funds: [fund(80)], budget: { reasons: ['政府采购程序'], reasonOther: '', measures: '督促支付' } }), rules).problems.budget).toEqual({});
  });

  it('explains slow spending by its own reasons, not by the 保障 reasons of indicators', () => {
    const byIndicatorReason = assessSheet(sheet({ funds: [fund(80)], budget: { reasons: ['经费保障'], reasonOther: '', measures: '督促支付' } }), rules);
    expect(byIndicatorReason.problems.budget.reasons).toMatch(/偏差原因“经费保障”不在可选范围内，应为：政策调整、政府采购程序、计划暂未实施、合同约定暂未支付、不可控因素、其他/);
    const other = assessSheet(sheet({ funds: [fund(80)], budget: { reasons: ['合同约定暂未支付', '其他'], reasonOther: '', measures: '按合同节点支付' } }), rules);
    expect(other.problems.budget).toEqual({ reasonOther: '选择了“其他”，请说明具体原因' });
    const slowReasonOnIndicator = assessSheet(sheet({ indicators: [indicator({ reached: '100', reasons: ['政策调整'], measures: '加快进度' })] }), rules);
    expect(slowReasonOnIndicator.problems.indicators[0]!.reasons).toMatch(/“政策调整”不在可选范围内/);
  });

  it('asks no slow-spending reason while spending keeps pace, whatever is ticked', () => {
    expect(assessSheet(sheet({ funds: [fund(128)], budget: { reasons: [], reasonOther: '', measures: '' } }), rules).problems.budget).toEqual({});
  });

  it('requires a reason and a measure when reaching the target is judged impossible, whatever the light', () => {
    const result = assessSheet(sheet({ indicators: [indicator({ likelihood: '完全不可能' })] }), rules);
    expect(result.indicators[0]!.light).toBe('green');
    expect(result.problems.indicators[0]).toEqual({ reasons: '请选择偏差原因', measures: '请填写纠偏措施' });
  });

  it('names what is missing or unreadable in the value reached, the forecast and the likelihood', () => {
    const result = assessSheet(
      sheet({
        indicators: [
          indicator({ reached: '', likelihood: '' }),
          indicator({ reached: '三百', expectedFullYear: '很多' }),
          indicator({ reached: '-1' }),
          indicator({ operator: '定性', target: '达成', reached: '还行' }),
          indicator({ operator: '定性', target: '达成', reached: '' }),
        ],
      }),
      rules,
    );
    expect(result.problems.indicators).toEqual([
      { reached: '请填写完成值', likelihood: '请选择完成目标可能性' },
      { reached: '完成值应为数字', expectedFullYear: '全年预计应为数字' },
      { reached: '完成值不能为负数' },
      { reached: '完成情况应为：达成目标、部分达成并具有一定效果、未达成且效果较差' },
      { reached: '请选择完成情况' },
    ]);
    expect(result.indicators.map((i) => i.light)).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect(result.projectLight).toBe('none');
  });

  it('flags a zero budget and reads its rate as 0', () => {
    const result = assessSheet(sheet({ funds: [fund(0, 0)] }), rules);
    expect(result.execution).toEqual({ rate: ratio(0), zeroBudget: true });
  });

  it('is 未填报 while nothing is reported: no budget light, no project light, no indicator light', () => {
    const fresh = assessSheet(sheet({ funds: [fund(0)], indicators: [indicator({ reached: '' }), indicator({ reached: '' })] }), rules);
    expect(fresh).toMatchObject({ reported: false, budgetLight: 'none', projectLight: 'none' });
    expect(fresh.indicators.map((i) => i.light)).toEqual(['none', 'none']);
    expect(fresh.problems.budget).toEqual({});
  });

  it('is reported once an execution figure, a value reached or a submission exists; a reported 0 executed is red', () => {
    const oneValue = assessSheet(sheet({ funds: [fund(0)], indicators: [indicator({ reached: '800' }), indicator({ reached: '' })] }), rules);
    expect(oneValue).toMatchObject({ reported: true, budgetLight: 'red', projectLight: 'green' });
    expect(oneValue.indicators.map((i) => i.light)).toEqual(['green', 'none']);
    expect(assessSheet(sheet({ funds: [fund(0)], submitted: true, indicators: [] }), rules)).toMatchObject({ reported: true, budgetLight: 'red' });
    expect(assessSheet(sheet({ funds: [fund(1)], indicators: [indicator({ reached: '' })] }), rules).reported).toBe(true);
  });

  it('refuses 超支 per fund source, names both figures, and never lights it green', () => {
    const result = assessSheet(sheet({ funds: [fund(99_999_0000_00, 282_0400_00), fund(50, 100)] }), rules);
    expect(result).toMatchObject({ overspent: true, budgetLight: 'red' });
    expect(result.problems.funds[0]).toBe('执行数 99,999.0000 万元 超过调整后预算 282.0400 万元，请核对执行数');
    expect(result.problems.funds[1]).toBeNull();
    expect(listSheetProblems(result, ['受益人次'], ['本级财政拨款', '上级补助'])[0]).toBe(`本级财政拨款：${result.problems.funds[0]}`);
    expect(result.problems.budget).toEqual({});
  });

  it('suggests a 元/万元 mix-up when executed is about 10,000 times the budget', () => {
    expect(overspendMessage(282_0400 * 100 * 10_000, 282_0400 * 100)).toBe(
      '执行数 2,820,400.0000 万元 超过调整后预算 282.0400 万元，疑似把“元”当作“万元”填写，请按万元填写',
    );
    expect(overspendMessage(100, 100)).toBeNull();
    expect(overspendMessage(1_010_000, 1_000_000)).toBe('执行数 1.0100 万元 超过调整后预算 1.0000 万元，请核对执行数');
  });

  it('prorates a 状态型 indicator only when the bureau chose “all cumulative”', () => {
    const rate = indicator({ operator: '=', target: '100', accrual: 'level', reached: '100' });
    expect(assessSheet(sheet({ indicators: [rate] }), rules).indicators[0]!.light).toBe('green');
    expect(assessSheet(sheet({ indicators: [rate] }), { ...rules, allCumulative: true }).indicators[0]!.light).toBe('blue');
  });

  it('lists problems with the indicator’s name', () => {
    const result = assessSheet(sheet({ indicators: [indicator({ reached: '' })] }), rules);
    expect(listSheetProblems(result, ['受益人次'])).toEqual(['指标“受益人次”：请填写完成值']);
  });
});

describe('全年预计执行数 and 预计结余', () => {
  it('shows the money left over at year end as budget − forecast, in 分', () => {
    expect(expectedBalanceFen(240_0000_00, 200_0000_00)).toBe(40_0000_00);
    expect(expectedBalanceFen(240_0000_00, 240_0000_00)).toBe(0);
    expect(expectedBalanceFen(240_0000_00, null)).toBeNull();
  });

  it('accepts a forecast between what is spent and the budget, and one not given yet', () => {
    expect(forecastProblem(200_0000_00, 128_0000_00, 240_0000_00, 8)).toBeNull();
    expect(forecastProblem(240_0000_00, 240_0000_00, 240_0000_00, 8)).toBeNull();
    expect(forecastProblem(null, 128_0000_00, 240_0000_00, 8)).toBeNull();
  });

  it('refuses a forecast above the budget, and one below what is already spent, naming the figures', () => {
    expect(forecastProblem(240_0000_01, 0, 240_0000_00, 8)).toBe('全年预计执行数 240.0000 万元 超过调整后预算 240.0000 万元：预计执行不能超过预算，确需追加的请先办理预算调整');
    expect(forecastProblem(100_0000_00, 128_0000_00, 240_0000_00, 8)).toBe('全年预计执行数 100.0000 万元 少于 1—8 月已执行的 128.0000 万元，请核对');
  });

  it('totals the forecast only once every fund source has one', () => {
    const funds = [
      { source: '本级财政拨款', adjustedFen: 200, executedFen: 100, forecastFen: 180 },
      { source: '单位资金', adjustedFen: 40, executedFen: 0, forecastFen: null },
    ];
    expect(fundTotals(funds)).toEqual({ adjustedFen: 240, executedFen: 100, forecastFen: null });
    expect(fundTotals([funds[0]!, { ...funds[1]!, forecastFen: 40 }]).forecastFen).toBe(220);
  });

  it('lists a forecast above the budget among what blocks a submission', () => {
    const rules = { month: 8, progress: timeProgress(8), thresholds: DEFAULT_THRESHOLDS, allCumulative: false };
    const entry: SheetEntry = { funds: [{ source: '本级财政拨款', adjustedFen: 240, executedFen: 200, forecastFen: 300 }], submitted: false, budget: { reasons: [], reasonOther: '', measures: '' }, indicators: [] };
    const result = assessSheet(entry, rules);
    expect(result.problems.forecasts).toEqual([expect.stringMatching(/超过调整后预算/)]);
    expect(listSheetProblems(result, [], ['本级财政拨款'])).toEqual([expect.stringMatching(/^本级财政拨款：全年预计执行数 0\.0003 万元 超过调整后预算/)]);
  });
});

describe('a budget light’s reasons from before slow spending had its own list', () => {
  it('keeps reasons on the 136号 list and turns each 保障 reason into 其他, named in the note before its text', () => {
    const onTheList = { reasons: ['政策调整', '其他'], reasonOther: '上级文件调整' };
    expect(slowSpendingDeviation(onTheList)).toBe(onTheList);
    expect(slowSpendingDeviation({ reasons: ['经费保障', '制度保障'], reasonOther: '' })).toEqual({ reasons: ['其他'], reasonOther: '经费保障、制度保障' });
    expect(slowSpendingDeviation({ reasons: ['合同约定暂未支付', '人员保障', '其他'], reasonOther: '监理未到位' })).toEqual({
      reasons: ['合同约定暂未支付', '其他'],
      reasonOther: '人员保障：监理未到位',
    });
  });
});
