// Handlers of the 专家库 and 第三方机构 channels.
import { localDate } from '../domain/clock';
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { expertsContract } from './contract';
import { commitExpertImport, expertTemplate, exportExperts, previewExpertImport } from './excel';
import { createExpert, declareConflict, listExperts, removeConflict, updateExpert } from './experts';
import { addEngagement, createFirm, listEngagements, listFirms, rateEngagement, updateFirm } from './firms';

export const expertsHandlers: HandlersFor<typeof expertsContract> = {
  'experts.list': (_, ctx) => listExperts(db(ctx)),
  'experts.create': (input, ctx) => createExpert(db(ctx), actor(ctx), input),
  'experts.update': (input, ctx) => updateExpert(db(ctx), actor(ctx), input),
  'experts.declareConflict': (input, ctx) => declareConflict(db(ctx), actor(ctx), input),
  'experts.removeConflict': (input, ctx) => {
    removeConflict(db(ctx), actor(ctx), input);
    return null;
  },
  'experts.importPreview': (input, ctx) => previewExpertImport(db(ctx), input.fileName, decodeFile(input)),
  'experts.importCommit': (input, ctx) => commitExpertImport(db(ctx), actor(ctx), input.fileName, decodeFile(input)),
  'experts.export': (_, ctx) => encodeFile(`专家库-${localDate()}.xlsx`, exportExperts(db(ctx))),
  'experts.template': () => encodeFile('专家库导入模板.xlsx', expertTemplate()),

  'firms.list': (_, ctx) => listFirms(db(ctx)),
  'firms.create': (input, ctx) => createFirm(db(ctx), actor(ctx), input),
  'firms.update': (input, ctx) => updateFirm(db(ctx), actor(ctx), input),
  'firms.engagements': (input, ctx) => listEngagements(db(ctx), input),
  'firms.addEngagement': (input, ctx) => addEngagement(db(ctx), actor(ctx), input),
  'firms.rate': (input, ctx) => rateEngagement(db(ctx), actor(ctx), input),
};
