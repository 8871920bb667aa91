// 目标调整: an approved target is frozen; an in-year change is a separate record with its own approval.
// The record keeps the original (goals and indicator rows as approved) next to the proposal, so the
// history of what was promised survives every adjustment.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { sqlNow, targetAdjustments, targets } from '../../db/schema';
import { mandatoryChangeRefusal } from '../domain/mandatoryIndicators';
import { checkAdjustedContent, summariseProblems, type TargetContent } from '../domain/targets';
import { ACTION_LABELS, transition, type WorkflowState } from '../domain/workflow';
import { chainDecision, decidingStep, departmentStepOn, enteredChain, namedDepartment, refuseSelfReview, requirePermission } from '../registry';
import { chainedActionPermission } from '../domain/permissions';
import { departmentReviewOf, stepOf, type DepartmentReview, type ReviewStep } from '../domain/reviewChain';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { mandatoryFor } from '../library';
import { getProject } from '../projects';
import { frameworkFor, normaliseContent, readContent, refuseStale, requireTarget, rulesFor, sameContent, supervisingDepartmentOf, targetKey, writeIndicators, type TargetRow } from './store';

export interface Adjustment {
  id: string;
  targetId: string;
  seq: number;
  version: number;
  status: WorkflowState;
  reason: string;
  original: TargetContent;
  proposed: TargetContent;
  opinion: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** While submitted: who it waits for (the 主管部门 or the bureau); null otherwise. */
  reviewStep: ReviewStep | null;
  /** The 主管部门 that reviews the unit's adjustments first when the setting is on, or null. */
  department: { code: string; name: string } | null;
  /** The 主管部门's decision on it, kept beside the bureau's opinion. */
  departmentReview: DepartmentReview | null;
}

export interface ProposeAdjustmentInput {
  targetId: string;
  /** The version of the approved target the proposal was made from. */
  targetVersion: number;
  reason: string;
  proposed: TargetContent;
}

export interface DecideAdjustmentInput {
  id: string;
  version: number;
  action: 'approve' | 'return';
  opinion?: string | null;
}

type AdjustmentRow = typeof targetAdjustments.$inferSelect;

/** Where an adjustment stands on the chain: the department that supervises the adjusted target's unit. */
interface ChainView {
  departmentStepOn: boolean;
  department: { code: string; name: string } | null;
}

const chainViewOf = (db: Db, target: TargetRow): ChainView => ({
  departmentStepOn: departmentStepOn(db),
  department: namedDepartment(db, target.regionCode, supervisingDepartmentOf(db, target)),
});

const toAdjustment = (row: AdjustmentRow, chain: ChainView): Adjustment => ({
  id: row.id,
  targetId: row.targetId,
  seq: row.seq,
  version: row.version,
  status: row.status,
  reason: row.reason,
  original: JSON.parse(row.original) as TargetContent,
  proposed: JSON.parse(row.proposed) as TargetContent,
  opinion: row.opinion,
  createdAt: row.createdAt,
  decidedAt: row.decidedAt,
  reviewStep: row.status === 'submitted' ? stepOf(row.reviewStep, chain.departmentStepOn) : null,
  department: chain.departmentStepOn ? chain.department : null,
  departmentReview: departmentReviewOf(row),
});

export function listAdjustments(db: Db, targetId: string): Adjustment[] {
  const chain = chainViewOf(db, requireTarget(db, targetId));
  return db
    .select()
    .from(targetAdjustments)
    .where(and(eq(targetAdjustments.targetId, targetId), eq(targetAdjustments.deleted, false)))
    .orderBy(asc(targetAdjustments.seq))
    .all()
    .map((row) => toAdjustment(row, chain));
}

function requireAdjustment(db: Db, id: string): AdjustmentRow {
  const row = db.select().from(targetAdjustments).where(and(eq(targetAdjustments.id, id), eq(targetAdjustments.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该目标调整不存在或已删除，请刷新后重试');
  return row;
}

/** Proposes a change to an approved target; it goes straight to review (已送审). */
export function proposeAdjustment(db: Db, actor: Actor, input: ProposeAdjustmentInput): Adjustment {
  const proposed = normaliseContent(input.proposed);
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('INVALID_INPUT', '请填写调整原因');
  return db.transaction((tx) => {
    const target = requireTarget(tx, input.targetId);
    refuseStale(target, input.targetVersion);
    if (target.status !== 'approved') throw new AppError('CONFLICT', '只有审核通过的绩效目标才需要办理目标调整；未通过的目标可直接修改');
    const open = listAdjustments(tx, target.id).find((a) => a.status === 'submitted');
    if (open) throw new AppError('CONFLICT', `第 ${open.seq} 次目标调整尚在审核中，请等审核结束后再提出新的调整`);
    const original = readContent(tx, target);
    if (sameContent(original, proposed)) throw new AppError('INVALID_INPUT', '调整后的目标与现行目标完全相同，无需调整');
    const project = target.projectId ? getProject(tx, target.projectId) : null;
    const refusal = project && mandatoryChangeRefusal(original.indicators, proposed.indicators, mandatoryFor(tx, project));
    if (refusal) throw new AppError('INVALID_INPUT', `目标调整不能去掉固化指标：${refusal}`);
    const keyProject = project?.keyProject ?? false;
    const problems = checkAdjustedContent(proposed, frameworkFor(tx, target.year), rulesFor(tx), keyProject);
    if (problems.length) throw new AppError('INVALID_INPUT', `调整后的目标还有 ${problems.length} 处需要修改：${summariseProblems(problems)}`);
    const seq = (tx.select({ n: max(targetAdjustments.seq) }).from(targetAdjustments).where(eq(targetAdjustments.targetId, target.id)).get()?.n ?? 0) + 1;
    const id = randomUUID();
    tx.insert(targetAdjustments)
      .values({ id, targetId: target.id, seq, status: 'submitted', reason, original: JSON.stringify(original), proposed: JSON.stringify(proposed), proposedBy: actor.id, ...enteredChain(tx, supervisingDepartmentOf(tx, target)) })
      .run();
    recordAudit(tx, actor, { entity: 'target', naturalKey: targetKey(target), action: `提出第 ${seq} 次目标调整`, before: original, after: proposed, opinion: reason });
    return toAdjustment(requireAdjustment(tx, id), chainViewOf(tx, target));
  });
}

/**
 * Approves or returns an adjustment. Approval puts the proposed goals and rows in force on the target
 * (a new version of it, still approved); the adjustment keeps the original either way. An adjustment of a
 * unit's target passes its 主管部门 first when the setting is on, as the target did (reviewChain.ts).
 */
export function decideAdjustment(db: Db, actor: Actor, input: DecideAdjustmentInput): Adjustment {
  return db.transaction((tx) => {
    const before = requireAdjustment(tx, input.id);
    refuseStale(before, input.version, '该目标调整');
    const move = transition(before.status, input.action, input.opinion);
    if (!move.ok) throw new AppError('CONFLICT', move.message);
    requirePermission(tx, actor, chainedActionPermission(input));
    const target = requireTarget(tx, before.targetId);
    const step = decidingStep(tx, actor, { reviewStep: before.reviewStep, department: supervisingDepartmentOf(tx, target) });
    refuseSelfReview(tx, actor, before.proposedBy, { entity: 'target', naturalKey: targetKey(target) });
    const opinion = input.opinion?.trim() || null;
    const { outcome, fields } = chainDecision(actor, step, input.action, opinion);
    if (outcome.status === 'approved') {
      const proposed = JSON.parse(before.proposed) as TargetContent;
      tx.update(targets)
        .set({ overallGoal: proposed.overallGoal, annualGoals: JSON.stringify(proposed.annualGoals), version: target.version + 1, updatedAt: sqlNow })
        .where(eq(targets.id, target.id))
        .run();
      writeIndicators(tx, target.id, proposed.indicators);
    }
    // A department's pass decides nothing yet: the adjustment waits for the bureau with its opinion kept aside.
    const decided = outcome.status === 'submitted' ? {} : { opinion, decidedAt: sqlNow };
    tx.update(targetAdjustments)
      .set({ status: outcome.status, ...fields, ...decided, version: before.version + 1, updatedAt: sqlNow })
      .where(eq(targetAdjustments.id, before.id))
      .run();
    recordAudit(tx, actor, {
      entity: 'target',
      naturalKey: targetKey(target),
      action: `第 ${before.seq} 次目标调整${step === 'department' ? '主管部门' : ''}${ACTION_LABELS[input.action]}`,
      before: { status: before.status, reviewStep: before.reviewStep },
      after: { status: outcome.status, reviewStep: outcome.step },
      opinion,
    });
    return toAdjustment(requireAdjustment(tx, before.id), chainViewOf(tx, target));
  });
}
