// What the bureau looks at for 衔接资金: the county view (allocated vs paid by document and level, the
// industry share against the policy aim, projects behind the time progress, stages not reached) and one
// project's loop, read from the fund records and from what targets, monitoring and self-evaluation recorded.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { fundAllocations, fundDocuments, fundPayments, fundProjects, monitoringRounds, monitoringSheets, projects, selfEvaluations, targets, units } from '../../db/schema';
import { localDate } from '../domain/clock';
import {
  behindTimeProgress,
  fundTimeProgress,
  industryShare,
  loopStages,
  spendingProgress,
  FUND_LEVELS,
  type FundCategory,
  type FundLevel,
  type IndustryVerdict,
  type LoopStage,
} from '../domain/funds';
import { wanYuanText, type Fen } from '../domain/money';
import type { Light, TimeProgressMethod } from '../domain/monitoring';
import { percent } from '../domain/ratio';
import type { WorkflowState } from '../domain/workflow';
import { listSheets } from '../monitoring';
import { openNoticesOfProject, type OpenNotice } from '../rectification';
import { requireInstallation } from '../registry';
import { settingValue } from '../settings';
import { listDocuments, listPayments, projectDetails, requireFundProject, type FundDocument, type FundPayment, type FundProjectDetails } from './records';

/** Where each stage's record is, for the links of the loop. */
export interface StageLinks {
  targetProjectId: string | null;
  monitoringSheetId: string | null;
  selfEvaluationId: string | null;
}

export interface FundProjectRow {
  id: string;
  code: string;
  name: string;
  unitName: string;
  category: FundCategory | null;
  allocatedFen: Fen;
  paidFen: Fen;
  /** Percent with 2 decimals, e.g. "53.33". */
  progress: string;
  zeroAllocation: boolean;
  behind: boolean;
  stages: LoopStage[];
  links: StageLinks;
}

export interface FundFigures {
  amountFen: Fen;
  allocatedFen: Fen;
  paidFen: Fen;
}

export interface FundsOverview {
  year: number;
  today: string;
  /** Percent, 2 decimals. */
  timeProgress: string;
  /** Each document as recorded (its allocation included, for editing) with what was paid on it. */
  documents: (FundDocument & FundFigures)[];
  levels: (FundFigures & { level: FundLevel })[];
  /** Payments that name no document: part of the total, of no level. */
  unattributedPaidFen: Fen;
  totals: { allocatedFen: Fen; paidFen: Fen; progress: string };
  industry: { industryFen: Fen; totalFen: Fen; share: string | null; aim: string; verdict: IndustryVerdict };
  projects: FundProjectRow[];
}

interface ProjectBase {
  id: string;
  code: string;
  name: string;
  unitName: string;
}

function fundProjectsOf(db: Db, region: string, year: number): ProjectBase[] {
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name, unitName: units.name })
    .from(projects)
    .leftJoin(units, eq(units.code, projects.unitCode))
    .where(and(eq(projects.regionCode, region), eq(projects.year, year), eq(projects.povertyFund, true), eq(projects.deleted, false)))
    .orderBy(projects.code)
    .all()
    .map((p) => ({ ...p, unitName: p.unitName ?? '' }));
}

const sumBy = <K extends string>(rows: readonly { key: K; fen: Fen }[]) => {
  const sums = new Map<K, Fen>();
  for (const { key, fen } of rows) sums.set(key, (sums.get(key) ?? 0) + fen);
  return sums;
};

/**
 * The latest round of the year that reported on each project: its month, its sheet and the worse light.
 * Only the fund projects' sheets are read and assessed (a few hundred of the county's thousands): whether a
 * sheet counts as reported is the domain's judgement, so SQL picks the sheets and the domain decides.
 */
function latestMonitoring(db: Db, region: string, year: number, projectIds: readonly string[]): Map<string, { month: number; light: Light; sheetId: string }> {
  const latest = new Map<string, { month: number; light: Light; sheetId: string }>();
  if (projectIds.length === 0) return latest;
  const sheets = db
    .select({ id: monitoringSheets.id, roundId: monitoringRounds.id, month: monitoringRounds.month })
    .from(monitoringSheets)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringSheets.roundId))
    .where(
      and(
        inArray(monitoringSheets.projectId, [...projectIds]),
        eq(monitoringSheets.deleted, false),
        eq(monitoringRounds.regionCode, region),
        eq(monitoringRounds.year, year),
        eq(monitoringRounds.deleted, false),
      ),
    )
    .orderBy(desc(monitoringRounds.month), desc(monitoringRounds.seq))
    .all();
  const rounds = new Map<string, { month: number; sheetIds: string[] }>();
  for (const sheet of sheets) {
    const round = rounds.get(sheet.roundId) ?? rounds.set(sheet.roundId, { month: sheet.month, sheetIds: [] }).get(sheet.roundId)!;
    round.sheetIds.push(sheet.id);
  }
  // Latest round first (the map keeps the query's order), so the first reported sheet of a project wins.
  for (const [roundId, { month, sheetIds }] of rounds) {
    for (const sheet of listSheets(db, roundId, sheetIds)) {
      if (sheet.reported && !latest.has(sheet.projectId)) latest.set(sheet.projectId, { month, light: sheet.attention, sheetId: sheet.id });
    }
  }
  return latest;
}

function statusesByProject(db: Db, table: typeof targets | typeof selfEvaluations, ids: readonly string[]): Map<string, { id: string; status: WorkflowState }> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: table.id, projectId: table.projectId, status: table.status })
    .from(table)
    .where(and(inArray(table.projectId, [...ids]), eq(table.kind, 'project'), eq(table.deleted, false)))
    .all();
  return new Map(rows.map((r) => [r.projectId!, { id: r.id, status: r.status }]));
}

/** The county's 衔接资金 for a year, as of `today` (the bureau's local date). */
export function fundsOverview(db: Db, year: number, today = localDate()): FundsOverview {
  const { region } = requireInstallation(db);
  const base = fundProjectsOf(db, region.code, year);
  const ids = base.map((p) => p.id);
  const documents = listDocuments(db, year);
  const liveDocuments = new Set(documents.map((d) => d.id));
  const allocations = ids.length ? db.select().from(fundAllocations).where(inArray(fundAllocations.projectId, ids)).all().filter((a) => liveDocuments.has(a.documentId)) : [];
  const payments = ids.length ? db.select().from(fundPayments).where(and(inArray(fundPayments.projectId, ids), eq(fundPayments.deleted, false))).all() : [];
  const categories = new Map(ids.length ? db.select().from(fundProjects).where(inArray(fundProjects.projectId, ids)).all().filter((d) => !d.deleted).map((d) => [d.projectId, d.category]) : []);
  const allocatedBy = sumBy(allocations.map((a) => ({ key: a.projectId, fen: a.amountFen })));
  const paidBy = sumBy(payments.map((p) => ({ key: p.projectId, fen: p.amountFen })));
  const paidByDocument = sumBy(payments.flatMap((p) => (p.documentId ? [{ key: p.documentId, fen: p.amountFen }] : [])));
  const time = fundTimeProgress(year, today, settingValue<TimeProgressMethod>(db, 'monitoring.timeProgress'));
  const monitoring = latestMonitoring(db, region.code, year, ids);
  const targetOf = statusesByProject(db, targets, ids);
  const selfEvaluationOf = statusesByProject(db, selfEvaluations, ids);

  const rows: FundProjectRow[] = base.map((p) => {
    const allocatedFen = allocatedBy.get(p.id) ?? 0;
    const paidFen = paidBy.get(p.id) ?? 0;
    const progress = spendingProgress(paidFen, allocatedFen);
    const behind = behindTimeProgress(progress, time);
    const watched = monitoring.get(p.id);
    const stages = loopStages({
      targetStatus: targetOf.get(p.id)?.status ?? null,
      monitoring: watched ? { month: watched.month, light: watched.light } : null,
      selfEvaluationStatus: selfEvaluationOf.get(p.id)?.status ?? null,
      progress,
      behind,
    });
    const links = { targetProjectId: targetOf.has(p.id) ? p.id : null, monitoringSheetId: watched?.sheetId ?? null, selfEvaluationId: selfEvaluationOf.get(p.id)?.id ?? null };
    return { ...p, category: categories.get(p.id) ?? null, allocatedFen, paidFen, progress: percent(progress.rate), zeroAllocation: progress.zeroAllocation, behind, stages, links };
  });

  const documentRows = documents.map((d) => ({
    ...d,
    allocatedFen: d.allocations.reduce((sum, a) => sum + a.amountFen, 0),
    paidFen: paidByDocument.get(d.id) ?? 0,
  }));
  const levels = FUND_LEVELS.map((level) => {
    const of = documentRows.filter((d) => d.level === level);
    return { level, amountFen: of.reduce((s, d) => s + d.amountFen, 0), allocatedFen: of.reduce((s, d) => s + d.allocatedFen, 0), paidFen: of.reduce((s, d) => s + d.paidFen, 0) };
  }).filter((l) => l.amountFen > 0);
  const allocatedFen = rows.reduce((s, r) => s + r.allocatedFen, 0);
  const paidFen = rows.reduce((s, r) => s + r.paidFen, 0);
  const share = industryShare(rows, settingValue<string>(db, 'poverty.industryShareMin'));
  return {
    year,
    today,
    timeProgress: percent(time),
    documents: documentRows,
    levels,
    unattributedPaidFen: payments.filter((p) => p.documentId === null).reduce((s, p) => s + p.amountFen, 0),
    totals: { allocatedFen, paidFen, progress: percent(spendingProgress(paidFen, allocatedFen).rate) },
    industry: { industryFen: share.industryFen, totalFen: share.totalFen, share: share.share ? percent(share.share) : null, aim: percent(share.aim), verdict: share.verdict },
    projects: rows,
  };
}

export interface FundProjectView {
  project: { id: string; code: string; name: string; year: number; unitName: string };
  row: FundProjectRow;
  timeProgress: string;
  details: FundProjectDetails;
  /** The documents that allocate to it, with the amount each gives it. */
  documents: { id: string; docNumber: string; level: FundLevel; issuedOn: string; allocatedFen: Fen }[];
  payments: FundPayment[];
  /** 整改通知 on the project not yet passed: the self-evaluation stage shows them, since the loop is not closed while one is open. */
  openNotices: OpenNotice[];
}

/** One project's loop: its four stages, its spending progress and its fund records. */
export function fundProjectView(db: Db, projectId: string, today = localDate()): FundProjectView {
  const project = requireFundProject(db, projectId);
  const overview = fundsOverview(db, project.year, today);
  const row = overview.projects.find((p) => p.id === project.id)!;
  const documents = listDocuments(db, project.year).flatMap((d: FundDocument) => {
    const share = d.allocations.find((a) => a.projectId === project.id);
    return share ? [{ id: d.id, docNumber: d.docNumber, level: d.level, issuedOn: d.issuedOn, allocatedFen: share.amountFen }] : [];
  });
  return {
    project: { id: project.id, code: project.code, name: project.name, year: project.year, unitName: row.unitName },
    row,
    timeProgress: overview.timeProgress,
    details: projectDetails(db, project.id),
    documents,
    payments: listPayments(db, project.id),
    openNotices: openNoticesOfProject(db, project.id),
  };
}

/** The ids of the year's documents, for the import's 指标文号 column. */
export function documentIdsByNumber(db: Db, year: number): Map<string, string> {
  const { region } = requireInstallation(db);
  return new Map(
    db
      .select({ id: fundDocuments.id, docNumber: fundDocuments.docNumber })
      .from(fundDocuments)
      .where(and(eq(fundDocuments.regionCode, region.code), eq(fundDocuments.year, year), eq(fundDocuments.deleted, false)))
      .all()
      .map((d) => [d.docNumber, d.id]),
  );
}

/** The year's figures as the command line gives them: amounts in 万元 and shares in percent, as exact decimal strings. */
export interface FundsSummary {
  year: number;
  allocatedByLevel: Record<string, string>;
  allocated: string;
  paid: string;
  spendingProgress: string;
  timeProgress: string;
  industryAllocated: string;
  industryShare: string | null;
  industryAim: string;
  industryVerdict: IndustryVerdict;
  projectsBehind: { code: string; name: string; progress: string }[];
}

export function fundsSummary(o: FundsOverview): FundsSummary {
  // Allocated by level counts what documents gave projects, so the levels add up to `allocated`.
  return {
    year: o.year,
    allocatedByLevel: Object.fromEntries(o.levels.map((l) => [l.level, wanYuanText(l.allocatedFen)])),
    allocated: wanYuanText(o.totals.allocatedFen),
    paid: wanYuanText(o.totals.paidFen),
    spendingProgress: o.totals.progress,
    timeProgress: o.timeProgress,
    industryAllocated: wanYuanText(o.industry.industryFen),
    industryShare: o.industry.share,
    industryAim: o.industry.aim,
    industryVerdict: o.industry.verdict,
    projectsBehind: o.projects.filter((p) => p.behind).map((p) => ({ code: p.code, name: p.name, progress: p.progress })),
  };
}
