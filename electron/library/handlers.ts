// Handlers of the 指标库 channels.
import { listAudit } from '../audit/audit';
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { localDate } from '../domain/clock';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { libraryContract } from './contract';
import { createIndicator, requireIndicator, searchIndicators, suggestedIndicators, updateIndicator } from './indicators';
import { commitLibraryImport, exportLibrary, libraryTemplate, previewLibraryImport } from './excel';
import { createProjectType, listProjectTypes, updateProjectType } from './projectTypes';
import { confirmIndicators, proposeIndicator, rejectIndicator, restoreIndicator, retireIndicator } from './review';
import { seedStarterLibrary } from './starter';
import { listLibraryVersions } from './versions';
import { addMandatory, listMandatory, removeMandatory } from './mandatory';

export const libraryHandlers: HandlersFor<typeof libraryContract> = {
  'library.seedStarter': (_, ctx) => seedStarterLibrary(db(ctx), actor(ctx)),

  'library.projectTypes': (_, ctx) => listProjectTypes(db(ctx)),
  'library.createProjectType': (input, ctx) => createProjectType(db(ctx), actor(ctx), input),
  'library.updateProjectType': (input, ctx) => updateProjectType(db(ctx), actor(ctx), input),

  'library.search': (input, ctx) => searchIndicators(db(ctx), input),
  'library.get': (input, ctx) => requireIndicator(db(ctx), input.id),
  'library.suggested': (input, ctx) => suggestedIndicators(db(ctx), input.projectTypeCode),
  'library.history': (input, ctx) => listAudit(db(ctx), { entity: 'library_indicator', naturalKey: input.code, limit: 100 }),

  'library.create': (input, ctx) => createIndicator(db(ctx), actor(ctx), input),
  'library.update': (input, ctx) => updateIndicator(db(ctx), actor(ctx), input),
  'library.propose': (input, ctx) => proposeIndicator(db(ctx), actor(ctx), input),
  'library.confirm': (input, ctx) => confirmIndicators(db(ctx), actor(ctx), input),
  'library.reject': (input, ctx) => rejectIndicator(db(ctx), actor(ctx), input),
  'library.retire': (input, ctx) => retireIndicator(db(ctx), actor(ctx), input),
  'library.restore': (input, ctx) => restoreIndicator(db(ctx), actor(ctx), input),

  'library.importPreview': (input, ctx) => previewLibraryImport(db(ctx), input.fileName, decodeFile(input)),
  'library.importCommit': (input, ctx) => commitLibraryImport(db(ctx), actor(ctx), input.fileName, decodeFile(input)),
  'library.export': (_, ctx) => encodeFile(`指标库-${localDate()}.xlsx`, exportLibrary(db(ctx))),
  'library.template': (_, ctx) => encodeFile('指标库导入模板.xlsx', libraryTemplate(db(ctx))),

  'library.versions': (_, ctx) => listLibraryVersions(db(ctx)),

  'library.mandatory': (_, ctx) => listMandatory(db(ctx)),
  'library.addMandatory': (input, ctx) => addMandatory(db(ctx), actor(ctx), input),
  'library.removeMandatory': (input, ctx) => {
    removeMandatory(db(ctx), actor(ctx), input);
    return null;
  },
};
