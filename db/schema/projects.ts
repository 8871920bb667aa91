// 项目库 and 绩效目标: projects per year with their funds by source, project targets and department-wide
// targets (one `targets` table, kind project|department), their indicator rows, the department task
// table, in-year target adjustments, and what was published.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DISCLOSURE_KINDS } from '../../electron/domain/disclosure';
import { ACCRUALS } from '../../electron/domain/indicators';
import { FUND_SOURCES, PROJECT_ATTRIBUTES, PROJECT_CATEGORIES } from '../../electron/domain/projects';
import { REVIEW_GRADES } from '../../electron/domain/targets';
import { checkBoolean, checkCounter, checkFen, checkJson, checkOneOf, checkReviewChain, checkWorkflowStatus, checkYear, exchangedColumns, reviewChainColumns, sqlNow, workflowStatus } from './common';

// The vocabularies are domain rules (the forms check them while typing); the columns reuse them.
export { FUND_SOURCES, PROJECT_ATTRIBUTES, PROJECT_CATEGORIES, REVIEW_GRADES };

/** 项目. Natural key: region code + year + project code (the join key with the budget system). */
export const projects = sqliteTable(
  'projects',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    departmentCode: text('department_code').notNull(),
    unitCode: text('unit_code').notNull(),
    category: text('category', { enum: PROJECT_CATEGORIES }).notNull().default('本级支出'),
    attribute: text('attribute', { enum: PROJECT_ATTRIBUTES }).notNull().default('延续'),
    keyProject: integer('key_project', { mode: 'boolean' }).notNull().default(false),
    povertyFund: integer('poverty_fund', { mode: 'boolean' }).notNull().default(false),
    /** 涉密: never published. */
    confidential: integer('confidential', { mode: 'boolean' }).notNull().default(false),
    projectTypeCode: text('project_type_code'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    personInCharge: text('person_in_charge').notNull().default(''),
  },
  (t) => [
    uniqueIndex('projects_natural_key').on(t.regionCode, t.year, t.code),
    index('projects_unit').on(t.year, t.unitCode),
    checkYear('projects'),
    checkOneOf('projects', 'category', PROJECT_CATEGORIES),
    checkOneOf('projects', 'attribute', PROJECT_ATTRIBUTES),
    ...['deleted', 'key_project', 'poverty_fund', 'confidential'].map((column) => checkBoolean('projects', column)),
  ],
);

/** Funds of a project by source, in 分; adjusted = initial + additions − cuts is derived, never stored. */
export const projectFunds = sqliteTable(
  'project_funds',
  {
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    source: text('source', { enum: FUND_SOURCES }).notNull(),
    initialFen: integer('initial_fen').notNull().default(0),
    additionFen: integer('addition_fen').notNull().default(0),
    cutFen: integer('cut_fen').notNull().default(0),
  },
  (t) => [
    uniqueIndex('project_funds_key').on(t.projectId, t.source),
    checkOneOf('project_funds', 'source', FUND_SOURCES),
    ...['initial_fen', 'addition_fen', 'cut_fen'].map((column) => checkFen('project_funds', column)),
  ],
);

/**
 * 绩效目标: a project's targets (kind project, one per project) or a unit's department-wide targets
 * (kind department, one per unit and year). Natural key: region + year + kind + project/unit code.
 */
export const targets = sqliteTable(
  'targets',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['project', 'department'] }).notNull(),
    /** The project code for kind project; the unit code for kind department. */
    ownerCode: text('owner_code').notNull(),
    projectId: text('project_id').references(() => projects.id),
    status: workflowStatus(),
    overallGoal: text('overall_goal').notNull().default(''),
    /** JSON array of 年度目标 texts. */
    annualGoals: text('annual_goals').notNull().default('[]'),
    reviewGrade: text('review_grade', { enum: REVIEW_GRADES }),
    /** The last reviewer opinion (a return's reason, or a 良 grade's agreed changes). */
    reviewOpinion: text('review_opinion'),
    submittedAt: text('submitted_at'),
    /** The operator who last submitted it: nobody approves or returns what they submitted themselves. */
    submittedBy: text('submitted_by'),
    decidedAt: text('decided_at'),
    ...reviewChainColumns(),
    /** Department-wide only: budget split in 分 and the 职能概述. */
    basicFen: integer('basic_fen'),
    projectFen: integer('project_fen'),
    fiscalFen: integer('fiscal_fen'),
    otherFen: integer('other_fen'),
    functions: text('functions'),
    // 项目支出绩效目标申报表 (财预〔2015〕88号 annex 1), project targets only. A multi-year or continuing
    // project states its 中期 goal and funds beside the year's; a null split was never entered (the form
    // proposes one from the fund sources).
    midtermGoal: text('midterm_goal').notNull().default(''),
    midtermFiscalFen: integer('midterm_fiscal_fen'),
    midtermOtherFen: integer('midterm_other_fen'),
    annualFiscalFen: integer('annual_fiscal_fen'),
    annualOtherFen: integer('annual_other_fen'),
    /** 立项依据 */
    projectBasis: text('project_basis').notNull().default(''),
    /** 实施进度计划: JSON array of { period, work }. */
    schedule: text('schedule').notNull().default('[]'),
    contactPerson: text('contact_person').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
  },
  (t) => [
    uniqueIndex('targets_natural_key').on(t.regionCode, t.year, t.kind, t.ownerCode),
    index('targets_status').on(t.year, t.status),
    // Every list, board and dashboard joins targets to their projects: without it each join scans all targets of every year.
    index('targets_project').on(t.projectId),
    checkYear('targets'),
    checkOneOf('targets', 'kind', ['project', 'department']),
    checkWorkflowStatus('targets'),
    checkOneOf('targets', 'review_grade', REVIEW_GRADES, { nullable: true }),
    ...checkReviewChain('targets'),
    checkBoolean('targets', 'deleted'),
    checkJson('targets', 'annual_goals'),
    checkJson('targets', 'schedule'),
    ...['basic_fen', 'project_fen', 'fiscal_fen', 'other_fen', 'midterm_fiscal_fen', 'midterm_other_fen', 'annual_fiscal_fen', 'annual_other_fen'].map((column) => checkFen('targets', column, { nullable: true })),
  ],
);

/** The columns of an indicator row (level 1/2/3, operator, value, unit, definition, basis, weight), annual or 中期. */
const indicatorColumns = () => ({
  id: text('id').primaryKey(),
  targetId: text('target_id').notNull().references(() => targets.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  level1: text('level1').notNull(),
  level2: text('level2').notNull(),
  name: text('name').notNull(),
  operator: text('operator').notNull(),
  value: text('value').notNull(),
  unit: text('unit').notNull().default(''),
  /** 累计型 or 状态型 (domain.md §5): how monitoring reads the value reached against the target. */
  accrual: text('accrual', { enum: ACCRUALS }).notNull().default('cumulative'),
  definition: text('definition').notNull().default(''),
  basis: text('basis').notNull().default('计划标准'),
  weight: text('weight').notNull().default(''),
  libraryCode: text('library_code'),
  /** 评（扣）分标准 (财预〔2021〕101号 template): how the indicator will be scored. */
  scoringStandard: text('scoring_standard').notNull().default(''),
});

/** Indicator rows of a target: the year's (年度), which monitoring and self-evaluation measure. */
export const targetIndicators = sqliteTable('target_indicators', indicatorColumns(), (t) => [
  uniqueIndex('target_indicators_seq').on(t.targetId, t.seq),
  checkOneOf('target_indicators', 'accrual', ACCRUALS),
]);

/**
 * 中期绩效指标 of a multi-year or continuing project (88号 annex 1): the same shape as the year's, kept
 * apart so that monitoring and self-evaluation, which read the year's rows, never meet them.
 */
export const targetMidtermIndicators = sqliteTable('target_midterm_indicators', indicatorColumns(), (t) => [
  uniqueIndex('target_midterm_indicators_seq').on(t.targetId, t.seq),
  checkOneOf('target_midterm_indicators', 'accrual', ACCRUALS),
]);

/** 部门整体支出: the task table linking function → annual task → projects → amount. */
export const departmentTasks = sqliteTable(
  'department_tasks',
  {
    id: text('id').primaryKey(),
    targetId: text('target_id').notNull().references(() => targets.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    function: text('function').notNull(),
    task: text('task').notNull(),
    /** JSON array of project codes. */
    projectCodes: text('project_codes').notNull().default('[]'),
    /** 预算金额 总额; 财政拨款 and 其他资金 are its split (88号 annex 2), null where it was never entered. */
    amountFen: integer('amount_fen').notNull().default(0),
    /** 主要内容 */
    content: text('content').notNull().default(''),
    fiscalFen: integer('fiscal_fen'),
    otherFen: integer('other_fen'),
  },
  (t) => [
    uniqueIndex('department_tasks_seq').on(t.targetId, t.seq),
    checkFen('department_tasks', 'amount_fen'),
    checkFen('department_tasks', 'fiscal_fen', { nullable: true }),
    checkFen('department_tasks', 'other_fen', { nullable: true }),
    checkJson('department_tasks', 'project_codes'),
  ],
);

/**
 * 目标调整: an in-year change to an approved target, with its own approval. The original target stays as
 * approved; an approved adjustment's indicators replace the current ones and keep the original here.
 */
export const targetAdjustments = sqliteTable(
  'target_adjustments',
  {
    ...exchangedColumns(),
    targetId: text('target_id').notNull().references(() => targets.id),
    seq: integer('seq').notNull(),
    status: workflowStatus(),
    reason: text('reason').notNull(),
    /** JSON TargetContent (goals and indicator rows) as approved before this adjustment. */
    original: text('original').notNull(),
    /** JSON TargetContent: the proposed goals and indicator rows. */
    proposed: text('proposed').notNull(),
    opinion: text('opinion'),
    /** The operator who proposed it: nobody decides an adjustment they proposed themselves. */
    proposedBy: text('proposed_by'),
    createdAt: text('created_at').notNull().default(sqlNow),
    decidedAt: text('decided_at'),
    ...reviewChainColumns(),
  },
  (t) => [
    uniqueIndex('target_adjustments_seq').on(t.targetId, t.seq),
    checkWorkflowStatus('target_adjustments'),
    checkBoolean('target_adjustments', 'deleted'),
    checkJson('target_adjustments', 'original'),
    checkJson('target_adjustments', 'proposed'),
    ...checkReviewChain('target_adjustments'),
  ],
);

/** 绩效公开: what was published, when, by whom. */
export const disclosures = sqliteTable(
  'disclosures',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: DISCLOSURE_KINDS }).notNull(),
    /** A unit code, or '*' for the whole county. */
    scope: text('scope').notNull(),
    recordCount: integer('record_count').notNull(),
    fileName: text('file_name').notNull(),
    publishedAt: text('published_at').notNull().default(sqlNow),
    publishedBy: text('published_by').notNull(),
  },
  () => [checkYear('disclosures'), checkOneOf('disclosures', 'kind', DISCLOSURE_KINDS), checkCounter('disclosures', 'record_count', 0)],
);
