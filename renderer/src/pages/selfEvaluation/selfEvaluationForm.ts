// The self-evaluation as the form holds it (amounts as typed 万元 text, scores as typed) and the domain's
// view of it, so the scores, the total and the prompts follow every keystroke as the service will judge.
import { formatWanYuan } from '../../../../electron/domain/money';
import { assessSelfEvaluation, FUND_ROW_ORDER, scoringSettingsFrom, type FormAssessment, type FundBlock, type FundRowName, type Tier } from '../../../../electron/domain/selfEvaluation';
import type { Input } from '../../../../electron/ipc/contract';
import type { SelfEvaluationDetail } from '../../../../electron/selfEvaluation/contract';
import { readAmount } from '../monitoring/sheetForm';

export type FundField = 'initial' | 'adjusted' | 'executed';
export type FundForm = Record<FundField, string>;

export interface IndicatorForm {
  id: string;
  actual: string;
  tier: Tier | null;
  score: string;
  deduction: string;
  deductionReason: string;
  deviationReason: string;
}

export interface SelfEvaluationFormState {
  funds: Record<FundRowName, FundForm>;
  budgetReason: string;
  goalAchieved: string;
  problems: string;
  measures: string;
  indicators: IndicatorForm[];
}

const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

export function formOf(detail: SelfEvaluationDetail): SelfEvaluationFormState {
  const funds = Object.fromEntries(
    FUND_ROW_ORDER.map((row) => {
      const f = detail.funds[row];
      return [row, { initial: wan(f.initialFen), adjusted: wan(f.adjustedFen), executed: wan(f.executedFen) }];
    }),
  ) as Record<FundRowName, FundForm>;
  return {
    funds,
    budgetReason: detail.budgetReason,
    goalAchieved: detail.goalAchieved,
    problems: detail.problems,
    measures: detail.measures,
    indicators: detail.indicators.map(({ id, actual, tier, score, deduction, deductionReason, deviationReason }) => ({ id, actual, tier, score, deduction, deductionReason, deviationReason })),
  };
}

/** Unreadable amounts per fund row and figure. */
export const amountProblems = (form: SelfEvaluationFormState): Partial<Record<`${FundRowName}.${FundField}`, string>> =>
  Object.fromEntries(
    FUND_ROW_ORDER.flatMap((row) => (['initial', 'adjusted', 'executed'] as const).flatMap((field) => {
      const problem = readAmount(form.funds[row][field]).problem;
      return problem ? [[`${row}.${field}`, problem]] : [];
    })),
  );

const blockOf = (form: SelfEvaluationFormState): FundBlock =>
  Object.fromEntries(
    FUND_ROW_ORDER.map((row) => {
      const f = form.funds[row];
      return [row, { initialFen: readAmount(f.initial).fen, adjustedFen: readAmount(f.adjusted).fen, executedFen: readAmount(f.executed).fen }];
    }),
  ) as FundBlock;

/** The scores and prompts of the form as it stands, by the bureau's own settings. */
export function assessForm(form: SelfEvaluationFormState, detail: SelfEvaluationDetail): FormAssessment {
  const settings = scoringSettingsFrom((key) => detail.rules.values[key]!);
  const indicators = detail.indicators.map((approved, n) => ({ ...approved, ...form.indicators[n]! }));
  return assessSelfEvaluation({ funds: blockOf(form), budgetReason: form.budgetReason, goalAchieved: form.goalAchieved, indicators }, detail.rules.budgetWeight, settings);
}

/** How many things still block a submission: unreadable amounts and the domain's problems. */
export const problemCount = (form: SelfEvaluationFormState, assessment: FormAssessment) => Object.keys(amountProblems(form)).length + assessment.problems.length;

/** The save request, or null while an amount cannot be read (the form shows where). */
export function saveInputOf(form: SelfEvaluationFormState, detail: Pick<SelfEvaluationDetail, 'id' | 'version'>): Input<'selfEvaluation.save'> | null {
  if (Object.keys(amountProblems(form)).length > 0) return null;
  return { id: detail.id, version: detail.version, funds: blockOf(form), budgetReason: form.budgetReason, goalAchieved: form.goalAchieved, problems: form.problems, measures: form.measures, indicators: form.indicators };
}
