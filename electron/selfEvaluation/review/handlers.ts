// Handlers of the 自评复核 channels.
import { actorIn as actor, dbOf as db } from '../../ipc/callContext';
import { decodeFile, encodeFile } from '../../ipc/files';
import type { HandlersFor } from '../../ipc/router';
import type { selfEvaluationReviewContract } from './contract';
import { selfEvaluationTemplate } from './template';
import { acceptReview, commitReviewImport, getReview, listReviews, previewReviewImport, returnReview } from './reviews';

export const selfEvaluationReviewHandlers: HandlersFor<typeof selfEvaluationReviewContract> = {
  'selfEvaluationReview.importPreview': (input, ctx) => previewReviewImport(db(ctx), input.year, input.fileName, decodeFile(input)),
  'selfEvaluationReview.importCommit': (input, ctx) => commitReviewImport(db(ctx), actor(ctx), input.year, input.fileName, decodeFile(input)),
  'selfEvaluationReview.template': (input, ctx) => {
    const template = selfEvaluationTemplate(db(ctx), input.year, input.unitCode);
    return encodeFile(template.fileName, template.bytes);
  },
  'selfEvaluationReview.list': (input, ctx) => listReviews(db(ctx), input.year),
  'selfEvaluationReview.get': (input, ctx) => getReview(db(ctx), input.id),
  'selfEvaluationReview.accept': (input, ctx) => acceptReview(db(ctx), actor(ctx), input),
  'selfEvaluationReview.return': (input, ctx) => returnReview(db(ctx), actor(ctx), input),
};
