// The publishable 项目支出绩效目标表: approved project targets in scope, never a 涉密 project.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projectFunds, projects, targets } from '../../db/schema';
import { isFiscalSource, type DisclosedTarget } from '../domain/disclosure';
import { adjustedFen } from '../domain/projects';
import { indicatorsByTarget, type Excluded, type Scope } from './tableParts';

function fundsByProject(db: Db, projectIds: string[]): Map<string, { fiscalFen: number; otherFen: number }> {
  const result = new Map<string, { fiscalFen: number; otherFen: number }>();
  if (projectIds.length === 0) return result;
  for (const fund of db.select().from(projectFunds).where(inArray(projectFunds.projectId, projectIds)).all()) {
    const sums = result.get(fund.projectId) ?? { fiscalFen: 0, otherFen: 0 };
    // 年度资金总额 is the adjusted budget (equal to the initial one at budget time, when targets are published).
    if (isFiscalSource(fund.source)) sums.fiscalFen += adjustedFen(fund);
    else sums.otherFen += adjustedFen(fund);
    result.set(fund.projectId, sums);
  }
  return result;
}

export function projectTargetRows(db: Db, year: number, scope: Scope): { targets: DisclosedTarget[]; excluded: Excluded } {
  const inScope = db
    .select({ project: projects, target: targets })
    .from(projects)
    .leftJoin(targets, and(eq(targets.projectId, projects.id), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .where(and(eq(projects.regionCode, scope.regionCode), eq(projects.year, year), eq(projects.deleted, false)))
    .orderBy(asc(projects.departmentCode), asc(projects.unitCode), asc(projects.code))
    .all()
    .filter(({ project }) => scope.includes(project.unitCode, project.departmentCode));

  const confidential = inScope.filter(({ project }) => project.confidential).length;
  const published = inScope.filter(({ project, target }) => !project.confidential && target?.status === 'approved');
  const indicators = indicatorsByTarget(db, year, published.map(({ target }) => target!.id));
  const funds = fundsByProject(db, published.map(({ project }) => project.id));
  return {
    targets: published.map(({ project, target }) => {
      const { fiscalFen, otherFen } = funds.get(project.id) ?? { fiscalFen: 0, otherFen: 0 };
      return {
        code: project.code,
        name: project.name,
        departmentName: scope.unitName(project.departmentCode),
        detail: scope.unitName(project.unitCode),
        totalFen: fiscalFen + otherFen,
        fiscalFen,
        otherFen,
        overallGoal: target!.overallGoal,
        indicators: indicators.get(target!.id) ?? [],
      };
    }),
    excluded: { confidential, notApproved: inScope.length - confidential - published.length },
  };
}
