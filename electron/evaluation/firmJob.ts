// A 财政评价 done by a third-party firm: the firm's job of the year (its engagement, with the contract)
// is linked to the evaluation, and once the evaluation is approved the bureau rates the job from it
// (rateEngagement, 1–5 with a comment). A firm's past evaluations, with their grades, come from here.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { evaluations, firmEngagements, sqlNow } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import type { EvaluationKind } from '../domain/evaluation';
import type { WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { rateEngagement, type Engagement } from '../experts';
import { requirePermission } from '../registry';
import { ENTITY, evaluationKey, getEvaluation, refuseKindForRole, refuseLocked, requireRow, type EvaluationDetail } from './evaluations';

/** Links the assigned firm's job of the year to the evaluation while it may be edited. */
export function linkEngagement(db: Db, actor: Actor, input: { id: string; engagementId: string }): EvaluationDetail {
  requirePermission(db, actor, 'evaluate');
  db.transaction((tx) => {
    const detail = getEvaluation(tx, input.id, actor);
    refuseKindForRole(tx, actor, detail.kind);
    refuseLocked(detail);
    const job = detail.engagementChoices.find((e) => e.id === input.engagementId);
    if (!job) throw new AppError('INVALID_INPUT', `只能选择受托机构 ${detail.year} 年的委托业务：请先在“第三方机构”中登记该机构本年度的合同`);
    tx.update(evaluations).set({ engagementId: job.id, updatedAt: sqlNow }).where(eq(evaluations.id, input.id)).run();
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: evaluationKey(requireRow(tx, input.id)), action: '关联第三方机构委托业务', after: { firm: job.firmName, subject: job.subject } });
  });
  return getEvaluation(db, input.id);
}

/** The bureau's rating of the firm's job, given from the approved evaluation done under it. */
export function rateFirmJob(db: Db, actor: Actor, input: { id: string; rating: number; comment: string }): Engagement {
  const detail = getEvaluation(db, input.id, actor);
  if (detail.status !== 'approved') throw new AppError('CONFLICT', '评价审核通过后才能评价第三方机构的工作质量');
  if (!detail.engagement) throw new AppError('CONFLICT', '该评价没有关联第三方机构的委托业务，无需评价机构工作质量');
  return rateEngagement(db, actor, { id: detail.engagement.id, rating: input.rating, comment: input.comment });
}

export interface FirmEvaluation {
  id: string;
  year: number;
  kind: EvaluationKind;
  subjectCode: string;
  engagementSubject: string;
  totalScore: string | null;
  grade: string | null;
  status: WorkflowState;
}

/** The evaluations a firm did, newest year first, with their grades, for its detail page. */
export function evaluationsOfFirm(db: Db, firmId: string): FirmEvaluation[] {
  const jobs = db.select({ id: firmEngagements.id }).from(firmEngagements).where(eq(firmEngagements.firmId, firmId));
  return db
    .select({
      id: evaluations.id,
      year: evaluations.year,
      kind: evaluations.kind,
      subjectCode: evaluations.subjectCode,
      engagementSubject: firmEngagements.subject,
      totalScore: evaluations.totalScore,
      grade: evaluations.grade,
      status: evaluations.status,
    })
    .from(evaluations)
    .innerJoin(firmEngagements, eq(firmEngagements.id, evaluations.engagementId))
    .where(and(inArray(evaluations.engagementId, jobs), eq(evaluations.deleted, false)))
    .orderBy(desc(evaluations.year), evaluations.subjectCode)
    .all();
}
