// 自评复核: self-evaluation tables that units filled outside the program, imported for the bureau's
// review. The table is kept as written (JSON of text cells); its recomputation is made on every read by
// the domain layer, never stored, so that it always follows the current rules and settings.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { EXTERNAL_REVIEW_STATUSES } from '../../electron/domain/selfEvaluation/review';
import { checkBoolean, checkJson, checkOneOf, checkYear, exchangedColumns, sqlNow } from './common';
import { projects } from './projects';

/** One imported table. Natural key: region + year + unit + project name as written + id. */
export const selfEvaluationReviews = sqliteTable(
  'self_evaluation_reviews',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    /** The registered unit the table's 实施单位 (or 单位编码) was matched to. */
    unitCode: text('unit_code').notNull(),
    unitName: text('unit_name').notNull(),
    /** 项目名称 and 项目编码 as the table writes them; the project they were matched to, if any. */
    projectName: text('project_name').notNull(),
    projectCode: text('project_code').notNull().default(''),
    projectId: text('project_id').references(() => projects.id),
    fileName: text('file_name').notNull(),
    sheet: text('sheet').notNull(),
    rowNumber: integer('row_number').notNull(),
    /** The written table (electron/selfEvaluation/review/table.ts), validated by zod when read. */
    writtenTable: text('written_table').notNull(),
    importedBy: text('imported_by'),
    importedByName: text('imported_by_name').notNull(),
    importedAt: text('imported_at').notNull().default(sqlNow),
    status: text('status', { enum: EXTERNAL_REVIEW_STATUSES }).notNull().default('pending'),
    opinion: text('opinion'),
    reviewedBy: text('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: text('reviewed_at'),
  },
  (t) => [
    index('self_evaluation_reviews_by_status').on(t.regionCode, t.year, t.status),
    checkYear('self_evaluation_reviews'),
    checkOneOf('self_evaluation_reviews', 'status', EXTERNAL_REVIEW_STATUSES),
    checkJson('self_evaluation_reviews', 'written_table'),
    checkBoolean('self_evaluation_reviews', 'deleted'),
  ],
);
