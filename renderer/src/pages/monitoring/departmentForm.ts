// The department sheet as the form holds it (amounts as typed 万元 text) and the domain's view of it, so
// the whole budget's light and each indicator's follow every keystroke as the service will judge them.
import { budgetPartsOf, type DepartmentBudget } from '../../../../electron/domain/departmentMonitoring';
import { formatWanYuan } from '../../../../electron/domain/money';
import { departmentAnnexSheetOf, type DepartmentAnnexSheet } from '../../../../electron/domain/monitoringAnnex';
import { assessSheet, overspendMessage, sheetRules, type Deviation, type SheetAssessment } from '../../../../electron/domain/monitoring';
import type { Input } from '../../../../electron/ipc/contract';
import type { DepartmentSheetDetail } from '../../../../electron/monitoring/contract';
import { indicatorFormsOf, indicatorReportsOf, readAmount, type IndicatorForm } from './sheetForm';

export interface DepartmentForm {
  basicExecuted: string;
  projectExecuted: string;
  budget: Deviation;
  goalProgress: string;
  remarks: string;
  indicators: IndicatorForm[];
}

export type ExecutedField = 'basicExecuted' | 'projectExecuted';

export const wan = (fen: number) => formatWanYuan(fen, { grouping: false });

export function departmentFormOf(detail: DepartmentSheetDetail): DepartmentForm {
  return {
    basicExecuted: wan(detail.basicExecutedFen),
    projectExecuted: wan(detail.projectExecutedFen),
    budget: { ...detail.budget, reasons: [...detail.budget.reasons] },
    goalProgress: detail.goalProgress,
    remarks: detail.remarks,
    indicators: indicatorFormsOf(detail.indicators),
  };
}

/** The budget with the executed amounts as typed (an unreadable amount counts as 0 until corrected). */
export const budgetOf = (form: DepartmentForm, detail: DepartmentSheetDetail): DepartmentBudget => ({
  basicBudgetFen: detail.basicBudgetFen,
  projectBudgetFen: detail.projectBudgetFen,
  basicExecutedFen: readAmount(form.basicExecuted).fen,
  projectExecutedFen: readAmount(form.projectExecuted).fen,
});

/** Why a typed executed amount cannot stand: not an amount, or above its part of the budget (超支). */
export function executedProblems(form: DepartmentForm, detail: DepartmentSheetDetail): Partial<Record<ExecutedField, string>> {
  const problems: Partial<Record<ExecutedField, string>> = {};
  const check = (field: ExecutedField, budgetFen: number) => {
    const amount = readAmount(form[field]);
    const problem = amount.problem ?? overspendMessage(amount.fen, budgetFen);
    if (problem) problems[field] = problem;
  };
  check('basicExecuted', detail.basicBudgetFen);
  check('projectExecuted', detail.projectBudgetFen);
  return problems;
}

export function assessDepartmentForm(form: DepartmentForm, detail: DepartmentSheetDetail): SheetAssessment {
  const indicators = form.indicators.map((entry, i) => {
    const { operator, target, accrual } = detail.indicators[i]!;
    return { ...entry, operator, target, accrual };
  });
  return assessSheet({ funds: budgetPartsOf(budgetOf(form, detail)), submitted: detail.submittedAt !== null, budget: form.budget, indicators }, sheetRules(detail.rules));
}

export function departmentProblemCount(form: DepartmentForm, detail: DepartmentSheetDetail, assessment: SheetAssessment): number {
  const amounts = Object.keys(executedProblems(form, detail)).length;
  return amounts + Object.keys(assessment.problems.budget).length + assessment.problems.indicators.reduce((n, p) => n + Object.keys(p).length, 0);
}

type SaveInput = Input<'monitoring.saveDepartmentSheet'>;

/** The save request, or null while an amount cannot be read (超支 is sent on: the service refuses it with the same message). */
export function departmentSaveInputOf(form: DepartmentForm, detail: Pick<DepartmentSheetDetail, 'id' | 'version'>): SaveInput | null {
  const basic = readAmount(form.basicExecuted);
  const project = readAmount(form.projectExecuted);
  if (basic.problem || project.problem) return null;
  return {
    sheetId: detail.id,
    version: detail.version,
    basicExecutedFen: basic.fen,
    projectExecutedFen: project.fen,
    budget: form.budget as SaveInput['budget'],
    goalProgress: form.goalProgress,
    remarks: form.remarks,
    indicators: indicatorReportsOf(form.indicators),
  };
}

/** The printed 部门整体 grid of the form as typed, so 打印 shows what is on the screen. */
export function departmentAnnexOf(form: DepartmentForm, detail: DepartmentSheetDetail): DepartmentAnnexSheet {
  const indicators = detail.indicators.map((indicator, i) => ({ ...indicator, ...form.indicators[i]! }));
  return departmentAnnexSheetOf({ ...detail, ...budgetOf(form, detail), budget: form.budget, goalProgress: form.goalProgress, remarks: form.remarks, indicators }, detail.round, detail.department);
}
