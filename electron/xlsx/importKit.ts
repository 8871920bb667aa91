// What every Excel import shows before it writes, in one shape for units, projects, the library, targets
// and monitoring rounds, so that one preview screen serves them all. Pure types and functions without Node
// imports: the renderer imports the types.

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

/** A problem named where the user will look: the sheet (in workbooks of several tables), the Excel row, the column header. */
export interface RowProblem {
  sheet?: string;
  rowNumber: number;
  column: string;
  message: string;
}

/** A preview lists at most this many problems (the first, in file order); `problemTotal` counts them all. */
export const PREVIEW_PROBLEM_LIMIT = 300;

/** One file's import before anything is written: what would happen to each row, and its first problems. */
export interface ImportPreview<R> {
  fileName: string;
  rows: R[];
  problems: RowProblem[];
  /** Every problem found, also those beyond the listed PREVIEW_PROBLEM_LIMIT. */
  problemTotal: number;
  counts: Record<ImportAction, number>;
}

/** A commit re-reads the same file: the same preview, and how many rows were written. */
export type ImportResult<P> = P & { written: number };

/**
 * Counts the rows by action and orders the problems as the user will walk the file: sheet by sheet
 * (in `sheetOrder`, else as the problems first name them), each top to bottom.
 */
export function summarise<R extends { action: ImportAction }>(
  fileName: string,
  rows: R[],
  problems: readonly RowProblem[],
  sheetOrder: readonly string[] = [],
): ImportPreview<R> {
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.action]++;
  const sheets = [...new Set([...sheetOrder, ...problems.map((p) => p.sheet ?? '')])];
  const rank = (p: RowProblem) => sheets.indexOf(p.sheet ?? '');
  const ordered = [...problems].sort((a, b) => rank(a) - rank(b) || a.rowNumber - b.rowNumber);
  return { fileName, rows, problems: ordered.slice(0, PREVIEW_PROBLEM_LIMIT), problemTotal: problems.length, counts };
}
