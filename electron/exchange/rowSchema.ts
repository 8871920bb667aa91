// The schema every incoming row is checked against before anything is written (exchange.md §11). It is
// derived from the row's drizzle table — column names, types, enums and nullability — so that a column
// added to a table is checked without anyone remembering to; a workflow adds what the table cannot say
// (JSON shapes, ranges) beside its exchange declaration.
//
// Each column's rule is compiled once, when the declaration is built, into a plain predicate: a package
// holds tens of thousands of rows, and walking each through a zod object was the largest part of an
// import after the writes themselves (issue 17).
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';

/** Whether a value as it travels fits one column. */
export type ColumnCheck = (value: unknown) => boolean;

/**
 * What a workflow may put in place of a column's rule: a zod schema (checked with it), or one of the
 * compiled rules below (jsonText, jsonStrings).
 */
export type ColumnRule = z.ZodType | CompiledRule;

/** A rule already compiled to a predicate. */
export interface CompiledRule {
  readonly fits: ColumnCheck;
}

/** The first column of a row that its schema refuses, with the value it holds there. */
export interface BadColumn {
  column: string;
  value: unknown;
}

/** What a row of one table may hold as it travels: each column's check, in the table's order. */
export interface RowSchema {
  readonly columns: readonly string[];
  /** The first column whose value does not fit (the columns themselves are checked by the importer). */
  firstBadColumn(row: Readonly<Record<string, unknown>>): BadColumn | null;
  /** The same for a row given as its values in the order of `columns`, as child rows travel and are stored. */
  firstBadValue(values: readonly unknown[]): BadColumn | null;
}

/** Columns the engine writes itself for every exchanged record; they travel beside the row, not in it. */
export const MANAGED_COLUMNS = new Set(['id', 'version', 'updated_at', 'deleted']);

const TEXT_LIMIT = 100_000;
/** 10 亿元 in 分 many times over, yet far below where integers stop being exact. */
const MAX_FEN = 10 ** 15;

const integerIn =
  (min: number, max: number): ColumnCheck =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const textUpTo =
  (limit: number): ColumnCheck =>
  (value) =>
    typeof value === 'string' && value.length <= limit;

/** An ISO date, optionally with a time: every *_at, *_date and deadline column is written so. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z?)?$/;
const isoDateTime: ColumnCheck = (value) => typeof value === 'string' && ISO_DATE_TIME.test(value);

/** Ranges that hold in every table by the column-naming conventions of db/schema. */
function conventionFor(name: string): ColumnCheck | undefined {
  if (name === 'year') return integerIn(2000, 2100);
  if (name.endsWith('_fen')) return integerIn(0, MAX_FEN);
  if (name === 'seq') return integerIn(0, 1_000_000);
  if (name.endsWith('_at') || name.endsWith('_date') || name === 'deadline') return isoDateTime;
  return undefined;
}

interface ColumnDeclaration {
  name: string;
  columnType: string;
  notNull: boolean;
  enumValues?: readonly string[] | undefined;
}

function typeCheck(column: ColumnDeclaration): ColumnCheck {
  if (column.columnType === 'SQLiteBoolean') return (value) => value === 0 || value === 1;
  if (column.columnType === 'SQLiteInteger') return integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (column.enumValues?.length) {
    const allowed = new Set<unknown>(column.enumValues);
    return (value) => allowed.has(value);
  }
  return textUpTo(TEXT_LIMIT);
}

const orNull =
  (check: ColumnCheck): ColumnCheck =>
  (value) =>
    value === null || check(value);

function columnCheck(column: ColumnDeclaration): ColumnCheck {
  const base = conventionFor(column.name) ?? typeCheck(column);
  return column.notNull ? base : orNull(base);
}

const isCompiled = (rule: ColumnRule): rule is CompiledRule => typeof (rule as Partial<CompiledRule>).fits === 'function';

/** A workflow's rule as a predicate; a zod schema replaces the column's nullability too, as it says. */
function ruleCheck(rule: ColumnRule): ColumnCheck {
  if (isCompiled(rule)) return rule.fits;
  return (value) => rule.safeParse(value).success;
}

/** A text column holding JSON that `fits` (the text itself is written unchanged). */
function jsonTextWhere(fits: ColumnCheck): CompiledRule {
  return {
    fits: (text) => {
      if (typeof text !== 'string' || text.length > TEXT_LIMIT) return false;
      try {
        return fits(JSON.parse(text));
      } catch {
        return false;
      }
    },
  };
}

/** A text column holding JSON of the given shape. */
export const jsonText = (shape: z.ZodType): CompiledRule => jsonTextWhere((value) => shape.safeParse(value).success);

const listedText = textUpTo(2000);
/** A text column holding a JSON list of up to 1,000 texts of up to 2,000 characters each. */
export const jsonStrings = jsonTextWhere((value) => Array.isArray(value) && value.length <= 1000 && value.every(listedText));

/**
 * The schema of a row of `table` as it travels: every column but `omit`, each checked by its table's
 * declaration or by `refine` (a column's rule replaced, nullability included).
 */
function tableRowSchema(table: SQLiteTable, omit: ReadonlySet<string>, refine: Record<string, ColumnRule>): RowSchema {
  const checks: { column: string; fits: ColumnCheck }[] = [];
  for (const column of Object.values(getTableColumns(table)) as ColumnDeclaration[]) {
    if (omit.has(column.name)) continue;
    const rule = refine[column.name];
    checks.push({ column: column.name, fits: rule ? ruleCheck(rule) : columnCheck(column) });
  }
  return {
    columns: checks.map((c) => c.column),
    firstBadColumn(row) {
      for (const { column, fits } of checks) {
        const value = row[column];
        if (!fits(value)) return { column, value };
      }
      return null;
    },
    firstBadValue(values) {
      for (let i = 0; i < checks.length; i++) {
        const { column, fits } = checks[i]!;
        if (!fits(values[i])) return { column, value: values[i] };
      }
      return null;
    },
  };
}

/** An exchanged record's row: its table's columns without the ones the engine manages. */
export const recordRow = (table: SQLiteTable, refine: Record<string, ColumnRule> = {}) => tableRowSchema(table, MANAGED_COLUMNS, refine);

/** A child row: every column of its table, the parent's foreign key included. */
export const childRow = (table: SQLiteTable, refine: Record<string, ColumnRule> = {}) => tableRowSchema(table, new Set(), refine);
