// `jixiao calc selfeval`: the §6 scores of one self-evaluation from JSON, and with the unit's own scores
// (enteredScore, enteredTotal) the review's differences, so staff and scripts can recheck a table without
// the UI or a database. Amounts and scores are decimal strings; weights may be numbers.
import { z } from 'zod';
import { OPERATORS } from '../domain/indicators';
import { div, parseDecimal, percent, ratio, toFixed, type Ratio } from '../domain/ratio';
import {
  DEFAULT_SCORING,
  parseTier,
  reviewSelfEvaluation,
  STANDARD_EXECUTION_CAPS,
  weightTotalProblem,
  type BudgetFlag,
  type Difference,
  type IndicatorFlag,
  type IndicatorInput,
  type ReviewRow,
  type ScoringSettings,
} from '../domain/selfEvaluation';
import { parseStdinJson } from '../cli/stdinJson';
import { AppError } from '../errors';
import { decimalText } from '../ipc/schema'; // also sets zod's Chinese messages

const weight = z.union(
  [z.number().min(0, '分值不能为负数').refine((n) => parseDecimal(String(n)) !== null, '分值请写成普通小数，如 10 或 "7.5"'), decimalText],
  { error: '应为分值，如 10 或 "10"' },
);
const TIER_HINT = '应为 达成 / 部分达成 / 未达成（或 达成年度指标 等完整写法）';

const indicator = z
  .object({
    operator: z.enum(OPERATORS, { error: `应为 ${OPERATORS.join(' ')} 之一` }),
    target: decimalText.optional(),
    actual: decimalText.optional(),
    tier: z.string({ error: TIER_HINT }).refine((t) => parseTier(t) !== null, TIER_HINT).optional(),
    /** A qualitative indicator's score, entered by the evaluator within its tier. */
    score: decimalText.optional(),
    weight,
    deduction: decimalText.optional(),
    deductionReason: z.string().max(500, '扣分原因不能超过 500 个字').optional(),
    enteredScore: decimalText.optional(),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.operator === '定性') {
      if (!row.tier) ctx.addIssue({ code: 'custom', path: ['tier'], message: `定性指标须有 tier，${TIER_HINT}` });
      if (!row.score && !row.enteredScore) ctx.addIssue({ code: 'custom', path: ['score'], message: '定性指标须有 score（评价人在档次内给出的得分）' });
      return;
    }
    if (!row.target) ctx.addIssue({ code: 'custom', path: ['target'], message: '定量指标须有 target（指标值，不小于 0 的数字字符串）' });
    if (!row.actual) ctx.addIssue({ code: 'custom', path: ['actual'], message: '定量指标须有 actual（实际完成值，不小于 0 的数字字符串）' });
  });

const settings = z
  .object({
    lessOrEqual: z.enum(['ratio', 'deviation'], { error: '应为 "ratio"（按比例）或 "deviation"（按偏离度）' }).optional(),
    equal: z.enum(['symmetric', 'asAtLeast'], { error: '应为 "symmetric"（对称）或 "asAtLeast"（按“≥”计分）' }).optional(),
    /** Percent, e.g. "120". */
    overAchievementFrom: decimalText.optional(),
    /** Points: when given, over-achievement deducts them instead of only flagging. */
    overAchievementDeduction: decimalText.optional(),
    /** true: the standard caps (70–80% → 89, 60–70% → 79, below 60% → 69); or the bands as percents and points. */
    executionCaps: z
      .union([z.boolean(), z.array(z.object({ below: decimalText, cap: decimalText }).strict()).max(10)], {
        error: '应为 true / false，或 [{"below": "80", "cap": "89"}] 这样的列表',
      })
      .optional(),
    executionReasonBelow: decimalText.optional(),
  })
  .strict();

export const calcSelfEvalInput = z
  .object({
    budget: z
      .object({ adjusted: decimalText, executed: decimalText, weight, enteredScore: decimalText.optional() }, { error: '应为 {"adjusted": "全年预算数", "executed": "全年执行数", "weight": 10}' })
      .strict(),
    indicators: z.array(indicator).max(1000).default([]),
    settings: settings.optional(),
    enteredTotal: decimalText.optional(),
  })
  .strict();
export type CalcSelfEvalInput = z.input<typeof calcSelfEvalInput>;

export interface CalcSelfEvalOutput {
  executionRate: string;
  budgetScore: string;
  budgetFlags: BudgetFlag[];
  indicators: { score: string; flags: IndicatorFlag[] }[];
  total: string;
  grade: string;
  /** The execution-rate cap that lowered the total. */
  cappedAt?: string;
  /** Only when the input carries the unit's scores (enteredScore, enteredTotal). */
  differences?: Difference[];
}

const exact = (text: string): Ratio => parseDecimal(text)!;
const exactOrNull = (text: string | undefined) => (text === undefined ? null : exact(text));
const weightOf = (value: number | string): Ratio => (typeof value === 'number' ? exact(String(value)) : exact(value));
const pct = (text: string) => div(exact(text), ratio(100));

function scoringSettings(given: z.output<typeof settings> = {}): ScoringSettings {
  const caps = given.executionCaps;
  return {
    ...DEFAULT_SCORING,
    ...(given.lessOrEqual && { lessOrEqual: given.lessOrEqual }),
    ...(given.equal && { equal: given.equal }),
    ...(given.overAchievementFrom && { overAchievementFrom: pct(given.overAchievementFrom) }),
    ...(given.overAchievementDeduction && { overAchievementDeduction: exact(given.overAchievementDeduction) }),
    ...(given.executionReasonBelow && { executionReasonBelow: pct(given.executionReasonBelow) }),
    executionCaps: caps === true ? STANDARD_EXECUTION_CAPS : Array.isArray(caps) ? caps.map((c) => ({ below: pct(c.below), cap: exact(c.cap) })) : [],
  };
}

function indicatorInput(row: z.output<typeof indicator>): IndicatorInput {
  const deduction = row.deduction === undefined ? null : { points: exact(row.deduction), reason: row.deductionReason ?? '' };
  const common = { weight: weightOf(row.weight), deduction };
  if (row.operator === '定性') return { operator: '定性', tier: parseTier(row.tier!)!, score: exact(row.score ?? row.enteredScore!), ...common };
  return { operator: row.operator, target: exact(row.target!), actual: exact(row.actual!), ...common };
}

const reviewRow = (row: z.output<typeof indicator>, i: number): ReviewRow => ({
  label: `第 ${i + 1} 个指标`,
  indicator: indicatorInput(row),
  enteredScore: exactOrNull(row.enteredScore),
});

/**
 * Problems that make a self-evaluation invalid as entered: a qualitative score outside its tier, a
 * deduction above the weight or without a reason, weights not totalling 100. In review mode the unit's
 * qualitative scores and weight sums are findings (differences), not refusals.
 */
function refusals(input: z.output<typeof calcSelfEvalInput>, problems: readonly string[][], reviewing: boolean): string[] {
  const found = problems.flatMap((list, i) => {
    const row = input.indicators[i]!;
    // Without an evaluator's score the unit's own is checked, and a break of the tier is the review's finding.
    const unitsOwn = row.operator === '定性' && row.score === undefined;
    return (unitsOwn ? list.filter((p) => !p.startsWith('定性指标')) : list).map((p) => `indicators.${i}：${p}`);
  });
  const weights = weightTotalProblem([input.budget.weight, ...input.indicators.map((r) => r.weight)].map(weightOf));
  if (weights && !reviewing) found.push(`${weights}（含预算执行分值）`);
  return found;
}

export function calcSelfEval(raw: unknown): CalcSelfEvalOutput {
  const input = calcSelfEvalInput.parse(raw);
  const rules = scoringSettings(input.settings);
  const rows = input.indicators.map(reviewRow);
  const budgetWeight = weightOf(input.budget.weight);
  const reviewing = input.enteredTotal !== undefined || input.budget.enteredScore !== undefined || input.indicators.some((r) => r.enteredScore !== undefined);
  const result = reviewSelfEvaluation(
    {
      budget: { adjusted: exact(input.budget.adjusted), executed: exact(input.budget.executed), weight: budgetWeight, enteredScore: exactOrNull(input.budget.enteredScore) },
      rows,
      enteredTotal: exactOrNull(input.enteredTotal),
    },
    rules,
  );
  const problems = refusals(input, result.rows.map((r) => r?.problems ?? []), reviewing);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `输入有误：${problems.join('；')}`);
  const shown = (value: Ratio) => toFixed(value, 2);
  return {
    executionRate: percent(result.budget.rate, 2),
    budgetScore: shown(result.budget.score),
    budgetFlags: result.budget.flags,
    indicators: result.rows.map((r) => ({ score: shown(r!.score), flags: r!.flags })),
    total: shown(result.total.total),
    grade: result.total.grade,
    ...(result.total.cappedAt && { cappedAt: shown(result.total.cappedAt) }),
    ...(reviewing && { differences: result.differences }),
  };
}

const EXAMPLE = '{"budget": {"adjusted": "100", "executed": "95", "weight": 10}, "indicators": [{"operator": "≥", "target": "50", "actual": "40", "weight": 90}]}';

export const parseSelfEvalJson = (text: string): unknown => parseStdinJson(text, EXAMPLE);
