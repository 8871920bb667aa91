// Handlers of the 整改问责 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { HandlersFor } from '../ipc/router';
import type { rectificationContract } from './contract';
import { issueRectification } from './notices';

export const rectificationHandlers: HandlersFor<typeof rectificationContract> = {
  'rectification.issue': (input, ctx) => issueRectification(db(ctx), actor(ctx), input),
};
