// What the rules of 结果应用 read from the other workflows, per project of a year: the grades available,
// the findings still open, the budget this year and next, and what was spent. Read with plain SQL over
// the other workflows' tables, as the self-evaluation tally does: these are counts and sums, not records.
// Drizzle's `sql` runs them, so they also read inside the transaction that generates the list.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { Fen } from '../domain/money';
import type { GradedSource } from '../domain/results';

/**
 * Every graded source of the year's projects, by project id: approved self-evaluations and approved
 * 部门评价 / 财政评价 of a project (a department-wide evaluation grades a unit, not a project). The
 * domain's decisiveGrade ranks them.
 */
export function gradedSources(db: Db, regionCode: string, year: number): Map<string, GradedSource[]> {
  const rows = db.all<{ projectId: string; grade: string; id: string; source: GradedSource['source'] }>(
    sql`SELECT project_id AS projectId, grade, id, 'self-evaluation' AS source FROM self_evaluations
         WHERE region_code = ${regionCode} AND year = ${year} AND kind = 'project' AND status = 'approved' AND deleted = 0 AND grade IS NOT NULL
        UNION ALL
        SELECT project_id, grade, id, kind FROM evaluations
         WHERE region_code = ${regionCode} AND year = ${year} AND project_id IS NOT NULL AND status = 'approved' AND deleted = 0 AND grade IS NOT NULL`,
  );
  const byProject = new Map<string, GradedSource[]>();
  for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), { source: row.source, grade: row.grade, recordId: row.id }]);
  return byProject;
}

export interface ProjectFacts {
  id: string;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  thisYearAdjustedFen: Fen;
  /** The adjusted budget of next year's project with the same code; null when the register has none. */
  nextYearAdjustedFen: Fen | null;
  executedFen: Fen;
  /** Open rectification notices (not 通过), by number. */
  openNotices: number[];
  targetsMet: boolean | null;
}

// adjusted = initial + additions − cuts, summed over the sources (domain/projects adjustedFen per row).
const ADJUSTED = sql.raw('coalesce((SELECT sum(initial_fen + addition_fen - cut_fen) FROM project_funds f WHERE f.project_id = p.id), 0)');

/**
 * The facts of one project of the year. 全年执行数 is the approved self-evaluation's (the year-end figure),
 * else the last monitoring sheet's; a target is missed when an approved self-evaluation explains a
 * deviation (送审 requires one for every indicator not met).
 */
export function projectFacts(db: Db, projectId: string): ProjectFacts {
  const project = db.get<{ id: string; code: string; name: string; unitCode: string; unitName: string; regionCode: string; year: number; adjusted: number }>(
    sql`SELECT p.id, p.code, p.name, p.unit_code AS unitCode, coalesce(u.name, p.unit_code) AS unitName, p.region_code AS regionCode, p.year,
               ${ADJUSTED} AS adjusted
          FROM projects p LEFT JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code WHERE p.id = ${projectId}`,
  );
  const next = db.get<{ adjusted: number } | undefined>(
    sql`SELECT ${ADJUSTED} AS adjusted FROM projects p WHERE p.region_code = ${project.regionCode} AND p.year = ${project.year + 1} AND p.code = ${project.code} AND p.deleted = 0`,
  );
  const selfEvaluation = db.get<{ executed: number; missed: number } | undefined>(
    sql`SELECT appropriation_executed_fen + carry_over_executed_fen + other_executed_fen AS executed,
               EXISTS (SELECT 1 FROM self_evaluation_indicators i WHERE i.self_evaluation_id = s.id AND trim(i.deviation_reason) <> '') AS missed
          FROM self_evaluations s WHERE s.project_id = ${projectId} AND s.kind = 'project' AND s.status = 'approved' AND s.deleted = 0`,
  );
  const openNotices = db
    .all<{ seq: number }>(sql`SELECT seq FROM rectifications WHERE project_id = ${projectId} AND status <> 'passed' AND deleted = 0 ORDER BY seq`)
    .map((n) => n.seq);
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    unitCode: project.unitCode,
    unitName: project.unitName,
    thisYearAdjustedFen: project.adjusted,
    nextYearAdjustedFen: next ? next.adjusted : null,
    executedFen: selfEvaluation ? selfEvaluation.executed : lastMonitoredExecution(db, projectId),
    openNotices,
    targetsMet: selfEvaluation ? !selfEvaluation.missed : null,
  };
}

/** 1–N月执行数 of the last monitoring round that reported on the project (the latest month, then round). */
function lastMonitoredExecution(db: Db, projectId: string): Fen {
  const row = db.get<{ executed: number } | undefined>(
    sql`SELECT coalesce((SELECT sum(executed_fen) FROM monitoring_funds f WHERE f.sheet_id = s.id), 0) AS executed
          FROM monitoring_sheets s JOIN monitoring_rounds r ON r.id = s.round_id
         WHERE s.project_id = ${projectId} AND s.deleted = 0 AND r.deleted = 0 ORDER BY r.month DESC, r.seq DESC LIMIT 1`,
  );
  return row?.executed ?? 0;
}

/** The adjusted budget next year's register holds for each code, for comparing the decisions with it. */
export function nextYearBudgets(db: Db, regionCode: string, year: number): Map<string, Fen> {
  const rows = db.all<{ code: string; adjusted: number }>(
    sql`SELECT p.code, ${ADJUSTED} AS adjusted FROM projects p WHERE p.region_code = ${regionCode} AND p.year = ${year + 1} AND p.deleted = 0`,
  );
  return new Map(rows.map((r) => [r.code, r.adjusted]));
}
