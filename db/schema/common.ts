// Column conventions shared by every table. Records that travel in exchange packages carry a UUID, a
// natural key (declared per table), a version, updated_at and a tombstone (`deleted`) instead of a hard
// delete, so that exports can be incremental and deletions can travel.
import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';
import { WORKFLOW_STATES } from '../../electron/domain/workflow';

/** SQL for the current time as ISO-8601 UTC text, the format of every updated_at. */
export const sqlNow = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const exchangedColumns = () => ({
  id: text('id').primaryKey(),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull().default(sqlNow),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
});

/** The maker/checker states of domain.md §11 (草稿 → 已送审 → 通过 | 被退回), defined in the domain layer. */
export const workflowStatus = () => text('status', { enum: WORKFLOW_STATES }).notNull().default('draft');
