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
import { countiesOf, requireInstallation } from '../registry';
import { checkRoundInput, nextSeq, openSheets, ROUND_ENTITY, roundCandidates } from './rounds';
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
export interface IssuedRound {
  id: string;
  county: string;
  countyName: string;
  year: number;
  month: number;
  seq: number;
  title: string;
  deadline: string;
  scope: RoundScope;
  createdAt: string;
}

function chosenCounties(db: Db, prefecture: string, chosen: readonly string[] | undefined) {
  const counties = countiesOf(db, prefecture);
  if (!chosen) return counties;
  const unknown = chosen.filter((code) => !counties.some((c) => c.code === code));
  if (unknown.length) throw new AppError('INVALID_INPUT', `${unknown.join('、')} 不是本州所辖的县市，请重新选择`);
  if (chosen.length === 0) throw new AppError('INVALID_INPUT', '请至少选择一个县市');
  return counties.filter((c) => chosen.includes(c.code));
}

/** Issues the round to each county in one transaction, one audit entry per county's round. */
export function issueRoundToCounties(db: Db, actor: Actor, input: IssuedRoundInput): IssuedRound[] {
  const installation = requireInstallation(db);
  if (installation.role !== 'prefecture') throw new AppError('INVALID_INPUT', '只有州级财政局向所辖县市下发监控轮次；本县的轮次请在“绩效监控”中开启');
  checkRoundInput(input);
  const counties = chosenCounties(db, installation.region.code, input.counties);
  if (counties.length === 0) throw new AppError('INVALID_INPUT', '本州还没有所辖县市的区划，请先在“设置 → 区划”中核对');
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
  }
}
