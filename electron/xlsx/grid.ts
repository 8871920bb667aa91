// A ruled government form as an xlsx sheet: its title and scope lines, then the form's grid with every
// span merged, the column widths of the printed page, and the print area set to exactly the form, so
// that 打印 in Excel gives the annex as the ministry lays it out.
import type * as XLSX from 'xlsx';
import type { GridRow } from '../domain/disclosure';
import { formWorkbook, gridCellObject, type FormSheet } from './formSheet';

export interface GridSheet {
  name: string;
  title: string;
  /** Left under the title (the year, the month); the amounts' unit goes right. */
  subtitle: string;
  columnCount: number;
  widths: readonly number[];
  rows: readonly GridRow[];
}

/** Rows above the form's grid: the title and the line with the subtitle and the unit. */
export const GRID_PREAMBLE_ROWS = 2;

/** The form sheet of a ruled form: the title, the subtitle with the unit on its right, the grid with its spans merged. */
function formOf(spec: GridSheet): FormSheet {
  const last = spec.columnCount - 1;
  const rows: (XLSX.CellObject | null)[][] = [
    [{ t: 's', v: spec.title }],
    [{ t: 's', v: spec.subtitle }, ...Array<null>(last - 2).fill(null), { t: 's', v: '金额单位：万元' }],
    ...spec.rows.map((row) => row.map((cell) => (cell ? gridCellObject(cell) : null))),
  ];
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: last } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: last - 2 } },
    { s: { r: 1, c: last - 1 }, e: { r: 1, c: last } },
  ];
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const rowSpan = cell?.rowSpan ?? 1;
      const colSpan = cell?.colSpan ?? 1;
      if (rowSpan > 1 || colSpan > 1) merges.push({ s: { r: r + GRID_PREAMBLE_ROWS, c }, e: { r: r + GRID_PREAMBLE_ROWS + rowSpan - 1, c: c + colSpan - 1 } });
    }),
  );
  return { name: spec.name, rows, merges, widths: spec.widths, orientation: 'landscape' };
}

/** A workbook of ruled forms, one per sheet, each with its print area and A4 landscape page. Names must be valid and unique. */
export const gridWorkbook = (sheets: readonly GridSheet[]): Uint8Array => formWorkbook(sheets.map(formOf));
