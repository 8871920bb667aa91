// The evaluation report (评价报告), a PDF or Word file kept with the evaluation by electron/attachments
// (owner kind evaluation.report, the evaluation's id). It comes and goes only while the evaluation may be
// edited, so the report an approved evaluation was decided on stays with it; anyone who may open the
// evaluation may download it.
import type { Db } from '../../db/open';
import { addAttachment, attachmentFile, attachmentOwner, removeAttachment, type AttachmentInfo } from '../attachments';
import type { Actor } from '../audit/audit';
import { extensionOf } from '../domain/attachments';
import { AppError } from '../errors';
import type { FilePayload } from '../ipc/schema';
import { requirePermission } from '../registry';
import { ENTITY, evaluationKey, getEvaluation, refuseKindForRole, refuseLocked, REPORT_OWNER, reportOwner, requireRow } from './evaluations';

export const REPORT_EXTENSIONS = ['pdf', 'doc', 'docx'];

/** The evaluation, checked to be one this person may change now; its audit record names the file's coming and going. */
function editableRecord(db: Db, actor: Actor, id: string) {
  requirePermission(db, actor, 'evaluate');
  const detail = getEvaluation(db, id, actor);
  refuseKindForRole(db, actor, detail.kind);
  refuseLocked(detail);
  return { entity: ENTITY, naturalKey: evaluationKey(requireRow(db, id)) };
}

export function attachReport(db: Db, actor: Actor, input: { id: string; file: FilePayload }): AttachmentInfo {
  if (!REPORT_EXTENSIONS.includes(extensionOf(input.file.fileName))) {
    throw new AppError('INVALID_INPUT', `“${input.file.fileName}”不是评价报告可用的格式，请上传 PDF 或 Word（.doc/.docx）文件`);
  }
  return db.transaction((tx) => addAttachment(tx, actor, reportOwner(input.id), input.file, editableRecord(tx, actor, input.id)));
}

/** The evaluation a report file belongs to, refused for any other file. */
function evaluationOfReport(db: Db, attachmentId: string): string {
  const owner = attachmentOwner(db, attachmentId);
  if (owner.kind !== REPORT_OWNER) throw new AppError('NOT_FOUND', '该附件不是绩效评价的评价报告');
  return owner.id;
}

export function removeReport(db: Db, actor: Actor, input: { attachmentId: string }): void {
  db.transaction((tx) => {
    const id = evaluationOfReport(tx, input.attachmentId);
    removeAttachment(tx, actor, input.attachmentId, editableRecord(tx, actor, id));
  });
}

export function downloadReport(db: Db, actor: Actor, input: { attachmentId: string }): FilePayload {
  // Opening the evaluation is what lets a person read its report (a department only its own units').
  getEvaluation(db, evaluationOfReport(db, input.attachmentId), actor);
  return attachmentFile(db, input.attachmentId).file;
}
