// A ruled government form as an xlsx sheet: its title and scope lines, then the form's grid with every
// span merged, the column widths of the printed page, and the print area set to exactly the form, so
// that 打印 in Excel gives the annex as the ministry lays it out.
import * as XLSX from 'xlsx';
import type { GridCell, GridRow } from '../domain/disclosure';
import { formatWanYuan } from '../domain/money';

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

function cellValue(cell: GridCell): XLSX.CellObject {
  if (cell.fen === undefined) return { t: 's', v: cell.text };
  // Money is a number in 万元 with 4 decimals, so the sheet can still be summed in Excel.
  return { t: 'n', v: Number(formatWanYuan(cell.fen, { grouping: false })), z: '0.0000' };
}

function worksheet(spec: GridSheet): XLSX.WorkSheet {
  const last = spec.columnCount - 1;
  const aoa: (XLSX.CellObject | null)[][] = [
    [{ t: 's', v: spec.title }],
    [{ t: 's', v: spec.subtitle }, ...Array<null>(last - 2).fill(null), { t: 's', v: '金额单位：万元' }],
    ...spec.rows.map((row) => row.map((cell) => (cell ? cellValue(cell) : null))),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
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
  sheet['!merges'] = merges;
  sheet['!cols'] = spec.widths.map((wch) => ({ wch }));
  sheet['!margins'] = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  return sheet;
}

/** The print area of a sheet: the whole form, title included, as Excel's defined name holds it. */
const printArea = (name: string, spec: GridSheet) =>
  `'${name.replace(/'/g, "''")}'!$A$1:$${XLSX.utils.encode_col(spec.columnCount - 1)}$${spec.rows.length + GRID_PREAMBLE_ROWS}`;

/** A workbook of ruled forms, one per sheet, each with its print area. Names must be valid and unique. */
export function gridWorkbook(sheets: readonly GridSheet[]): Uint8Array {
  const book = XLSX.utils.book_new();
  const names: XLSX.DefinedName[] = [];
  sheets.forEach((spec, index) => {
    XLSX.utils.book_append_sheet(book, worksheet(spec), spec.name);
    names.push({ Name: '_xlnm.Print_Area', Sheet: index, Ref: printArea(spec.name, spec) });
  });
  book.Workbook = { ...book.Workbook, Names: names };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}
