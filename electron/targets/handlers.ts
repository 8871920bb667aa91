// Handlers of the 绩效目标 channels.
import { listAudit } from '../audit/audit';
import { reviewerOf } from '../registry';
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import { decideAdjustment, listAdjustments, proposeAdjustment } from './adjustments';
import type { targetsContract } from './contract';
import { saveDepartmentTarget } from './department';
import { suggestedTargetIndicators } from './librarySource';
import { requireTarget, targetKey } from './store';
import { checkedDepartmentTarget, checkedProjectTarget } from './quality';
import { reviewInbox, saveTarget, targetOverview, transitionTarget } from './targets';
import { commitTargetImport, exportTargetTemplate, previewTargetImport } from './excel';
import { targetAnnexFile } from './annexWorkbook';

export const targetsHandlers: HandlersFor<typeof targetsContract> = {
  'targets.overview': (input, ctx) => targetOverview(db(ctx), input.year, reviewerOf(db(ctx), actor(ctx))),
  'targets.forProject': (input, ctx) => checkedProjectTarget(db(ctx), input.projectId, actor(ctx)),
  'targets.save': (input, ctx) => saveTarget(db(ctx), actor(ctx), input),
  'targets.department': (input, ctx) => checkedDepartmentTarget(db(ctx), input.year, input.unitCode, actor(ctx)),
  'targets.saveDepartment': (input, ctx) => saveDepartmentTarget(db(ctx), actor(ctx), input),
  'targets.transition': (input, ctx) => transitionTarget(db(ctx), actor(ctx), input),
  'targets.history': (input, ctx) => listAudit(db(ctx), { entity: 'target', naturalKey: targetKey(requireTarget(db(ctx), input.id)), limit: 200 }),
  'targets.inbox': (input, ctx) => reviewInbox(db(ctx), input.year, reviewerOf(db(ctx), actor(ctx))),
  'targets.suggestions': (input, ctx) => suggestedTargetIndicators(db(ctx), input.projectTypeCode),

  'targets.adjustments': (input, ctx) => listAdjustments(db(ctx), input.targetId),
  'targets.proposeAdjustment': (input, ctx) => proposeAdjustment(db(ctx), actor(ctx), input),
  'targets.decideAdjustment': (input, ctx) => decideAdjustment(db(ctx), actor(ctx), input),

  'targets.annexWorkbook': (input, ctx) => {
    const { fileName, bytes } = targetAnnexFile(db(ctx), input.id, actor(ctx));
    return encodeFile(fileName, bytes);
  },
  'targets.template': (input, ctx) => {
    const { fileName, bytes } = exportTargetTemplate(db(ctx), input.year, input.unitCode);
    return encodeFile(fileName, bytes);
  },
  'targets.importPreview': (input, ctx) => previewTargetImport(db(ctx), input.year, input.fileName, decodeFile(input)),
  'targets.importCommit': (input, ctx) => commitTargetImport(db(ctx), actor(ctx), input.year, input.fileName, decodeFile(input)),
};
