// A region's self-evaluations of a year at a glance, as the prefecture's dashboard shows each county:
// how many approved project targets have one, how many were approved, and their grades; and the same
// coverage, apart, for the units' department-wide tables (one per unit, not to be mixed into the projects').
import { sqliteOf, type Db } from '../../db/open';
import { settingValue } from '../settings';

export interface SelfEvaluationTally {
  /** Approved project targets: what could be self-evaluated. */
  approvedTargets: number;
  evaluated: number;
  approved: number;
  /** Approved self-evaluations per grade, in the order of the grade labels (优/良/中/差 by default). */
  grades: { grade: string; count: number }[];
  /** 部门整体: approved department-wide targets, their self-evaluations and how many were approved. */
  department: { approvedTargets: number; evaluated: number; approved: number };
}

function coverage(db: Db, region: string, year: number, kind: 'project' | 'department') {
  const sqlite = sqliteOf(db);
  const targets = sqlite.prepare("SELECT count(*) AS n FROM targets WHERE region_code = ? AND year = ? AND kind = ? AND status = 'approved' AND deleted = 0").get(region, year, kind) as { n: number };
  const counts = sqlite
    .prepare("SELECT count(*) AS evaluated, coalesce(sum(status = 'approved'), 0) AS approved FROM self_evaluations WHERE region_code = ? AND year = ? AND kind = ? AND deleted = 0")
    .get(region, year, kind) as { evaluated: number; approved: number };
  return { approvedTargets: targets.n, ...counts };
}

export function selfEvaluationTally(db: Db, region: string, year: number): SelfEvaluationTally {
  const sqlite = sqliteOf(db);
  const graded = new Map(
    (sqlite
      .prepare("SELECT grade, count(*) AS n FROM self_evaluations WHERE region_code = ? AND year = ? AND kind = 'project' AND deleted = 0 AND status = 'approved' AND grade IS NOT NULL GROUP BY grade")
      .all(region, year) as { grade: string; n: number }[]).map((r) => [r.grade, r.n]),
  );
  const labels = settingValue<string>(db, 'evaluation.gradeLabels').split('/').map((l) => l.trim());
  // A county that names its grades otherwise still shows every grade it sent.
  const order = [...labels, ...[...graded.keys()].filter((g) => !labels.includes(g))];
  return {
    ...coverage(db, region, year, 'project'),
    grades: order.map((grade) => ({ grade, count: graded.get(grade) ?? 0 })),
    department: coverage(db, region, year, 'department'),
  };
}
