// 自评复核: a table filled outside the program, recomputed by the rules. Row by row the unit's score beside
// the rule's; every difference, wrong totals, weight sums other than 100, parent rows whose sub-rows are
// counted too. A difference is reported only where the unit's figure and the rule's really differ.
import { add, compare, ratio, round, toFixed, type Ratio } from '../ratio';
import {
  budgetScore,
  scoreIndicator,
  selfEvaluationTotal,
  tierRangeText,
  weightTotalProblem,
  type BudgetInput,
  type BudgetScore,
  type IndicatorInput,
  type IndicatorScore,
  type SelfEvaluationTotal,
} from './scoring';
import type { ScoringSettings } from './settings';

interface RowBase {
  /** How the row is named in a message: its 三级指标 or 二级指标 name. */
  label: string;
  /** Index of the row this one is a sub-row (其中) of. */
  parent?: number;
  enteredScore: Ratio | null;
}

/** An indicator row, or a row without its own rule: a parent (subtotal) row, `/`, a 其中 row. */
export type ReviewRow = RowBase & ({ indicator: IndicatorInput } | { indicator: null; weight: Ratio | null });

export interface ReviewTable {
  budget: BudgetInput & { enteredScore: Ratio | null };
  rows: readonly ReviewRow[];
  enteredTotal: Ratio | null;
}

export const DIFFERENCE_KINDS = ['budget', 'indicator', 'subtotal', 'total', 'sum', 'weights', 'subRowWeights', 'doubleCounted'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface Difference {
  kind: DifferenceKind;
  /** The row's index for indicator, subtotal and subRowWeights differences. */
  row?: number;
  /** The unit's figure and the rule's, as shown (a qualitative score outside its tier: the allowed range). */
  entered: string;
  rule: string;
  message: string;
}

export interface ReviewResult {
  budget: BudgetScore;
  /** The rule's score of each row that counts in the total; null for rows that do not. */
  rows: (IndicatorScore | null)[];
  total: SelfEvaluationTotal;
  differences: Difference[];
}

const shown = (value: Ratio) => toFixed(value, 2);
const differs = (entered: Ratio, rule: Ratio) => compare(entered, round(rule, 2)) !== 0;
const sum = (values: readonly Ratio[]) => values.reduce(add, ratio(0));
const weightOf = (row: ReviewRow): Ratio | null => (row.indicator ? row.indicator.weight : row.weight);

/** Which rows count: sub-rows with weights replace their parent; sub-rows without weight (其中) only explain it. */
function countedRows(rows: readonly ReviewRow[]) {
  const children = rows.map((_, i) => rows.flatMap((row, j) => (row.parent === i ? [j] : [])));
  const grouping = children.map((kids) => kids.some((k) => weightOf(rows[k]!) !== null));
  const counted = rows.map((row, i) => {
    if (grouping[i] || !row.indicator) return false;
    return row.parent === undefined || grouping[row.parent] === true;
  });
  return { children, grouping, counted };
}

function rowDifference(row: ReviewRow, index: number, result: IndicatorScore, settings: ScoringSettings): Difference | null {
  const { indicator, enteredScore } = row;
  if (!indicator || !enteredScore) return null;
  if (indicator.operator === '定性' && result.problems.length > 0) {
    const range = tierRangeText(indicator.tier, indicator.weight, settings);
    return { kind: 'indicator', row: index, entered: shown(enteredScore), rule: range, message: `“${row.label}”：${result.problems.join('；')}（复算总分暂按填报得分计）` };
  }
  if (!differs(enteredScore, result.score)) return null;
  return {
    kind: 'indicator', row: index, entered: shown(enteredScore), rule: shown(result.score),
    message: `“${row.label}”填报得分 ${shown(enteredScore)}，按规则应为 ${shown(result.score)}`,
  };
}

/** Parent rows: their weight should be the sum of their sub-rows', their subtotal the sum of their scores. */
function parentDifferences(table: ReviewTable, scores: (IndicatorScore | null)[], layout: ReturnType<typeof countedRows>): Difference[] {
  return table.rows.flatMap((row, i): Difference[] => {
    if (!layout.grouping[i]) return [];
    const kids = layout.children[i]!.filter((k) => layout.counted[k]);
    const found: Difference[] = [];
    const weight = weightOf(row);
    const kidWeights = sum(kids.map((k) => weightOf(table.rows[k]!)!));
    if (weight && compare(weight, kidWeights) !== 0) {
      found.push({ kind: 'subRowWeights', row: i, entered: shown(weight), rule: shown(kidWeights), message: `“${row.label}”分值 ${shown(weight)}，其下各行分值合计 ${shown(kidWeights)}` });
    }
    const subtotal = sum(kids.map((k) => scores[k]!.score));
    if (row.enteredScore && differs(row.enteredScore, subtotal)) {
      found.push({ kind: 'subtotal', row: i, entered: shown(row.enteredScore), rule: shown(round(subtotal, 2)), message: `“${row.label}”小计填报 ${shown(row.enteredScore)}，其下各行按规则合计 ${shown(round(subtotal, 2))}` });
    }
    return found;
  });
}

/** The unit's total against the rule's, against its own parts, and whether it added subtotals to their sub-rows. */
function totalDifferences(table: ReviewTable, total: SelfEvaluationTotal, layout: ReturnType<typeof countedRows>): Difference[] {
  const entered = table.enteredTotal;
  if (!entered) return [];
  const found: Difference[] = [];
  if (compare(entered, total.total) !== 0) {
    found.push({ kind: 'total', entered: shown(entered), rule: shown(total.total), message: `总分填报 ${shown(entered)}，按规则应为 ${shown(total.total)}` });
  }
  const parts = [table.budget.enteredScore, ...table.rows.filter((_, i) => layout.counted[i]).map((r) => r.enteredScore)];
  if (parts.some((p) => p === null)) return found;
  const ownSum = sum(parts as Ratio[]);
  const subtotals = table.rows.filter((r, i) => layout.grouping[i] && r.enteredScore && r.enteredScore.num > 0n);
  const doubled = add(ownSum, sum(subtotals.map((r) => r.enteredScore!)));
  if (subtotals.length > 0 && compare(entered, doubled) === 0) {
    const names = subtotals.map((r) => `“${r.label}”`).join('、');
    found.push({ kind: 'doubleCounted', entered: shown(entered), rule: shown(ownSum), message: `总分把 ${names} 的小计与其下各行重复计入：各项得分之和为 ${shown(ownSum)}` });
  } else if (compare(entered, ownSum) !== 0) {
    found.push({ kind: 'sum', entered: shown(entered), rule: shown(ownSum), message: `总分填报 ${shown(entered)}，不等于所填各项得分之和 ${shown(ownSum)}` });
  }
  return found;
}

export function reviewSelfEvaluation(table: ReviewTable, settings: ScoringSettings): ReviewResult {
  const layout = countedRows(table.rows);
  const budget = budgetScore(table.budget, settings);
  const scores = table.rows.map((row, i) => (layout.counted[i] && row.indicator ? scoreIndicator(row.indicator, settings) : null));
  const total = selfEvaluationTotal([budget.score, ...scores.flatMap((s) => (s ? [s.score] : []))], budget.rate, settings);
  const differences: Difference[] = [];
  const enteredBudget = table.budget.enteredScore;
  if (enteredBudget && differs(enteredBudget, budget.score)) {
    differences.push({ kind: 'budget', entered: shown(enteredBudget), rule: shown(budget.score), message: `预算执行得分填报 ${shown(enteredBudget)}，按规则应为 ${shown(budget.score)}` });
  }
  table.rows.forEach((row, i) => {
    const found = scores[i] ? rowDifference(row, i, scores[i], settings) : null;
    if (found) differences.push(found);
  });
  differences.push(...parentDifferences(table, scores, layout));
  const weights = [table.budget.weight, ...table.rows.flatMap((row, i) => (layout.counted[i] ? [weightOf(row)!] : []))];
  const weightProblem = weightTotalProblem(weights);
  if (weightProblem) differences.push({ kind: 'weights', entered: shown(sum(weights)), rule: '100.00', message: weightProblem });
  differences.push(...totalDifferences(table, total, layout));
  return { budget, rows: scores, total, differences };
}

/** A 复核 record of an imported table: 待复核 until a reviewer accepts it or returns it to the unit. */
export const EXTERNAL_REVIEW_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type ExternalReviewStatus = (typeof EXTERNAL_REVIEW_STATUSES)[number];
export const EXTERNAL_REVIEW_STATUS_LABELS: Record<ExternalReviewStatus, string> = { pending: '待复核', accepted: '通过', returned: '退回' };

/** The opinion a return starts from: every difference, numbered, for the unit to correct and refill. */
export function returnOpinion(differences: readonly Difference[]): string {
  if (differences.length === 0) return '';
  return ['复核发现以下问题，请改正后重新填报：', ...differences.map((d, i) => `${i + 1}. ${d.message}`)].join('\n');
}
