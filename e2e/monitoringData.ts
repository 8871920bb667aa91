// Monitoring figures the browser tests need before the page opens, entered through the API as a unit
// would through its sheet.
import type { SheetDetail } from '../electron/monitoring/sheets';
import type { AppUnderTest } from './harness';

/** A value reached that keeps an indicator out of red: the target itself, or 0 under a ceiling. */
export function comfortableValue(operator: string, target: string): string {
  return operator === '<' || operator === '≤' ? '0' : target;
}

/**
 * Reports the round's first sheet with almost nothing spent by its month and every indicator on track:
 * red by the budget alone, with the unit's reason and measure, so it stands on the warnings board.
 */
export async function reportLaggingSheet(app: AppUnderTest, roundId: string): Promise<SheetDetail> {
  const [first] = await app.call('monitoring.sheets', { roundId });
  const sheet = await app.call('monitoring.sheet', { sheetId: first!.id });
  return app.call('monitoring.saveSheet', {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: '',
    budget: { reasons: ['经费保障'], reasonOther: '', measures: '加快国库集中支付进度' },
    funds: sheet.funds.map((f, i) => ({ source: f.source, adjustedFen: f.adjustedFen, executedFen: i === 0 ? 10_000 : 0 })),
    indicators: sheet.indicators.map((i) => ({
      indicatorId: i.indicatorId,
      reached: i.operator === '定性' ? '达成目标' : comfortableValue(i.operator, i.target),
      expectedFullYear: '',
      likelihood: '确定能',
      reasons: [],
      reasonOther: '',
      measures: '',
    })),
  });
}
