// 评价计划: each year the bureau (财政评价) or a 主管部门 (部门评价) chooses the projects to evaluate by rule
// — key projects, an amount, 衔接资金, a random draw with a recorded seed, or by hand — and each chosen
// project remembers why. The page shows the coverage with the domain's coverageOf over the same rows.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { evaluationPlanItems, evaluationPlans, evaluations } from '../../../db/schema';
import { recordAudit, type Actor } from '../../audit/audit';
import { PLAN_KIND_LABELS, ruleProblem, selectByRule, type PlanKind, type PlanProject, type SelectionRule } from '../../domain/evaluationPlans';
import type { Fen } from '../../domain/money';
import { AppError } from '../../errors';
import { projectsWithFunds } from '../../projects';
import type { WorkflowState } from '../../domain/workflow';
import { listUnits, requireInstallation, requirePermission } from '../../registry';
import { refusePlanOutsideRole } from './scope';
import { assignmentsOfPlan, type Assignment } from './assignments';

export interface PlanScope {
  year: number;
  kind: PlanKind;
  /** The 主管部门 of a 部门评价; null for the bureau's 财政评价. */
  departmentCode: string | null;
}

/** A project of the year as the plan page lists it. */
export interface PlanProjectRow extends PlanProject {
  name: string;
  unitCode: string;
  unitName: string;
  departmentName: string;
}

export interface PlanItem {
  id: string;
  projectId: string;
  rule: SelectionRule['kind'];
  reason: string;
  seed: string | null;
  addedAt: string;
  addedBy: string;
  evaluators: Assignment[];
  /** The evaluation carrying the item out, once started. */
  evaluation: { id: string; status: WorkflowState; grade: string | null } | null;
}

export interface PlanView {
  plan: { id: string; createdAt: string; createdBy: string } | null;
  /** Every project the plan may cover: the year's, or the department's units' for a 部门评价. */
  projects: PlanProjectRow[];
  items: PlanItem[];
}

export const planKey = (regionCode: string, scope: PlanScope) => `${regionCode}/${scope.year}/${scope.kind}${scope.departmentCode ? `/${scope.departmentCode}` : ''}`;

function checkScope(db: Db, scope: PlanScope): void {
  if (scope.kind === 'department' && !scope.departmentCode) throw new AppError('INVALID_INPUT', '部门评价要选择开展评价的主管部门');
  if (scope.kind === 'finance' && scope.departmentCode) throw new AppError('INVALID_INPUT', '财政评价由财政局开展，不选主管部门');
  if (scope.departmentCode && !listUnits(db).some((u) => u.code === scope.departmentCode && u.isDepartment)) {
    throw new AppError('INVALID_INPUT', `单位 ${scope.departmentCode} 不是已登记的主管部门，请重新选择`);
  }
}

/** Reason of a project added to the plan from 新建评价 rather than by a rule on the plan page. */
export const HAND_ADDED = '手动添加';

export function planProjects(db: Db, scope: PlanScope): PlanProjectRow[] {
  const unitNames = new Map(listUnits(db).map((u) => [u.code, u.name]));
  return projectsWithFunds(db, scope.year)
    .filter((p) => !scope.departmentCode || p.departmentCode === scope.departmentCode)
    .map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      unitCode: p.unitCode,
      unitName: unitNames.get(p.unitCode) ?? p.unitCode,
      departmentCode: p.departmentCode,
      departmentName: unitNames.get(p.departmentCode) ?? p.departmentCode,
      keyProject: p.keyProject,
      povertyFund: p.povertyFund,
      adjustedFen: p.totals.adjustedFen as Fen,
    }));
}

function findPlan(db: Db, scope: PlanScope) {
  const { region } = requireInstallation(db);
  return db
    .select()
    .from(evaluationPlans)
    .where(and(eq(evaluationPlans.regionCode, region.code), eq(evaluationPlans.year, scope.year), eq(evaluationPlans.kind, scope.kind), eq(evaluationPlans.departmentCode, scope.departmentCode ?? '')))
    .get();
}

export function getPlan(db: Db, scope: PlanScope): PlanView {
  checkScope(db, scope);
  const plan = findPlan(db, scope);
  const projects = planProjects(db, scope);
  if (!plan) return { plan: null, projects, items: [] };
  const evaluators = assignmentsOfPlan(db, plan.id);
  const rows = db.select().from(evaluationPlanItems).where(eq(evaluationPlanItems.planId, plan.id)).all();
  const carried = evaluationsOfItems(db, rows.map((r) => r.id));
  const items = rows.map(({ planId: _plan, ...item }) => ({ ...item, evaluators: evaluators.filter((a) => a.planItemId === item.id), evaluation: carried.get(item.id) ?? null }));
  const order = new Map(projects.map((p, i) => [p.id, i]));
  items.sort((a, b) => (order.get(a.projectId) ?? 0) - (order.get(b.projectId) ?? 0));
  return { plan: { id: plan.id, createdAt: plan.createdAt, createdBy: plan.createdBy }, projects, items };
}

function evaluationsOfItems(db: Db, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, NonNullable<PlanItem['evaluation']>>();
  const rows = db
    .select({ planItemId: evaluations.planItemId, id: evaluations.id, status: evaluations.status, grade: evaluations.grade })
    .from(evaluations)
    .where(and(inArray(evaluations.planItemId, [...itemIds]), eq(evaluations.deleted, false)))
    .all();
  return new Map(rows.map(({ planItemId, ...evaluation }) => [planItemId!, evaluation]));
}

/** The plan item of a project in the plan of its scope, or undefined. */
export function planItemOf(db: Db, scope: PlanScope, projectId: string): { id: string } | undefined {
  const plan = findPlan(db, scope);
  if (!plan) return undefined;
  return db.select({ id: evaluationPlanItems.id }).from(evaluationPlanItems).where(and(eq(evaluationPlanItems.planId, plan.id), eq(evaluationPlanItems.projectId, projectId))).get();
}

/** Puts a project not in the plan into it by hand (新建评价 asked first), reason 手动添加; returns the item. */
export function addByHand(db: Db, actor: Actor, scope: PlanScope, projectId: string): string {
  refusePlanOutsideRole(db, actor, scope);
  const { region } = requireInstallation(db);
  const project = planProjects(db, scope).find((p) => p.id === projectId);
  if (!project) throw new AppError('INVALID_INPUT', '该项目不在本计划可选范围内（部门评价只评本部门所属单位的项目），请重新选择');
  const planId = planOrCreate(db, actor, scope);
  const id = randomUUID();
  db.insert(evaluationPlanItems).values({ id, planId, projectId, rule: 'hand', reason: HAND_ADDED, addedBy: actor.name }).run();
  recordAudit(db, actor, { entity: 'evaluation-plan', naturalKey: planKey(region.code, scope), action: '加入评价项目', after: { rule: { kind: 'hand' }, reason: HAND_ADDED, projects: [project.code] } });
  return id;
}

function planOrCreate(db: Db, actor: Actor, scope: PlanScope): string {
  const existing = findPlan(db, scope);
  if (existing) return existing.id;
  const { region } = requireInstallation(db);
  const id = randomUUID();
  db.insert(evaluationPlans).values({ id, regionCode: region.code, year: scope.year, kind: scope.kind, departmentCode: scope.departmentCode ?? '', createdBy: actor.name }).run();
  recordAudit(db, actor, { entity: 'evaluation-plan', naturalKey: planKey(region.code, scope), action: `新建${PLAN_KIND_LABELS[scope.kind]}计划` });
  return id;
}

export interface AddByRuleInput extends PlanScope {
  /** A draw without a seed gets one made here, and recorded on every item it drew. */
  rule: SelectionRule | { kind: 'draw'; share: number; seed: string | null };
}

/** Adds what the rule selects among the projects not in the plan yet; the plan is made on first use. */
export function addByRule(db: Db, actor: Actor, input: AddByRuleInput): PlanView {
  refusePlanOutsideRole(db, actor, input);
  checkScope(db, input);
  const { region } = requireInstallation(db);
  const rule: SelectionRule = input.rule.kind === 'draw' ? { ...input.rule, seed: input.rule.seed?.trim() || randomUUID().slice(0, 8) } : input.rule;
  const problem = ruleProblem(rule);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const scope: PlanScope = { year: input.year, kind: input.kind, departmentCode: input.departmentCode };
  const { items, projects } = getPlan(db, scope);
  const inPlan = new Set(items.map((i) => i.projectId));
  const candidates = projects.filter((p) => !inPlan.has(p.id));
  if (rule.kind === 'hand' && rule.projectIds.some((id) => !candidates.some((p) => p.id === id))) {
    throw new AppError('INVALID_INPUT', '所选项目不在本计划可选范围内，或已在计划中，请刷新后重新选择');
  }
  const chosen = selectByRule(candidates, rule);
  if (chosen.length === 0) throw new AppError('INVALID_INPUT', '按这条规则没有可加入的项目：符合条件的项目都已在计划中，或本年度没有这样的项目');
  db.transaction((tx) => {
    const planId = planOrCreate(tx, actor, scope);
    for (const { project, reason } of chosen) {
      tx.insert(evaluationPlanItems).values({ id: randomUUID(), planId, projectId: project.id, rule: rule.kind, reason, seed: rule.kind === 'draw' ? rule.seed : null, addedBy: actor.name }).run();
    }
    recordAudit(tx, actor, {
      entity: 'evaluation-plan',
      naturalKey: planKey(region.code, scope),
      action: '加入评价项目',
      after: { rule, projects: chosen.map((c) => c.project.code) },
    });
  });
  return getPlan(db, scope);
}

/** Takes a project out of its plan with its assignments (the page asks first), logged with why it was in. */
export function removeFromPlan(db: Db, actor: Actor, input: { itemId: string }): void {
  requirePermission(db, actor, 'evaluate');
  const { region } = requireInstallation(db);
  const item = db
    .select({ id: evaluationPlanItems.id, reason: evaluationPlanItems.reason, projectId: evaluationPlanItems.projectId, year: evaluationPlans.year, kind: evaluationPlans.kind, departmentCode: evaluationPlans.departmentCode })
    .from(evaluationPlanItems)
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, evaluationPlanItems.planId))
    .where(eq(evaluationPlanItems.id, input.itemId))
    .get();
  if (!item) throw new AppError('NOT_FOUND', '该项目已不在评价计划中，请刷新后重试');
  const scope: PlanScope = { year: item.year, kind: item.kind, departmentCode: item.departmentCode || null };
  refusePlanOutsideRole(db, actor, scope);
  const code = planProjects(db, scope).find((p) => p.id === item.projectId)?.code ?? item.projectId;
  if (evaluationsOfItems(db, [item.id]).size > 0) throw new AppError('CONFLICT', `项目 ${code} 已开始评价，不能移出计划：评价记录须与计划对应`);
  db.transaction((tx) => {
    tx.delete(evaluationPlanItems).where(eq(evaluationPlanItems.id, item.id)).run();
    recordAudit(tx, actor, { entity: 'evaluation-plan', naturalKey: planKey(region.code, scope), action: '移出评价项目', before: { project: code, reason: item.reason } });
  });
}

/** The plans of a year, for the list of kinds and departments that have one. */
export function plansOfYear(db: Db, year: number): PlanScope[] {
  const { region } = requireInstallation(db);
  return db
    .select({ kind: evaluationPlans.kind, departmentCode: evaluationPlans.departmentCode })
    .from(evaluationPlans)
    .where(and(eq(evaluationPlans.regionCode, region.code), eq(evaluationPlans.year, year)))
    .orderBy(asc(evaluationPlans.kind), asc(evaluationPlans.departmentCode))
    .all()
    .map((p) => ({ year, kind: p.kind, departmentCode: p.departmentCode || null }));
}
