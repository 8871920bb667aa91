// 结果应用: the year's list of budget adjustment proposals as the bureau generated it (a snapshot, so the
// list handed to the budget section stays what it was), each line with its trace, and the budget section's
// decision on it.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DECISIONS, GRADE_SOURCES, MEASURES } from '../../electron/domain/results';
import { checkBoolean, checkCounter, checkFen, checkJson, checkOneOf, checkYear, exchangedColumns, sqlNow } from './common';
import { projects } from './projects';

const BASE_KINDS = ['next-year', 'this-year'] as const;

/** One list per region and year: who generated it last, and when. */
export const resultLists = sqliteTable(
  'result_lists',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    /** The operator who generated it: nobody records the budget section's decisions on their own list. */
    generatedBy: text('generated_by'),
    generatedByName: text('generated_by_name').notNull(),
    generatedAt: text('generated_at').notNull().default(sqlNow),
  },
  (t) => [uniqueIndex('result_lists_natural_key').on(t.regionCode, t.year), checkYear('result_lists'), checkBoolean('result_lists', 'deleted')],
);

/** A proposal for one project of the year, as the rules gave it when the list was generated. */
export const resultProposals = sqliteTable(
  'result_proposals',
  {
    id: text('id').primaryKey(),
    listId: text('list_id').notNull().references(() => resultLists.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    projectId: text('project_id').notNull().references(() => projects.id),
    projectCode: text('project_code').notNull(),
    projectName: text('project_name').notNull(),
    unitCode: text('unit_code').notNull(),
    unitName: text('unit_name').notNull(),
    grade: text('grade').notNull(),
    gradeSource: text('grade_source', { enum: GRADE_SOURCES }).notNull(),
    /** The evaluation or self-evaluation whose grade decided. */
    gradeRecordId: text('grade_record_id').notNull(),
    measure: text('measure', { enum: MEASURES }).notNull(),
    measureLabel: text('measure_label').notNull(),
    baseKind: text('base_kind', { enum: BASE_KINDS }).notNull(),
    baseFen: integer('base_fen').notNull(),
    proposedFen: integer('proposed_fen').notNull(),
    adjustedFen: integer('adjusted_fen').notNull(),
    executedFen: integer('executed_fen').notNull(),
    recoverFen: integer('recover_fen').notNull(),
    /** JSON array of the rules applied, in order. */
    trace: text('trace').notNull(),
    decision: text('decision', { enum: DECISIONS }),
    /** What the decision arranges next year, in 分. */
    decidedFen: integer('decided_fen'),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: text('decided_at'),
  },
  (t) => [
    uniqueIndex('result_proposals_seq').on(t.listId, t.seq),
    index('result_proposals_project').on(t.projectId),
    checkCounter('result_proposals', 'seq', 1),
    checkOneOf('result_proposals', 'grade_source', GRADE_SOURCES),
    checkOneOf('result_proposals', 'measure', MEASURES),
    checkOneOf('result_proposals', 'base_kind', BASE_KINDS),
    checkOneOf('result_proposals', 'decision', DECISIONS, { nullable: true }),
    checkJson('result_proposals', 'trace'),
    ...['base_fen', 'proposed_fen', 'adjusted_fen', 'executed_fen', 'recover_fen'].map((column) => checkFen('result_proposals', column)),
    checkFen('result_proposals', 'decided_fen', { nullable: true }),
  ],
);
