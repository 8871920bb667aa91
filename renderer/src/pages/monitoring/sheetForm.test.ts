import { describe, expect, it } from 'vitest';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { assessForm, formOf, fundProblems, problemCount, restoredForm, saveInputOf, type SheetForm } from './sheetForm';

const none = { reasons: [], reasonOther: '', measures: '' };

/** Just what the form reads of a sheet: 240 万元 of 本级财政拨款, one ≥1200 indicator, an August round. */
const detail = {
  id: 's1',
  version: 3,
  analysis: '',
  budget: none,
  goalProgress: '',
  remarks: '',
  submittedAt: null,
  funds: [{ source: '本级财政拨款', initialFen: 200_000_000, adjustedFen: 240_000_000, executedFen: 0, forecastFen: null }],
  indicators: [
    { indicatorId: 'i1', seq: 1, level1: '产出指标', level2: '数量指标', name: '受益人次', unit: '人次', accrual: 'cumulative', operator: '≥', target: '1200', reached: '', expectedFullYear: '', likelihood: '', ...none },
  ],
  rules: {
    year: 2020,
    month: 8,
    timeProgressMethod: 'month',
    accrualRule: 'byIndicator',
    thresholds: { budgetRedBelow: '60', budgetGreenFrom: '80', indicatorRedBelow: '60', indicatorGreenFrom: '80', indicatorBlueFrom: '120' },
  },
} as unknown as SheetDetail;

describe('the monitoring sheet form', () => {
  it('shows amounts as 万元 text and reads them back to 分 exactly', () => {
    const form = formOf(detail);
    expect(form.funds).toEqual([{ source: '本级财政拨款', adjusted: '240.0000', executed: '0.0000', forecast: '' }]);
    const typed = { ...form, funds: [{ ...form.funds[0]!, executed: '128.5' }] };
    expect(saveInputOf(typed, detail)!.funds).toEqual([{ source: '本级财政拨款', adjustedFen: 240_000_000, executedFen: 128_500_000, forecastFen: null }]);
    const forecast = { ...typed, funds: [{ ...typed.funds[0]!, forecast: '230' }] };
    expect(saveInputOf(forecast, detail)!.funds[0]!.forecastFen).toBe(230_000_000);
  });

  it('turns the lights as the unit types: 128 of 240 green, 80 of 240 red with the reason and measure prompts', () => {
    const form = formOf(detail);
    const at = (executed: string) => assessForm({ ...form, funds: [{ ...form.funds[0]!, executed }] }, detail);
    expect(at('128').budgetLight).toBe('green');
    const red = at('80');
    expect(red.budgetLight).toBe('red');
    expect(red.problems.budget).toEqual({ reasons: '请选择偏差原因', measures: '请填写纠偏措施' });
  });

  it('refuses to build a save while an amount cannot be read, and counts it as a problem', () => {
    const form = formOf(detail);
    const typed = { ...form, funds: [{ ...form.funds[0]!, executed: '一百' }] };
    expect(fundProblems(typed, 8)[0]!.executed).toMatch(/不是有效的金额/);
    expect(saveInputOf(typed, detail)).toBeNull();
    const withIndicator = { ...typed, indicators: [{ ...typed.indicators[0]!, reached: '900', likelihood: '确定能' }] };
    // the unreadable amount, plus the red budget light's reason and measure (it reads as 0 spent)
    expect(problemCount(withIndicator, assessForm(withIndicator, detail), 8)).toBe(3);
  });

  it('shows a fresh sheet as 未填报, without a red light', () => {
    const fresh = assessForm(formOf(detail), detail);
    expect(fresh).toMatchObject({ reported: false, budgetLight: 'none', projectLight: 'none' });
  });

  it('says live that an executed amount above the adjusted budget is refused, with both figures', () => {
    const form = formOf(detail);
    const typed = { ...form, funds: [{ ...form.funds[0]!, executed: '99999' }] };
    expect(fundProblems(typed, 8)[0]).toEqual({ executed: '执行数 99,999.0000 万元 超过调整后预算 240.0000 万元，请核对执行数' });
    expect(assessForm(typed, detail)).toMatchObject({ overspent: true, budgetLight: 'red' });
    expect(saveInputOf(typed, detail)!.funds[0]!.executedFen).toBe(99_999_000_000);
  });

  it('says live that a forecast above the adjusted budget is refused, and counts it before a submission', () => {
    const form = formOf(detail);
    const typed = { ...form, funds: [{ ...form.funds[0]!, executed: '200', forecast: '250' }], indicators: [{ ...form.indicators[0]!, reached: '900', likelihood: '确定能' }] };
    expect(fundProblems(typed, 8)[0]).toEqual({ forecast: expect.stringMatching(/全年预计执行数 250\.0000 万元 超过调整后预算 240\.0000 万元/) });
    expect(problemCount(typed, assessForm(typed, detail), 8)).toBe(1);
    const within = { ...typed, funds: [{ ...typed.funds[0]!, forecast: '240' }] };
    expect(fundProblems(within, 8)[0]).toEqual({});
    expect(fundProblems({ ...typed, funds: [{ ...typed.funds[0]!, forecast: '约二百' }] }, 8)[0]!.forecast).toMatch(/不是有效的金额/);
  });

  it('restores a draft kept before the forecast, goal progress and remarks existed, with those as the sheet has them', () => {
    const old = { analysis: '草稿', budget: none, funds: [{ source: '本级财政拨款', adjusted: '240', executed: '12' }], indicators: formOf(detail).indicators } as unknown as SheetForm;
    const restored = restoredForm(old, detail);
    expect(restored).toMatchObject({ analysis: '草稿', goalProgress: '', remarks: '', funds: [{ executed: '12', forecast: '' }] });
    expect(saveInputOf(restored, detail)!.funds[0]!.forecastFen).toBeNull();
  });
});
