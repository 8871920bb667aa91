// Channels of 绩效评价 (部门评价 / 财政评价): the templates by version, the evaluations scored on them, and
// the plans' channels (评价计划, spread from plans/).
import { z } from 'zod';
import { EVALUATION_KINDS, EVALUATION_METHODS, EVALUATION_STANDARDS, TEMPLATE_KINDS } from '../domain/evaluation';
import { WORKFLOW_ACTIONS } from '../domain/workflow';
import { returns, text, uuid, version, year, type ContractPart } from '../ipc/schema';
import { evaluationActionPermission, type EvaluationDetail, type EvaluationListRow, type EvaluationSubjects } from './evaluations';
import { evaluationPlansContract } from './plans/contract';
import type { TemplateVersion } from './templates';
import { templateTree } from './treeSchema';
export type { EvaluationDetail, EvaluationListRow, EvaluationSubjects, LeafEntry } from './evaluations';
export type { TemplateVersion } from './templates';

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
    input: z.object({ kind: z.enum(EVALUATION_KINDS), year, templateId: uuid, projectId: uuid.optional(), unitCode: text(20).optional() }).strict(),
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
} as const satisfies ContractPart;
