// The 项目资金 block of the 自评表 (财预〔2020〕10号 annex): 年度资金总额 and, 其中, 当年财政拨款 /
// 上年结转资金 / 其他资金. The eight fund sources of the project (domain.md §2) are grouped into these rows
// by a setting, since provinces group them differently.
import type { Fen } from '../money';
import type { FundSource } from '../projects';
import type { FundRowName, ScoringSettings } from './settings';

export interface FundFigures {
  /** 年初预算数, 全年预算数 (adjusted), 全年执行数 in 分. */
  initialFen: Fen;
  adjustedFen: Fen;
  executedFen: Fen;
}

export interface FundRowFigures<R extends string = FundRowName> extends FundFigures {
  row: 'total' | R;
}

/** The 其中 rows in the form's order. */
export const FUND_ROW_ORDER: readonly FundRowName[] = ['appropriation', 'carryOver', 'other'];
export type FundBlock = Readonly<Record<FundRowName, FundFigures>>;

const none = (): FundFigures => ({ initialFen: 0, adjustedFen: 0, executedFen: 0 });
const plus = (a: FundFigures, b: FundFigures): FundFigures => ({
  initialFen: a.initialFen + b.initialFen,
  adjustedFen: a.adjustedFen + b.adjustedFen,
  executedFen: a.executedFen + b.executedFen,
});

/** The fund sources grouped into the form's rows; a source the mapping does not know counts as 其他资金. */
export function fundBlockOf(funds: readonly (FundFigures & { source: string })[], settings: Pick<ScoringSettings, 'fundRows'>): FundBlock {
  const rows = Object.fromEntries(FUND_ROW_ORDER.map((r) => [r, none()])) as Record<FundRowName, FundFigures>;
  for (const fund of funds) {
    const row = settings.fundRows[fund.source as FundSource] ?? 'other';
    rows[row] = plus(rows[row], fund);
  }
  return rows;
}

/** 年度资金总额 (the sum of the rows below it), then the 其中 rows (a project's fund rows unless told). */
export function blockRows<R extends string = FundRowName>(block: Readonly<Record<R, FundFigures>>, order: readonly R[] = FUND_ROW_ORDER as readonly string[] as readonly R[]): FundRowFigures<R>[] {
  const total = order.map((row) => block[row]).reduce(plus, none());
  return [{ row: 'total', ...total }, ...order.map((row) => ({ row, ...block[row] }))];
}

/**
 * The 部门整体支出绩效自评表 splits the unit's 年度资金总额 by kind of spending: 基本支出 (staff and running
 * costs) and 项目支出 (its projects), as its department-wide target does.
 */
export const DEPARTMENT_FUND_ROW_ORDER = ['basicSpending', 'projectSpending'] as const;
export type DepartmentFundRowName = (typeof DEPARTMENT_FUND_ROW_ORDER)[number];
export type DepartmentFundBlock = Readonly<Record<DepartmentFundRowName, FundFigures>>;
export const DEPARTMENT_FUND_ROW_LABELS: Record<DepartmentFundRowName, string> = { basicSpending: '基本支出', projectSpending: '项目支出' };
export const departmentBlockRows = (block: DepartmentFundBlock): FundRowFigures<DepartmentFundRowName>[] => blockRows(block, DEPARTMENT_FUND_ROW_ORDER);

/** The four rows in the form's order, from the project's fund sources. */
export function fundRowsOf(funds: readonly (FundFigures & { source: string })[], settings: Pick<ScoringSettings, 'fundRows'>): FundRowFigures[] {
  return blockRows(fundBlockOf(funds, settings));
}
