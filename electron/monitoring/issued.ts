// 州级下发的监控轮次: a prefecture issues one round (year, month, deadline, scope) to all or chosen counties
// at once, as one round per county in that county's region, so that each travels down in the county's
// reply. On a county's import the round is the prefecture's (exchange_issued): the county opens its sheets
// on it and fills them, and a package of the county's that would change the round itself is refused.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { countRows, type Db } from '../../db/open';
import { monitoringDepartmentSheets, monitoringRounds, monitoringSheets } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import type { RoundScope } from '../domain/monitoring';
import { AppError } from '../errors';
import { issuersOf, markIssued } from '../exchange/exchange';
import { chosenCounties, countiesOf, requireInstallation, requirePermission } from '../registry';
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
    openSheets(db, id, projectsWithoutSheet(db, id, round.year, round.scope));
    openDepartmentSheets(db, id, round.regionCode, round.year);
  }
}

/** The approved projects in an issued round's scope that have no sheet on it yet (a deleted one counts as one). */
function projectsWithoutSheet(db: Db, roundId: string, year: number, scope: IssuedRoundInput['scope']) {
  const opened = new Set(db.select({ projectId: monitoringSheets.projectId }).from(monitoringSheets).where(eq(monitoringSheets.roundId, roundId)).all().map((s) => s.projectId));
  return roundCandidates(db, year).filter((c) => (scope === 'all' || c.keyProject) && !opened.has(c.projectId));
}

/** What 补开监控表 opened: the projects by code and name, and the units' department-wide sheets. */
export interface LaterSheetsOpened {
  projects: { code: string; name: string; unitName: string }[];
  departmentSheets: number;
}

/**
 * 补开监控表: an issued round opened its sheets over the projects approved when the county imported it; this
 * opens sheets (and department-wide sheets) for those approved since, in the round's scope, never a second
 * sheet for a project or unit that has one. The sheets are the county's, so they travel up in its report
 * like the first ones and the prefecture's copy of the round takes them.
 */
export function openLaterApprovedSheets(db: Db, actor: Actor, roundId: string): LaterSheetsOpened {
  requirePermission(db, actor, 'rounds.open');
  const round = requireRound(db, roundId);
  const { region } = requireInstallation(db);
  const issuer = issuersOf(db, ROUND_ENTITY, [roundId]).get(roundId);
  const { scope } = round;
  if (!issuer || issuer === region.code || scope === 'list') {
    throw new AppError('CONFLICT', '补开监控表只用于州级下发的轮次：本县开启的轮次范围在开启时已确定，新批复的项目请新建一个监控轮次');
  }
  return db.transaction((tx) => {
    const later = projectsWithoutSheet(tx, roundId, round.year, scope);
    const departmentsBefore = countDepartmentSheets(tx, roundId);
    // The bulk inserts take the connection itself, which is inside this transaction.
    openSheets(db, roundId, later);
    openDepartmentSheets(db, roundId, round.regionCode, round.year);
    const departmentSheets = countDepartmentSheets(tx, roundId) - departmentsBefore;
    if (later.length === 0 && departmentSheets === 0) {
      throw new AppError('CONFLICT', '自导入本轮次以来没有新批复的项目或部门整体绩效目标，没有需要补开的监控表');
    }
    const projects = later.map((c) => ({ code: c.code, name: c.name, unitName: c.unitName }));
    recordAudit(tx, actor, {
      entity: ROUND_ENTITY,
      naturalKey: roundKey(round),
      action: '补开监控表',
      after: { projects: projects.map((p) => p.code), departmentSheets },
    });
    return { projects, departmentSheets };
  });
}

const countDepartmentSheets = (db: Db, roundId: string): number => countRows(db, monitoringDepartmentSheets, eq(monitoringDepartmentSheets.roundId, roundId));
