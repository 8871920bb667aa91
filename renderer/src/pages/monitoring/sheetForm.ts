// The monitoring sheet as the form holds it (amounts as typed 万元 text) and the domain's view of it, so
// the lights and the required-field prompts follow every keystroke exactly as the service will judge.
import { formatWanYuan, parseWanYuan } from '../../../../electron/domain/money';
import {
  assessSheet,
  forecastProblem,
  fundTotals as totalsOfFunds,
  overspendMessage,
  sheetRules,
  type Deviation,
  type FundEntry,
  type SheetAssessment,
} from '../../../../electron/domain/monitoring';
import { annexSheetOf, type AnnexSheet } from '../../../../electron/domain/monitoringAnnex';
import type { Input } from '../../../../electron/ipc/contract';
import type { SheetDetail } from '../../../../electron/monitoring/contract';

export interface FundForm {
  source: string;
  adjusted: string;
  executed: string;
  /** 全年预计执行数 as typed; '' while not forecast. */
  forecast: string;
}

export interface IndicatorForm extends Deviation {
  indicatorId: string;
  reached: string;
  expectedFullYear: string;
  likelihood: string;
}

export interface SheetForm {
  analysis: string;
  budget: Deviation;
  goalProgress: string;
  remarks: string;
  funds: FundForm[];
  indicators: IndicatorForm[];
}

const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

export function formOf(detail: SheetDetail): SheetForm {
  return {
    analysis: detail.analysis,
    budget: { ...detail.budget, reasons: [...detail.budget.reasons] },
    goalProgress: detail.goalProgress,
    remarks: detail.remarks,
    funds: detail.funds.map((f) => ({ source: f.source, adjusted: wan(f.adjustedFen), executed: wan(f.executedFen), forecast: f.forecastFen === null ? '' : wan(f.forecastFen) })),
    indicators: indicatorFormsOf(detail.indicators),
  };
}

/** What the unit reported on each approved indicator, as the form edits it (a project's or a department's sheet). */
export const indicatorFormsOf = (indicators: readonly IndicatorForm[]): IndicatorForm[] =>
  indicators.map(({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures }) => ({
    indicatorId, reached, expectedFullYear, likelihood, reasons: [...reasons], reasonOther, measures,
  }));

type IndicatorReports = Input<'monitoring.saveSheet'>['indicators'];

/** The indicator rows of a save request: the choices as typed are the contract's enums (the service checks them again). */
export const indicatorReportsOf = (indicators: readonly IndicatorForm[]): IndicatorReports =>
  indicators.map((i) => ({ ...i, likelihood: i.likelihood as IndicatorReports[number]['likelihood'], reasons: i.reasons as IndicatorReports[number]['reasons'] }));

export type FundField = 'adjusted' | 'executed' | 'forecast';

/**
 * A draft kept by an earlier version of the form lacks the fields added since (the forecast, the goal's
 * progress, 备注): they start as the sheet has them.
 */
export function restoredForm(draft: SheetForm, detail: SheetDetail): SheetForm {
  const fresh = formOf(detail);
  return { ...fresh, ...draft, funds: draft.funds.map((f, i) => ({ ...fresh.funds[i]!, ...f })) };
}

/** Amounts as 分, or why the typed text is not an amount (negative amounts are refused too). */
export function readAmount(text: string): { fen: number; problem?: undefined } | { fen: 0; problem: string } {
  const parsed = parseWanYuan(text);
  if (!parsed.ok) return { fen: 0, problem: parsed.message };
  if (parsed.fen < 0) return { fen: 0, problem: '金额不能为负数' };
  return { fen: parsed.fen };
}

/** The forecast in 分, null while left blank. */
export const readForecast = (text: string): { fen: number | null; problem?: string } => (text.trim() === '' ? { fen: null } : readAmount(text));

/**
 * Unreadable amounts, 超支 (executed above the adjusted budget) and a forecast the budget cannot hold, which
 * the service refuses too.
 */
export const fundProblems = (form: SheetForm, month: number): Partial<Record<FundField, string>>[] =>
  form.funds.map((f) => {
    const problems: Partial<Record<FundField, string>> = {};
    const adjusted = readAmount(f.adjusted);
    const executed = readAmount(f.executed);
    const forecast = readForecast(f.forecast);
    if (adjusted.problem) problems.adjusted = adjusted.problem;
    if (executed.problem) problems.executed = executed.problem;
    if (forecast.problem) problems.forecast = forecast.problem;
    const readable = !adjusted.problem && !executed.problem;
    const overspent = readable ? overspendMessage(executed.fen, adjusted.fen) : null;
    if (overspent) problems.executed = overspent;
    const unbudgeted = readable && !forecast.problem ? forecastProblem(forecast.fen, executed.fen, adjusted.fen, month) : null;
    if (unbudgeted) problems.forecast = unbudgeted;
    return problems;
  });

const fundsOf = (form: SheetForm): FundEntry[] =>
  form.funds.map((f) => ({ source: f.source, adjustedFen: readAmount(f.adjusted).fen, executedFen: readAmount(f.executed).fen, forecastFen: readForecast(f.forecast).fen }));

export const fundTotals = (form: SheetForm) => totalsOfFunds(fundsOf(form));

/** The lights and required fields of the form as it stands, by the round's own rules. */
export function assessForm(form: SheetForm, detail: SheetDetail): SheetAssessment {
  const indicators = form.indicators.map((entry, i) => {
    const { operator, target, accrual } = detail.indicators[i]!;
    return { ...entry, operator, target, accrual };
  });
  return assessSheet({ funds: fundsOf(form), submitted: detail.submittedAt !== null, budget: form.budget, indicators }, sheetRules(detail.rules));
}

/** How many things still block a submission: unreadable amounts and the domain's problems. */
export function problemCount(form: SheetForm, assessment: SheetAssessment, month: number): number {
  const amounts = fundProblems(form, month).reduce((n, p) => n + Object.keys(p).length, 0);
  const budget = Object.keys(assessment.problems.budget).length;
  return amounts + budget + assessment.problems.indicators.reduce((n, p) => n + Object.keys(p).length, 0);
}

type SaveInput = Input<'monitoring.saveSheet'>;

/** The save request, or null while an amount cannot be read (the form shows where). */
export function saveInputOf(form: SheetForm, detail: Pick<SheetDetail, 'id' | 'version'>): SaveInput | null {
  // 超支 is sent on: the service refuses it with the same message the form shows.
  if (form.funds.some((f) => readAmount(f.adjusted).problem || readAmount(f.executed).problem || readForecast(f.forecast).problem)) return null;
  return {
    sheetId: detail.id,
    version: detail.version,
    analysis: form.analysis,
    budget: form.budget as SaveInput['budget'],
    goalProgress: form.goalProgress,
    remarks: form.remarks,
    funds: fundsOf(form).map(({ source, adjustedFen, executedFen, forecastFen }) => ({ source, adjustedFen, executedFen, forecastFen: forecastFen ?? null })),
    indicators: indicatorReportsOf(form.indicators),
  };
}

/** The printed 136号 sheet of the form as it stands: the figures as typed, an unreadable amount as 0. */
export function annexOf(form: SheetForm, detail: SheetDetail): AnnexSheet {
  const funds = fundsOf(form).map((f, i) => ({ ...f, initialFen: detail.funds[i]?.initialFen ?? 0, forecastFen: f.forecastFen ?? null }));
  const indicators = detail.indicators.map((indicator, i) => ({ ...indicator, ...form.indicators[i]! }));
  return annexSheetOf({ ...detail, ...form, funds, indicators }, detail.round, detail.fundGroups);
}
