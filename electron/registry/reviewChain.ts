// The review chain (domain/reviewChain.ts) as the services apply it to a stored record: the setting, the
// department that supervises a project or a unit, who may decide at the step the record waits at, and
// the columns a submission and a decision write. Targets, their adjustments and self-evaluations use it.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, sqlNow, units } from '../../db/schema';
import {
  checkReviewer,
  firstReviewStep,
  LEFT_REVIEW_CHAIN,
  reviewOutcome,
  seesDepartment,
  stepOf,
  supervisingDepartment,
  type ChainColumns,
  type ReviewOutcome,
  type ReviewStep,
} from '../domain/reviewChain';
import { AppError } from '../errors';
import type { Actor } from '../audit/audit';
import { settingValue } from '../settings';
import { reviewerOf } from './operators';

/** Whether the setting 主管部门审核 sends units' submissions to their department first. */
export const departmentStepOn = (db: Db) => settingValue<string>(db, 'review.departmentStep') === 'on';

/** The 主管部门 that reviews a project's records first; null for a department's own projects. */
export function projectDepartment(db: Db, projectId: string): string | null {
  const project = db.select({ unitCode: projects.unitCode, departmentCode: projects.departmentCode }).from(projects).where(eq(projects.id, projectId)).get();
  return project ? supervisingDepartment(project.unitCode, project.departmentCode) : null;
}

/** The 主管部门 that reviews a unit's records first; null for a department itself or an unknown unit. */
export function unitDepartment(db: Db, regionCode: string, unitCode: string): string | null {
  const unit = db
    .select({ departmentCode: units.departmentCode })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.code, unitCode), eq(units.deleted, false)))
    .get();
  return unit ? supervisingDepartment(unitCode, unit.departmentCode) : null;
}

/** A department by code with its name from the register, as the form shows who reviews first. */
export function namedDepartment(db: Db, regionCode: string, code: string | null): { code: string; name: string } | null {
  if (!code) return null;
  const unit = db.select({ name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.code, code))).get();
  return { code, name: unit?.name ?? code };
}

/** The chain's columns a submission writes: the first step, and nothing left of an earlier round's decision. */
export const enteredChain = (db: Db, department: string | null) => ({ ...LEFT_REVIEW_CHAIN, reviewStep: firstReviewStep(departmentStepOn(db), department) });

/** A record on the chain: the step it stores and the department that supervises it. */
export interface ChainedRecord {
  reviewStep: string | null;
  department: string | null;
}

/** The step the record waits at, refusing anyone the chain does not let decide there. */
export function decidingStep(db: Db, actor: Actor, record: ChainedRecord): ReviewStep {
  const step = stepOf(record.reviewStep, departmentStepOn(db));
  const problem = checkReviewer(step, reviewerOf(db, actor), record.department);
  if (problem) throw new AppError('FORBIDDEN', problem);
  return step;
}

/** The chain's columns as an update writes them (the decision's time is the database's). */
export type ChainUpdate = { [K in keyof ChainColumns]?: ChainColumns[K] | SQL };

/** Where a decision at `step` leaves the record, and the chain's columns it writes (the department's own decision kept). */
export function chainDecision(actor: Actor, step: ReviewStep, action: 'approve' | 'return', opinion: string | null): { outcome: ReviewOutcome; fields: ChainUpdate } {
  const outcome = reviewOutcome(step, action);
  if (step === 'bureau') return { outcome, fields: { reviewStep: outcome.step } };
  return {
    outcome,
    fields: { reviewStep: outcome.step, departmentDecision: action, departmentOpinion: opinion, departmentDecidedAt: sqlNow, departmentDecidedBy: actor.name },
  };
}

/**
 * Refuses a 主管部门审核人 a record of another department's unit opened by its address (the lists only
 * filter): `department` is the department the record belongs to (its own code for a department's own).
 */
function refuseOtherDepartment(db: Db, actor: Actor, department: string | null, what: string): void {
  const reviewer = reviewerOf(db, actor);
  if (seesDepartment(reviewer, department)) return;
  throw new AppError('FORBIDDEN', `主管部门审核人只能查看本部门（${reviewer.departmentCode ?? '未指定部门'}）所属单位的${what}，该${what}属于其他主管部门`);
}

export function refuseOtherDepartmentsProject(db: Db, actor: Actor, projectId: string, what: string): void {
  const project = db.select({ departmentCode: projects.departmentCode }).from(projects).where(eq(projects.id, projectId)).get();
  refuseOtherDepartment(db, actor, project?.departmentCode ?? null, what);
}

export function refuseOtherDepartmentsUnit(db: Db, actor: Actor, regionCode: string, unitCode: string, what: string): void {
  const unit = db.select({ departmentCode: units.departmentCode }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.code, unitCode))).get();
  refuseOtherDepartment(db, actor, unit ? (unit.departmentCode ?? unitCode) : null, what);
}
