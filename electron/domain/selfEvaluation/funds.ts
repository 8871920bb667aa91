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

export interface FundRowFigures extends FundFigures {
  row: 'total' | FundRowName;
}

const FUND_ROW_ORDER: readonly FundRowName[] = ['appropriation', 'carryOver', 'other'];
const none = (): FundFigures => ({ initialFen: 0, adjustedFen: 0, executedFen: 0 });
const plus = (a: FundFigures, b: FundFigures): FundFigures => ({
  initialFen: a.initialFen + b.initialFen,
  adjustedFen: a.adjustedFen + b.adjustedFen,
  executedFen: a.executedFen + b.executedFen,
});

/** The four rows in the form's order; a source the mapping does not know counts as 其他资金. */
export function fundRowsOf(funds: readonly (FundFigures & { source: string })[], settings: ScoringSettings): FundRowFigures[] {
  const rows = new Map<FundRowName, FundFigures>(FUND_ROW_ORDER.map((r) => [r, none()]));
  for (const fund of funds) {
    const row = settings.fundRows[fund.source as FundSource] ?? 'other';
    rows.set(row, plus(rows.get(row)!, fund));
  }
  const total = [...rows.values()].reduce(plus, none());
  return [{ row: 'total', ...total }, ...FUND_ROW_ORDER.map((row) => ({ row, ...rows.get(row)! }))];
}
