// Files travel with the record that holds them: an owning workflow lists `attachmentChild(kind)` among its
// record's children, and its refuseIncoming asks `attachmentProblem` of every file before anything is
// written. The bytes travel as base64 (exchange/records.ts stores them as bytes again); on import the
// receiver checks them as an upload here would be: the size and SHA-256 the row declares, its own size
// limit (附件大小上限), and the type by extension and first bytes. A mismatch refuses the whole package.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open';
import { attachments } from '../../db/schema';
import { checkAttachment } from '../domain/attachments';
import { childRow, type ChildTable, type Row } from '../exchange/exchange';
import { attachmentLimit } from './attachments';

/** 30 MB, the largest 附件大小上限 a setting allows, as base64. */
const MAX_BASE64 = Math.ceil((30 * 1024 * 1024) / 3) * 4;
const base64 = z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The files of one owner kind (e.g. 'evaluation'), as children of the record whose id they name. */
export const attachmentChild = (ownerKind: string): ChildTable => ({
  table: 'attachments',
  foreignKey: 'owner_id',
  key: ['id'],
  row: childRow(attachments, { owner_kind: z.literal(ownerKind), content: base64 }),
});

/** What is wrong with the first file of `rows` as the receiver would take it, or null when all hold. */
export function attachmentProblem(db: Db, rows: readonly Row[] | undefined): string | null {
  const limit = attachmentLimit(db);
  for (const row of rows ?? []) {
    const name = String(row.name);
    const bytes = Buffer.from(String(row.content), 'base64');
    if (bytes.length !== row.size) return `附件“${name}”的内容长度（${bytes.length} 字节）与声明的大小（${String(row.size)} 字节）不一致，文件在传递中损坏或被改动`;
    if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) return `附件“${name}”的内容与其 SHA-256 校验值不一致，文件在传递中损坏或被改动`;
    const check = checkAttachment(name, bytes, limit);
    if (!check.ok) return `附件${check.message.replace(/：请.*$|，请.*$/, '')}（本机的附件大小上限与类型规则）`;
    if (check.mime !== row.mime) return `附件“${name}”声明的类型（${String(row.mime)}）与文件内容（${check.mime}）不符`;
  }
  return null;
}
