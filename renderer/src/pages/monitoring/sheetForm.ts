// The monitoring sheet as the form holds it (amounts as typed 万元 text) and the domain's view of it, so
// the lights and the required-field prompts follow every keystroke exactly as the service will judge.
import { formatWanYuan, parseWanYuan } from '../../../../electron/domain/money';
import { assessSheet, fundTotals as totalsOfFunds, overspendMessage, sheetRules, type Deviation, type FundEntry, type SheetAssessment } from '../../../../electron/domain/monitoring';
import type { Input } from '../../../../electron/ipc/contract';
import type { SheetDetail } from '../../../../electron/monitoring/contract';

export interface FundForm {
  source: string;
  adjusted: string;
  executed: string;
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
  funds: FundForm[];
  indicators: IndicatorForm[];
}

const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

export function formOf(detail: SheetDetail): SheetForm {
  return {
    analysis: detail.analysis,
    budget: { ...detail.budget, reasons: [...detail.budget.reasons] },
    funds: detail.funds.map((f) => ({ source: f.source, adjusted: wan(f.adjustedFen), executed: wan(f.executedFen) })),
    indicators: detail.indicators.map(({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures }) => ({
      indicatorId, reached, expectedFullYear, likelihood, reasons: [...reasons], reasonOther, measures,
    })),
  };
}

type AmountField = 'adjusted' | 'executed';

/** Amounts as 分, or why the typed text is not an amount (negative amounts are refused too). */
export function readAmount(text: string): { fen: number; problem?: undefined } | { fen: 0; problem: string } {
  const parsed = parseWanYuan(text);
  if (!parsed.ok) return { fen: 0, problem: parsed.message };
  if (parsed.fen < 0) return { fen: 0, problem: '金额不能为负数' };
  return { fen: parsed.fen };
}

/** Unreadable amounts, and 超支 (executed above the adjusted budget), which the service refuses too. */
export const fundProblems = (form: SheetForm): Partial<Record<AmountField, string>>[] =>
  form.funds.map((f) => {
    const problems: Partial<Record<AmountField, string>> = {};
    const adjusted = readAmount(f.adjusted);
    const executed = readAmount(f.executed);
    if (adjusted.problem) problems.adjusted = adjusted.problem;
    if (executed.problem) problems.executed = executed.problem;
    const overspent = adjusted.problem || executed.problem ? null : overspendMessage(executed.fen, adjusted.fen);
    if (overspent) problems.executed = overspent;
    return problems;
  });

const fundsOf = (form: SheetForm): FundEntry[] =>
  form.funds.map((f) => ({ source: f.source, adjustedFen: readAmount(f.adjusted).fen, executedFen: readAmount(f.executed).fen }));

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
export function problemCount(form: SheetForm, assessment: SheetAssessment): number {
  const amounts = fundProblems(form).reduce((n, p) => n + Object.keys(p).length, 0);
  const budget = Object.keys(assessment.problems.budget).length;
  return amounts + budget + assessment.problems.indicators.reduce((n, p) => n + Object.keys(p).length, 0);
}

type SaveInput = Input<'monitoring.saveSheet'>;

/** The save request, or null while an amount cannot be read (the form shows where). */
export function saveInputOf(form: SheetForm, detail: Pick<SheetDetail, 'id' | 'version'>): SaveInput | null {
  // 超支 is sent on: the service refuses it with the same message the form shows.
  if (form.funds.some((f) => readAmount(f.adjusted).problem || readAmount(f.executed).problem)) return null;
  return {
    sheetId: detail.id,
    version: detail.version,
    analysis: form.analysis,
    budget: form.budget as SaveInput['budget'],
    funds: form.funds.map((f) => ({ source: f.source, adjustedFen: readAmount(f.adjusted).fen, executedFen: readAmount(f.executed).fen })),
    indicators: form.indicators.map((i) => ({ ...i, likelihood: i.likelihood as SaveInput['indicators'][number]['likelihood'], reasons: i.reasons as SaveInput['budget']['reasons'] })),
  };
}
