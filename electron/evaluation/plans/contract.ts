// Channels of 评价计划: the plan of a year and kind with the projects it may cover, rules that add to it,
// removal, and the evaluators assigned per item. Spread into the evaluation workflow's contract.
import { z } from 'zod';
import { PLAN_KINDS } from '../../domain/evaluationPlans';
import { EVALUATOR_ROLES } from '../../domain/experts';
import { fen, returns, text, uuid, year, type ContractPart } from '../../ipc/schema';
import type { Assignment } from './assignments';
import type { PlanScope, PlanView } from './plans';

export type { Assignment } from './assignments';
export type { PlanItem, PlanProjectRow, PlanScope, PlanView } from './plans';

const scope = { year, kind: z.enum(PLAN_KINDS), departmentCode: text(20).nullable() };
const rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key') }).strict(),
  z.object({ kind: z.literal('poverty') }).strict(),
  z.object({ kind: z.literal('amount'), minFen: fen }).strict(),
  z.object({ kind: z.literal('draw'), share: z.number().int(), seed: text(40).nullable() }).strict(),
  z.object({ kind: z.literal('hand'), projectIds: z.array(uuid).max(5000) }).strict(),
]);
const role = z.enum(EVALUATOR_ROLES);

export const evaluationPlansContract = {
  'evaluationPlans.get': { permission: 'view', input: z.object(scope).strict(), output: returns<PlanView>() },
  'evaluationPlans.ofYear': { permission: 'view', input: z.object({ year }).strict(), output: returns<PlanScope[]>() },
  'evaluationPlans.addByRule': { permission: 'evaluate', input: z.object({ ...scope, rule }).strict(), output: returns<PlanView>() },
  'evaluationPlans.removeItem': { permission: 'evaluate', input: z.object({ itemId: uuid }).strict(), output: returns<null>() },
  'evaluationPlans.assign': {
    permission: 'evaluate',
    input: z.union([
      z.object({ planItemId: uuid, expertId: uuid, role }).strict(),
      z.object({ planItemId: uuid, firmId: uuid, role }).strict(),
    ]),
    output: returns<Assignment>(),
  },
  'evaluationPlans.unassign': { permission: 'evaluate', input: z.object({ id: uuid }).strict(), output: returns<null>() },
} as const satisfies ContractPart;
