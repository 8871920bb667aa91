// Handlers of the 绩效自评 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { HandlersFor } from '../ipc/router';
import { reviewerOf } from '../registry';
import type { selfEvaluationContract } from './contract';
import { selfEvaluationReviewHandlers } from './review/handlers';
import { drawSpotCheck, listSpotChecks, recheckSpotCheck } from './spotChecks';
import { createSelfEvaluation, getSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';

export const selfEvaluationHandlers: HandlersFor<typeof selfEvaluationContract> = {
  'selfEvaluation.list': (input, ctx) => listSelfEvaluations(db(ctx), input, reviewerOf(db(ctx), actor(ctx))),
  'selfEvaluation.get': (input, ctx) => getSelfEvaluation(db(ctx), input.id, actor(ctx)),
  'selfEvaluation.create': (input, ctx) => createSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.save': (input, ctx) => saveSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.transition': (input, ctx) => transitionSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.spotChecks': (input, ctx) => listSpotChecks(db(ctx), input.year),
  'selfEvaluation.drawSpotCheck': (input, ctx) => drawSpotCheck(db(ctx), actor(ctx), input),
  'selfEvaluation.recheck': (input, ctx) => recheckSpotCheck(db(ctx), actor(ctx), input),
  ...selfEvaluationReviewHandlers,
};
