// Government summary tables as xlsx (汇总表 sent up to the 自治区): a merged title row, a unit line, two
// header rows whose group headers span their columns and whose single headers span both rows, then the
// rows; printed on A4 landscape, one page wide, with the table as the print area (formSheet.ts writes it).
import type * as XLSX from 'xlsx';
import { formWorkbook, type FormSheet as PrintedForm } from './formSheet';

export interface FormColumn {
  header: string;
  /** Consecutive columns with the same group share one merged header above theirs. */
  group?: string;
  /** Excel's column width, in characters. */
  width: number;
}

/** A decimal written as a number (so the sheet still sums) shown with `format`, e.g. money as 0.00 万元. */
export interface FormNumber {
  decimal: string;
  format: string;
}

export type FormCell = string | number | FormNumber | null;

export interface FormSheet {
  name: string;
  title: string;
  /** The line under the title, right-aligned by custom: 金额单位：万元. */
  note: string;
  columns: readonly FormColumn[];
  rows: readonly (readonly FormCell[])[];
}

/** Rows above the table's body: the title, the note and two header rows. */
export const FORM_HEAD_ROWS = 4;

const cellOf = (cell: FormCell): XLSX.CellObject | null => {
  if (cell === null) return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  return { t: 'n', v: Number(cell.decimal), z: cell.format };
};

/** The two header rows and their merges: a group header over its run of columns, a lone header down both rows. */
function headerRows(columns: readonly FormColumn[]): { rows: (XLSX.CellObject | null)[][]; merges: XLSX.Range[] } {
  const top: (XLSX.CellObject | null)[] = [];
  const bottom: (XLSX.CellObject | null)[] = [];
  const merges: XLSX.Range[] = [];
  const [first, second] = [FORM_HEAD_ROWS - 2, FORM_HEAD_ROWS - 1];
  columns.forEach((column, c) => {
    if (!column.group) {
      top.push({ t: 's', v: column.header });
      bottom.push(null);
      merges.push({ s: { r: first, c }, e: { r: second, c } });
      return;
    }
    const startsGroup = columns[c - 1]?.group !== column.group;
    top.push(startsGroup ? { t: 's', v: column.group } : null);
    bottom.push({ t: 's', v: column.header });
    if (startsGroup) {
      let end = c;
      while (columns[end + 1]?.group === column.group) end++;
      if (end > c) merges.push({ s: { r: first, c }, e: { r: first, c: end } });
    }
  });
  return { rows: [top, bottom], merges };
}

function pageOf(spec: FormSheet): PrintedForm {
  const last = spec.columns.length - 1;
  const header = headerRows(spec.columns);
  return {
    name: spec.name,
    rows: [[{ t: 's', v: spec.title }], [...Array<null>(last).fill(null), { t: 's', v: spec.note }], ...header.rows, ...spec.rows.map((row) => row.map(cellOf))],
    merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: last } }, ...header.merges],
    widths: spec.columns.map((c) => c.width),
    orientation: 'landscape',
  };
}

/** The summary tables, each on A4 landscape, one page wide, with the table as its print area. */
export const writeFormWorkbook = (sheets: readonly FormSheet[]): Uint8Array => formWorkbook(sheets.map(pageOf));
