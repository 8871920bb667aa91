// 绩效运行监控: rounds, one sheet per project in scope, execution per fund source, progress per indicator.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCRUALS } from '../../electron/domain/indicators';
import { ROUND_SCOPES } from '../../electron/domain/monitoring';
import { checkBoolean, checkFen, checkJson, checkOneOf, checkWorkflowStatus, checkYear, exchangedColumns, sqlNow, workflowStatus } from './common';
import { FUND_SOURCES, projects } from './projects';

/** A monitoring round. Natural key: region + year + month + seq. */
export const monitoringRounds = sqliteTable(
  'monitoring_rounds',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    seq: integer('seq').notNull().default(1),
    title: text('title').notNull(),
    deadline: text('deadline').notNull(),
    scope: text('scope', { enum: ROUND_SCOPES }).notNull(),
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('monitoring_rounds_key').on(t.regionCode, t.year, t.month, t.seq),
    checkYear('monitoring_rounds'),
    check('monitoring_rounds_month', sql.raw(`typeof("month") = 'integer' AND "month" BETWEEN 1 AND 12`)),
    checkOneOf('monitoring_rounds', 'scope', ROUND_SCOPES),
    checkBoolean('monitoring_rounds', 'closed'),
    checkBoolean('monitoring_rounds', 'deleted'),
  ],
);

/** A project's monitoring sheet in a round. Natural key: round key + project code. */
export const monitoringSheets = sqliteTable(
  'monitoring_sheets',
  {
    ...exchangedColumns(),
    roundId: text('round_id').notNull().references(() => monitoringRounds.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id),
    status: workflowStatus(),
    analysis: text('analysis').notNull().default(''),
    /** Why the budget light is red or yellow: JSON array of the slow-spending reasons (SLOW_SPENDING_REASONS). */
    budgetReasons: text('budget_reasons').notNull().default('[]'),
    budgetReasonOther: text('budget_reason_other').notNull().default(''),
    /** 纠偏措施 for the budget execution. */
    budgetMeasures: text('budget_measures').notNull().default(''),
    /** 年度总体目标 1–X月执行情况 (the goal itself is the approved target's). */
    goalProgress: text('goal_progress').notNull().default(''),
    /** 备注 of the 136号 annex. */
    remarks: text('remarks').notNull().default(''),
    reviewOpinion: text('review_opinion'),
    submittedAt: text('submitted_at'),
    /** The operator who last submitted it: nobody approves or returns what they submitted themselves. */
    submittedBy: text('submitted_by'),
    decidedAt: text('decided_at'),
  },
  (t) => [
    uniqueIndex('monitoring_sheets_key').on(t.roundId, t.projectId),
    index('monitoring_sheets_status').on(t.roundId, t.status),
    // A project's sheets across rounds (its whole cycle, the self-evaluation's prefill); the key leads with the round.
    index('monitoring_sheets_project').on(t.projectId),
    checkWorkflowStatus('monitoring_sheets'),
    checkBoolean('monitoring_sheets', 'deleted'),
  ],
);

/** Execution to date per fund source (1–N月执行数), in 分. */
export const monitoringFunds = sqliteTable(
  'monitoring_funds',
  {
    sheetId: text('sheet_id').notNull().references(() => monitoringSheets.id, { onDelete: 'cascade' }),
    source: text('source', { enum: FUND_SOURCES }).notNull(),
    /** 年初预算数, as the project's funds stood when the round opened. */
    initialFen: integer('initial_fen').notNull().default(0),
    adjustedFen: integer('adjusted_fen').notNull().default(0),
    executedFen: integer('executed_fen').notNull().default(0),
    /** 全年预计执行数; null until the unit forecasts it. */
    forecastFen: integer('forecast_fen'),
  },
  (t) => [
    uniqueIndex('monitoring_funds_key').on(t.sheetId, t.source),
    // Covers a sheet's fund totals, which the prefecture sums over every sheet of 27 rounds on one screen.
    index('monitoring_funds_totals').on(t.sheetId, t.adjustedFen, t.executedFen),
    checkOneOf('monitoring_funds', 'source', FUND_SOURCES),
    checkFen('monitoring_funds', 'initial_fen'),
    checkFen('monitoring_funds', 'adjusted_fen'),
    checkFen('monitoring_funds', 'executed_fen'),
    checkFen('monitoring_funds', 'forecast_fen', { nullable: true }),
  ],
);

/**
 * The columns of one approved indicator's progress, on a project or a department sheet. The indicator is
 * copied when the round opens: an approved target adjustment later rewrites the target's rows, and a past
 * round must still read against what was in force then (so indicator_id is provenance, not a foreign key).
 */
const indicatorProgressColumns = () => ({
  indicatorId: text('indicator_id').notNull(),
  seq: integer('seq').notNull().default(0),
  level1: text('level1').notNull().default(''),
  level2: text('level2').notNull().default(''),
  name: text('name').notNull().default(''),
  operator: text('operator').notNull().default(''),
  targetValue: text('target_value').notNull().default(''),
  unit: text('unit').notNull().default(''),
  /** 累计型 (prorated by 序时进度) or 状态型 (compared with the full target), as the target said then. */
  accrual: text('accrual', { enum: ACCRUALS }).notNull().default('cumulative'),
  reached: text('reached'),
  expectedFullYear: text('expected_full_year'),
  /** 确定能 / 有可能 / 完全不可能 */
  likelihood: text('likelihood'),
  /** JSON array of 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他 */
  reasons: text('reasons').notNull().default('[]'),
  reasonOther: text('reason_other').notNull().default(''),
  measures: text('measures').notNull().default(''),
});

/** Progress of one approved indicator in a project's sheet. */
export const monitoringIndicators = sqliteTable(
  'monitoring_indicators',
  {
    sheetId: text('sheet_id').notNull().references(() => monitoringSheets.id, { onDelete: 'cascade' }),
    ...indicatorProgressColumns(),
  },
  (t) => [
    uniqueIndex('monitoring_indicators_key').on(t.sheetId, t.indicatorId),
    // Covers what an indicator's light depends on: counting a round's lights reads no other column.
    index('monitoring_indicators_lights').on(t.sheetId, t.operator, t.targetValue, t.accrual, t.reached),
    checkOneOf('monitoring_indicators', 'accrual', ACCRUALS),
    checkJson('monitoring_indicators', 'reasons'),
  ],
);

/**
 * 部门整体绩效监控: a unit's whole budget in a round, opened for each unit with an approved department-wide
 * target. Its budget (基本支出 and 项目支出) is the target's as it stood when the round opened. Natural key:
 * round key + unit code.
 */
export const monitoringDepartmentSheets = sqliteTable(
  'monitoring_department_sheets',
  {
    ...exchangedColumns(),
    roundId: text('round_id').notNull().references(() => monitoringRounds.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    /** The approved department target it was opened from (provenance: an adjustment may rewrite it). */
    targetId: text('target_id').notNull(),
    status: workflowStatus(),
    basicBudgetFen: integer('basic_budget_fen').notNull().default(0),
    projectBudgetFen: integer('project_budget_fen').notNull().default(0),
    basicExecutedFen: integer('basic_executed_fen').notNull().default(0),
    projectExecutedFen: integer('project_executed_fen').notNull().default(0),
    /** Why the budget light is red or yellow: JSON array of the slow-spending reasons (SLOW_SPENDING_REASONS). */
    budgetReasons: text('budget_reasons').notNull().default('[]'),
    budgetReasonOther: text('budget_reason_other').notNull().default(''),
    budgetMeasures: text('budget_measures').notNull().default(''),
    /** 年度总体目标 执行情况 to date (1–X月), against the target's annual goals, as the 136号 grid has it. */
    goalProgress: text('goal_progress').notNull().default(''),
    remarks: text('remarks').notNull().default(''),
    reviewOpinion: text('review_opinion'),
    submittedAt: text('submitted_at'),
    /** The operator who last submitted it: nobody approves or returns what they submitted themselves. */
    submittedBy: text('submitted_by'),
    decidedAt: text('decided_at'),
  },
  (t) => [
    uniqueIndex('monitoring_department_sheets_key').on(t.roundId, t.unitCode),
    checkWorkflowStatus('monitoring_department_sheets'),
    checkBoolean('monitoring_department_sheets', 'deleted'),
    checkJson('monitoring_department_sheets', 'budget_reasons'),
    ...['basic_budget_fen', 'project_budget_fen', 'basic_executed_fen', 'project_executed_fen'].map((column) => checkFen('monitoring_department_sheets', column)),
  ],
);

/** Progress of one approved department-wide indicator in a department sheet. */
export const monitoringDepartmentIndicators = sqliteTable(
  'monitoring_department_indicators',
  {
    sheetId: text('sheet_id').notNull().references(() => monitoringDepartmentSheets.id, { onDelete: 'cascade' }),
    ...indicatorProgressColumns(),
  },
  (t) => [
    uniqueIndex('monitoring_department_indicators_key').on(t.sheetId, t.indicatorId),
    checkOneOf('monitoring_department_indicators', 'accrual', ACCRUALS),
    checkJson('monitoring_department_indicators', 'reasons'),
  ],
);

/**
 * A round's project lights as `roundLightCounts` counted them, kept so that the prefecture's screens (27
 * rounds of 1,200 sheets, each round's lights judged from 8,000 indicator rows) read one row a round. Never
 * trusted beyond what it was counted from: triggers (migration 0044) delete a round's row on any write to
 * one of its sheets (whose funds and indicators are written only with it), a package import counts the
 * rounds it wrote again, and `rules` is the fingerprint of the light rules it was judged by (the round's
 * month, the bureau's settings, the app version), compared on every read.
 */
export const monitoringRoundLights = sqliteTable(
  'monitoring_round_lights',
  {
    roundId: text('round_id')
      .primaryKey()
      .references(() => monitoringRounds.id, { onDelete: 'cascade' }),
    rules: text('rules').notNull(),
    red: integer('red').notNull(),
    yellow: integer('yellow').notNull(),
    green: integer('green').notNull(),
    blue: integer('blue').notNull(),
    none: integer('none').notNull(),
    unreported: integer('unreported').notNull(),
    adjustedFen: integer('adjusted_fen').notNull(),
    executedFen: integer('executed_fen').notNull(),
    computedAt: text('computed_at').notNull().default(sqlNow),
  },
  () => [checkJson('monitoring_round_lights', 'rules'), checkFen('monitoring_round_lights', 'adjusted_fen'), checkFen('monitoring_round_lights', 'executed_fen')],
);
