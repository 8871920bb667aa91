// Column conventions shared by every table. Records that travel in exchange packages carry a UUID, a
// natural key (declared per table), a version, updated_at and a tombstone (`deleted`) instead of a hard
// delete, so that exports can be incremental and deletions can travel.
import { sql } from 'drizzle-orm';
import { check, integer, text } from 'drizzle-orm/sqlite-core';
import { REVIEW_STEPS } from '../../electron/domain/reviewChain';
import { WORKFLOW_STATES } from '../../electron/domain/workflow';

/** SQL for the current time as ISO-8601 UTC text, the format of every updated_at. */
export const sqlNow = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const exchangedColumns = () => ({
  id: text('id').primaryKey(),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull().default(sqlNow),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
});

/** The maker/checker states of domain.md §11 (草稿 → 已送审 → 通过 | 被退回), defined in the domain layer. */
export const workflowStatus = () => text('status', { enum: WORKFLOW_STATES }).notNull().default('draft');

// CHECK constraints, so that nothing (a script, a future bug, a hand edit) can store a value the domain
// does not know. Written as plain SQL on bare column names: they sit inside CREATE TABLE, where a
// table-qualified name would not resolve during drizzle-kit's table rebuild. Each is named after its table
// and column, which is what a refused write and a failed migration report.
const listed = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

export const checkOneOf = (table: string, column: string, values: readonly string[], options: { nullable?: boolean } = {}) =>
  check(`${table}_${column}`, sql.raw(`${options.nullable ? `"${column}" IS NULL OR ` : ''}"${column}" IN (${listed(values)})`));

/** Fiscal years the software handles (domain.md: fiscal year as integer). */
export const checkYear = (table: string) => check(`${table}_year`, sql.raw(`typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100`));

/** Money in 分: an integer, never negative (domain.md §3; a cut is its own non-negative column). */
export const checkFen = (table: string, column: string, options: { nullable?: boolean } = {}) =>
  check(`${table}_${column}`, sql.raw(`${options.nullable ? `"${column}" IS NULL OR ` : ''}(typeof("${column}") = 'integer' AND "${column}" >= 0)`));

export const checkBoolean = (table: string, column: string) => check(`${table}_${column}`, sql.raw(`"${column}" IN (0, 1)`));

export const checkJson = (table: string, column: string) => check(`${table}_${column}`, sql.raw(`json_valid("${column}")`));

export const checkWorkflowStatus = (table: string) => checkOneOf(table, 'status', WORKFLOW_STATES);

/** A counter (a sequence, a version, a count): an integer from `min` up. */
export const checkCounter = (table: string, column: string, min: number, options: { nullable?: boolean } = {}) =>
  check(`${table}_${column}`, sql.raw(`${options.nullable ? `"${column}" IS NULL OR ` : ''}(typeof("${column}") = 'integer' AND "${column}" >= ${min})`));

// SQLite has no regular expressions: a code's shape is its length and a GLOB that no character falls
// outside of the domain's class (written as inside GLOB brackets, e.g. 0-9A-Z).
const shaped = (expression: string, characters: string, min: number, max: number) =>
  `(length(${expression}) BETWEEN ${min} AND ${max} AND ${expression} NOT GLOB '*[^${characters}]*')`;

/** A code of `min`…`max` characters of one class, the SQL form of a domain pattern such as REGION_CODE. */
export const checkCode = (table: string, column: string, characters: string, min: number, max: number, options: { nullable?: boolean } = {}) =>
  check(`${table}_${column}`, sql.raw(`${options.nullable ? `"${column}" IS NULL OR ` : ''}${shaped(`"${column}"`, characters, min, max)}`));

/**
 * An exchange party's id (exchange/manifest.ts partyId): a 6-digit region code, or for a budget unit the
 * region code, a slash and the unit code (3–20 letters and digits, registry UNIT_CODE).
 */
export const checkPartyId = (table: string, column: string) =>
  check(
    `${table}_${column}`,
    sql.raw(
      `${shaped(`"${column}"`, '0-9', 6, 6)} OR (${shaped(`substr("${column}", 1, 6)`, '0-9', 6, 6)} AND substr("${column}", 7, 1) = '/' AND ${shaped(`substr("${column}", 8)`, '0-9A-Za-z', 3, 20)})`,
    ),
  );

/**
 * The review chain's columns (electron/domain/reviewChain.ts), the same on every record that may pass its
 * 主管部门 first: which step a submitted record waits for (null: the bureau), and the department's decision
 * on the latest submission, kept beside the bureau's so both print on the form.
 */
export const reviewChainColumns = () => ({
  reviewStep: text('review_step', { enum: REVIEW_STEPS }),
  departmentOpinion: text('department_opinion'),
  /** Whether the 主管部门 passed the submission on to the bureau or returned it to the unit. */
  departmentDecision: text('department_decision', { enum: ['approve', 'return'] }),
  departmentDecidedAt: text('department_decided_at'),
  /** The name of the 主管部门审核人 who decided, as the printed form shows it. */
  departmentDecidedBy: text('department_decided_by'),
});

export const checkReviewChain = (table: string) => [
  checkOneOf(table, 'review_step', REVIEW_STEPS, { nullable: true }),
  checkOneOf(table, 'department_decision', ['approve', 'return'], { nullable: true }),
];

/** The chain's columns as a package row names them, cleared: a sender's copy never settles who reviews at the receiver. */
export const REVIEW_CHAIN_CLEARED = { review_step: null, department_decision: null, department_opinion: null, department_decided_at: null, department_decided_by: null } as const;
