// The 自评表 as a unit fills it in: its text fields read into the scoring inputs, each row scored, and
// what a draft may not keep (a qualitative score outside its tier, a deduction above the weight or
// without a reason, text where a number belongs) apart from what only a submission needs (every actual,
// tier and score, a reason where the execution rate is low or an indicator is not met, weights of 100).
// The service enforces it and the form previews it while typing, from this one place.
import { parseDecimal, percent, ratio, toFixed, type Ratio } from '../ratio';
import { blockRows, departmentBlockRows, type DepartmentFundBlock, type DepartmentFundRowName, type FundBlock, type FundFigures, type FundRowFigures } from './funds';
import { budgetScore, scoreIndicator, selfEvaluationTotal, weightTotalProblem, type BudgetScore, type IndicatorFlag, type IndicatorInput, type SelfEvaluationTotal, type Tier } from './scoring';
import type { FundRowName, ScoringSettings } from './settings';

/** One approved indicator of the form and what the unit entered against it (text, as typed). */
/** What the unit enters against one approved indicator (text, as typed). */
export interface IndicatorEntered {
  actual: string;
  tier: Tier | null;
  score: string;
  deduction: string;
  deductionReason: string;
  deviationReason: string;
}

export interface FormIndicator extends IndicatorEntered {
  name: string;
  operator: string;
  targetValue: string;
  weight: string;
}

export interface SelfEvaluationForm {
  funds: FundBlock;
  budgetReason: string;
  goalAchieved: string;
  indicators: readonly FormIndicator[];
}

/** 年度主要任务 of the 部门整体支出绩效自评表: the approved task and its 完成情况 as the unit writes it. */
export interface FormTask {
  task: string;
  completion: string;
}

/** The 部门整体支出绩效自评表: the unit's spending as a whole, its annual tasks and the same indicator rows. */
export interface DepartmentSelfEvaluationForm extends Omit<SelfEvaluationForm, 'funds'> {
  funds: DepartmentFundBlock;
  tasks: readonly FormTask[];
}

export type IndicatorEntryField = 'actual' | 'tier' | 'score' | 'deduction' | 'deductionReason' | 'deviationReason';
export type FieldMessages<F extends string> = Partial<Record<F, string>>;

export interface AssessedIndicator {
  /** null until the row can be scored (actual, or tier and score, entered). */
  score: Ratio | null;
  met: boolean | null;
  flags: IndicatorFlag[];
  /** Refused even in a draft. */
  errors: FieldMessages<IndicatorEntryField>;
  /** Needed before it can be submitted. */
  missing: FieldMessages<IndicatorEntryField>;
}

export interface FormAssessment<R extends string = FundRowName> {
  fundRows: FundRowFigures<R>[];
  budget: BudgetScore;
  budgetReasonMissing: string | null;
  indicators: AssessedIndicator[];
  /** Over the rows that can be scored; `complete` says whether that is all of them. */
  total: SelfEvaluationTotal;
  complete: boolean;
  weightProblem: string | null;
  /** Why a draft cannot be saved, one line each, naming the row. */
  refusals: string[];
  /** Why it cannot be submitted yet (refusals included), one line each. */
  problems: string[];
}

const NUMBER_HINT = '请填写数字，如 120 或 95.5';
const number = (text: string): Ratio | null | 'bad' => {
  if (text.trim() === '') return null;
  const value = parseDecimal(text);
  return value === null || value.num < 0n ? 'bad' : value;
};

/** The weight the approved target gave the row; a row without one cannot be scored. */
const weightOf = (row: FormIndicator): Ratio | null => {
  const value = number(row.weight);
  return value === 'bad' ? null : value;
};

function deductionOf(row: FormIndicator): IndicatorInput['deduction'] | 'bad' {
  const points = number(row.deduction);
  if (points === 'bad') return 'bad';
  return points === null ? null : { points, reason: row.deductionReason };
}

/** The scoring input of a row, or what keeps it from being one. */
/**
 * Text where a number belongs, refused even on a row without a weight: otherwise a draft would keep
 * 「abc」 until the target's adjustment gives the row a weight, and only then be told.
 */
function numberErrors(row: FormIndicator): FieldMessages<IndicatorEntryField> {
  const errors: FieldMessages<IndicatorEntryField> = {};
  if (number(row.deduction) === 'bad') errors.deduction = `扣分${NUMBER_HINT}`;
  if (row.operator === '定性' && number(row.score) === 'bad') errors.score = `得分${NUMBER_HINT}`;
  if (row.operator !== '定性' && number(row.actual) === 'bad') errors.actual = `实际完成值${NUMBER_HINT}`;
  return errors;
}

function inputOf(row: FormIndicator, weight: Ratio, missing: FieldMessages<IndicatorEntryField>): IndicatorInput | null {
  const deduction = deductionOf(row);
  const common = { weight, deduction: deduction === 'bad' ? null : deduction };
  if (row.operator === '定性') {
    const score = number(row.score);
    if (!row.tier) missing.tier = '请选择完成档次';
    if (score === null) missing.score = '请填写得分';
    return row.tier && score !== null && score !== 'bad' ? { operator: '定性', tier: row.tier, score, ...common } : null;
  }
  const target = parseDecimal(row.targetValue);
  const actual = number(row.actual);
  if (actual === null) missing.actual = '请填写实际完成值';
  if (target === null || actual === null || actual === 'bad') return null;
  return { operator: row.operator as Exclude<IndicatorInput['operator'], '定性'>, target, actual, ...common };
}

/** A scoring problem belongs under the field it is about. */
const problemField = (problem: string): IndicatorEntryField => (problem.startsWith('定性指标') ? 'score' : problem.includes('原因') ? 'deductionReason' : 'deduction');

export function assessIndicator(row: FormIndicator, settings: ScoringSettings): AssessedIndicator {
  const errors = numberErrors(row);
  const missing: FieldMessages<IndicatorEntryField> = {};
  const weight = weightOf(row);
  if (weight === null) return { score: null, met: null, flags: [], errors, missing: { actual: '批复的目标没有为该指标设分值，无法评分；请先办理目标调整补充分值' } };
  const input = inputOf(row, weight, missing);
  if (!input) return { score: null, met: null, flags: [], errors, missing };
  const scored = scoreIndicator(input, settings);
  for (const problem of scored.problems) errors[problemField(problem)] ??= problem;
  if (scored.flags.includes('deviationReasonRequired') && row.deviationReason.trim() === '') missing.deviationReason = '未达成指标，请填写偏差原因分析及改进措施';
  // A refused row (a score outside its tier, a deduction above the weight) counts nothing until it is put right:
  // otherwise a qualitative 200 would show a total past 100 while typing.
  const refused = Object.keys(errors).length > 0;
  return { score: refused ? null : scored.score, met: scored.met, flags: scored.flags, errors, missing };
}

export const assessSelfEvaluation = (form: SelfEvaluationForm, budgetWeight: number, settings: ScoringSettings): FormAssessment =>
  assessRows(blockRows(form.funds), form, [], budgetWeight, settings);

/** The department-wide table scores like a project's, on the unit's total; each task needs its 完成情况. */
export function assessDepartmentSelfEvaluation(form: DepartmentSelfEvaluationForm, budgetWeight: number, settings: ScoringSettings): FormAssessment<DepartmentFundRowName> {
  const missingTasks = form.tasks.flatMap((t, n) => (t.completion.trim() === '' ? [`第 ${n + 1} 项年度主要任务“${t.task}”：请填写完成情况`] : []));
  return assessRows(departmentBlockRows(form.funds), form, missingTasks, budgetWeight, settings);
}

/** A table scored: 预算执行 on its funds' total, each indicator row, and the total over the rows that can be scored. */
export type TableScore = Pick<FormAssessment, 'budget' | 'indicators' | 'total' | 'complete'>;

/** The scores alone, without the problems the form lists: what a list of the year's tables shows of each. */
export function scoreTable(funds: FundFigures, indicators: readonly FormIndicator[], budgetWeight: number, settings: ScoringSettings): TableScore {
  const budget = budgetScore({ adjusted: ratio(funds.adjustedFen), executed: ratio(funds.executedFen), weight: ratio(budgetWeight) }, settings);
  const assessed = indicators.map((row) => assessIndicator(row, settings));
  const scored = assessed.flatMap((i) => (i.score ? [i.score] : []));
  return { budget, indicators: assessed, total: selfEvaluationTotal([budget.score, ...scored], budget.rate, settings), complete: scored.length === assessed.length };
}

function assessRows<R extends string>(
  fundRows: FundRowFigures<R>[],
  form: Omit<SelfEvaluationForm, 'funds'>,
  missingTasks: readonly string[],
  budgetWeight: number,
  settings: ScoringSettings,
): FormAssessment<R> {
  const { budget, indicators, total, complete } = scoreTable(fundRows[0]!, form.indicators, budgetWeight, settings);
  const budgetReasonMissing = budget.flags.includes('reasonRequired') && form.budgetReason.trim() === '' ? `预算执行率 ${percent(budget.rate)}% 低于规定比例，请说明原因` : null;
  const weights = form.indicators.map(weightOf);
  const weightProblem = weights.some((w) => w === null) ? null : weightTotalProblem([ratio(budgetWeight), ...(weights as Ratio[])]);
  const label = (n: number) => `第 ${n + 1} 个指标“${form.indicators[n]!.name}”`;
  const refusals = indicators.flatMap((i, n) => Object.values(i.errors).map((message) => `${label(n)}：${message}`));
  const problems = [
    ...refusals,
    ...(budgetReasonMissing ? [budgetReasonMissing] : []),
    ...(form.goalAchieved.trim() === '' ? ['请填写年度总体目标的实际完成情况'] : []),
    ...missingTasks,
    ...indicators.flatMap((i, n) => Object.values(i.missing).map((message) => `${label(n)}：${message}`)),
    ...(weightProblem ? [`${weightProblem}（含预算执行 ${budgetWeight} 分）`] : []),
  ];
  return {
    fundRows,
    budget,
    budgetReasonMissing,
    indicators,
    total,
    complete,
    weightProblem,
    refusals,
    problems,
  };
}

/** A score as the form shows it: 2 decimals. */
export const scoreText = (value: Ratio | null): string => (value ? toFixed(value, 2) : '—');

/** 总分 as the lists show it (with the grade), or nothing while rows are still unscored. */
export const shownTotal = (assessment: Pick<FormAssessment, 'complete' | 'total'>) => (assessment.complete ? { totalScore: toFixed(assessment.total.total, 2), grade: assessment.total.grade } : { totalScore: null, grade: null });
