// 部门整体支出绩效目标: one per unit and year — the budget split (基本支出 + 项目支出 = 财政拨款 + 其他资金),
// 职能概述, goals, the task table linking function → annual task → projects → amount, and indicator rows.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { departmentTasks, projects, targets, units } from '../../db/schema';
import { checkDepartmentTargets, unitProjectSpending, type DepartmentBudget, type DepartmentTask, type TargetContent, type TargetProblem } from '../domain/targets';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { projectsWithFunds } from '../projects';
import { refuseOtherDepartmentsUnit, requireInstallation } from '../registry';
import {
  blankState,
  frameworkFor,
  normaliseContent,
  readContent,
  refuseLocked,
  refuseStale,
  rulesFor,
  stateOf,
  targetKey,
  writeTarget,
  type TargetRow,
  type TargetState,
} from './store';

/** A project the task table may link: the unit's own, or its subordinate units' when it is a department. */
export interface LinkableProject {
  code: string;
  name: string;
  unitCode: string;
  adjustedFen: number;
}

export interface DepartmentTarget extends TargetState, TargetContent, DepartmentBudget {
  functions: string;
  tasks: DepartmentTask[];
  unit: { code: string; name: string; isDepartment: boolean };
  projects: LinkableProject[];
}

export interface SaveDepartmentTargetInput extends TargetContent, DepartmentBudget {
  year: number;
  unitCode: string;
  /** The version the user edited; null when creating the unit's department-wide targets. */
  version: number | null;
  functions: string;
  tasks: DepartmentTask[];
}

function requireUnit(db: Db, regionCode: string, code: string) {
  const unit = db
    .select({ code: units.code, name: units.name, isDepartment: units.isDepartment })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.code, code), eq(units.deleted, false)))
    .get();
  if (!unit) throw new AppError('NOT_FOUND', `单位编码 ${code} 不在预算单位名录中`);
  return unit;
}

function linkableProjects(db: Db, year: number, unit: { code: string; isDepartment: boolean }): LinkableProject[] {
  const { region } = requireInstallation(db);
  const owned = unit.isDepartment ? or(eq(projects.unitCode, unit.code), eq(projects.departmentCode, unit.code)) : eq(projects.unitCode, unit.code);
  const codes = db
    .select({ code: projects.code })
    .from(projects)
    .where(and(eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false), owned))
    .orderBy(asc(projects.code))
    .all()
    .map((p) => p.code);
  if (codes.length === 0) return [];
  return projectsWithFunds(db, year, { codes }).map((p) => ({ code: p.code, name: p.name, unitCode: p.unitCode, adjustedFen: p.totals.adjustedFen }));
}

function rowOf(db: Db, regionCode: string, year: number, unitCode: string): TargetRow | undefined {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.regionCode, regionCode), eq(targets.year, year), eq(targets.kind, 'department'), eq(targets.ownerCode, unitCode), eq(targets.deleted, false)))
    .get();
}

function readTasks(db: Db, targetId: string): DepartmentTask[] {
  return db
    .select()
    .from(departmentTasks)
    .where(eq(departmentTasks.targetId, targetId))
    .orderBy(asc(departmentTasks.seq))
    .all()
    .map((t) => ({
      function: t.function,
      task: t.task,
      content: t.content,
      projectCodes: JSON.parse(t.projectCodes) as string[],
      amountFen: t.amountFen,
      fiscalFen: t.fiscalFen,
      otherFen: t.otherFen,
    }));
}

function writeTasks(db: Db, targetId: string, tasks: readonly DepartmentTask[]): void {
  db.delete(departmentTasks).where(eq(departmentTasks.targetId, targetId)).run();
  tasks.forEach((task, index) => {
    db.insert(departmentTasks)
      .values({
        id: randomUUID(),
        targetId,
        seq: index + 1,
        function: task.function,
        task: task.task,
        content: task.content ?? '',
        projectCodes: JSON.stringify(task.projectCodes),
        amountFen: task.amountFen,
        fiscalFen: task.fiscalFen ?? null,
        otherFen: task.otherFen ?? null,
      })
      .run();
  });
}

type DepartmentForm = TargetContent & DepartmentBudget & { functions: string; tasks: DepartmentTask[] };

function formOf(db: Db, row: TargetRow): DepartmentForm {
  return {
    ...readContent(db, row),
    basicFen: row.basicFen ?? 0,
    projectFen: row.projectFen ?? 0,
    fiscalFen: row.fiscalFen ?? 0,
    otherFen: row.otherFen ?? 0,
    functions: row.functions ?? '',
    tasks: readTasks(db, row.id),
  };
}

/** The §4 rules, with the projects the unit may link and those it implements (whose budgets 项目支出 must equal). */
const problemsFor = (db: Db, year: number, form: DepartmentForm, unitCode: string, linkable: readonly LinkableProject[]) =>
  checkDepartmentTargets(form, frameworkFor(db, year), rulesFor(db), {
    linkableProjectCodes: new Set(linkable.map((p) => p.code)),
    unitProjects: unitProjectSpending(linkable, unitCode),
  });

/** What stops a stored department-wide target from being submitted. */
export function departmentProblems(db: Db, row: TargetRow): TargetProblem[] {
  const unit = requireUnit(db, row.regionCode, row.ownerCode);
  return problemsFor(db, row.year, formOf(db, row), unit.code, linkableProjects(db, row.year, unit));
}

/**
 * A unit's department-wide targets for a year; when none were saved yet, a form whose 项目支出 is
 * started from the adjusted budgets of the projects the unit implements. `viewer` is who opens it by its
 * address (a 主管部门审核人 only their own department's).
 */
export function departmentTarget(db: Db, year: number, unitCode: string, viewer?: Actor): DepartmentTarget {
  const { region } = requireInstallation(db);
  if (viewer) refuseOtherDepartmentsUnit(db, viewer, region.code, unitCode, '绩效目标');
  const unit = requireUnit(db, region.code, unitCode);
  const linkable = linkableProjects(db, year, unit);
  const row = rowOf(db, region.code, year, unitCode);
  if (row) {
    const form = formOf(db, row);
    return { ...stateOf(db, row, problemsFor(db, year, form, unit.code, linkable)), ...form, unit, projects: linkable };
  }
  const projectFen = unitProjectSpending(linkable, unit.code).adjustedFen;
  const form: DepartmentForm = { overallGoal: '', annualGoals: [], indicators: [], basicFen: 0, projectFen, fiscalFen: projectFen, otherFen: 0, functions: '', tasks: [] };
  return { ...blankState(db, 'department', year, unitCode), ...form, problems: problemsFor(db, year, form, unit.code, linkable), unit, projects: linkable };
}

export function saveDepartmentTarget(db: Db, actor: Actor, input: SaveDepartmentTargetInput): DepartmentTarget {
  const { region } = requireInstallation(db);
  const content = normaliseContent(input);
  const tasks = input.tasks.map((t) => ({
    ...t,
    function: t.function.trim(),
    task: t.task.trim(),
    content: (t.content ?? '').trim(),
    projectCodes: [...new Set(t.projectCodes.map((c) => c.trim()))],
    fiscalFen: t.fiscalFen ?? null,
    otherFen: t.otherFen ?? null,
  }));
  db.transaction((tx) => {
    requireUnit(tx, region.code, input.unitCode);
    const before = rowOf(tx, region.code, input.year, input.unitCode);
    if (before) {
      if (input.version === null) throw new AppError('CONFLICT', '该单位本年度已有部门整体支出绩效目标，请刷新后再编辑');
      refuseStale(before, input.version);
      refuseLocked(before);
    }
    const previous = before ? formOf(tx, before) : undefined;
    const budget = { basicFen: input.basicFen, projectFen: input.projectFen, fiscalFen: input.fiscalFen, otherFen: input.otherFen, functions: input.functions.trim() };
    const identity = { regionCode: region.code, year: input.year, kind: 'department' as const, ownerCode: input.unitCode, projectId: null };
    const id = writeTarget(tx, before, identity, content, budget);
    writeTasks(tx, id, tasks);
    recordAudit(tx, actor, {
      entity: 'target',
      naturalKey: targetKey(identity),
      action: before ? '保存部门整体支出绩效目标' : '新建部门整体支出绩效目标',
      before: previous,
      after: { ...content, ...budget, tasks, targetId: id },
    });
  });
  return departmentTarget(db, input.year, input.unitCode);
}
