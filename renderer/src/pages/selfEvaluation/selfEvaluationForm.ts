// The self-evaluation as the form holds it (amounts as typed 万元 text, scores as typed) and the domain's
// view of it, so the scores, the total and the prompts follow every keystroke as the service will judge.
// A department-wide table (部门整体) holds its 基本支出 / 项目支出 block and its tasks' 完成情况 beside the
// same rows, and is scored by the domain's department form.
import { formatWanYuan } from '../../../../electron/domain/money';
import {
  assessDepartmentSelfEvaluation,
  assessSelfEvaluation,
  DEPARTMENT_FUND_ROW_ORDER,
  FUND_ROW_ORDER,
  scoringSettingsFrom,
  type DepartmentFundRowName,
  type FormAssessment,
  type FundFigures,
  type FundRowName,
  type IndicatorEntered,
} from '../../../../electron/domain/selfEvaluation';
import type { Input } from '../../../../electron/ipc/contract';
import type { SelfEvaluationDetail } from '../../../../electron/selfEvaluation/contract';
import { readAmount } from '../monitoring/sheetForm';

export type FundField = 'initial' | 'adjusted' | 'executed';
export type FundForm = Record<FundField, string>;
const FUND_FIELDS: readonly FundField[] = ['initial', 'adjusted', 'executed'];

export interface IndicatorForm extends IndicatorEntered {
  id: string;
}

export interface DepartmentFormState {
  funds: Record<DepartmentFundRowName, FundForm>;
  /** 完成情况 of each annual task, in the table's order. */
  completions: string[];
}

export interface SelfEvaluationFormState {
  funds: Record<FundRowName, FundForm>;
  budgetReason: string;
  goalAchieved: string;
  problems: string;
  measures: string;
  indicators: IndicatorForm[];
  /** Only on a department-wide table. */
  department: DepartmentFormState | null;
}

export type SelfEvaluationAssessment = FormAssessment<FundRowName> | FormAssessment<DepartmentFundRowName>;

const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

const fundFormsOf = <R extends string>(block: Readonly<Record<R, FundFigures>>, order: readonly R[]) =>
  Object.fromEntries(order.map((row) => [row, { initial: wan(block[row].initialFen), adjusted: wan(block[row].adjustedFen), executed: wan(block[row].executedFen) }])) as Record<R, FundForm>;

export function formOf(detail: SelfEvaluationDetail): SelfEvaluationFormState {
  return {
    funds: fundFormsOf(detail.funds, FUND_ROW_ORDER),
    budgetReason: detail.budgetReason,
    goalAchieved: detail.goalAchieved,
    problems: detail.problems,
    measures: detail.measures,
    indicators: detail.indicators.map(({ id, actual, tier, score, deduction, deductionReason, deviationReason }) => ({ id, actual, tier, score, deduction, deductionReason, deviationReason })),
    department: detail.department ? { funds: fundFormsOf(detail.department.funds, DEPARTMENT_FUND_ROW_ORDER), completions: detail.department.tasks.map((t) => t.completion) } : null,
  };
}

/** Unreadable amounts of a block, per row and figure. */
export const blockAmountProblems = <R extends string>(funds: Record<R, FundForm>, order: readonly R[]): Partial<Record<`${R}.${FundField}`, string>> =>
  Object.fromEntries(
    order.flatMap((row) => FUND_FIELDS.flatMap((field) => {
      const problem = readAmount(funds[row][field]).problem;
      return problem ? [[`${row}.${field}`, problem]] : [];
    })),
  ) as Partial<Record<`${R}.${FundField}`, string>>;

/** Unreadable amounts of the block the table shows (the project's fund rows, or the unit's 基本支出 / 项目支出). */
export const amountProblems = (form: SelfEvaluationFormState): Partial<Record<string, string>> =>
  form.department ? blockAmountProblems(form.department.funds, DEPARTMENT_FUND_ROW_ORDER) : blockAmountProblems(form.funds, FUND_ROW_ORDER);

const blockOf = <R extends string>(funds: Record<R, FundForm>, order: readonly R[]) =>
  Object.fromEntries(order.map((row) => [row, { initialFen: readAmount(funds[row].initial).fen, adjustedFen: readAmount(funds[row].adjusted).fen, executedFen: readAmount(funds[row].executed).fen }])) as Record<R, FundFigures>;

/** The scores and prompts of the form as it stands, by the bureau's own settings. */
export function assessForm(form: SelfEvaluationFormState, detail: SelfEvaluationDetail): SelfEvaluationAssessment {
  const settings = scoringSettingsFrom((key) => detail.rules.values[key]!);
  const indicators = detail.indicators.map((approved, n) => ({ ...approved, ...form.indicators[n]! }));
  const common = { budgetReason: form.budgetReason, goalAchieved: form.goalAchieved, indicators };
  if (form.department && detail.department) {
    const tasks = detail.department.tasks.map((t, n) => ({ task: t.task, completion: form.department!.completions[n] ?? '' }));
    return assessDepartmentSelfEvaluation({ ...common, funds: blockOf(form.department.funds, DEPARTMENT_FUND_ROW_ORDER), tasks }, detail.rules.budgetWeight, settings);
  }
  return assessSelfEvaluation({ ...common, funds: blockOf(form.funds, FUND_ROW_ORDER) }, detail.rules.budgetWeight, settings);
}

/** How many things still block a submission: unreadable amounts and the domain's problems. */
export const problemCount = (form: SelfEvaluationFormState, assessment: Pick<FormAssessment, 'problems'>) => Object.keys(amountProblems(form)).length + assessment.problems.length;

/** The save request, or null while an amount cannot be read (the form shows where). */
export function saveInputOf(form: SelfEvaluationFormState, detail: Pick<SelfEvaluationDetail, 'id' | 'version' | 'department'>): Input<'selfEvaluation.save'> | null {
  if (Object.keys(amountProblems(form)).length > 0) return null;
  const department =
    form.department && detail.department
      ? { funds: blockOf(form.department.funds, DEPARTMENT_FUND_ROW_ORDER), tasks: detail.department.tasks.map((t, n) => ({ id: t.id, completion: form.department!.completions[n] ?? '' })) }
      : undefined;
  return {
    id: detail.id,
    version: detail.version,
    funds: blockOf(form.funds, FUND_ROW_ORDER),
    budgetReason: form.budgetReason,
    goalAchieved: form.goalAchieved,
    problems: form.problems,
    measures: form.measures,
    indicators: form.indicators,
    ...(department ? { department } : {}),
  };
}
