// Handlers of the 项目库 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { localDate } from '../domain/clock';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import { projectTypeOptions } from '../targets';
import { budgetTemplate, commitBudgetImport, exportProjects, previewBudgetImport } from './excel';
import type { projectsContract } from './contract';
import { projectCycle, type ProjectCycleSources } from './cycle';
import { createProject, deleteProject, listProjects, projectForEditing, updateProject } from './projects';

/** `cycleSources` gives the workflows' parts of a project's cycle (the composition root knows them). */
export const projectsHandlers = (cycleSources: () => ProjectCycleSources): HandlersFor<typeof projectsContract> => ({
  'projects.list': (input, ctx) => listProjects(db(ctx), input.year),
  'projects.get': (input, ctx) => projectForEditing(db(ctx), input.id),
  'projects.create': (input, ctx) => createProject(db(ctx), actor(ctx), input),
  'projects.update': (input, ctx) => updateProject(db(ctx), actor(ctx), input),
  'projects.delete': (input, ctx) => {
    deleteProject(db(ctx), actor(ctx), input);
    return null;
  },
  'projects.types': (_, ctx) => projectTypeOptions(db(ctx)),
  'projects.importPreview': (input, ctx) => previewBudgetImport(db(ctx), input.year, input.fileName, decodeFile(input)),
  'projects.importCommit': (input, ctx) => commitBudgetImport(db(ctx), actor(ctx), input.year, input.fileName, decodeFile(input)),
  'projects.export': (input, ctx) => encodeFile(`${input.year}年项目-${localDate()}.xlsx`, exportProjects(db(ctx), input.year)),
  'projects.template': () => encodeFile('预算项目导入模板.xlsx', budgetTemplate()),
  'projects.cycle': (input, ctx) => projectCycle(db(ctx), actor(ctx), input.projectId, cycleSources()),
});
