// 州级下发的监控轮次: a prefecture issues one round (year, month, deadline, scope) to all or chosen counties
// at once, as one round per county in that county's region, so that each travels down in the county's
// reply. On a county's import the round is the prefecture's (exchange_issued): the county opens its sheets
// on it and fills them, and a package of the county's that would change the round itself is refused.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { monitoringRounds } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import type { RoundScope } from '../domain/monitoring';
import { AppError } from '../errors';
import { issuersOf, markIssued } from '../exchange/exchange';
import { chosenCounties, countiesOf, requireInstallation } from '../registry';
import { openDepartmentSheets } from './departmentRounds';
import { checkRoundInput, nextSeq, openSheets, ROUND_ENTITY, roundCandidates, type RoundSummary } from './rounds';
import { requireRound, roundKey } from './store';

/** What a prefecture issues: every county gets the same month, deadline and scope. */
export interface IssuedRoundInput {
  year: number;
  month: number;
  deadline: string;
  /** A prefecture does not know a county's projects: all its approved projects, or its key projects. */
  scope: Exclude<RoundScope, 'list'>;
  title?: string;
  /** The counties to issue to; all the prefecture's counties when absent. */
  counties?: readonly string[];
}

/** A round the prefecture issued to one county, as its 下发 list shows it. */
export type IssuedRound = Pick<RoundSummary, 'id' | 'year' | 'month' | 'seq' | 'title' | 'deadline' | 'scope' | 'createdAt'> & { county: string; countyName: string };

/** Issues the round to each county in one transaction, one audit entry per county's round. */
export function issueRoundToCounties(db: Db, actor: Actor, input: IssuedRoundInput): IssuedRound[] {
  const installation = requireInstallation(db);
  if (installation.role !== 'prefecture') throw new AppError('INVALID_INPUT', '只有州级财政局向所辖县市下发监控轮次；本县的轮次请在“绩效监控”中开启');
  checkRoundInput(input);
  const counties = chosenCounties(db, installation.region.code, input.counties);
  const ids: string[] = [];
  db.transaction((tx) => {
    for (const county of counties) {
      const id = randomUUID();
      const seq = nextSeq(tx, county.code, input.year, input.month, true);
      const title = input.title?.trim() || `${input.year}年${input.month}月绩效运行监控（州级下发）`;
      tx.insert(monitoringRounds).values({ id, regionCode: county.code, year: input.year, month: input.month, seq, title, deadline: input.deadline, scope: input.scope }).run();
      markIssued(tx, ROUND_ENTITY, id, installation.region.code);
      recordAudit(tx, actor, {
        entity: ROUND_ENTITY,
        naturalKey: roundKey({ regionCode: county.code, year: input.year, month: input.month, seq }),
        action: '下发监控轮次',
        after: { county: county.name, title, deadline: input.deadline, scope: input.scope },
      });
      ids.push(id);
    }
  });
  return issuedRounds(db, input.year).filter((r) => ids.includes(r.id));
}

/** The rounds this prefecture issued for a year, by county and month. */
export function issuedRounds(db: Db, year: number): IssuedRound[] {
  const installation = requireInstallation(db);
  const counties = new Map(countiesOf(db, installation.region.code).map((c) => [c.code, c.name]));
  const rounds = db
    .select()
    .from(monitoringRounds)
    .where(and(eq(monitoringRounds.year, year), eq(monitoringRounds.deleted, false), inArray(monitoringRounds.regionCode, [...counties.keys()])))
    .orderBy(asc(monitoringRounds.month), asc(monitoringRounds.regionCode))
    .all();
  const issuers = issuersOf(db, ROUND_ENTITY, rounds.map((r) => r.id));
  return rounds
    .filter((r) => issuers.get(r.id) === installation.region.code)
    .map((r) => ({
      id: r.id,
      county: r.regionCode,
      countyName: counties.get(r.regionCode) ?? r.regionCode,
      year: r.year,
      month: r.month,
      seq: r.seq,
      title: r.title,
      deadline: r.deadline,
      scope: r.scope,
      createdAt: r.createdAt,
    }));
}

/**
 * A county's import of rounds its prefecture issued opens each one's sheets over the county's approved
 * projects in the round's scope, as a round the county opened itself would.
 */
export function openIssuedRoundSheets(db: Db, roundIds: readonly string[]): void {
  for (const id of roundIds) {
    const round = requireRound(db, id);
    if (round.scope === 'list') continue;
    openSheets(db, id, roundCandidates(db, round.year).filter((c) => round.scope === 'all' || c.keyProject));
    openDepartmentSheets(db, id, round.regionCode, round.year);
  }
}
