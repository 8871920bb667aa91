// 部门评价 / 财政评价 (domain.md §6): the evaluation templates by version, and the evaluations scored on
// one of them, a row per leaf with what the evaluator entered and the score its rule gave.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { EVALUATION_KINDS, EVALUATION_STANDARDS, TEMPLATE_KINDS } from '../../electron/domain/evaluation';
import { checkBoolean, checkCounter, checkJson, checkOneOf, checkWorkflowStatus, checkYear, exchangedColumns, sqlNow, workflowStatus } from './common';
import { evaluationPlanItems } from './evaluationPlans';
import { firmEngagements } from './experts';
import { projects } from './projects';

/**
 * One version of a template: its indicator tree as JSON (validated by the domain on every read and
 * write). A version an evaluation uses is frozen: editing it makes the next version instead.
 */
export const evaluationTemplates = sqliteTable(
  'evaluation_templates',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: TEMPLATE_KINDS }).notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    tree: text('tree').notNull(),
    frozen: integer('frozen', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').notNull().default(''),
    createdAt: text('created_at').notNull().default(sqlNow),
    updatedAt: text('updated_at').notNull().default(sqlNow),
    /** A template never goes away once an evaluation uses it; the column lets it travel like other records. */
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    /**
     * The county a received copy came from (the prefecture's copies of its counties' templates); null for
     * this installation's own. Names and versions are unique per installation, so only among its own.
     */
    originRegion: text('origin_region'),
  },
  (t) => [
    uniqueIndex('evaluation_templates_version').on(t.kind, t.name, t.version).where(sql`origin_region IS NULL`),
    index('evaluation_templates_origin').on(t.originRegion),
    checkOneOf('evaluation_templates', 'kind', TEMPLATE_KINDS),
    checkCounter('evaluation_templates', 'version', 1),
    checkJson('evaluation_templates', 'tree'),
    checkBoolean('evaluation_templates', 'frozen'),
  ],
);

/**
 * A 部门评价 (a 主管部门 of its units' projects) or 财政评价 (the bureau). Natural key: region + year +
 * kind + the project code (for a department-wide template, the unit code).
 */
export const evaluations = sqliteTable(
  'evaluations',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: EVALUATION_KINDS }).notNull(),
    /** The project code; the unit code when the template is department-wide. */
    subjectCode: text('subject_code').notNull(),
    /** The project evaluated; null when the template is department-wide. */
    projectId: text('project_id').references(() => projects.id),
    unitCode: text('unit_code').notNull(),
    templateId: text('template_id').notNull().references(() => evaluationTemplates.id),
    /** The plan item the evaluation carries out (a project's); null for a department-wide template. */
    planItemId: text('plan_item_id').references(() => evaluationPlanItems.id),
    /** The third-party firm's job (its contract of the year) the evaluation was done under, when a firm did it. */
    engagementId: text('engagement_id').references(() => firmEngagements.id),
    status: workflowStatus(),
    /** The methods used (EVALUATION_METHODS), a JSON list. */
    methods: text('methods').notNull().default('[]'),
    standard: text('standard', { enum: EVALUATION_STANDARDS }),
    /** 其他评价人员, as text: the experts and the firm are the plan item's assignments. */
    evaluators: text('evaluators').notNull().default(''),
    /** Findings, a JSON list of text. */
    findings: text('findings').notNull().default('[]'),
    totalScore: text('total_score'),
    grade: text('grade'),
    createdBy: text('created_by'),
    submittedAt: text('submitted_at'),
    /** Nobody approves or returns what they submitted themselves. */
    submittedBy: text('submitted_by'),
    reviewedBy: text('reviewed_by'),
    reviewOpinion: text('review_opinion'),
    decidedAt: text('decided_at'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('evaluations_natural_key').on(t.regionCode, t.year, t.kind, t.subjectCode),
    index('evaluations_year').on(t.year, t.status),
    index('evaluations_project').on(t.projectId),
    checkYear('evaluations'),
    checkOneOf('evaluations', 'kind', EVALUATION_KINDS),
    checkOneOf('evaluations', 'standard', EVALUATION_STANDARDS, { nullable: true }),
    checkWorkflowStatus('evaluations'),
    checkJson('evaluations', 'methods'),
    checkJson('evaluations', 'findings'),
    checkBoolean('evaluations', 'deleted'),
  ],
);

/** A leaf of the template (by its path in the tree) as scored: the inputs its rule reads, the evidence and the score. */
export const evaluationScores = sqliteTable(
  'evaluation_scores',
  {
    id: text('id').primaryKey(),
    evaluationId: text('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    value: text('value').notNull().default(''),
    target: text('target').notNull().default(''),
    count: text('count').notNull().default(''),
    /** A manual leaf's entered score. */
    entered: text('entered').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    /** The rule's score as last saved, 2 decimals; null while the leaf is not filled in. */
    score: text('score'),
  },
  (t) => [uniqueIndex('evaluation_scores_path').on(t.evaluationId, t.path)],
);
