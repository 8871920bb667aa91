// 部门整体绩效监控: a unit's whole budget is 基本支出 plus 项目支出 (88号 annex 2). Its execution rate and budget
// light are the project sheets' §5 rules run on the two parts as if they were fund sources, so 超支 in
// either part is refused and flagged exactly as a project's fund source would be.
import type { Fen } from './money';
import type { FundEntry } from './monitoring';

export const BUDGET_PARTS = ['基本支出', '项目支出'] as const;

export interface DepartmentBudget {
  basicBudgetFen: Fen;
  projectBudgetFen: Fen;
  basicExecutedFen: Fen;
  projectExecutedFen: Fen;
}

/** The whole budget as the two fund rows assessSheet reads. */
export const budgetPartsOf = (b: DepartmentBudget): FundEntry[] => [
  { source: BUDGET_PARTS[0], adjustedFen: b.basicBudgetFen, executedFen: b.basicExecutedFen },
  { source: BUDGET_PARTS[1], adjustedFen: b.projectBudgetFen, executedFen: b.projectExecutedFen },
];
