// What the reviewers above see of a region's targets: the prefecture's summary of a county (approved
// project targets, review grades) and the review lists of targets that came up from below.
import { sqliteOf, type Db } from '../../db/open';
import { REVIEW_GRADES, type ReviewGrade } from '../domain/targets';

export interface TargetTally {
  /** Project targets approved. */
  approved: number;
  /** Review grades (优/良/中/差) of the project targets. */
  grades: Record<ReviewGrade, number>;
}

export function projectTargetTally(db: Db, region: string, year: number): TargetTally {
  const sqlite = sqliteOf(db);
  const approved = sqlite
    .prepare("SELECT count(*) AS n FROM targets WHERE region_code = ? AND year = ? AND kind = 'project' AND status = 'approved' AND deleted = 0")
    .get(region, year) as { n: number };
  const rows = sqlite
    .prepare(
      "SELECT review_grade AS grade, count(*) AS n FROM targets WHERE region_code = ? AND year = ? AND kind = 'project' AND deleted = 0 AND review_grade IS NOT NULL GROUP BY review_grade",
    )
    .all(region, year) as { grade: ReviewGrade; n: number }[];
  const grades = Object.fromEntries(REVIEW_GRADES.map((g) => [g, 0])) as TargetTally['grades'];
  for (const { grade, n } of rows) grades[grade] = n;
  return { approved: approved.n, grades };
}

export interface TargetForReview {
  id: string;
  ownerCode: string;
  projectName: string | null;
  kind: string;
  status: string;
  /** The opinion of the last review, the county's own or the prefecture's (州级审核：…). */
  reviewOpinion: string | null;
  version: number;
}

/** A region's live targets of a year, or those among `ids`; department-wide first, then by owner. */
export function targetsForReview(db: Db, year: number, which: { region: string } | { ids: readonly string[] }): TargetForReview[] {
  const [where, params] = 'region' in which ? ['t.region_code = ?', [which.region]] : [`t.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(which.ids)]];
  return sqliteOf(db)
    .prepare(
      `SELECT t.id, t.owner_code AS ownerCode, p.name AS projectName, t.kind, t.status, t.version, t.review_opinion AS reviewOpinion
         FROM targets t
         LEFT JOIN projects p ON p.id = t.project_id
        WHERE t.deleted = 0 AND t.year = ? AND ${where}
        ORDER BY t.kind DESC, t.owner_code`,
    )
    .all(year, ...params) as TargetForReview[];
}
