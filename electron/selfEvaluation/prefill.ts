// What a new self-evaluation starts from: the project's budget by fund row, the execution figures of the
// last monitoring round that reported on it, and each approved indicator's actual as monitoring last saw
// it — a 状态型 indicator the value reached, a 累计型 one the unit's full-year expectation (domain.md §5).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { monitoringFunds, monitoringIndicators, projectFunds } from '../../db/schema';
import { adjustedFen } from '../domain/projects';
import { fundBlockOf, parseTier, type FundBlock, type ScoringSettings, type Tier } from '../domain/selfEvaluation';
import { lastSheetOf } from '../monitoring';

/** 年初预算数 and 全年预算数 from the project's funds; 全年执行数 from the last monitoring sheet. */
export function prefilledFunds(db: Db, projectId: string, settings: ScoringSettings): FundBlock {
  const sheetId = lastSheetOf(db, projectId);
  const executed = new Map(
    (sheetId ? db.select().from(monitoringFunds).where(eq(monitoringFunds.sheetId, sheetId)).all() : []).map((f) => [f.source as string, f.executedFen]),
  );
  const funds = db
    .select()
    .from(projectFunds)
    .where(eq(projectFunds.projectId, projectId))
    .all()
    .map((f) => ({ source: f.source, initialFen: f.initialFen, adjustedFen: adjustedFen(f), executedFen: executed.get(f.source) ?? 0 }));
  return fundBlockOf(funds, settings);
}

export interface PrefilledActual {
  actual: string;
  tier: Tier | null;
}

/**
 * Each approved indicator's actual from the last sheet, matched by the row monitoring copied (its id),
 * else by name (an adjustment since then rewrote the target's rows). Nothing reported: blank.
 */
export function prefilledActuals(db: Db, projectId: string, indicators: readonly { id: string; name: string; operator: string; accrual: string }[]): PrefilledActual[] {
  const sheetId = lastSheetOf(db, projectId);
  const reported = sheetId ? db.select().from(monitoringIndicators).where(eq(monitoringIndicators.sheetId, sheetId)).all() : [];
  return indicators.map((indicator) => {
    const seen = reported.find((r) => r.indicatorId === indicator.id) ?? reported.find((r) => r.name === indicator.name);
    if (!seen) return { actual: '', tier: null };
    if (indicator.operator === '定性') return { actual: seen.reached ?? '', tier: seen.reached ? parseTier(seen.reached) : null };
    const value = indicator.accrual === 'level' ? seen.reached : seen.expectedFullYear;
    return { actual: value ?? '', tier: null };
  });
}
