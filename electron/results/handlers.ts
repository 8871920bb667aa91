// Handlers of the 结果应用 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { resultsContract } from './contract';
import { resultsWorkbook } from './excel';
import { generateResults, recordDecision, regenerationPreview, resultsView } from './proposals';

export const resultsHandlers: HandlersFor<typeof resultsContract> = {
  'results.view': (input, ctx) => resultsView(db(ctx), input.year),
  'results.preview': (input, ctx) => regenerationPreview(db(ctx), input.year),
  'results.generate': (input, ctx) => generateResults(db(ctx), actor(ctx), input),
  'results.decide': (input, ctx) => recordDecision(db(ctx), actor(ctx), input),
  'results.export': (input, ctx) => {
    const file = resultsWorkbook(db(ctx), input.year);
    return encodeFile(file.fileName, file.bytes);
  },
};
