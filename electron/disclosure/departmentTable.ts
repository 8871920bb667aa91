// The publishable 部门整体支出绩效目标表: each unit's approved department-wide target with its budget,
// its annual tasks (a task tied to a 涉密 project is left out) and its indicators.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { departmentTasks, projects, targets, units } from '../../db/schema';
import type { DisclosedTarget } from '../domain/disclosure';
import { formatWanYuan } from '../domain/money';
import { departmentOf } from '../domain/projects';
import { indicatorsByTarget, type Excluded, type Scope } from './tableParts';

function confidentialProjectCodes(db: Db, regionCode: string, year: number): Set<string> {
  const rows = db
    .select({ code: projects.code })
    .from(projects)
    .where(and(eq(projects.regionCode, regionCode), eq(projects.year, year), eq(projects.confidential, true), eq(projects.deleted, false)))
    .all();
  return new Set(rows.map((p) => p.code));
}

/** 年度主要任务 as one cell: each published task with its amount; how many were withheld. */
function tasksByTarget(db: Db, targetIds: string[], secret: Set<string>): { text: Map<string, string>; withheld: number } {
  const text = new Map<string, string>();
  let withheld = 0;
  if (targetIds.length === 0) return { text, withheld };
  for (const task of db.select().from(departmentTasks).where(inArray(departmentTasks.targetId, targetIds)).orderBy(asc(departmentTasks.seq)).all()) {
    if ((JSON.parse(task.projectCodes) as string[]).some((code) => secret.has(code))) {
      withheld++;
      continue;
    }
    const line = `${task.task}（${formatWanYuan(task.amountFen)}万元）`;
    text.set(task.targetId, text.has(task.targetId) ? `${text.get(task.targetId)}；${line}` : line);
  }
  return { text, withheld };
}

export function departmentTargetRows(db: Db, year: number, scope: Scope): { targets: DisclosedTarget[]; excluded: Excluded } {
  const inScope = db
    .select({ unit: units, target: targets })
    .from(units)
    .leftJoin(
      targets,
      and(eq(targets.ownerCode, units.code), eq(targets.kind, 'department'), eq(targets.year, year), eq(targets.regionCode, units.regionCode), eq(targets.deleted, false)),
    )
    .where(and(eq(units.regionCode, scope.regionCode), eq(units.deleted, false)))
    .all()
    // A deactivated unit counts only when it still has a target this year.
    .filter(({ unit, target }) => scope.includes(unit.code, unit.departmentCode) && (unit.active || target !== null))
    .map(({ unit, target }) => ({ unit, target, department: departmentOf(unit) }))
    // Department first, then its units, as departments publish them.
    .sort((a, b) => a.department.localeCompare(b.department) || Number(b.unit.isDepartment) - Number(a.unit.isDepartment) || a.unit.code.localeCompare(b.unit.code));
  const published = inScope.filter(({ target }) => target?.status === 'approved');
  const ids = published.map(({ target }) => target!.id);
  const indicators = indicatorsByTarget(db, year, ids);
  const tasks = tasksByTarget(db, ids, confidentialProjectCodes(db, scope.regionCode, year));
  return {
    targets: published.map(({ unit, target, department }) => {
      const fiscalFen = target!.fiscalFen ?? 0;
      const otherFen = target!.otherFen ?? 0;
      return {
        code: unit.code,
        name: unit.name,
        departmentName: scope.unitName(department),
        detail: tasks.text.get(target!.id) ?? '',
        totalFen: fiscalFen + otherFen,
        fiscalFen,
        otherFen,
        overallGoal: target!.overallGoal,
        indicators: indicators.get(target!.id) ?? [],
      };
    }),
    excluded: { confidential: tasks.withheld, notApproved: inScope.length - published.length },
  };
}
