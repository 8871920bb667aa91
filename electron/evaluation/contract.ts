// Channels of 绩效评价 (部门评价 / 财政评价): the templates by version, the evaluations scored on them, and
// the plans' channels (评价计划, spread from plans/).
import { z } from 'zod';
import { EVALUATION_KINDS, EVALUATION_METHODS, EVALUATION_STANDARDS, TEMPLATE_KINDS } from '../domain/evaluation';
import { WORKFLOW_ACTIONS } from '../domain/workflow';
import { file, isoDate, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { AttachmentInfo } from '../attachments';
import type { Engagement } from '../experts';
import type { Rectification } from '../rectification';
import type { FirmEvaluation } from './firmJob';
import { evaluationActionPermission, type EvaluationDetail, type EvaluationListRow, type EvaluationSubjects } from './evaluations';
import { evaluationPlansContract } from './plans/contract';
import type { TemplateVersion } from './templates';
import { templateTree } from './treeSchema';
export type { EvaluationDetail, EvaluationListRow, EvaluationSubjects, LeafEntry } from './evaluations';
export type { TemplateVersion } from './templates';
export type { FirmEvaluation } from './firmJob';
export type { AttachmentInfo } from '../attachments';

const leafText = text(40);

export const evaluationContract = {
  ...evaluationPlansContract,
  'evaluation.templates': { permission: 'view', input: z.object({}).strict(), output: returns<TemplateVersion[]>() },
  'evaluation.saveTemplate': {
    permission: 'review',
    input: z.object({ id: uuid.optional(), kind: z.enum(TEMPLATE_KINDS), name: text(100), tree: templateTree }).strict(),
    output: returns<TemplateVersion>(),
  },

  'evaluation.list': { permission: 'view', input: z.object({ year }).strict(), output: returns<EvaluationListRow[]>() },
  'evaluation.subjects': { permission: 'view', input: z.object({ year }).strict(), output: returns<EvaluationSubjects>() },
  'evaluation.get': { permission: 'view', input: z.object({ id: uuid }).strict(), output: returns<EvaluationDetail>() },
  'evaluation.create': {
    permission: 'evaluate',
    input: z.object({ kind: z.enum(EVALUATION_KINDS), year, templateId: uuid, projectId: uuid.optional(), unitCode: text(20).optional(), addToPlan: z.boolean().optional() }).strict(),
    output: returns<EvaluationDetail>(),
  },
  'evaluation.save': {
    permission: 'evaluate',
    input: z
      .object({
        id: uuid,
        version,
        leaves: z.array(z.object({ path: text(20), value: leafText, target: leafText, count: leafText, score: leafText, evidence: text(2000) }).strict()).max(500),
        methods: z.array(z.enum(EVALUATION_METHODS)).max(EVALUATION_METHODS.length),
        standard: z.enum(EVALUATION_STANDARDS).nullable(),
        evaluators: text(1000),
        findings: z.array(text(2000)).max(50),
      })
      .strict(),
    output: returns<EvaluationDetail>(),
  },
  'evaluation.transition': {
    permission: evaluationActionPermission,
    input: z.object({ id: uuid, version, action: z.enum(WORKFLOW_ACTIONS), opinion: text(1000).nullable().optional() }).strict(),
    output: returns<EvaluationDetail>(),
  },
  'evaluation.linkEngagement': { permission: 'evaluate', input: z.object({ id: uuid, engagementId: uuid }).strict(), output: returns<EvaluationDetail>() },
  'evaluation.rateFirm': { permission: 'enter', input: z.object({ id: uuid, rating: z.number().int(), comment: text(500) }).strict(), output: returns<Engagement>() },
  'evaluation.ofFirm': { permission: 'view', input: z.object({ firmId: uuid }).strict(), output: returns<FirmEvaluation[]>() },
  'evaluation.attachReport': { permission: 'evaluate', input: z.object({ id: uuid, file }).strict(), output: returns<AttachmentInfo>() },
  'evaluation.removeReport': { permission: 'evaluate', input: z.object({ attachmentId: uuid }).strict(), output: returns<null>() },
  'evaluation.downloadReport': { permission: 'view', input: z.object({ attachmentId: uuid }).strict(), output: returns<FilePayload>() },
  'evaluation.openRectification': {
    permission: 'review',
    input: z.object({ evaluationId: uuid, problems: text(2000), requirements: text(2000), deadline: isoDate }).strict(),
    output: returns<Rectification>(),
  },
} as const satisfies ContractPart;
