// 评价计划: per year and kind (财政评价 by the bureau, 部门评价 by a 主管部门 of its units' projects), the
// projects chosen, each with why, and the evaluators assigned to each (experts or a third-party firm).
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PLAN_KINDS, SELECTION_RULES } from '../../electron/domain/evaluationPlans';
import { checkOneOf, checkYear, sqlNow } from './common';
import { experts, firms } from './experts';
import { projects } from './projects';

/** One plan per year, kind and (for 部门评价) 主管部门; '' stands for the bureau's own plan. */
export const evaluationPlans = sqliteTable(
  'evaluation_plans',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    departmentCode: text('department_code').notNull().default(''),
    createdAt: text('created_at').notNull().default(sqlNow),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_plans_key').on(t.regionCode, t.year, t.kind, t.departmentCode),
    checkYear('evaluation_plans'),
    checkOneOf('evaluation_plans', 'kind', PLAN_KINDS),
  ],
);

/** A project in a plan, with the rule that chose it and why (printed on the plan). */
export const evaluationPlanItems = sqliteTable(
  'evaluation_plan_items',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id),
    rule: text('rule', { enum: SELECTION_RULES }).notNull(),
    reason: text('reason').notNull(),
    /** The seed of a random draw, so anyone can redo it. */
    seed: text('seed'),
    addedAt: text('added_at').notNull().default(sqlNow),
    addedBy: text('added_by').notNull(),
  },
  (t) => [uniqueIndex('evaluation_plan_items_project').on(t.planId, t.projectId), checkOneOf('evaluation_plan_items', 'rule', SELECTION_RULES)],
);

/** An evaluator of a plan item: an expert or a firm, never both. */
export const evaluationAssignments = sqliteTable(
  'evaluation_assignments',
  {
    id: text('id').primaryKey(),
    planItemId: text('plan_item_id').notNull().references(() => evaluationPlanItems.id, { onDelete: 'cascade' }),
    expertId: text('expert_id').references(() => experts.id),
    firmId: text('firm_id').references(() => firms.id),
    role: text('role').notNull(),
    assignedAt: text('assigned_at').notNull().default(sqlNow),
    assignedBy: text('assigned_by').notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_assignments_expert').on(t.planItemId, t.expertId),
    uniqueIndex('evaluation_assignments_firm').on(t.planItemId, t.firmId),
    check('evaluation_assignments_one_evaluator', sql.raw(`("expert_id" IS NULL) <> ("firm_id" IS NULL)`)),
  ],
);
