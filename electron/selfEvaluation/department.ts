// 部门整体支出绩效自评: one self-evaluation per unit and year, on its approved department-wide target.
// It lives in the project self-evaluations' table (kind department), so it is saved, submitted, reviewed,
// locked, spot-checked and exchanged by the same functions; only its start and its list are its own.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { departmentTasks, projects, selfEvaluationIndicators, selfEvaluations, selfEvaluationTasks, targetIndicators, targets, units } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { percent } from '../domain/ratio';
import { blockRows, shownTotal, type DepartmentFundBlock, type FundFigures, type ScoringSettings } from '../domain/selfEvaluation';
import { WORKFLOW_LABELS, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { requireInstallation, requirePermission } from '../registry';
import { prefilledFunds } from './prefill';
import { getSelfEvaluation, storeTotal, type SelfEvaluationDetail, type SelfEvaluationStanding } from './selfEvaluations';
import { assessRecord, departmentFundColumns, loadSelfEvaluations, requireSelfEvaluation, scoringRules, scoringSettingsOf, selfEvaluationKey } from './store';

const ENTITY = 'self-evaluation';

/** A row of the year's 部门整体 list: a unit's approved department-wide target and where its self-evaluation stands. */
export interface DepartmentSelfEvaluationListRow extends SelfEvaluationStanding {
  targetId: string;
  unitCode: string;
  unitName: string;
}

export interface DepartmentSelfEvaluationListFilter {
  year: number;
  /** 'none' for the units nobody has started on. */
  status?: WorkflowState | 'none';
}

export function listDepartmentSelfEvaluations(db: Db, filter: DepartmentSelfEvaluationListFilter): DepartmentSelfEvaluationListRow[] {
  const { region } = requireInstallation(db);
  const rules = scoringRules(db);
  const started = new Map(loadSelfEvaluations(db, { year: filter.year, kind: 'department' }).map((r) => [r.targetId, r]));
  return db
    .select({ targetId: targets.id, unitCode: targets.ownerCode, unitName: sql<string>`coalesce(${units.name}, ${targets.ownerCode})` })
    .from(targets)
    .leftJoin(units, and(eq(units.regionCode, targets.regionCode), eq(units.code, targets.ownerCode)))
    .where(and(eq(targets.regionCode, region.code), eq(targets.year, filter.year), eq(targets.kind, 'department'), eq(targets.status, 'approved'), eq(targets.deleted, false)))
    .orderBy(asc(targets.ownerCode))
    .all()
    .map((target): DepartmentSelfEvaluationListRow => {
      const record = started.get(target.targetId);
      if (!record) return { ...target, id: null, status: null, executionRate: null, totalScore: null, grade: null, updatedAt: null };
      const assessment = assessRecord(record, rules);
      return { ...target, id: record.id, status: record.status, executionRate: percent(assessment.budget.rate), ...shownTotal(assessment), updatedAt: record.updatedAt };
    })
    .filter((row) => !filter.status || (row.status ?? 'none') === filter.status);
}

/**
 * 年初预算数 is what the approved target split into 基本支出 and 项目支出. 项目支出's 全年预算数 and 全年执行数
 * are the sums over the projects the unit implements that year — their adjusted budgets, and the execution
 * of the last monitoring round that reported on each — since in-year changes and execution are recorded
 * per project; a unit with no project keeps the target's 项目支出 and leaves its execution to be entered.
 * Nothing in the program records 基本支出's execution: its 全年预算数 starts from the target and its
 * 全年执行数 is left for the unit to enter from its final accounts.
 */
function prefilledDepartmentFunds(db: Db, target: typeof targets.$inferSelect, settings: ScoringSettings): DepartmentFundBlock {
  const own = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.regionCode, target.regionCode), eq(projects.year, target.year), eq(projects.unitCode, target.ownerCode), eq(projects.deleted, false)))
    .all();
  const projectTotals = own.map((p) => blockRows(prefilledFunds(db, p.id, settings))[0]!);
  const sum = (figure: keyof FundFigures) => projectTotals.reduce((total, p) => total + p[figure], 0);
  const basic = target.basicFen ?? 0;
  const planned = target.projectFen ?? 0;
  return {
    basicSpending: { initialFen: basic, adjustedFen: basic, executedFen: 0 },
    projectSpending: { initialFen: planned, adjustedFen: own.length > 0 ? sum('adjustedFen') : planned, executedFen: sum('executedFen') },
  };
}

/** 年度主要任务: the approved task table, or, for a target without one, its annual goals one task each. */
function approvedTasks(db: Db, target: typeof targets.$inferSelect): { function: string; task: string; amountFen: number }[] {
  const table = db.select().from(departmentTasks).where(eq(departmentTasks.targetId, target.id)).orderBy(asc(departmentTasks.seq)).all();
  if (table.length > 0) return table.map((t) => ({ function: t.function, task: t.task, amountFen: t.amountFen }));
  return (JSON.parse(target.annualGoals) as string[]).filter((g) => g.trim() !== '').map((task) => ({ function: '', task, amountFen: 0 }));
}

/** Starts the 部门整体支出绩效自评表 of a unit's approved department-wide target, prefilled. */
export function createDepartmentSelfEvaluation(db: Db, actor: Actor, input: { targetId: string }): SelfEvaluationDetail {
  requirePermission(db, actor, 'enter');
  const id = randomUUID();
  const rules = scoringRules(db);
  db.transaction((tx) => {
    const target = tx.select().from(targets).where(and(eq(targets.id, input.targetId), eq(targets.deleted, false))).get();
    if (!target || target.kind !== 'department') throw new AppError('NOT_FOUND', '该部门整体绩效目标不存在或已删除，请刷新后重试');
    const unitName = tx.select({ name: units.name }).from(units).where(and(eq(units.regionCode, target.regionCode), eq(units.code, target.ownerCode))).get()?.name ?? target.ownerCode;
    if (target.status !== 'approved') {
      throw new AppError('CONFLICT', `“${unitName}”的部门整体绩效目标当前为“${WORKFLOW_LABELS[target.status]}”，尚未批复，不能自评。请待目标审核通过后再开展自评`);
    }
    const key = { regionCode: target.regionCode, year: target.year, kind: 'department' as const, projectCode: target.ownerCode };
    const existing = tx
      .select({ id: selfEvaluations.id })
      .from(selfEvaluations)
      .where(and(eq(selfEvaluations.regionCode, key.regionCode), eq(selfEvaluations.year, key.year), eq(selfEvaluations.kind, 'department'), eq(selfEvaluations.projectCode, key.projectCode)))
      .get();
    if (existing) throw new AppError('CONFLICT', `“${unitName}”已有 ${target.year} 年的部门整体支出绩效自评表，请在列表中打开它`);
    const funds = prefilledDepartmentFunds(tx, target, scoringSettingsOf(rules));
    tx.insert(selfEvaluations)
      .values({ id, ...key, projectId: null, targetId: target.id, unitCode: target.ownerCode, goalExpected: target.overallGoal, ...departmentFundColumns(funds) })
      .run();
    const approvedRows = tx.select().from(targetIndicators).where(eq(targetIndicators.targetId, target.id)).orderBy(asc(targetIndicators.seq)).all();
    approvedRows.forEach((row, n) => {
      const { level1, level2, name, operator, unit, weight, accrual } = row;
      tx.insert(selfEvaluationIndicators).values({ id: randomUUID(), selfEvaluationId: id, indicatorId: row.id, seq: n + 1, level1, level2, name, operator, targetValue: row.value, unit, weight, accrual }).run();
    });
    const tasks = approvedTasks(tx, target);
    tasks.forEach((task, n) => tx.insert(selfEvaluationTasks).values({ id: randomUUID(), selfEvaluationId: id, seq: n + 1, ...task }).run());
    storeTotal(tx, requireSelfEvaluation(tx, id), rules);
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: selfEvaluationKey(key), action: '新建部门整体自评表', after: { indicators: approvedRows.length, tasks: tasks.length } });
  });
  return getSelfEvaluation(db, id, undefined, rules);
}
