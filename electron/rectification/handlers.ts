// Handlers of the 整改问责 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { HandlersFor } from '../ipc/router';
import type { rectificationContract } from './contract';
import { attachToFeedback, downloadFeedbackAttachment, removeFeedbackAttachment } from './files';
import { answerRectification, decideRectification, forwardRectification, issueRectification } from './notices';
import { accountabilityList, listRectifications, recordMeasure, rectificationDetail } from './views';

export const rectificationHandlers: HandlersFor<typeof rectificationContract> = {
  'rectification.list': (input, ctx) => listRectifications(db(ctx), actor(ctx), input),
  'rectification.get': (input, ctx) => rectificationDetail(db(ctx), actor(ctx), input.id),
  'rectification.issue': (input, ctx) => issueRectification(db(ctx), actor(ctx), input),
  'rectification.forward': (input, ctx) => forwardRectification(db(ctx), actor(ctx), input),
  'rectification.answer': (input, ctx) => answerRectification(db(ctx), actor(ctx), input),
  'rectification.decide': (input, ctx) => decideRectification(db(ctx), actor(ctx), input),
  'rectification.attach': (input, ctx) => attachToFeedback(db(ctx), actor(ctx), input),
  'rectification.removeAttachment': (input, ctx) => {
    removeFeedbackAttachment(db(ctx), actor(ctx), input);
    return null;
  },
  'rectification.downloadAttachment': (input, ctx) => downloadFeedbackAttachment(db(ctx), actor(ctx), input),
  'rectification.accountability': (input, ctx) => accountabilityList(db(ctx), actor(ctx), input),
  'rectification.recordMeasure': (input, ctx) => recordMeasure(db(ctx), actor(ctx), input),
};
