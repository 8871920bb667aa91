// Channels of 绩效自评: the year's approved project targets with their self-evaluations, one
// self-evaluation to fill in, its drafts and its review; the units' department-wide ones (部门整体), which
// share get/save/transition; 抽查; and 自评复核 (review/contract.ts).
import { z } from 'zod';
import { chainedActionPermission } from '../domain/permissions';
import { TIERS } from '../domain/selfEvaluation';
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from '../domain/workflow';
import { fen, file, isoDate, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { Rectification } from '../rectification';
import type { DepartmentSelfEvaluationListRow } from './department';
import type { SelfEvaluationDetail, SelfEvaluationListRow } from './selfEvaluations';
import type { SpotCheckRow } from './spotChecks';
import type { TemplateImportPreview, TemplateImportResult } from './templateImport';
import { selfEvaluationReviewContract } from './review/contract';
export type { ExternalReviewDetail, ExternalReviewRow, ReviewedIndicatorRow, ReviewImportPreview, ReviewImportRow } from './review/contract';
export type { SelfEvaluationDetail, SelfEvaluationListRow } from './selfEvaluations';
export type { ScoringRules, SelfEvaluationIndicator, SelfEvaluationTask } from './store';
export type { DepartmentSelfEvaluationListRow } from './department';
export type { SpotCheckRow } from './spotChecks';
export type { TemplateImportPreview, TemplateImportRow } from './templateImport';

const importFile = file.extend({ year }).strict();
const fundRow = z.object({ initialFen: fen, adjustedFen: fen, executedFen: fen }).strict();

export const selfEvaluationContract = {
  'selfEvaluation.list': {
    permission: 'view',
    input: z.object({ year, unitCode: text(20).optional(), status: z.enum([...WORKFLOW_STATES, 'none']).optional() }).strict(),
    output: returns<SelfEvaluationListRow[]>(),
  },
  'selfEvaluation.get': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<SelfEvaluationDetail>() },
  'selfEvaluation.create': { permission: 'enter', input: z.object({ targetId: uuid }).strict(), output: returns<SelfEvaluationDetail>() },
  'selfEvaluation.save': {
    permission: 'enter',
    input: z
      .object({
        id: uuid,
        version,
        funds: z.object({ appropriation: fundRow, carryOver: fundRow, other: fundRow }).strict(),
        budgetReason: text(2000),
        goalAchieved: text(4000),
        problems: text(4000),
        measures: text(4000),
        indicators: z
          .array(
            z
              .object({
                id: uuid,
                actual: text(200),
                tier: z.enum(TIERS).nullable(),
                score: text(20),
                deduction: text(20),
                deductionReason: text(500),
                deviationReason: text(2000),
              })
              .strict(),
          )
          .max(200),
        department: z
          .object({
            funds: z.object({ basicSpending: fundRow, projectSpending: fundRow }).strict(),
            tasks: z.array(z.object({ id: uuid, completion: text(2000) }).strict()).max(200),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: returns<SelfEvaluationDetail>(),
  },
  'selfEvaluation.transition': {
    // A unit's table may pass its 主管部门 first: who acts at which step is the review chain's (the service checks).
    permission: chainedActionPermission,
    input: z.object({ id: uuid, version, action: z.enum(WORKFLOW_ACTIONS), opinion: text(1000).nullable().optional() }).strict(),
    output: returns<SelfEvaluationDetail>(),
  },

  'selfEvaluation.departmentList': {
    permission: 'view',
    input: z.object({ year, status: z.enum([...WORKFLOW_STATES, 'none']).optional() }).strict(),
    output: returns<DepartmentSelfEvaluationListRow[]>(),
  },
  'selfEvaluation.createDepartment': { permission: 'enter', input: z.object({ targetId: uuid }).strict(), output: returns<SelfEvaluationDetail>() },
  // The per-unit template (selfEvaluationReview.template) filled offline, into the self-evaluations.
  'selfEvaluation.templateImportPreview': { permission: 'enter', input: importFile, output: returns<TemplateImportPreview>() },
  'selfEvaluation.templateImportCommit': { permission: 'enter', input: importFile, output: returns<TemplateImportResult>() },
  'selfEvaluation.yearWorkbook': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },

  'selfEvaluation.spotChecks': { permission: 'view', input: z.object({ year }).strict(), output: returns<SpotCheckRow[]>() },
  'selfEvaluation.drawSpotCheck': {
    permission: 'review',
    input: z.object({ year, share: z.number().int().min(1, '抽查比例应为 1–100 之间的整数（百分比）').max(100, '抽查比例应为 1–100 之间的整数（百分比）'), seed: text(40).nullable().optional() }).strict(),
    output: returns<SpotCheckRow[]>(),
  },
  'selfEvaluation.openRectification': {
    permission: 'review',
    input: z.object({ selfEvaluationId: uuid, problems: text(2000), requirements: text(2000), deadline: isoDate }).strict(),
    output: returns<Rectification>(),
  },
  'selfEvaluation.openSpotCheckRectification': {
    permission: 'review',
    input: z.object({ spotCheckId: uuid, problems: text(2000), requirements: text(2000), deadline: isoDate }).strict(),
    output: returns<Rectification>(),
  },
  'selfEvaluation.recheck': { permission: 'review', input: z.object({ id: uuid, adjustedScore: text(20), reasons: text(2000) }).strict(), output: returns<SpotCheckRow>() },

  ...selfEvaluationReviewContract,
} as const satisfies ContractPart;
