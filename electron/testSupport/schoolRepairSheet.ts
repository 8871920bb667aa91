// The monitoring sheet of 轮台县's school repair project (LT2020-002 in luntaiApprovedTargets) as a unit fills it:
// the sheet tests and the kept round-light tests report the same project.
import type { SheetDetail, SheetSaveInput } from '../monitoring/sheets';

const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

/** The school repair project (240 万元, ≥3000 平方米, ≤800 元/平方米) reported with `executedWan` and `areaReached`. */
export function schoolRepairReport(sheet: SheetDetail, executedWan: number, areaReached: string, over: Partial<SheetSaveInput> = {}): SheetSaveInput {
  return {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: '按计划推进',
    budget: none,
    funds: [{ source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: executedWan * WAN }],
    indicators: [
      { indicatorId: sheet.indicators[0]!.indicatorId, reached: areaReached, expectedFullYear: '3000', likelihood: '确定能', ...none },
      { indicatorId: sheet.indicators[1]!.indicatorId, reached: '760', expectedFullYear: '780', likelihood: '确定能', ...none },
    ],
    ...over,
  };
}
