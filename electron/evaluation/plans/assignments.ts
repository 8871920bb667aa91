// The evaluators of a plan item: experts from 专家库 and a third-party firm. An expert is refused when the
// conflict-of-interest rule (electron/domain/experts.ts) says so — the evaluated unit is their own, shares
// their 主管部门, or is a conflict they declared — or when they are 暂停.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { evaluationAssignments, evaluationPlanItems, evaluationPlans, experts, firms, projects } from '../../../db/schema';
import { recordAudit, type Actor } from '../../audit/audit';
import { expertConflict, roleProblem, type EvaluatorRole, type UnitPlace } from '../../domain/experts';
import { supervisingDepartment } from '../../domain/reviewChain';
import { AppError } from '../../errors';
import { getExpert, getFirm } from '../../experts';
import { listUnits, requireInstallation } from '../../registry';
import { refusePlanOutsideRole } from './scope';

export interface Assignment {
  id: string;
  planItemId: string;
  expertId: string | null;
  firmId: string | null;
  /** The expert's or the firm's name, with the expert's organisation. */
  name: string;
  organisation: string;
  role: string;
  assignedAt: string;
  assignedBy: string;
}

export function assignmentsOfPlan(db: Db, planId: string): Assignment[] {
  const itemIds = db.select({ id: evaluationPlanItems.id }).from(evaluationPlanItems).where(eq(evaluationPlanItems.planId, planId));
  const rows = db.select().from(evaluationAssignments).where(inArray(evaluationAssignments.planItemId, itemIds)).all();
  const expertNames = new Map(db.select({ id: experts.id, name: experts.name, organisation: experts.organisation }).from(experts).all().map((e) => [e.id, e]));
  const firmNames = new Map(db.select({ id: firms.id, name: firms.name }).from(firms).all().map((f) => [f.id, f.name]));
  return rows
    .map((row) => {
      const expert = row.expertId ? expertNames.get(row.expertId) : undefined;
      return {
        ...row,
        name: expert?.name ?? firmNames.get(row.firmId ?? '') ?? '',
        organisation: expert ? expert.organisation : '第三方机构',
      };
    })
    .sort((a, b) => (a.firmId ? 0 : a.role === '组长' ? 1 : 2) - (b.firmId ? 0 : b.role === '组长' ? 1 : 2) || a.assignedAt.localeCompare(b.assignedAt));
}

/** The evaluators of one plan item, in the plan's order (the firm, the 组长, the members). */
export function assignmentsOfItem(db: Db, planItemId: string): Assignment[] {
  const item = db.select({ planId: evaluationPlanItems.planId }).from(evaluationPlanItems).where(eq(evaluationPlanItems.id, planItemId)).get();
  return item ? assignmentsOfPlan(db, item.planId).filter((a) => a.planItemId === planItemId) : [];
}

export type AssignInput = { planItemId: string; role: EvaluatorRole } & ({ expertId: string; firmId?: undefined } | { firmId: string; expertId?: undefined });

/** The project of a plan item, the unit it is evaluated at, and the plan's scope. */
function evaluatedOf(db: Db, planItemId: string) {
  const row = db
    .select({ year: evaluationPlans.year, kind: evaluationPlans.kind, planDepartment: evaluationPlans.departmentCode, code: projects.code, unitCode: projects.unitCode, departmentCode: projects.departmentCode })
    .from(evaluationPlanItems)
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, evaluationPlanItems.planId))
    .innerJoin(projects, eq(projects.id, evaluationPlanItems.projectId))
    .where(eq(evaluationPlanItems.id, planItemId))
    .get();
  if (!row) throw new AppError('NOT_FOUND', '该项目已不在评价计划中，请刷新后重试');
  return row;
}

/** Only who may change the item's plan assigns its evaluators (a 主管部门审核人 its own 部门评价's). */
function refuseOutsidePlan(db: Db, actor: Actor, evaluated: ReturnType<typeof evaluatedOf>): void {
  refusePlanOutsideRole(db, actor, { year: evaluated.year, kind: evaluated.kind, departmentCode: evaluated.planDepartment || null });
}

export function assignEvaluator(db: Db, actor: Actor, input: AssignInput): Assignment {
  const { region } = requireInstallation(db);
  const evaluated = evaluatedOf(db, input.planItemId);
  refuseOutsidePlan(db, actor, evaluated);
  const units = listUnits(db);
  const place = (unit: (typeof units)[number]): UnitPlace => ({ code: unit.code, name: unit.name, departmentCode: supervisingDepartment(unit.code, unit.departmentCode) ?? unit.code });
  const evaluatedUnit = units.find((u) => u.code === evaluated.unitCode);
  const evaluatedPlace = evaluatedUnit ? { ...place(evaluatedUnit), departmentCode: evaluated.departmentCode } : { code: evaluated.unitCode, name: evaluated.unitCode, departmentCode: evaluated.departmentCode };
  const problem = roleProblem(input.role, input.expertId === undefined ? 'firm' : 'expert');
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const existing = db.select().from(evaluationAssignments).where(eq(evaluationAssignments.planItemId, input.planItemId)).all();
  let name: string;
  if (input.expertId !== undefined) {
    const expert = getExpert(db, input.expertId);
    name = expert.name;
    // An organisation typed without its code is still the unit of that exact name.
    const own = units.find((u) => (expert.unitCode ? u.code === expert.unitCode : u.name === expert.organisation));
    const expertUnit = own ? place(own) : null;
    const conflict = expertConflict({
      expert,
      evaluated: evaluatedPlace,
      expertUnit,
      departmentName: units.find((u) => u.code === expertUnit?.departmentCode)?.name ?? expertUnit?.departmentCode ?? '',
      declared: expert.conflicts,
    });
    if (conflict) throw new AppError('CONFLICT', `${conflict}（被评价项目 ${evaluated.code}）`);
    if (existing.some((a) => a.expertId === expert.id)) throw new AppError('CONFLICT', `专家${expert.name}已指派到该项目`);
    if (input.role === '组长' && existing.some((a) => a.role === '组长')) throw new AppError('CONFLICT', '该项目已有评价组长，请把本专家指派为“成员”，或先撤销原组长');
  } else {
    const firm = getFirm(db, input.firmId);
    name = firm.name;
    if (existing.some((a) => a.firmId)) throw new AppError('CONFLICT', '该项目已委托一家第三方机构，如需更换请先撤销原委托');
  }
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(evaluationAssignments).values({ id, planItemId: input.planItemId, expertId: input.expertId ?? null, firmId: input.firmId ?? null, role: input.role, assignedBy: actor.name }).run();
    recordAudit(tx, actor, { entity: 'evaluation-plan', naturalKey: `${region.code}/${evaluated.year}/${evaluated.code}`, action: input.expertId ? '指派评价专家' : '委托第三方机构', after: { name, role: input.role } });
  });
  return assignmentOf(db, id);
}

function assignmentOf(db: Db, id: string): Assignment {
  const item = db.select({ planId: evaluationPlanItems.planId }).from(evaluationAssignments).innerJoin(evaluationPlanItems, eq(evaluationPlanItems.id, evaluationAssignments.planItemId)).where(eq(evaluationAssignments.id, id)).get()!;
  return assignmentsOfPlan(db, item.planId).find((a) => a.id === id)!;
}

export function unassignEvaluator(db: Db, actor: Actor, input: { id: string }): void {
  const { region } = requireInstallation(db);
  const assignment = db.select().from(evaluationAssignments).where(eq(evaluationAssignments.id, input.id)).get();
  if (!assignment) throw new AppError('NOT_FOUND', '该指派已撤销，请刷新后重试');
  const named = assignmentOf(db, input.id);
  const evaluated = evaluatedOf(db, assignment.planItemId);
  refuseOutsidePlan(db, actor, evaluated);
  db.transaction((tx) => {
    tx.delete(evaluationAssignments).where(and(eq(evaluationAssignments.id, input.id))).run();
    recordAudit(tx, actor, { entity: 'evaluation-plan', naturalKey: `${region.code}/${evaluated.year}/${evaluated.code}`, action: '撤销评价人员', before: { name: named.name, role: named.role } });
  });
}
