// 专家库 and 第三方机构: the county's evaluation experts with their declared conflicts of interest, and the
// third-party firms with their engagements per year and the quality rating of each job.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { checkBoolean, checkFen, checkYear, sqlNow } from './common';

/** 专家. */
export const experts = sqliteTable(
  'experts',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    title: text('title').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    /** The budget unit the expert works for, when registered: the conflict rule reads it. */
    unitCode: text('unit_code'),
    contact: text('contact').notNull().default(''),
    /** 可用 / 暂停. */
    available: integer('available', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull().default(sqlNow),
  },
  (t) => [index('experts_name').on(t.regionCode, t.name), checkBoolean('experts', 'available')],
);

/** A conflict of interest an expert declared with a unit: enforced like the organisation rule. */
export const expertConflicts = sqliteTable(
  'expert_conflicts',
  {
    id: text('id').primaryKey(),
    expertId: text('expert_id').notNull().references(() => experts.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    reason: text('reason').notNull(),
    recordedAt: text('recorded_at').notNull().default(sqlNow),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [uniqueIndex('expert_conflicts_unit').on(t.expertId, t.unitCode)],
);

/** 第三方机构. */
export const firms = sqliteTable(
  'firms',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    /** 统一社会信用代码 (GB 32100-2015, checked by its check character). */
    creditCode: text('credit_code').notNull(),
    qualifications: text('qualifications').notNull().default(''),
    contact: text('contact').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull().default(sqlNow),
  },
  (t) => [uniqueIndex('firms_credit_code').on(t.regionCode, t.creditCode)],
);

/** A firm's job in a year: what it evaluates, the contract, and the bureau's rating once done. */
export const firmEngagements = sqliteTable(
  'firm_engagements',
  {
    id: text('id').primaryKey(),
    firmId: text('firm_id').notNull().references(() => firms.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** What the job covers: the plan or the project(s), as the contract names them. */
    subject: text('subject').notNull(),
    /** The plan item it was assigned to, when the job came from an evaluation plan. */
    planItemId: text('plan_item_id'),
    contractFen: integer('contract_fen').notNull(),
    feeFen: integer('fee_fen').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: text('rated_at'),
    ratedBy: text('rated_by'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    index('firm_engagements_year').on(t.year, t.firmId),
    checkYear('firm_engagements'),
    checkFen('firm_engagements', 'contract_fen'),
    checkFen('firm_engagements', 'fee_fen'),
    check('firm_engagements_rating', sql.raw(`"rating" IS NULL OR ("rating" BETWEEN 1 AND 5 AND typeof("rating") = 'integer')`)),
  ],
);
