// Handlers of the 评价计划 channels.
import { actorIn as actor, dbOf as db } from '../../ipc/callContext';
import type { HandlersFor } from '../../ipc/router';
import { assignEvaluator, unassignEvaluator } from './assignments';
import type { evaluationPlansContract } from './contract';
import { addByRule, getPlan, plansOfYear, removeFromPlan } from './plans';

export const evaluationPlansHandlers: HandlersFor<typeof evaluationPlansContract> = {
  'evaluationPlans.get': (input, ctx) => getPlan(db(ctx), input),
  'evaluationPlans.ofYear': (input, ctx) => plansOfYear(db(ctx), input.year),
  'evaluationPlans.addByRule': (input, ctx) => addByRule(db(ctx), actor(ctx), input),
  'evaluationPlans.removeItem': (input, ctx) => {
    removeFromPlan(db(ctx), actor(ctx), input);
    return null;
  },
  'evaluationPlans.assign': (input, ctx) => assignEvaluator(db(ctx), actor(ctx), input),
  'evaluationPlans.unassign': (input, ctx) => {
    unassignEvaluator(db(ctx), actor(ctx), input);
    return null;
  },
};
