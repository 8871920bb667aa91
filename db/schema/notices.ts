// 上级通知: what a prefecture writes to its counties (title, text, date, files), one copy per county so that
// each travels in that county's reply; the county's read mark is its only answer and may go back up.
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { checkBoolean, checkYear, exchangedColumns, sqlNow } from './common';

/** A notice to one county. Natural key: the county's region + year + seq. */
export const notices = sqliteTable(
  'notices',
  {
    ...exchangedColumns(),
    /** The county it is addressed to. */
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    issuedOn: text('issued_on').notNull(),
    issuedByName: text('issued_by_name').notNull(),
    /** When and by whom the county marked it read; null while unread. */
    readAt: text('read_at'),
    readBy: text('read_by'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('notices_key').on(t.regionCode, t.year, t.seq),
    checkYear('notices'),
    check('notices_issued_on', sql.raw(`"issued_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`)),
    check('notices_read', sql.raw(`("read_at" IS NULL) = ("read_by" IS NULL)`)),
    checkBoolean('notices', 'deleted'),
  ],
);
