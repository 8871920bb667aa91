// Which files may be kept with a record (附件): PDF, Word, Excel and photos of signed pages. A file is
// recognised by its extension AND its first bytes, so a renamed program or a broken download is refused
// with a message instead of being kept as evidence nobody can open.

interface AttachmentKind {
  extension: string;
  mime: string;
  label: string;
  /** The bytes every such file starts with. */
  magic: readonly number[];
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { extension: 'pdf', mime: 'application/pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { extension: 'doc', mime: 'application/msword', label: 'Word', magic: OLE },
  { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', magic: ZIP },
  { extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', magic: ZIP },
  { extension: 'jpg', mime: 'image/jpeg', label: 'JPG 图片', magic: [0xff, 0xd8, 0xff] },
  { extension: 'jpeg', mime: 'image/jpeg', label: 'JPG 图片', magic: [0xff, 0xd8, 0xff] },
  { extension: 'png', mime: 'image/png', label: 'PNG 图片', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const ATTACHMENT_MIME_TYPES = [...new Set(ATTACHMENT_KINDS.map((k) => k.mime))];

/** For a file picker's accept attribute and the message that names what is allowed. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_KINDS.map((k) => `.${k.extension}`).join(',');
const ALLOWED_TEXT = 'PDF、Word（.doc/.docx）、Excel（.xlsx）、JPG 或 PNG';

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** The size as staff read it: 512 B, 12.5 KB, 10.0 MB (the file lists and the size refusal say the same). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type AttachmentCheck = { ok: true; mime: string } | { ok: false; message: string };

/** Whether a file may be kept: a known extension, bytes that match it, not empty, within `maxBytes`. */
export function checkAttachment(name: string, bytes: Uint8Array, maxBytes: number): AttachmentCheck {
  const kind = ATTACHMENT_KINDS.find((k) => k.extension === extensionOf(name));
  if (!kind) return { ok: false, message: `“${name}”不是可上传的附件类型，请上传 ${ALLOWED_TEXT} 文件` };
  if (bytes.length === 0) return { ok: false, message: `“${name}”是空文件，请重新选择` };
  if (bytes.length > maxBytes) return { ok: false, message: `“${name}”大小为 ${formatFileSize(bytes.length)}（${bytes.length} 字节），超过附件上限 ${formatFileSize(maxBytes)}（${maxBytes} 字节）：请压缩或拆分后上传` };
  if (!kind.magic.every((byte, i) => bytes[i] === byte)) {
    return { ok: false, message: `“${name}”的内容不是 ${kind.label} 文件（扩展名为 .${kind.extension}，但文件内容不符），请确认文件未损坏或改名` };
  }
  return { ok: true, mime: kind.mime };
}
