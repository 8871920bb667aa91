// Handlers of the 绩效自评 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import { reviewerOf } from '../registry';
import type { selfEvaluationContract } from './contract';
import { createDepartmentSelfEvaluation, listDepartmentSelfEvaluations } from './department';
import { selfEvaluationReviewHandlers } from './review/handlers';
import { openSelfEvaluationRectification, openSpotCheckRectification } from './rectification';
import { drawSpotCheck, listSpotChecks, recheckSpotCheck } from './spotChecks';
import { commitTemplateImport, previewTemplateImport } from './templateImport';
import { yearSelfEvaluationWorkbook } from './yearWorkbook';
import { createSelfEvaluation, getSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';

export const selfEvaluationHandlers: HandlersFor<typeof selfEvaluationContract> = {
  'selfEvaluation.list': (input, ctx) => listSelfEvaluations(db(ctx), input, reviewerOf(db(ctx), actor(ctx))),
  'selfEvaluation.get': (input, ctx) => getSelfEvaluation(db(ctx), input.id, actor(ctx)),
  'selfEvaluation.create': (input, ctx) => createSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.save': (input, ctx) => saveSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.transition': (input, ctx) => transitionSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.departmentList': (input, ctx) => listDepartmentSelfEvaluations(db(ctx), input),
  'selfEvaluation.createDepartment': (input, ctx) => createDepartmentSelfEvaluation(db(ctx), actor(ctx), input),
  'selfEvaluation.templateImportPreview': (input, ctx) => previewTemplateImport(db(ctx), actor(ctx), input.year, input.fileName, decodeFile(input)),
  'selfEvaluation.templateImportCommit': (input, ctx) => commitTemplateImport(db(ctx), actor(ctx), input.year, input.fileName, decodeFile(input)),
  'selfEvaluation.yearWorkbook': (input, ctx) => {
    const workbook = yearSelfEvaluationWorkbook(db(ctx), input.year);
    return encodeFile(workbook.fileName, workbook.bytes);
  },
  'selfEvaluation.spotChecks': (input, ctx) => listSpotChecks(db(ctx), input.year),
  'selfEvaluation.drawSpotCheck': (input, ctx) => drawSpotCheck(db(ctx), actor(ctx), input),
  'selfEvaluation.openRectification': (input, ctx) => openSelfEvaluationRectification(db(ctx), actor(ctx), input),
  'selfEvaluation.openSpotCheckRectification': (input, ctx) => openSpotCheckRectification(db(ctx), actor(ctx), input),
  'selfEvaluation.recheck': (input, ctx) => recheckSpotCheck(db(ctx), actor(ctx), input),
  ...selfEvaluationReviewHandlers,
};
