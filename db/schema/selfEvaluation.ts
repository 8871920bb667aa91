// 绩效自评 (财预〔2020〕10号 annexes): one self-evaluation per approved target — a project's 项目支出绩效自评表
// with the 项目资金 block per fund row of the form, or a unit's 部门整体支出绩效自评表 with its 基本支出 /
// 项目支出 block and its annual tasks — and a snapshot of each approved indicator with what the unit
// reports against it at year end. Both kinds share one table so that they have one review flow, one
// history and one exchange record.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCRUALS } from '../../electron/domain/indicators';
import { TIERS } from '../../electron/domain/selfEvaluation/scoring';
import { checkBoolean, checkFen, checkOneOf, checkReviewChain, checkWorkflowStatus, checkYear, exchangedColumns, reviewChainColumns, sqlNow, workflowStatus } from './common';
import { projects, targets } from './projects';

/** The 项目资金 rows below 年度资金总额 (which is their sum, never stored). */
export const SELF_EVALUATION_FUND_ROWS = ['appropriation', 'carryOver', 'other'] as const;
const FEN_COLUMNS = ['appropriation', 'carry_over', 'other', 'basic_spending', 'project_spending'].flatMap((row) => ['initial', 'adjusted', 'executed'].map((figure) => `${row}_${figure}_fen`));

export const SELF_EVALUATION_KINDS = ['project', 'department'] as const;

/**
 * A self-evaluation of a project (kind project) or of a unit's spending as a whole (kind department).
 * Natural key: region + year + kind + project code (the unit code for kind department, as targets do).
 */
export const selfEvaluations = sqliteTable(
  'self_evaluations',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: SELF_EVALUATION_KINDS }).notNull().default('project'),
    /** The project code; for kind department the unit code. */
    projectCode: text('project_code').notNull(),
    /** The project evaluated; null for kind department. */
    projectId: text('project_id').references(() => projects.id),
    /** The approved target it evaluates: its indicators were copied from there. */
    targetId: text('target_id').notNull().references(() => targets.id),
    /** The implementing unit when it was created, for a unit's list and its package. */
    unitCode: text('unit_code').notNull(),
    status: workflowStatus(),
    /** 年初预算数 / 全年预算数 / 全年执行数 per fund row, in 分. */
    appropriationInitialFen: integer('appropriation_initial_fen').notNull().default(0),
    appropriationAdjustedFen: integer('appropriation_adjusted_fen').notNull().default(0),
    appropriationExecutedFen: integer('appropriation_executed_fen').notNull().default(0),
    carryOverInitialFen: integer('carry_over_initial_fen').notNull().default(0),
    carryOverAdjustedFen: integer('carry_over_adjusted_fen').notNull().default(0),
    carryOverExecutedFen: integer('carry_over_executed_fen').notNull().default(0),
    otherInitialFen: integer('other_initial_fen').notNull().default(0),
    otherAdjustedFen: integer('other_adjusted_fen').notNull().default(0),
    otherExecutedFen: integer('other_executed_fen').notNull().default(0),
    /** Kind department: 年初预算数 / 全年预算数 / 全年执行数 of 基本支出 and 项目支出, in 分. */
    basicSpendingInitialFen: integer('basic_spending_initial_fen').notNull().default(0),
    basicSpendingAdjustedFen: integer('basic_spending_adjusted_fen').notNull().default(0),
    basicSpendingExecutedFen: integer('basic_spending_executed_fen').notNull().default(0),
    projectSpendingInitialFen: integer('project_spending_initial_fen').notNull().default(0),
    projectSpendingAdjustedFen: integer('project_spending_adjusted_fen').notNull().default(0),
    projectSpendingExecutedFen: integer('project_spending_executed_fen').notNull().default(0),
    /** Why the execution rate is below the bureau's line (90% by default). */
    budgetReason: text('budget_reason').notNull().default(''),
    /** 年度总体目标: 预期目标 as approved, 实际完成情况 as the unit reports it. */
    goalExpected: text('goal_expected').notNull().default(''),
    goalAchieved: text('goal_achieved').notNull().default(''),
    problems: text('problems').notNull().default(''),
    measures: text('measures').notNull().default(''),
    /** 总分 and 评价等级 as last saved (the rows decide them; kept for lists and the prefecture's board). */
    totalScore: text('total_score'),
    grade: text('grade'),
    submittedAt: text('submitted_at'),
    /** The operator who last submitted it: nobody approves or returns what they submitted themselves. */
    submittedBy: text('submitted_by'),
    reviewedBy: text('reviewed_by'),
    reviewOpinion: text('review_opinion'),
    decidedAt: text('decided_at'),
    ...reviewChainColumns(),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('self_evaluations_natural_key').on(t.regionCode, t.year, t.kind, t.projectCode),
    index('self_evaluations_status').on(t.year, t.status),
    index('self_evaluations_project').on(t.projectId),
    checkYear('self_evaluations'),
    checkOneOf('self_evaluations', 'kind', SELF_EVALUATION_KINDS),
    // A project's table names its project; a department-wide one names none.
    check('self_evaluations_kind_project', sql.raw(`("kind" = 'project') = ("project_id" IS NOT NULL)`)),
    checkWorkflowStatus('self_evaluations'),
    checkBoolean('self_evaluations', 'deleted'),
    ...FEN_COLUMNS.map((column) => checkFen('self_evaluations', column)),
    ...checkReviewChain('self_evaluations'),
  ],
);

/**
 * One approved indicator as it stood when the self-evaluation was created (indicator_id is provenance:
 * an adjustment rewrites the target's rows), with the actual value, the qualitative tier and score, any
 * deduction and the 偏差原因分析及改进措施.
 */
export const selfEvaluationIndicators = sqliteTable(
  'self_evaluation_indicators',
  {
    id: text('id').primaryKey(),
    selfEvaluationId: text('self_evaluation_id').notNull().references(() => selfEvaluations.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id').notNull(),
    seq: integer('seq').notNull(),
    level1: text('level1').notNull().default(''),
    level2: text('level2').notNull().default(''),
    name: text('name').notNull().default(''),
    operator: text('operator').notNull().default(''),
    targetValue: text('target_value').notNull().default(''),
    unit: text('unit').notNull().default(''),
    weight: text('weight').notNull().default(''),
    accrual: text('accrual', { enum: ACCRUALS }).notNull().default('cumulative'),
    actual: text('actual').notNull().default(''),
    tier: text('tier', { enum: TIERS }),
    /** A qualitative indicator's score, entered within its tier. */
    score: text('score').notNull().default(''),
    deduction: text('deduction').notNull().default(''),
    deductionReason: text('deduction_reason').notNull().default(''),
    deviationReason: text('deviation_reason').notNull().default(''),
  },
  (t) => [
    uniqueIndex('self_evaluation_indicators_seq').on(t.selfEvaluationId, t.seq),
    checkOneOf('self_evaluation_indicators', 'accrual', ACCRUALS),
    checkOneOf('self_evaluation_indicators', 'tier', TIERS, { nullable: true }),
  ],
);

/** 年度主要任务 of a department-wide self-evaluation: the approved task and what the unit reports done. */
export const selfEvaluationTasks = sqliteTable(
  'self_evaluation_tasks',
  {
    id: text('id').primaryKey(),
    selfEvaluationId: text('self_evaluation_id').notNull().references(() => selfEvaluations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    function: text('function').notNull().default(''),
    task: text('task').notNull().default(''),
    /** The amount the approved task table gave it, in 分. */
    amountFen: integer('amount_fen').notNull().default(0),
    /** 完成情况, as the unit writes it. */
    completion: text('completion').notNull().default(''),
  },
  (t) => [uniqueIndex('self_evaluation_tasks_seq').on(t.selfEvaluationId, t.seq), checkFen('self_evaluation_tasks', 'amount_fen')],
);

/**
 * 抽查: the bureau's draw of approved self-evaluations to recheck, one row per drawn table. A draw is
 * reproducible from its seed, share and the year's approved tables then; the recheck records an adjusted
 * score with reasons beside the unit's own, which stays as it was.
 */
export const selfEvaluationSpotChecks = sqliteTable(
  'self_evaluation_spot_checks',
  {
    id: text('id').primaryKey(),
    drawId: text('draw_id').notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    seed: text('seed').notNull(),
    /** Percent of the approved tables drawn, 1–100. */
    share: integer('share').notNull(),
    selfEvaluationId: text('self_evaluation_id').notNull().references(() => selfEvaluations.id),
    drawnAt: text('drawn_at').notNull().default(sqlNow),
    drawnBy: text('drawn_by').notNull(),
    /** The unit's total when drawn, and the bureau's after rechecking. */
    unitScore: text('unit_score'),
    adjustedScore: text('adjusted_score'),
    adjustedGrade: text('adjusted_grade'),
    reasons: text('reasons').notNull().default(''),
    recheckedBy: text('rechecked_by'),
    recheckedAt: text('rechecked_at'),
  },
  (t) => [
    uniqueIndex('self_evaluation_spot_checks_drawn').on(t.year, t.selfEvaluationId),
    index('self_evaluation_spot_checks_draw').on(t.drawId),
    checkYear('self_evaluation_spot_checks'),
    check('self_evaluation_spot_checks_share', sql.raw(`typeof("share") = 'integer' AND "share" BETWEEN 1 AND 100`)),
  ],
);
