// 整改问责: the rectification notices a monitoring round, a self-evaluation or an evaluation opens.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCOUNTABILITY_MEASURES, NOTICE_HOLDERS, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from '../../electron/domain/rectification';
import { checkBoolean, checkCounter, checkOneOf, checkYear, exchangedColumns, sqlNow } from './common';
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
    /** How the source record reads in a list, e.g. 2020年8月监控 · LT-001 校舍维修. */
    sourceLabel: text('source_label').notNull().default(''),
    /** The 主管部门 the notice passes on its way to the unit and back; null: issued to the unit directly. */
    departmentCode: text('department_code'),
    holder: text('holder', { enum: NOTICE_HOLDERS }),
    /** What the 主管部门 adds when it passes the notice on to its unit. */
    departmentRequirements: text('department_requirements').notNull().default(''),
    issuedBy: text('issued_by'),
    issuedByName: text('issued_by_name'),
    issuedAt: text('issued_at'),
    returnCount: integer('return_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('rectifications_key').on(t.regionCode, t.year, t.seq),
    // The list reads a year without the region (the key leads with it); boards look notices up by what raised them; a project's cycle by project.
    index('rectifications_year').on(t.year, t.seq),
    index('rectifications_source').on(t.source, t.sourceId),
    index('rectifications_project').on(t.projectId),
    checkYear('rectifications'),
    checkOneOf('rectifications', 'source', RECTIFICATION_SOURCES),
    checkOneOf('rectifications', 'status', RECTIFICATION_STATUSES),
    checkBoolean('rectifications', 'deleted'),
    checkOneOf('rectifications', 'holder', NOTICE_HOLDERS, { nullable: true }),
    checkCounter('rectifications', 'return_count', 0),
  ],
);

/**
 * One round of feedback on a notice and what was decided on it: a resubmission after 退回 is a new round,
 * so every feedback and every opinion stays on the notice's timeline.
 */
export const rectificationRounds = sqliteTable(
  'rectification_rounds',
  {
    id: text('id').primaryKey(),
    rectificationId: text('rectification_id').notNull().references(() => rectifications.id),
    round: integer('round').notNull(),
    feedback: text('feedback').notNull(),
    answeredBy: text('answered_by'),
    answeredByName: text('answered_by_name').notNull(),
    answeredAt: text('answered_at').notNull().default(sqlNow),
    /** The 主管部门's look first: forwarded to the bureau, or returned to the unit. */
    departmentDecision: text('department_decision', { enum: ['forward', 'return'] }),
    departmentOpinion: text('department_opinion'),
    departmentByName: text('department_by_name'),
    departmentAt: text('department_at'),
    verdict: text('verdict', { enum: ['approve', 'return'] }),
    verdictOpinion: text('verdict_opinion'),
    verdictByName: text('verdict_by_name'),
    verdictAt: text('verdict_at'),
    /** 代录: the bureau entered the unit's (written) feedback on its behalf; false when the unit entered it on its own installation. */
    onBehalf: integer('on_behalf', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('rectification_rounds_key').on(t.rectificationId, t.round),
    checkCounter('rectification_rounds', 'round', 1),
    checkOneOf('rectification_rounds', 'department_decision', ['forward', 'return'], { nullable: true }),
    checkOneOf('rectification_rounds', 'verdict', ['approve', 'return'], { nullable: true }),
    checkBoolean('rectification_rounds', 'on_behalf'),
  ],
);

/** 问责: a measure taken on an overdue or repeatedly returned notice. */
export const accountabilityMeasures = sqliteTable(
  'accountability_measures',
  {
    id: text('id').primaryKey(),
    rectificationId: text('rectification_id').notNull().references(() => rectifications.id),
    measure: text('measure', { enum: ACCOUNTABILITY_MEASURES }).notNull(),
    detail: text('detail').notNull().default(''),
    takenOn: text('taken_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(sqlNow),
  },
  (t) => [index('accountability_measures_notice').on(t.rectificationId), checkOneOf('accountability_measures', 'measure', ACCOUNTABILITY_MEASURES)],
);
