// Monitoring figures the browser tests need before the page opens, entered through the API as a unit
// would through its sheet.
import type { SheetDetail } from '../electron/monitoring/sheets';
import type { Input } from '../electron/ipc/contract';
import type { AppUnderTest } from './harness';

/** A value reached that keeps an indicator out of red: the target itself, or 0 under a ceiling. */
export function comfortableValue(operator: string, target: string): string {
  return operator === '<' || operator === '≤' ? '0' : target;
}

type Deviation = Input<'monitoring.saveSheet'>['budget'];

/**
 * Saves a sheet as its unit would: each fund's executed amount from `executed`, every indicator on track
 * (the target, or 0 under a ceiling), and the budget's deviation reason when it lags.
 */
export async function reportSheet(
  app: AppUnderTest,
  sheetId: string,
  { executed, analysis = '', budget = { reasons: [], reasonOther: '', measures: '' } }: { executed: (adjustedFen: number, index: number) => number; analysis?: string; budget?: Deviation },
): Promise<SheetDetail> {
  const sheet = await app.call('monitoring.sheet', { sheetId });
  return app.call('monitoring.saveSheet', {
    sheetId,
    version: sheet.version,
    analysis,
    budget,
    funds: sheet.funds.map((f, i) => ({ source: f.source, adjustedFen: f.adjustedFen, executedFen: executed(f.adjustedFen, i) })),
    indicators: sheet.indicators.map((i) => ({
      indicatorId: i.indicatorId,
      reached: i.operator === '定性' ? '达成目标' : comfortableValue(i.operator, i.target),
      expectedFullYear: '',
      likelihood: '确定能' as const,
      reasons: [],
      reasonOther: '',
      measures: '',
    })),
  });
}

/**
 * Reports the round's first sheet with almost nothing spent by its month and every indicator on track:
 * red by the budget alone, with the unit's reason and measure, so it stands on the warnings board.
 */
export async function reportLaggingSheet(app: AppUnderTest, roundId: string): Promise<SheetDetail> {
  const [first] = await app.call('monitoring.sheets', { roundId });
  return reportSheet(app, first!.id, {
    executed: (_, index) => (index === 0 ? 10_000 : 0),
    budget: { reasons: ['政府采购程序'], reasonOther: '', measures: '加快国库集中支付进度' },
  });
}
