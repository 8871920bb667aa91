// Handlers of the sample data channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { HandlersFor } from '../ipc/router';
import type { demoContract } from './contract';
import { demoStatus, generateDemoCounty } from './generate';

export const demoHandlers: HandlersFor<typeof demoContract> = {
  'demo.status': (_, ctx) => demoStatus(db(ctx)),
  'demo.generate': (input, ctx) => generateDemoCounty(db(ctx), actor(ctx), { year: input.year }),
};
