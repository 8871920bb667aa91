// The check every printed form's grid must pass: each row's cells and the spans from the rows above cover
// every column exactly, so the HTML table and the merged xlsx lay out alike.
import type { GridRow } from '../domain/disclosure';

/** How many grid positions each row's cells and the spans from above cover. */
export function gridCoverage(rows: readonly GridRow[]): number[] {
  const covered = rows.map(() => new Set<number>());
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr]!.add(c + dc);
    }),
  );
  return covered.map((s) => s.size);
}
