// What the prefecture reads off a county's evaluations, results list, notices and 衔接资金 as its packages
// brought them: computed here from the county's rows with the domain's rules, since the county's own
// views read the installation's region and the prefecture holds many counties.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { sqliteOf, type Db } from '../../db/open';
import {
  accountabilityMeasures,
  evaluations,
  fundAllocations,
  fundDocuments,
  fundProjects,
  projectFunds,
  projects,
  rectifications,
  resultLists,
  resultProposals,
  targets,
  units,
} from '../../db/schema';
import { industryShare, INDUSTRY_VERDICT_LABELS, type FundCategory } from '../domain/funds';
import type { Fen } from '../domain/money';
import { percent, ratio } from '../domain/ratio';
import { accountabilityReasons, noticeDaysOverdue, noticeNumber, RECTIFICATION_LABELS, type RectificationStatus } from '../domain/rectification';
import { adoptionShare, shareText } from '../domain/results';
import { REVIEW_GRADES, type ReviewGrade } from '../domain/targets';
import { settingValue } from '../settings';

type GradeCounts = Record<ReviewGrade, number>;
const noGrades = (): GradeCounts => ({ 优: 0, 良: 0, 中: 0, 差: 0 });

export interface EvaluationFigures {
  projects: number;
  projectFen: Fen;
  /** Projects with an approved 部门评价 or 财政评价, and their amount. */
  evaluated: number;
  evaluatedFen: Fen;
  /** Percent, 2 decimals; null while the county has no projects (or no money) to divide by. */
  countShare: string | null;
  amountShare: string | null;
  /** Grades of the approved evaluations, by kind. */
  grades: { finance: GradeCounts; department: GradeCounts };
}

/** A part of a whole as an exact percent (2 decimals), or null with nothing to divide by. */
export const shareOf = (part: number, whole: number): string | null => (whole === 0 ? null : percent(ratio(part, whole)));

/**
 * Coverage by number and amount (domain.md §6) and the grades of a county's approved evaluations of the year.
 * The coverage is summed in SQL: a big county has 1,500 projects a year, and the dashboard asks for nine.
 */
export function evaluationFigures(db: Db, region: string, year: number): EvaluationFigures {
  const approvedOfYear = and(eq(evaluations.regionCode, region), eq(evaluations.year, year), eq(evaluations.deleted, false), eq(evaluations.status, 'approved'));
  const coverage = sqliteOf(db)
    .prepare(
      `SELECT count(*) AS projects, coalesce(sum(fen), 0) AS projectFen, coalesce(sum(evaluated), 0) AS evaluated, coalesce(sum(CASE WHEN evaluated THEN fen END), 0) AS evaluatedFen
         FROM (SELECT (SELECT coalesce(sum(f.initial_fen + f.addition_fen - f.cut_fen), 0) FROM project_funds f WHERE f.project_id = p.id) AS fen,
                      p.id IN (SELECT e.project_id FROM evaluations e
                                WHERE e.region_code = @region AND e.year = @year AND e.deleted = 0 AND e.status = 'approved' AND e.project_id IS NOT NULL) AS evaluated
                 FROM projects p WHERE p.region_code = @region AND p.year = @year AND p.deleted = 0)`,
    )
    .get({ region, year }) as { projects: number; projectFen: Fen; evaluated: number; evaluatedFen: Fen };
  const grades = { finance: noGrades(), department: noGrades() };
  for (const e of db.select({ kind: evaluations.kind, grade: evaluations.grade }).from(evaluations).where(approvedOfYear).all()) {
    if (REVIEW_GRADES.includes(e.grade as ReviewGrade)) grades[e.kind === 'finance-evaluation' ? 'finance' : 'department'][e.grade as ReviewGrade]++;
  }
  return {
    ...coverage,
    countShare: shareOf(coverage.evaluated, coverage.projects),
    amountShare: shareOf(coverage.evaluatedFen, coverage.projectFen),
    grades,
  };
}

/** The adjusted budgets (分) of the county's projects whose project target is approved. */
export function approvedTargetFen(db: Db, region: string, year: number): Fen {
  const row = db
    .select({ fen: sql<number>`coalesce(sum(${projectFunds.initialFen} + ${projectFunds.additionFen} - ${projectFunds.cutFen}), 0)` })
    .from(targets)
    .innerJoin(projects, and(eq(projects.id, targets.projectId), eq(projects.deleted, false)))
    .innerJoin(projectFunds, eq(projectFunds.projectId, projects.id))
    .where(and(eq(targets.regionCode, region), eq(targets.year, year), eq(targets.kind, 'project'), eq(targets.status, 'approved'), eq(targets.deleted, false)))
    .get();
  return row?.fen ?? 0;
}

export interface AdoptionFigures {
  proposals: number;
  decided: number;
  /** 采纳 and 部分采纳 among the decided lines, as the results page prints it (66.67% or —). */
  share: string;
  /** The same share as a percent for charts ("66.67"), null before any line is decided. */
  percent: string | null;
}

/** How far the budget section took the county's results proposals (its results list as it came up). */
export function adoptionFigures(db: Db, region: string, year: number): AdoptionFigures {
  const lines = db
    .select({ decision: resultProposals.decision, decidedFen: resultProposals.decidedFen, proposedFen: resultProposals.proposedFen, baseFen: resultProposals.baseFen })
    .from(resultProposals)
    .innerJoin(resultLists, eq(resultLists.id, resultProposals.listId))
    .where(and(eq(resultLists.regionCode, region), eq(resultLists.year, year), eq(resultLists.deleted, false)))
    .all();
  const share = adoptionShare(lines);
  return { proposals: lines.length, decided: share.decided, share: shareText(share.lineShare), percent: share.lineShare && percent(share.lineShare) };
}

export interface CountyNotice {
  id: string;
  number: string;
  projectCode: string | null;
  projectName: string | null;
  unitName: string;
  deadline: string;
  status: RectificationStatus;
  statusLabel: string;
  daysOverdue: number;
  returns: number;
  /** Why it is on the 问责 list (overdue, returned too often), empty when it is not. */
  accountability: string[];
  measures: number;
}

/** A county's notices of the year with their status, days overdue and 问责 standing, as of `today`. */
export function countyNotices(db: Db, region: string, year: number, today: string): CountyNotice[] {
  const limit = settingValue<number>(db, 'rectification.returnsForAccountability');
  const rows = db
    .select({
      id: rectifications.id,
      seq: rectifications.seq,
      projectCode: projects.code,
      projectName: projects.name,
      unitName: units.name,
      unitCode: rectifications.unitCode,
      deadline: rectifications.deadline,
      status: rectifications.status,
      returns: rectifications.returnCount,
    })
    .from(rectifications)
    .leftJoin(projects, eq(projects.id, rectifications.projectId))
    .leftJoin(units, and(eq(units.regionCode, rectifications.regionCode), eq(units.code, rectifications.unitCode)))
    .where(and(eq(rectifications.regionCode, region), eq(rectifications.year, year), eq(rectifications.deleted, false)))
    .orderBy(rectifications.seq)
    .all();
  const ids = rows.map((r) => r.id);
  const measures = new Map(
    ids.length
      ? db
          .select({ id: accountabilityMeasures.rectificationId, n: sql<number>`count(*)` })
          .from(accountabilityMeasures)
          .where(inArray(accountabilityMeasures.rectificationId, ids))
          .groupBy(accountabilityMeasures.rectificationId)
          .all()
          .map((m) => [m.id, m.n])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    number: noticeNumber(year, r.seq),
    projectCode: r.projectCode,
    projectName: r.projectName,
    unitName: r.unitName ?? r.unitCode,
    deadline: r.deadline,
    status: r.status,
    statusLabel: RECTIFICATION_LABELS[r.status],
    daysOverdue: noticeDaysOverdue(r.status, r.deadline, today),
    returns: r.returns,
    accountability: accountabilityReasons({ status: r.status, deadline: r.deadline, returns: r.returns }, today, limit),
    measures: measures.get(r.id) ?? 0,
  }));
}

export interface IndustryFigures {
  industryFen: Fen;
  totalFen: Fen;
  /** Percent, 2 decimals; null before any money is allocated. */
  share: string | null;
  aim: string;
  verdict: string;
}

/** The share of the county's 衔接资金 allocated to 产业 projects against the policy aim (this installation's setting). */
export function industryFigures(db: Db, region: string, year: number): IndustryFigures {
  const allocated = db
    .select({ projectId: fundAllocations.projectId, fen: sql<number>`sum(${fundAllocations.amountFen})` })
    .from(fundAllocations)
    .innerJoin(fundDocuments, eq(fundDocuments.id, fundAllocations.documentId))
    .where(and(eq(fundDocuments.regionCode, region), eq(fundDocuments.year, year), eq(fundDocuments.deleted, false)))
    .groupBy(fundAllocations.projectId)
    .all();
  const categories = new Map(
    allocated.length
      ? db
          .select({ projectId: fundProjects.projectId, category: fundProjects.category })
          .from(fundProjects)
          .where(and(inArray(fundProjects.projectId, allocated.map((a) => a.projectId)), eq(fundProjects.deleted, false)))
          .all()
          .map((p) => [p.projectId, p.category as FundCategory])
      : [],
  );
  const share = industryShare(
    allocated.map((a) => ({ category: categories.get(a.projectId) ?? null, allocatedFen: a.fen })),
    settingValue<string>(db, 'poverty.industryShareMin'),
  );
  return { industryFen: share.industryFen, totalFen: share.totalFen, share: share.share ? percent(share.share) : null, aim: percent(share.aim), verdict: INDUSTRY_VERDICT_LABELS[share.verdict] };
}
