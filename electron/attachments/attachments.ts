// 附件, generic: files kept with a record, named by the owner's kind and id. The owning workflow decides
// when its record may take or lose a file (a notice's feedback while it is being written, an evaluation's
// report while it is a draft) and calls these; this module checks the file, keeps its bytes and hash in
// SQLite, lists and hands them back. The API:
//   addAttachment(db, actor, owner, file, record)  → AttachmentInfo (type, magic bytes, size limit, sha256)
//   listAttachments(db, owner)                 → AttachmentInfo[] (without the bytes)
//   attachmentFile(db, id)                     → { info, file }  (base64, for the renderer to save)
//   removeAttachment(db, actor, id, record)    → the owner it was removed from
//   moveAttachments(db, from, to)              → e.g. a draft's files become a submitted round's
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { attachments } from '../../db/schema';
import { checkAttachment } from '../domain/attachments';
import { recordAudit, type Actor } from '../audit/audit';
import { AppError } from '../errors';
import type { FilePayload } from '../ipc/schema';
import { settingValue } from '../settings';

/** The record a file is kept with: its kind (e.g. rectification.feedback) and id. */
export interface AttachmentOwner {
  kind: string;
  id: string;
}

export interface AttachmentInfo {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}

const info = {
  id: attachments.id,
  name: attachments.name,
  mime: attachments.mime,
  size: attachments.size,
  sha256: attachments.sha256,
  addedBy: attachments.addedBy,
  addedAt: attachments.addedAt,
};

const ownedBy = (owner: AttachmentOwner) => and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, owner.id));

/** The record the audit log names for a file's coming and going: the owner's own entry, e.g. 整改 2020 年第 1 号. */
export interface AuditedRecord {
  entity: string;
  naturalKey: string;
}

/** The size limit of the setting 附件大小上限, in bytes. */
export const attachmentLimit = (db: Db): number => settingValue<number>(db, 'attachments.maxMegabytes') * 1024 * 1024;

/** Keeps a file with its owner, refusing a type, content or size the rule does not allow: nothing is written then. */
export function addAttachment(db: Db, actor: Actor, owner: AttachmentOwner, file: FilePayload, record: AuditedRecord): AttachmentInfo {
  const name = file.fileName.trim().split(/[\\/]/).pop() ?? '';
  if (name === '') throw new AppError('INVALID_INPUT', '附件缺少文件名，请重新选择文件');
  const bytes = Buffer.from(file.dataBase64, 'base64');
  const check = checkAttachment(name, bytes, attachmentLimit(db));
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.insert(attachments).values({ id, ownerKind: owner.kind, ownerId: owner.id, name, mime: check.mime, size: bytes.length, sha256, content: bytes, addedBy: actor.name }).run();
  recordAudit(db, actor, { ...record, action: `上传附件“${name}”`, after: { owner, name, size: bytes.length, sha256 } });
  return requireInfo(db, id);
}

export const listAttachments = (db: Db, owner: AttachmentOwner): AttachmentInfo[] =>
  db.select(info).from(attachments).where(ownedBy(owner)).orderBy(asc(attachments.addedAt), asc(attachments.name)).all();

function requireInfo(db: Db, id: string): AttachmentInfo {
  const row = db.select(info).from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该附件不存在或已删除，请刷新后重试');
  return row;
}

/** Whose file this is, for the owning workflow to check before it hands it out or removes it. */
export function attachmentOwner(db: Db, id: string): AttachmentOwner {
  const row = db.select({ kind: attachments.ownerKind, id: attachments.ownerId }).from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该附件不存在或已删除，请刷新后重试');
  return row;
}

/** The file's bytes as base64 with its name, for the renderer to save. */
export function attachmentFile(db: Db, id: string): { info: AttachmentInfo; file: FilePayload } {
  const row = db.select({ name: attachments.name, content: attachments.content }).from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该附件不存在或已删除，请刷新后重试');
  return { info: requireInfo(db, id), file: { fileName: row.name, dataBase64: Buffer.from(row.content).toString('base64') } };
}

export function removeAttachment(db: Db, actor: Actor, id: string, record: AuditedRecord): AttachmentOwner {
  const owner = attachmentOwner(db, id);
  const { name, sha256 } = requireInfo(db, id);
  db.delete(attachments).where(eq(attachments.id, id)).run();
  recordAudit(db, actor, { ...record, action: `删除附件“${name}”`, before: { owner, name, sha256 } });
  return owner;
}

/** Hands every file of one owner to another, e.g. a feedback draft's files to the round that was submitted. */
export function moveAttachments(db: Db, from: AttachmentOwner, to: AttachmentOwner): number {
  return db.update(attachments).set({ ownerKind: to.kind, ownerId: to.id }).where(ownedBy(from)).run().changes;
}
