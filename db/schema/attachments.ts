// 附件: files kept with a record (a notice's feedback today, evaluation reports next), content in SQLite
// so that a backup and a restore carry them with the record. electron/attachments/ is the only writer.
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ATTACHMENT_MIME_TYPES } from '../../electron/domain/attachments';
import { checkOneOf, sqlNow } from './common';

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    /** Which kind of record holds the file, e.g. rectification.draft or rectification.feedback. */
    ownerKind: text('owner_kind').notNull(),
    ownerId: text('owner_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull().default(sqlNow),
  },
  (t) => [
    // The owner's id first: the exchange engine reads and replaces a record's files by owner_id alone (a
    // child table's foreign key), while the attachments service names the kind too; one index serves both.
    index('attachments_owner').on(t.ownerId, t.ownerKind),
    checkOneOf('attachments', 'mime', ATTACHMENT_MIME_TYPES),
    check('attachments_size', sql.raw(`typeof("size") = 'integer' AND "size" > 0 AND "size" = length("content")`)),
    check('attachments_sha256', sql.raw(`length("sha256") = 64 AND "sha256" NOT GLOB '*[^0-9a-f]*'`)),
  ],
);
