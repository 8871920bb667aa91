// The review chain of domain.md §11: where the setting 主管部门审核 is on, a budget unit's submission is
// reviewed first by its supervising department (主管部门) and then by the finance bureau; where it is off,
// by the bureau alone, as before. The record's workflow state (workflow.ts) stays 已送审 all along the
// chain: the step says who it waits for, so packages, lists and the CHECK on statuses are unchanged.
//
// How a workflow uses it (targets today; self-evaluations and monitoring sheets the same way later):
//   - store the step with the record (a nullable `review_step` column) and read it with `stepOf`;
//   - on submit: `firstReviewStep(setting, supervisingDepartment(unitCode, departmentCode))`;
//   - on approve/return: `checkReviewer(step, reviewer, department)` refuses the wrong person, then
//     `reviewOutcome(step, action)` says whether the record moves on to the bureau, is approved or goes
//     back to the unit; keep the department's opinion beside the bureau's so both print on the form;
//   - a 待审核 list shows what `inReviewList` says: a department its own step, everyone else the bureau's;
//   - the channel's permission is `chainedActionPermission` (permissions.ts), which lets the department in.
// Separation of duties (checkSelfReview) applies at each step on its own.
import { refusalReason } from './permissions';
import type { OperatorRole } from './registry';
import type { WorkflowAction, WorkflowState } from './workflow';

export const REVIEW_STEPS = ['department', 'bureau'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const REVIEW_STEP_LABELS: Record<ReviewStep, string> = { department: '主管部门审核', bureau: '财政局审核' };

/** Who is reviewing: the role, and for a 主管部门审核人 the department they are bound to. */
export interface Reviewer {
  role: OperatorRole;
  departmentCode: string | null;
}

/**
 * The department that reviews a unit's submissions first, or null: a unit with no supervising
 * department, and a department's own records, go straight to the bureau (nobody reviews their own).
 */
export const supervisingDepartment = (unitCode: string, departmentCode: string | null): string | null =>
  departmentCode && departmentCode !== unitCode ? departmentCode : null;

/** The step a submission starts at: the department when the setting is on and the unit has one. */
export const firstReviewStep = (departmentStepOn: boolean, department: string | null): ReviewStep =>
  departmentStepOn && department ? 'department' : 'bureau';

/**
 * The step a submitted record waits at now. A stored null is a record submitted before the chain, which
 * waits for the bureau; with the setting turned off, what waited for a department goes to the bureau too,
 * so switching the step off never strands a record.
 */
export const stepOf = (stored: string | null, departmentStepOn: boolean): ReviewStep =>
  stored === 'department' && departmentStepOn ? 'department' : 'bureau';

/** Why this reviewer may not decide at this step of a record supervised by `department`, or null when they may. */
export function checkReviewer(step: ReviewStep, reviewer: Reviewer, department: string | null): string | null {
  if (step === 'department') {
    if (reviewer.role !== 'department') return `该记录正在等待主管部门（${department ?? ''}）审核，主管部门审核通过后才由财政局审核`;
    if (reviewer.departmentCode !== department) return `只能审核本部门（${reviewer.departmentCode ?? '未指定部门'}）所属单位送审的记录，该记录属于主管部门 ${department ?? ''}`;
    return null;
  }
  if (reviewer.role === 'department') return '该记录已到财政局审核环节，主管部门审核人不能再审核';
  return refusalReason(reviewer.role, 'review');
}

/**
 * Whether a submitted record is in this person's 待审核 list: a 主管部门审核人 sees only what waits for
 * their own department; everyone else sees the bureau's list (what a department still holds is not yet
 * the bureau's to review).
 */
export const inReviewList = (step: ReviewStep, reviewer: Reviewer, department: string | null): boolean =>
  reviewer.role === 'department' ? checkReviewer(step, reviewer, department) === null : step === 'bureau';

/**
 * Whether a reviewer's lists show the records of a unit under `department` (its supervising department,
 * or its own code for a department): a 主管部门审核人 sees only their own department's; everyone else all.
 */
export const seesDepartment = (reviewer: Reviewer, department: string | null): boolean =>
  reviewer.role !== 'department' || department === reviewer.departmentCode;

export interface ReviewOutcome {
  status: WorkflowState;
  /** The step the record waits at next; null once it has left the chain (approved or returned). */
  step: ReviewStep | null;
}

/** Where a decision at a step leaves the record: the department's approval passes it to the bureau. */
export function reviewOutcome(step: ReviewStep, action: Extract<WorkflowAction, 'approve' | 'return'>): ReviewOutcome {
  if (action === 'return') return { status: 'returned', step: null };
  return step === 'department' ? { status: 'submitted', step: 'bureau' } : { status: 'approved', step: null };
}

/** A record outside review keeps no step and no department decision (a new submission starts afresh). */
export const LEFT_REVIEW_CHAIN = { reviewStep: null, departmentDecision: null, departmentOpinion: null, departmentDecidedAt: null, departmentDecidedBy: null } as const;

/** The 主管部门's decision on the latest submission, as the form shows and prints it beside the bureau's. */
export interface DepartmentReview {
  decision: 'approve' | 'return';
  opinion: string | null;
  decidedAt: string;
  decidedBy: string | null;
}

/** The review chain's columns as a record stores them (db/schema/common.ts reviewChainColumns). */
export interface ChainColumns {
  reviewStep: ReviewStep | null;
  departmentDecision: 'approve' | 'return' | null;
  departmentOpinion: string | null;
  departmentDecidedAt: string | null;
  departmentDecidedBy: string | null;
}

export const departmentReviewOf = (row: ChainColumns): DepartmentReview | null =>
  row.departmentDecision && row.departmentDecidedAt
    ? { decision: row.departmentDecision, opinion: row.departmentOpinion, decidedAt: row.departmentDecidedAt, decidedBy: row.departmentDecidedBy }
    : null;

/** What the renderer says after a decision at a step: a department's approval only passes the record on. */
export const decisionDoneMessage = (step: ReviewStep, action: Extract<WorkflowAction, 'approve' | 'return'>): string =>
  action === 'return' ? '已退回单位修改' : step === 'department' ? '已转财政局审核' : '已审核通过';
