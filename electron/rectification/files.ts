// The files of a notice's feedback: added to the draft while the unit writes it (and removable then),
// kept with the round once submitted, downloadable by whoever may see the notice.
import type { Db } from '../../db/open';
import { addAttachment, attachmentFile, attachmentOwner, removeAttachment, type AttachmentInfo } from '../attachments';
import type { Actor } from '../audit/audit';
import { AppError } from '../errors';
import type { FilePayload } from '../ipc/schema';
import { rectificationRounds } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { actorProblem, draftOwner, noticeState, rectificationKey, requireRectification } from './notices';
import { rectificationDetail } from './views';

/** The notice's feedback is being written by this person now: only then may files come and go. */
function requireDraftWriter(db: Db, actor: Actor, id: string): { entity: string; naturalKey: string } {
  const row = requireRectification(db, id);
  const problem = actorProblem(db, actor, row, 'answer');
  if (problem) throw new AppError('FORBIDDEN', problem);
  const { status, holder } = noticeState(db, row);
  if (!((status === 'issued' || status === 'returned') && holder === 'unit')) {
    throw new AppError('CONFLICT', '只有在实施单位填写整改反馈时才能添加或删除附件；已提交的反馈及其附件保留在记录中');
  }
  return { entity: 'rectification', naturalKey: rectificationKey(row) };
}

export function attachToFeedback(db: Db, actor: Actor, input: { id: string; file: FilePayload }): AttachmentInfo {
  return db.transaction((tx) => {
    const record = requireDraftWriter(tx, actor, input.id);
    return addAttachment(tx, actor, draftOwner(input.id), input.file, record);
  });
}

export function removeFeedbackAttachment(db: Db, actor: Actor, input: { attachmentId: string }): void {
  db.transaction((tx) => {
    const owner = attachmentOwner(tx, input.attachmentId);
    if (owner.kind !== 'rectification.draft') throw new AppError('CONFLICT', '该附件属于已提交的整改反馈，作为记录保留，不能删除');
    removeAttachment(tx, actor, input.attachmentId, requireDraftWriter(tx, actor, owner.id));
  });
}

/** The notice a file of its feedback belongs to: the draft's owner is the notice, a round's its round. */
function noticeOfAttachment(db: Db, attachmentId: string): string {
  const owner = attachmentOwner(db, attachmentId);
  if (owner.kind === 'rectification.draft') return owner.id;
  if (owner.kind === 'rectification.feedback') {
    const round = db.select({ notice: rectificationRounds.rectificationId }).from(rectificationRounds).where(eq(rectificationRounds.id, owner.id)).get();
    if (round) return round.notice;
  }
  throw new AppError('NOT_FOUND', '该附件不属于整改通知');
}

export function downloadFeedbackAttachment(db: Db, actor: Actor, input: { attachmentId: string }): FilePayload {
  // Seeing the notice is what lets a person read its files (a department only its own units').
  rectificationDetail(db, actor, noticeOfAttachment(db, input.attachmentId));
  return attachmentFile(db, input.attachmentId).file;
}
