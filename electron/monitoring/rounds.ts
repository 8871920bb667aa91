// 监控轮次: the performance office opens a round (year, reporting month, deadline, scope), which opens one
// monitoring sheet per project in scope, with the initial and adjusted budget per fund source snapshotted and a row
// per approved indicator as it stands now. Default rounds follow the monitoring.months setting (5, 8, 11).
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { sqliteOf, type Db } from '../../db/open';
import { monitoringRounds, projects, targets, units } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { deadlineState, defaultDeadline, roundDeadlineProblem, type DeadlineState, type RoundScope } from '../domain/monitoring';
import { adjustedFen, isIsoDate } from '../domain/projects';
import { localDate } from '../domain/clock';
import type { WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { issuersOf } from '../exchange/exchange';
import { findRegion, requireInstallation } from '../registry';
import { settingValue } from '../settings';
import { openDepartmentSheets } from './departmentRounds';
import { requireRound, roundKey, type RoundRow } from './store';

/** A round's record kind in packages (exchange.ts). */
export const ROUND_ENTITY = 'monitoring-round';

export type SheetStatusCounts = Record<WorkflowState, number> & { sheets: number };

export interface RoundSummary {
  id: string;
  version: number;
  year: number;
  month: number;
  seq: number;
  title: string;
  deadline: string;
  scope: RoundScope;
  createdAt: string;
  /** Project sheets by status, and in all. */
  counts: SheetStatusCounts;
  /** 部门整体 sheets (one per unit with an approved department-wide target) by status, and in all. */
  departmentCounts: SheetStatusCounts;
  deadlineState: DeadlineState;
}

/** A round as its pages show it: with the level above that issued it (州级下发), which alone sets its month, deadline and scope; null for the region's own. */
export type RoundListing = RoundSummary & { issuedBy: { code: string; name: string } | null };

/** An approved project target that a round can monitor. */
export interface RoundCandidate {
  projectId: string;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  keyProject: boolean;
}

export interface RoundInput {
  year: number;
  month: number;
  deadline: string;
  scope: RoundScope;
  /** The chosen projects, for scope 'list'. */
  projectIds?: readonly string[];
  title?: string;
}

export function roundCandidates(db: Db, year: number): RoundCandidate[] {
  const { region } = requireInstallation(db);
  return db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      unitCode: projects.unitCode,
      unitName: sql<string>`coalesce(${units.name}, ${projects.unitCode})`,
      keyProject: projects.keyProject,
    })
    .from(targets)
    .innerJoin(projects, and(eq(projects.id, targets.projectId), eq(projects.deleted, false)))
    .leftJoin(units, and(eq(units.regionCode, projects.regionCode), eq(units.code, projects.unitCode)))
    .where(
      and(eq(targets.regionCode, region.code), eq(targets.year, year), eq(targets.kind, 'project'), eq(targets.status, 'approved'), eq(targets.deleted, false)),
    )
    .orderBy(asc(projects.unitCode), asc(projects.code))
    .all();
}

function projectsInScope(db: Db, input: RoundInput): RoundCandidate[] {
  const candidates = roundCandidates(db, input.year);
  if (candidates.length === 0) {
    throw new AppError('INVALID_INPUT', `${input.year} 年还没有批复（审核通过）的项目绩效目标，无法开启监控。请先在“绩效目标”中完成审核`);
  }
  if (input.scope === 'all') return candidates;
  if (input.scope === 'key') {
    const key = candidates.filter((c) => c.keyProject);
    if (key.length === 0) throw new AppError('INVALID_INPUT', `${input.year} 年批复的项目中没有重点项目，请改选“全部已批复项目”或“指定项目”`);
    return key;
  }
  const chosen = new Set(input.projectIds ?? []);
  if (chosen.size === 0) throw new AppError('INVALID_INPUT', '范围为“指定项目”时，请至少选择一个项目');
  const picked = candidates.filter((c) => chosen.has(c.projectId));
  if (picked.length < chosen.size) {
    throw new AppError('INVALID_INPUT', `所选项目中有 ${chosen.size - picked.length} 个没有 ${input.year} 年批复的绩效目标，请刷新后重新选择`);
  }
  return picked;
}

export function checkRoundInput(input: Pick<RoundInput, 'year' | 'month' | 'deadline'>): void {
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12) throw new AppError('INVALID_INPUT', '监控月份应为 1–12 月');
  if (!isIsoDate(input.deadline)) throw new AppError('INVALID_INPUT', '截止日期应为“2020-08-31”这样的日期');
  const deadlineProblem = roundDeadlineProblem(input.year, input.month, input.deadline);
  if (deadlineProblem) throw new AppError('INVALID_INPUT', deadlineProblem);
}

/**
 * Rounds a prefecture issues are numbered from 101 in each month: it does not know every round a county
 * opened itself, and the same number would make its round collide with the county's own on import.
 */
export const ISSUED_SEQ_FROM = 101;

/** The next number of a region's round in a month, among its own rounds (1–100) or the issued ones (101 on). */
export function nextSeq(db: Db, region: string, year: number, month: number, issued = false): number {
  const range = issued ? sql`${monitoringRounds.seq} >= ${ISSUED_SEQ_FROM}` : sql`${monitoringRounds.seq} < ${ISSUED_SEQ_FROM}`;
  const last = db
    .select({ seq: sql<number | null>`max(${monitoringRounds.seq})` })
    .from(monitoringRounds)
    .where(and(eq(monitoringRounds.regionCode, region), eq(monitoringRounds.year, year), eq(monitoringRounds.month, month), range))
    .get()?.seq;
  return (last ?? (issued ? ISSUED_SEQ_FROM - 1 : 0)) + 1;
}

/**
 * Opens a sheet per project of a round, with the adjusted budget per fund source snapshotted and a row
 * per approved indicator as it stands now; bulk rows go through prepared statements.
 */
export function openSheets(db: Db, roundId: string, inScope: readonly Pick<RoundCandidate, 'projectId'>[]): void {
  const sqlite = sqliteOf(db);
  const insertSheet = sqlite.prepare('INSERT INTO monitoring_sheets (id, round_id, project_id) VALUES (?, ?, ?)');
  const insertFund = sqlite.prepare('INSERT INTO monitoring_funds (sheet_id, source, initial_fen, adjusted_fen) VALUES (?, ?, ?, ?)');
  const insertIndicator = sqlite.prepare(
    `INSERT INTO monitoring_indicators (sheet_id, indicator_id, seq, level1, level2, name, operator, target_value, unit, accrual)
     SELECT ?, ti.id, ti.seq, ti.level1, ti.level2, ti.name, ti.operator, ti.value, ti.unit, ti.accrual FROM target_indicators ti
     JOIN targets t ON t.id = ti.target_id
     WHERE t.project_id = ? AND t.kind = 'project' AND t.status = 'approved' AND t.deleted = 0`,
  );
  const fundsOf = sqlite.prepare('SELECT source, initial_fen AS initialFen, addition_fen AS additionFen, cut_fen AS cutFen FROM project_funds WHERE project_id = ?');
  for (const project of inScope) {
    const sheetId = randomUUID();
    insertSheet.run(sheetId, roundId, project.projectId);
    const funds = fundsOf.all(project.projectId) as { source: string; initialFen: number; additionFen: number; cutFen: number }[];
    for (const fund of funds) insertFund.run(sheetId, fund.source, fund.initialFen, adjustedFen(fund));
    insertIndicator.run(sheetId, project.projectId);
  }
}

/** Opens a round and its sheets in one transaction. */
export function createRound(db: Db, actor: Actor, input: RoundInput): RoundSummary {
  const { region } = requireInstallation(db);
  checkRoundInput(input);
  const inScope = projectsInScope(db, input);
  const id = randomUUID();
  db.transaction((tx) => {
    const seq = nextSeq(tx, region.code, input.year, input.month);
    const title = input.title?.trim() || `${input.year}年${input.month}月绩效运行监控${seq > 1 ? `（第${seq}次）` : ''}`;
    tx.insert(monitoringRounds)
      .values({ id, regionCode: region.code, year: input.year, month: input.month, seq, title, deadline: input.deadline, scope: input.scope })
      .run();
    openSheets(db, id, inScope);
    openDepartmentSheets(db, id, region.code, input.year);
    recordAudit(tx, actor, {
      entity: 'monitoring-round',
      naturalKey: roundKey({ regionCode: region.code, year: input.year, month: input.month, seq }),
      action: '开启监控轮次',
      after: { title, deadline: input.deadline, scope: input.scope, projects: inScope.map((p) => p.code) },
    });
  });
  return roundSummary(db, requireRound(db, id));
}

/**
 * Opens the year's default rounds (the months of the monitoring.months setting, 5/8/11 by default) that
 * do not exist yet, each over all approved projects with the month's last day as deadline.
 */
export function createDefaultRounds(db: Db, actor: Actor, year: number): RoundSummary[] {
  const months = settingValue<number[]>(db, 'monitoring.months');
  const existing = new Set(listRounds(db, year).map((r) => r.month));
  const missing = months.filter((m) => !existing.has(m));
  if (missing.length === 0) throw new AppError('CONFLICT', `${year} 年 ${months.join('、')} 月的监控轮次都已开启`);
  return missing.map((month) => createRound(db, actor, { year, month, deadline: defaultDeadline(year, month), scope: 'all' }));
}

/** A round's sheets of one kind (project or 部门整体) by status, and in all. */
function statusCounts(db: Db, table: 'monitoring_sheets' | 'monitoring_department_sheets', roundId: string): SheetStatusCounts {
  const counts = { draft: 0, submitted: 0, approved: 0, returned: 0, sheets: 0 };
  const rows = sqliteOf(db).prepare(`SELECT status, count(*) AS n FROM ${table} WHERE round_id = ? AND deleted = 0 GROUP BY status`).all(roundId) as { status: WorkflowState; n: number }[];
  for (const { status, n } of rows) {
    counts[status] = n;
    counts.sheets += n;
  }
  return counts;
}

/** The installation above that issued a round here, if it is not this installation's own. */
function issuerAbove(db: Db, roundId: string): RoundListing['issuedBy'] {
  const issuer = issuersOf(db, ROUND_ENTITY, [roundId]).get(roundId);
  if (!issuer || issuer === requireInstallation(db).region.code) return null;
  return { code: issuer, name: findRegion(db, issuer)?.name ?? issuer };
}

export function roundSummary(db: Db, round: RoundRow, today = localDate()): RoundSummary {
  const { id, version, year, month, seq, title, deadline, scope, createdAt } = round;
  return {
    id, version, year, month, seq, title, deadline, scope, createdAt,
    counts: statusCounts(db, 'monitoring_sheets', id),
    departmentCounts: statusCounts(db, 'monitoring_department_sheets', id),
    deadlineState: deadlineState(deadline, today, settingValue<number>(db, 'monitoring.dueSoonDays')),
  };
}

/** The rounds of a year (or of every year), newest reporting month first, each with who issued it. */
export function listRounds(db: Db, year?: number, today = localDate()): RoundListing[] {
  const { region } = requireInstallation(db);
  const conditions = [eq(monitoringRounds.regionCode, region.code), eq(monitoringRounds.deleted, false)];
  if (year !== undefined) conditions.push(eq(monitoringRounds.year, year));
  return db
    .select()
    .from(monitoringRounds)
    .where(and(...conditions))
    .orderBy(desc(monitoringRounds.year), desc(monitoringRounds.month), desc(monitoringRounds.seq))
    .all()
    .map((round) => ({ ...roundSummary(db, round, today), issuedBy: issuerAbove(db, round.id) }));
}

export const getRound = (db: Db, id: string): RoundSummary => roundSummary(db, requireRound(db, id));

/** One round as its page shows it, with who issued it. */
export const roundListing = (db: Db, id: string): RoundListing => ({ ...getRound(db, id), issuedBy: issuerAbove(db, id) });
