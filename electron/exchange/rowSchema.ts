// The schema every incoming row is checked against before anything is written (exchange.md §11). It is
// derived from the row's drizzle table — column names, types, enums and nullability — so that a column
// added to a table is checked without anyone remembering to; a workflow adds what the table cannot say
// (JSON shapes, ranges) beside its exchange declaration.
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';

export type RowSchema = z.ZodType<Record<string, string | number | null>>;

/** Columns the engine writes itself for every exchanged record; they travel beside the row, not in it. */
export const MANAGED_COLUMNS = new Set(['id', 'version', 'updated_at', 'deleted']);

const TEXT_LIMIT = 100_000;
/** 10 亿元 in 分 many times over, yet far below where integers stop being exact. */
const MAX_FEN = 10 ** 15;

/** An ISO date, optionally with a time: every *_at, *_date and deadline column is written so. */
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z?)?$/);

/** Ranges that hold in every table by the column-naming conventions of db/schema. */
function conventionFor(name: string): z.ZodType | undefined {
  if (name === 'year') return z.number().int().min(2000).max(2100);
  if (name.endsWith('_fen')) return z.number().int().min(0).max(MAX_FEN);
  if (name === 'seq') return z.number().int().min(0).max(1_000_000);
  if (name.endsWith('_at') || name.endsWith('_date') || name === 'deadline') return isoDateTime;
  return undefined;
}

function columnSchema(column: { name: string; columnType: string; notNull: boolean; enumValues?: readonly string[] | undefined }): z.ZodType {
  const enumValues = column.enumValues as [string, ...string[]] | undefined;
  const base =
    conventionFor(column.name) ??
    (column.columnType === 'SQLiteBoolean'
      ? z.union([z.literal(0), z.literal(1)])
      : column.columnType === 'SQLiteInteger'
        ? z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
        : enumValues?.length
          ? z.enum(enumValues)
          : z.string().max(TEXT_LIMIT));
  return column.notNull ? base : base.nullable();
}

/** A text column holding JSON of the given shape (the text itself is written unchanged). */
export function jsonText(shape: z.ZodType): z.ZodType<string> {
  return z.string().max(TEXT_LIMIT).refine((text) => {
    try {
      return shape.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  });
}

export const jsonStrings = jsonText(z.array(z.string().max(2000)).max(1000));

/**
 * The schema of a row of `table` as it travels: every column but `omit`, exactly, refined by `refine`
 * (a column's schema replaced, nullability included).
 */
function tableRowSchema(table: SQLiteTable, omit: ReadonlySet<string>, refine: Record<string, z.ZodType>): RowSchema {
  const shape: Record<string, z.ZodType> = {};
  for (const column of Object.values(getTableColumns(table))) {
    if (omit.has(column.name)) continue;
    shape[column.name] = refine[column.name] ?? columnSchema(column as Parameters<typeof columnSchema>[0]);
  }
  return z.object(shape).strict() as unknown as RowSchema;
}

/** An exchanged record's row: its table's columns without the ones the engine manages. */
export const recordRow = (table: SQLiteTable, refine: Record<string, z.ZodType> = {}) => tableRowSchema(table, MANAGED_COLUMNS, refine);

/** A child row: every column of its table, the parent's foreign key included. */
export const childRow = (table: SQLiteTable, refine: Record<string, z.ZodType> = {}) => tableRowSchema(table, new Set(), refine);

/** The first column of `row` that `schema` refuses, for a message that names it. */
export function firstBadColumn(schema: RowSchema, row: unknown): { column: string; value: unknown } | null {
  const parsed = schema.safeParse(row);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const column = issue.path.length ? String(issue.path[0]) : (issue as { keys?: string[] }).keys?.[0] ?? '?';
  return { column, value: (row as Record<string, unknown> | null)?.[column] };
}
