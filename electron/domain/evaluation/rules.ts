// The four scoring rules of a template leaf (domain.md §6), on exact ratios. A leaf not yet filled in
// has no score (a draft may be incomplete); a filled-in value the rule cannot take is refused with the
// reason, naming what is allowed.
import { compare, div, max, min, mul, parseDecimal, plainDecimal, ratio, sub, type Ratio } from '../ratio';
import type { Rule, Step } from './template';

const ZERO = ratio(0);
const ONE = ratio(1);

/** What an evaluator enters on a leaf: the rule reads the fields it needs. */
export interface LeafInput {
  value: string;
  target: string;
  count: string;
  score: string;
}

export const EMPTY_LEAF_INPUT: LeafInput = { value: '', target: '', count: '', score: '' };

/** null score with no problem: not filled in yet. */
export interface LeafScore {
  score: Ratio | null;
  problem: string | null;
}

const blank = (text: string) => text.trim() === '';
const unscored: LeafScore = { score: null, problem: null };
const refused = (problem: string): LeafScore => ({ score: null, problem });
const scored = (score: Ratio): LeafScore => ({ score, problem: null });

/** The step whose range [from, to) holds the value; an empty `to` is open upwards. */
export function stepFor(steps: readonly Step[], value: Ratio): Step | null {
  return (
    steps.find((step) => {
      const from = parseDecimal(step.from);
      const to = blank(step.to) ? null : parseDecimal(step.to);
      return from !== null && compare(value, from) >= 0 && (to === null || compare(value, to) < 0);
    }) ?? null
  );
}

/** The ranges a step table covers, as the refusal names them: 「[0, 60)、[60, 90)、[90, 100]」. */
export const stepRangesText = (steps: readonly Step[]): string =>
  steps.map((s) => (blank(s.to) ? `${s.from} 及以上` : `[${s.from}, ${s.to})`)).join('、');

function proportional(points: Ratio, input: LeafInput): LeafScore {
  if (blank(input.value) || blank(input.target)) return unscored;
  const value = parseDecimal(input.value);
  const target = parseDecimal(input.target);
  if (!value || compare(value, ZERO) < 0) return refused(`完成值“${input.value.trim()}”应为不小于 0 的数字`);
  if (!target || compare(target, ZERO) <= 0) return refused(`目标值“${input.target.trim()}”应为大于 0 的数字`);
  return scored(mul(points, min(div(value, target), ONE)));
}

function stepTable(steps: readonly Step[], input: LeafInput): LeafScore {
  if (blank(input.value)) return unscored;
  const value = parseDecimal(input.value);
  if (!value) return refused(`实际值“${input.value.trim()}”应为数字`);
  const step = stepFor(steps, value);
  if (!step) return refused(`实际值 ${input.value.trim()} 不在分档范围内（${stepRangesText(steps)}）`);
  return scored(parseDecimal(step.points)!);
}

function deductPerUnit(points: Ratio, perUnit: Ratio, floor: Ratio, input: LeafInput): LeafScore {
  if (blank(input.count)) return unscored;
  if (!/^\s*\d+\s*$/.test(input.count)) return refused(`扣分次数“${input.count.trim()}”应为不小于 0 的整数`);
  return scored(max(sub(points, mul(perUnit, ratio(BigInt(input.count.trim())))), floor));
}

/** The range a manual leaf's score must fall in, as the form and the refusal show it. */
export const manualRangeText = (rule: { min: string; max: string }): string => `${plainDecimal(parseDecimal(rule.min)!)}–${plainDecimal(parseDecimal(rule.max)!)} 分`;

function manual(rule: { min: string; max: string }, input: LeafInput): LeafScore {
  if (blank(input.score)) return unscored;
  const score = parseDecimal(input.score);
  const low = parseDecimal(rule.min)!;
  const high = parseDecimal(rule.max)!;
  if (!score || compare(score, low) < 0 || compare(score, high) > 0) return refused(`得分“${input.score.trim()}”不在允许范围内，应为 ${manualRangeText(rule)}`);
  return scored(score);
}

/**
 * A leaf's score by its rule. The rule must have passed template validation (validateTemplate): its
 * parameters are read as valid decimals here.
 */
export function scoreLeaf(rule: Rule, points: Ratio, input: LeafInput): LeafScore {
  switch (rule.type) {
    case 'proportional':
      return proportional(points, input);
    case 'step-table':
      return stepTable(rule.steps, input);
    case 'deduct-per-unit':
      return deductPerUnit(points, parseDecimal(rule.perUnit)!, parseDecimal(rule.floor)!, input);
    case 'manual':
      return manual(rule, input);
  }
}

/** The input fields each rule reads, so a form shows only those. */
export const RULE_INPUTS: Record<Rule['type'], readonly (keyof LeafInput)[]> = {
  proportional: ['value', 'target'],
  'step-table': ['value'],
  'deduct-per-unit': ['count'],
  manual: ['score'],
};

export const LEAF_INPUT_LABELS: Record<keyof LeafInput, string> = { value: '实际值', target: '目标值', count: '扣分次数', score: '得分' };
