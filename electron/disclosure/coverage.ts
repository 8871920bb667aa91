// 首页 coverage of targets: per implementing unit, how many of its projects of a year have approved
// targets. 涉密 projects count here: they need targets too, they are only not published.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, targets, units } from '../../db/schema';
import { percent, ratio } from '../domain/ratio';
import { requireInstallation } from '../registry';

export interface UnitCoverage {
  unitCode: string;
  unitName: string;
  projects: number;
  approved: number;
  /** approved ÷ projects as an exact percent with 2 decimals, e.g. "66.67". */
  percent: string;
}

export interface TargetCoverage {
  year: number;
  projects: number;
  approved: number;
  /** Null when the year has no projects yet. */
  percent: string | null;
  units: UnitCoverage[];
}

export function targetCoverage(db: Db, year: number): TargetCoverage {
  const { region } = requireInstallation(db);
  const rows = db
    .select({
      unitCode: projects.unitCode,
      unitName: units.name,
      projects: sql<number>`count(*)`,
      approved: sql<number>`sum(${targets.status} = 'approved')`,
    })
    .from(projects)
    .leftJoin(targets, and(eq(targets.projectId, projects.id), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .leftJoin(units, and(eq(units.regionCode, projects.regionCode), eq(units.code, projects.unitCode)))
    .where(and(eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false)))
    .groupBy(projects.unitCode)
    .orderBy(projects.unitCode)
    .all();
  const perUnit = rows.map((row) => {
    const approved = Number(row.approved ?? 0);
    return { unitCode: row.unitCode, unitName: row.unitName ?? row.unitCode, projects: row.projects, approved, percent: percent(ratio(approved, row.projects)) };
  });
  const total = perUnit.reduce((sum, u) => sum + u.projects, 0);
  const approved = perUnit.reduce((sum, u) => sum + u.approved, 0);
  return { year, projects: total, approved, percent: total ? percent(ratio(approved, total)) : null, units: perUnit };
}

/** Years that have projects, newest first: the pages open on the latest one. */
export function projectYears(db: Db): number[] {
  const { region } = requireInstallation(db);
  return db
    .selectDistinct({ year: projects.year })
    .from(projects)
    .where(and(eq(projects.regionCode, region.code), eq(projects.deleted, false)))
    .orderBy(desc(projects.year))
    .all()
    .map((row) => row.year);
}
