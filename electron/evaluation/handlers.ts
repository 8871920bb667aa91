// Handlers of the 绩效评价 channels, the plans' gathered from plans/.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { HandlersFor } from '../ipc/router';
import { reviewerOf } from '../registry';
import type { evaluationContract } from './contract';
import { createEvaluation, evaluationSubjects, getEvaluation, listEvaluations, saveEvaluation, transitionEvaluation } from './evaluations';
import { evaluationPlansHandlers } from './plans/handlers';
import { openEvaluationRectification } from './findings';
import { evaluationsOfFirm, linkEngagement, rateFirmJob } from './firmJob';
import { attachReport, downloadReport, removeReport } from './report';
import { listTemplates, saveTemplate } from './templates';

export const evaluationHandlers: HandlersFor<typeof evaluationContract> = {
  ...evaluationPlansHandlers,
  'evaluation.templates': (_input, ctx) => listTemplates(db(ctx)),
  'evaluation.saveTemplate': (input, ctx) => saveTemplate(db(ctx), actor(ctx), input),
  'evaluation.list': (input, ctx) => listEvaluations(db(ctx), input, reviewerOf(db(ctx), actor(ctx))),
  'evaluation.subjects': (input, ctx) => evaluationSubjects(db(ctx), input.year, reviewerOf(db(ctx), actor(ctx))),
  'evaluation.get': (input, ctx) => getEvaluation(db(ctx), input.id, actor(ctx)),
  'evaluation.create': (input, ctx) => createEvaluation(db(ctx), actor(ctx), input),
  'evaluation.save': (input, ctx) => saveEvaluation(db(ctx), actor(ctx), input),
  'evaluation.transition': (input, ctx) => transitionEvaluation(db(ctx), actor(ctx), input),
  'evaluation.linkEngagement': (input, ctx) => linkEngagement(db(ctx), actor(ctx), input),
  'evaluation.rateFirm': (input, ctx) => rateFirmJob(db(ctx), actor(ctx), input),
  'evaluation.ofFirm': (input, ctx) => evaluationsOfFirm(db(ctx), input.firmId),
  'evaluation.attachReport': (input, ctx) => attachReport(db(ctx), actor(ctx), input),
  'evaluation.removeReport': (input, ctx) => {
    removeReport(db(ctx), actor(ctx), input);
    return null;
  },
  'evaluation.downloadReport': (input, ctx) => downloadReport(db(ctx), actor(ctx), input),
  'evaluation.openRectification': (input, ctx) => openEvaluationRectification(db(ctx), actor(ctx), input),
};
