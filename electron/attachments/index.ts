// 附件's public entry (see attachments.ts for the API).
export { addAttachment, attachmentFile, attachmentLimit, attachmentOwner, listAttachments, moveAttachments, removeAttachment } from './attachments';
export type { AttachmentInfo, AttachmentOwner, AuditedRecord } from './attachments';
