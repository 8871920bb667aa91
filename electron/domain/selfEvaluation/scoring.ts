// 绩效自评 scoring, domain.md §6: the budget-execution score, each indicator's score by its operator,
// qualitative tiers, deductions, the total, caps and the grade. Exact ratios throughout; rounding happens
// only where a score is shown, and the total is the sum of the unrounded parts.
import type { IndicatorOperator } from '../indicators';
import { executionRate } from '../monitoring';
import { add, compare, div, max, min, mul, plainDecimal, ratio, round, sub, toFixed, type Ratio } from '../ratio';
import type { ScoringSettings } from './settings';

export type QuantitativeOperator = Exclude<IndicatorOperator, '定性'>;

export const TIERS = ['achieved', 'partial', 'notAchieved'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

/** What the evaluator is asked to look at; none of them changes a score by itself (domain.md §6). */
export const INDICATOR_FLAGS = ['overAchievement', 'equalsBound', 'manualReview', 'deviationReasonRequired', 'fixedDeduction'] as const;
export type IndicatorFlag = (typeof INDICATOR_FLAGS)[number];
export const INDICATOR_FLAG_LABELS: Record<IndicatorFlag, string> = {
  overAchievement: '完成值明显高于指标值',
  equalsBound: '完成值恰好等于指标值，请评价人判断是否达成',
  manualReview: '指标值为 0 而未达成，需人工复核',
  deviationReasonRequired: '未达成指标，须填写偏差原因分析及改进措施',
  fixedDeduction: '超额完成，已按设置扣分',
};

export const BUDGET_FLAGS = ['zeroBudget', 'reasonRequired'] as const;
export type BudgetFlag = (typeof BUDGET_FLAGS)[number];
export const BUDGET_FLAG_LABELS: Record<BudgetFlag, string> = {
  zeroBudget: '全年预算数为 0，执行率按 0 计',
  reasonRequired: '预算执行率低于规定比例，须说明原因',
};

export interface BudgetInput {
  /** 全年预算数 and 全年执行数 in any one unit (分, or exact 万元 decimals). */
  adjusted: Ratio;
  executed: Ratio;
  weight: Ratio;
}

export interface BudgetScore {
  rate: Ratio;
  score: Ratio;
  flags: BudgetFlag[];
}

/** 预算执行得分 = w × min(执行率, 100%); 0 with a flag when the budget is 0. */
export function budgetScore(input: BudgetInput, settings: ScoringSettings): BudgetScore {
  const { rate, zeroBudget } = executionRate(input.executed, input.adjusted);
  const flags: BudgetFlag[] = [];
  if (zeroBudget) flags.push('zeroBudget');
  if (compare(rate, settings.executionReasonBelow) < 0) flags.push('reasonRequired');
  return { rate, score: mul(input.weight, min(rate, ratio(1))), flags };
}

export interface Deduction {
  points: Ratio;
  reason: string;
}

export type IndicatorInput = (
  | { operator: QuantitativeOperator; target: Ratio; actual: Ratio }
  | { operator: '定性'; tier: Tier; score: Ratio }
) & { weight: Ratio; deduction?: Deduction | null };

export interface IndicatorScore {
  /** Before any deduction. */
  base: Ratio;
  deduction: Ratio;
  score: Ratio;
  met: boolean;
  flags: IndicatorFlag[];
  /** Why the row cannot be accepted as entered (a qualitative score outside its tier, a deduction above w). */
  problems: string[];
}

const ZERO = ratio(0);
const scoreText = (value: Ratio) => toFixed(value, 2);

/** The range a tier allows, [from, to) except that 达成 includes w itself. */
export function tierRange(tier: Tier, weight: Ratio, settings: ScoringSettings): { from: Ratio; to: Ratio; toIncluded: boolean } {
  const achieved = mul(weight, settings.tierAchievedFrom);
  const partial = mul(weight, settings.tierPartialFrom);
  if (tier === 'achieved') return { from: achieved, to: weight, toIncluded: true };
  if (tier === 'partial') return { from: partial, to: achieved, toIncluded: false };
  return { from: ZERO, to: partial, toIncluded: false };
}

/** The allowed range as a message shows it: 8.00–10.00, or 6.00–8.00（不含 8.00）. */
export function tierRangeText(tier: Tier, weight: Ratio, settings: ScoringSettings): string {
  const { from, to, toIncluded } = tierRange(tier, weight, settings);
  return `${scoreText(from)}–${scoreText(to)}${toIncluded ? '' : `（不含 ${scoreText(to)}）`}`;
}

export function withinTier(score: Ratio, tier: Tier, weight: Ratio, settings: ScoringSettings): boolean {
  const { from, to, toIncluded } = tierRange(tier, weight, settings);
  const upper = compare(score, to);
  return compare(score, from) >= 0 && (upper < 0 || (toIncluded && upper === 0));
}

/** Score of an unmet `≤`/`<` (a > t): by ratio w × t ÷ a, or by deviation w × (1 − (a − t) ÷ t) floored at 0. */
function reverseScore(weight: Ratio, target: Ratio, actual: Ratio, settings: ScoringSettings): Ratio {
  if (settings.lessOrEqual === 'ratio') return div(mul(weight, target), actual);
  if (target.num === 0n) return ZERO; // any excess over a zero ceiling is an unbounded deviation
  return max(ZERO, mul(weight, sub(ratio(1), div(sub(actual, target), target))));
}

/** w × a ÷ t for a positive indicator below its target (t > 0 there, since 0 ≤ a < t). */
const proportional = (weight: Ratio, target: Ratio, actual: Ratio) => div(mul(weight, actual), target);

interface Quantitative {
  base: Ratio;
  met: boolean;
  flags: IndicatorFlag[];
}

function quantitativeScore(operator: QuantitativeOperator, target: Ratio, actual: Ratio, weight: Ratio, settings: ScoringSettings): Quantitative {
  const c = compare(actual, target);
  const full = (flags: IndicatorFlag[] = []): Quantitative => ({ base: weight, met: true, flags });
  const short = (base: Ratio, flags: IndicatorFlag[] = []): Quantitative => ({ base, met: false, flags });
  switch (operator) {
    case '≥':
      return c >= 0 ? full() : short(proportional(weight, target, actual));
    case '>':
      // a = t exactly misses a strict target by nothing: the evaluator judges it (w unless a deduction is entered).
      return c > 0 ? full() : c === 0 ? full(['equalsBound']) : short(proportional(weight, target, actual));
    case '≤':
      return c <= 0 ? full() : short(reverseScore(weight, target, actual, settings));
    case '<':
      return c < 0 ? full() : c === 0 ? full(['equalsBound']) : short(reverseScore(weight, target, actual, settings));
    case '=':
      if (target.num === 0n) return c === 0 ? full() : short(ZERO, ['manualReview']);
      if (settings.equal === 'asAtLeast') return quantitativeScore('≥', target, actual, weight, settings);
      return c === 0 ? full() : short(div(mul(weight, min(actual, target)), max(actual, target)));
  }
}

/** Positive indicators (≥, >, = with t ≠ 0) at a ÷ t ≥ the threshold: the target was probably set too low. */
function overAchieved(operator: QuantitativeOperator, target: Ratio, actual: Ratio, settings: ScoringSettings): boolean {
  const positive = operator === '≥' || operator === '>' || operator === '=';
  return positive && target.num !== 0n && compare(div(actual, target), settings.overAchievementFrom) >= 0;
}

/** A deduction is 0…w and needs a reason; it is never made automatically unless the bureau set a fixed one. */
function deductionProblems(deduction: Deduction | null | undefined, weight: Ratio): string[] {
  if (!deduction) return [];
  if (deduction.points.num < 0n) return ['扣分不能为负数'];
  if (compare(deduction.points, weight) > 0) return [`扣分 ${scoreText(deduction.points)} 超过该指标分值 ${scoreText(weight)}，应在 0–${scoreText(weight)} 之间`];
  if (deduction.points.num > 0n && deduction.reason.trim() === '') return ['填写了扣分，请说明扣分原因'];
  return [];
}

export function scoreIndicator(input: IndicatorInput, settings: ScoringSettings): IndicatorScore {
  const problems = deductionProblems(input.deduction, input.weight);
  let base: Ratio;
  let met: boolean;
  let flags: IndicatorFlag[];
  let deduction = input.deduction?.points ?? ZERO;
  if (input.operator === '定性') {
    base = input.score;
    met = input.tier === 'achieved';
    flags = [];
    if (!withinTier(input.score, input.tier, input.weight, settings)) {
      problems.push(`定性指标“${TIER_LABELS[input.tier]}”的得分应在 ${tierRangeText(input.tier, input.weight, settings)} 之间，填写的是 ${scoreText(input.score)}`);
    }
  } else {
    ({ base, met, flags } = quantitativeScore(input.operator, input.target, input.actual, input.weight, settings));
    if (overAchieved(input.operator, input.target, input.actual, settings)) {
      flags.push('overAchievement');
      // The bureau's fixed deduction applies unless the evaluator entered one of their own.
      if (settings.overAchievementDeduction && settings.overAchievementDeduction.num > 0n && !input.deduction) {
        deduction = min(settings.overAchievementDeduction, input.weight);
        flags.push('fixedDeduction');
      }
    }
  }
  if (!met) flags.push('deviationReasonRequired');
  return { base, deduction, score: max(ZERO, sub(base, deduction)), met, flags, problems };
}

export interface SelfEvaluationTotal {
  /** Sum of the unrounded parts, rounded to 2 decimals, then capped. */
  total: Ratio;
  /** The execution-rate cap that lowered the total, if any. */
  cappedAt: Ratio | null;
  grade: string;
}

/** The lowest cap whose rate band the execution rate falls in, or null. */
export function executionCap(rate: Ratio, settings: ScoringSettings): Ratio | null {
  const caps = settings.executionCaps.filter((c) => compare(rate, c.below) < 0).map((c) => c.cap);
  return caps.length === 0 ? null : caps.reduce(min);
}

export function gradeOf(total: Ratio, settings: ScoringSettings): string {
  const { excellentFrom, goodFrom, fairFrom, labels } = settings.grades;
  if (compare(total, excellentFrom) >= 0) return labels[0];
  if (compare(total, goodFrom) >= 0) return labels[1];
  if (compare(total, fairFrom) >= 0) return labels[2];
  return labels[3];
}

export function selfEvaluationTotal(parts: readonly Ratio[], rate: Ratio, settings: ScoringSettings): SelfEvaluationTotal {
  const sum = round(parts.reduce(add, ZERO), 2);
  const cap = executionCap(rate, settings);
  const cappedAt = cap && compare(sum, cap) > 0 ? cap : null;
  const total = cappedAt ?? sum;
  return { total, cappedAt, grade: gradeOf(total, settings) };
}

/** Only the total of 100 is enforced; the level-1 split (10/50/30/10) is a suggestion. */
export function weightTotalProblem(weights: readonly Ratio[]): string | null {
  const total = weights.reduce(add, ZERO);
  return compare(total, ratio(100)) === 0 ? null : `分值合计 ${plainDecimal(total)} 分，应为 100 分`;
}
