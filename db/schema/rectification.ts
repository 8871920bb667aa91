// 整改问责: the rectification notices a monitoring round, a self-evaluation or an evaluation opens.
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from '../../electron/domain/rectification';
import { checkBoolean, checkOneOf, checkYear, exchangedColumns, sqlNow } from './common';
import { projects } from './projects';

/**
 * 整改通知: opened from a monitoring round (and later from evaluations). Status flow of domain.md §8:
 * 待下达 → 已下达 → 已反馈 → 通过 | 退回.
 */
export const rectifications = sqliteTable(
  'rectifications',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    source: text('source', { enum: RECTIFICATION_SOURCES }).notNull(),
    sourceId: text('source_id'),
    projectId: text('project_id').references(() => projects.id),
    unitCode: text('unit_code').notNull(),
    problems: text('problems').notNull(),
    requirements: text('requirements').notNull().default(''),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('pending'),
    feedback: text('feedback').notNull().default(''),
    verdictOpinion: text('verdict_opinion'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('rectifications_key').on(t.regionCode, t.year, t.seq),
    checkYear('rectifications'),
    checkOneOf('rectifications', 'source', RECTIFICATION_SOURCES),
    checkOneOf('rectifications', 'status', RECTIFICATION_STATUSES),
    checkBoolean('rectifications', 'deleted'),
  ],
);
