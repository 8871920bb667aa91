import { describe, expect, it } from 'vitest';
import { parseDecimal, percent, ratio, toFixed, type Ratio } from '../ratio';
import {
  budgetScore,
  executionCap,
  gradeOf,
  scoreIndicator,
  selfEvaluationTotal,
  weightTotalProblem,
  type IndicatorInput,
  type QuantitativeOperator,
  type Tier,
} from './scoring';
import { DEFAULT_SCORING, STANDARD_EXECUTION_CAPS, type ScoringSettings } from './settings';

const d = (text: string): Ratio => parseDecimal(text)!;
const shown = (value: Ratio) => toFixed(value, 2);
const with_ = (changes: Partial<ScoringSettings>): ScoringSettings => ({ ...DEFAULT_SCORING, ...changes });

const budget = (adjusted: string, executed: string, settings = DEFAULT_SCORING) =>
  budgetScore({ adjusted: d(adjusted), executed: d(executed), weight: ratio(10) }, settings);

const quantitative = (operator: QuantitativeOperator, target: string, actual: string, weight: string, extra: Partial<IndicatorInput> = {}) =>
  ({ operator, target: d(target), actual: d(actual), weight: d(weight), ...extra }) as IndicatorInput;
const qualitative = (tier: Tier, score: string, weight = '10'): IndicatorInput => ({ operator: '定性', tier, score: d(score), weight: d(weight) });
const score = (input: IndicatorInput, settings = DEFAULT_SCORING) => scoreIndicator(input, settings);
const scoreOf = (input: IndicatorInput, settings = DEFAULT_SCORING) => shown(score(input, settings).score);

describe('budget execution score (§13 #1–3)', () => {
  it('#1: 95 of 100 万元 is a rate of 95.00% and 9.50 points', () => {
    const result = budget('100.0000', '95.0000');
    expect([percent(result.rate), shown(result.score), result.flags]).toEqual(['95.00', '9.50', []]);
  });

  it('#2: 105 of 100 shows 105.00% but scores at most the weight, 10.00', () => {
    const result = budget('100', '105');
    expect([percent(result.rate), shown(result.score)]).toEqual(['105.00', '10.00']);
  });

  it('#3: a zero budget has rate 0, score 0 and the zero-budget flag', () => {
    const result = budget('0', '0');
    expect([percent(result.rate), shown(result.score)]).toEqual(['0.00', '0.00']);
    expect(result.flags).toContain('zeroBudget');
  });

  it('asks for a reason below 90% execution, not at 90% exactly', () => {
    expect(budget('100', '89.99').flags).toEqual(['reasonRequired']);
    expect(budget('100', '90').flags).toEqual([]);
    expect(budget('240', '216', with_({ executionReasonBelow: d('0.95') })).flags).toEqual(['reasonRequired']);
  });
});

describe('quantitative indicators by operator', () => {
  it('#4: ≥ 50 reached 40 with w 20 scores 16.00 and needs a deviation reason', () => {
    const result = score(quantitative('≥', '50', '40', '20'));
    expect([shown(result.score), result.met, result.flags]).toEqual(['16.00', false, ['deviationReasonRequired']]);
  });

  it('≥ is met at the target exactly and above it', () => {
    expect(score(quantitative('≥', '50', '50', '20'))).toMatchObject({ met: true, flags: [] });
    expect(scoreOf(quantitative('≥', '50', '55', '20'))).toBe('20.00');
    expect(scoreOf(quantitative('≥', '0', '0', '5'))).toBe('5.00');
  });

  it('> scores w × a ÷ t below the target, and flags a = t exactly for the evaluator at full score', () => {
    expect(scoreOf(quantitative('>', '50', '40', '20'))).toBe('16.00');
    expect(score(quantitative('>', '50', '50', '20'))).toMatchObject({ met: true, flags: ['equalsBound'] });
    expect(scoreOf(quantitative('>', '50', '50', '20'))).toBe('20.00');
    expect(scoreOf(quantitative('>', '50', '50', '20', { deduction: { points: d('2'), reason: '恰好等于指标值，未超过' } }))).toBe('18.00');
    expect(score(quantitative('>', '50', '51', '20')).flags).toEqual([]);
  });

  it('#6: ≤ 90 万元 reached 99 with w 10 scores w × t ÷ a = 9.09', () => {
    const result = score(quantitative('≤', '90', '99', '10'));
    expect([shown(result.score), result.met]).toEqual(['9.09', false]);
    expect(score(quantitative('≤', '90', '90', '10'))).toMatchObject({ met: true, flags: [] });
    expect(scoreOf(quantitative('≤', '90', '80', '10'))).toBe('10.00');
  });

  it('< scores like ≤ above the target and flags a = t exactly', () => {
    expect(scoreOf(quantitative('<', '90', '99', '10'))).toBe('9.09');
    expect(score(quantitative('<', '90', '90', '10'))).toMatchObject({ met: true, flags: ['equalsBound'] });
    expect(score(quantitative('<', '90', '89', '10')).flags).toEqual([]);
  });

  it('#7: = 100% reached 95% with w 10 scores w × min ÷ max = 9.50; above the target symmetric too', () => {
    expect(scoreOf(quantitative('=', '100', '95', '10'))).toBe('9.50');
    expect(scoreOf(quantitative('=', '100', '105', '10'))).toBe('9.52');
    expect(score(quantitative('=', '100', '100', '10'))).toMatchObject({ met: true, flags: [] });
  });

  it('#8: = 0 起 reached 1 with w 5 scores 0.00 and is flagged for manual review; reached 0 scores 5', () => {
    const result = score(quantitative('=', '0', '1', '5'));
    expect([shown(result.score), result.flags]).toEqual(['0.00', ['manualReview', 'deviationReasonRequired']]);
    expect(scoreOf(quantitative('=', '0', '0', '5'))).toBe('5.00');
  });
});

describe('over-achievement and deductions (§13 #5)', () => {
  it('flags a ÷ t of 120% exactly, not 119.99%, and deducts nothing by itself', () => {
    expect(score(quantitative('≥', '50', '60', '20'))).toMatchObject({ flags: ['overAchievement'], deduction: ratio(0) });
    expect(scoreOf(quantitative('≥', '50', '60', '20'))).toBe('20.00');
    expect(score(quantitative('≥', '10000', '11999', '20')).flags).toEqual([]);
    expect(score(quantitative('>', '50', '65', '20')).flags).toEqual(['overAchievement']);
    expect(score(quantitative('=', '100', '130', '10')).flags).toEqual(['overAchievement', 'deviationReasonRequired']);
  });

  it('never flags reverse indicators or a zero target as over-achieved', () => {
    expect(score(quantitative('≤', '100', '10', '10')).flags).toEqual([]);
    expect(score(quantitative('≥', '0', '5', '10')).flags).toEqual([]);
  });

  it('#5: 65 against ≥ 50 scores 20.00 flagged; a deduction of 3 with a reason gives 17.00; 21 is refused', () => {
    const flagged = score(quantitative('≥', '50', '65', '20'));
    expect([shown(flagged.score), flagged.flags]).toEqual(['20.00', ['overAchievement']]);
    const deducted = score(quantitative('≥', '50', '65', '20', { deduction: { points: d('3'), reason: '指标值设定偏低' } }));
    expect([shown(deducted.score), deducted.problems]).toEqual(['17.00', []]);
    const refused = score(quantitative('≥', '50', '65', '20', { deduction: { points: d('21'), reason: '指标值设定偏低' } }));
    expect(refused.problems).toEqual(['扣分 21.00 超过该指标分值 20.00，应在 0–20.00 之间']);
  });

  it('accepts a deduction of exactly w, needs a reason for any deduction and refuses a negative one', () => {
    expect(score(quantitative('≥', '50', '65', '20', { deduction: { points: d('20'), reason: '指标值明显偏低' } }))).toMatchObject({ problems: [], score: ratio(0) });
    expect(score(quantitative('≥', '50', '65', '20', { deduction: { points: d('3'), reason: ' ' } })).problems).toEqual(['填写了扣分，请说明扣分原因']);
    expect(score(quantitative('≥', '50', '65', '20', { deduction: { points: d('-1'), reason: '' } })).problems).toEqual(['扣分不能为负数']);
  });

  it('never lets a deduction take a score below 0', () => {
    expect(scoreOf(quantitative('≥', '50', '10', '20', { deduction: { points: d('10'), reason: '数据不实' } }))).toBe('0.00');
  });

  it('with a fixed over-achievement deduction deducts it (at most w) unless the evaluator entered one', () => {
    const settings = with_({ overAchievementDeduction: ratio(2) });
    expect(score(quantitative('≥', '50', '65', '20'), settings)).toMatchObject({ flags: ['overAchievement', 'fixedDeduction'], deduction: ratio(2) });
    expect(scoreOf(quantitative('≥', '50', '65', '20'), settings)).toBe('18.00');
    expect(scoreOf(quantitative('≥', '50', '65', '1'), settings)).toBe('0.00');
    expect(scoreOf(quantitative('≥', '50', '65', '20', { deduction: { points: d('0.5'), reason: '评价人酌情' } }), settings)).toBe('19.50');
    expect(scoreOf(quantitative('≥', '50', '55', '20'), settings)).toBe('20.00');
    expect(score(quantitative('≥', '50', '65', '20'), with_({ overAchievementDeduction: ratio(0) })).flags).toEqual(['overAchievement']);
  });

  it('takes the bureau’s over-achievement threshold', () => {
    expect(score(quantitative('≥', '50', '65', '20'), with_({ overAchievementFrom: d('1.5') })).flags).toEqual([]);
    expect(score(quantitative('≥', '50', '75', '20'), with_({ overAchievementFrom: d('1.5') })).flags).toEqual(['overAchievement']);
  });
});

describe('scoring settings: the alternatives', () => {
  it('≤ by deviation: t 90, a 99, w 10 gives 9.00 (by ratio 9.09), floored at 0', () => {
    const deviation = with_({ lessOrEqual: 'deviation' });
    expect(scoreOf(quantitative('≤', '90', '99', '10'), deviation)).toBe('9.00');
    expect(scoreOf(quantitative('<', '90', '99', '10'), deviation)).toBe('9.00');
    expect(scoreOf(quantitative('≤', '90', '180', '10'), deviation)).toBe('0.00');
    expect(scoreOf(quantitative('≤', '90', '200', '10'), deviation)).toBe('0.00');
    expect(scoreOf(quantitative('≤', '0', '1', '10'), deviation)).toBe('0.00');
    expect(scoreOf(quantitative('≤', '90', '90', '10'), deviation)).toBe('10.00');
  });

  it('= scored as ≥: above the target is full marks, below it proportional; = 0 keeps its own rule', () => {
    const asAtLeast = with_({ equal: 'asAtLeast' });
    expect(score(quantitative('=', '100', '105', '10'), asAtLeast)).toMatchObject({ met: true });
    expect(scoreOf(quantitative('=', '100', '105', '10'), asAtLeast)).toBe('10.00');
    expect(scoreOf(quantitative('=', '100', '95', '10'), asAtLeast)).toBe('9.50');
    expect(score(quantitative('=', '0', '1', '5'), asAtLeast).flags).toContain('manualReview');
  });
});

describe('qualitative tiers (§13 #9)', () => {
  it('#9: 达成 with w 10 refuses 7.9, naming the allowed 8.00–10.00', () => {
    expect(score(qualitative('achieved', '7.9')).problems).toEqual(['定性指标“达成年度指标”的得分应在 8.00–10.00 之间，填写的是 7.90']);
  });

  it.each([
    ['achieved', '8', true],
    ['achieved', '10', true],
    ['achieved', '10.01', false],
    ['partial', '6', true],
    ['partial', '7.99', true],
    ['partial', '8', false],
    ['partial', '5.99', false],
    ['notAchieved', '0', true],
    ['notAchieved', '5.99', true],
    ['notAchieved', '6', false],
  ] as const)('%s accepts %s: %s', (tier, entered, accepted) => {
    expect(score(qualitative(tier, entered)).problems.length === 0).toBe(accepted);
  });

  it('names a half-open range with its excluded end', () => {
    expect(score(qualitative('partial', '8', '10')).problems).toEqual(['定性指标“部分达成年度指标并具有一定效果”的得分应在 6.00–8.00（不含 8.00） 之间，填写的是 8.00']);
    expect(score(qualitative('notAchieved', '4', '5')).problems[0]).toContain('0.00–3.00（不含 3.00）');
  });

  it('counts the entered score; a tier below 达成 needs a deviation reason', () => {
    expect(score(qualitative('achieved', '9'))).toMatchObject({ score: ratio(9), met: true, flags: [] });
    expect(score(qualitative('partial', '7'))).toMatchObject({ met: false, flags: ['deviationReasonRequired'] });
  });

  it('follows the bureau’s tier lines', () => {
    const settings = with_({ tierAchievedFrom: d('0.9'), tierPartialFrom: d('0.7') });
    expect(score(qualitative('achieved', '8.5'), settings).problems[0]).toContain('9.00–10.00');
    expect(score(qualitative('partial', '8.5'), settings).problems).toEqual([]);
  });
});

describe('total, caps and grade (§13 #10)', () => {
  it('#10: budget 9.50 + indicators 80.50 is 90.00 → 优', () => {
    const total = selfEvaluationTotal([d('9.5'), d('80.5')], ratio(95, 100), DEFAULT_SCORING);
    expect([shown(total.total), total.grade, total.cappedAt]).toEqual(['90.00', '优', null]);
  });

  it('adds the unrounded parts and rounds once: three thirds make 100, not 99.99', () => {
    const third = ratio(100, 3); // 33.33 each when shown
    const total = selfEvaluationTotal([third, third, third], ratio(1), DEFAULT_SCORING);
    expect(shown(total.total)).toBe('100.00');
  });

  it('grades on the rounded total: 89.995 rounds to 90.00 and is 优', () => {
    expect(selfEvaluationTotal([d('89.995')], ratio(1), DEFAULT_SCORING).grade).toBe('优');
    expect(selfEvaluationTotal([d('89.994')], ratio(1), DEFAULT_SCORING).grade).toBe('良');
  });

  it.each([
    ['90', '优'], ['89.99', '良'], ['80', '良'], ['79.99', '中'], ['60', '中'], ['59.99', '差'], ['0', '差'],
  ])('grades %s as %s', (total, grade) => {
    expect(gradeOf(d(total), DEFAULT_SCORING)).toBe(grade);
  });

  it('takes the bureau’s grade labels and lines', () => {
    const settings = with_({ grades: { excellentFrom: ratio(95), goodFrom: ratio(85), fairFrom: ratio(70), labels: ['A', 'B', 'C', 'D'] } });
    expect([gradeOf(d('94'), settings), gradeOf(d('69.99'), settings)]).toEqual(['B', 'D']);
  });

  it('caps nothing by default', () => {
    expect(shown(selfEvaluationTotal([d('95')], ratio(1, 2), DEFAULT_SCORING).total)).toBe('95.00');
  });

  it.each([
    ['0.80', '95.00', null, '优'],
    ['0.7999', '89.00', '89', '良'],
    ['0.70', '89.00', '89', '良'],
    ['0.6999', '79.00', '79', '中'],
    ['0.60', '79.00', '79', '中'],
    ['0.5999', '69.00', '69', '中'],
  ])('with caps by execution rate, a rate of %s caps 95 at %s', (rate, total, cap, grade) => {
    const result = selfEvaluationTotal([d('95')], d(rate), with_({ executionCaps: STANDARD_EXECUTION_CAPS }));
    expect([shown(result.total), result.cappedAt && shown(result.cappedAt).replace('.00', ''), result.grade]).toEqual([total, cap, grade]);
  });

  it('leaves a total below its cap alone', () => {
    const result = selfEvaluationTotal([d('60')], d('0.5'), with_({ executionCaps: STANDARD_EXECUTION_CAPS }));
    expect([shown(result.total), result.cappedAt]).toEqual(['60.00', null]);
    expect(executionCap(d('0.5'), with_({ executionCaps: STANDARD_EXECUTION_CAPS }))).toEqual(ratio(69));
  });

  it('enforces only the total of weights, 100, not the level-1 split', () => {
    expect(weightTotalProblem([ratio(10), ratio(70), ratio(10), ratio(10)])).toBeNull();
    expect(weightTotalProblem([ratio(10), ratio(20), ratio(10), ratio(20)])).toBe('分值合计 60 分，应为 100 分');
    expect(weightTotalProblem([ratio(10), d('89.5')])).toBe('分值合计 99.5 分，应为 100 分');
  });
});
