// A published table as an xlsx: a title row, the scope line, two merged header rows and one block of rows
// per project (or unit) with its cells merged down, exactly the grid the print page shows. The
// self-evaluation tables also carry each project's full 项目支出绩效自评表 (10号 layout) on its own sheet.
import * as XLSX from 'xlsx';
import type { Db } from '../../db/open';
import { disclosureGrid, TABLE_LAYOUTS, type GridRow } from '../domain/disclosure';
import { formatWanYuan } from '../domain/money';
import { selfEvaluationSheets } from '../selfEvaluation';
import { disclosureTable, type DisclosureQuery, type DisclosureTable } from './targetTable';

/** Rows above the table's own header: the title and the scope line. */
const PREAMBLE_ROWS = 2;

function cellValue(cell: NonNullable<GridRow[number]>): XLSX.CellObject {
  if (cell.fen === undefined) return { t: 's', v: cell.text };
  // Money is a number in 万元 with 4 decimals, so the published sheet can still be summed in Excel.
  return { t: 'n', v: Number(formatWanYuan(cell.fen, { grouping: false })), z: '0.0000' };
}

function tableSheet(table: DisclosureTable, title: string, scopeName: string): XLSX.WorkSheet {
  const grid = disclosureGrid(table);
  const last = grid.columnCount - 1;
  const rows = [...grid.head, ...grid.body];
  const aoa: (XLSX.CellObject | null)[][] = [
    [{ t: 's', v: title }],
    [{ t: 's', v: `公开范围：${scopeName}` }, ...Array<null>(last - 2).fill(null), { t: 's', v: '金额单位：万元' }],
    ...rows.map((row) => row.map((cell) => (cell ? cellValue(cell) : null))),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: last } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: last - 2 } },
    { s: { r: 1, c: last - 1 }, e: { r: 1, c: last } },
  ];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const rowSpan = cell?.rowSpan ?? 1;
      const colSpan = cell?.colSpan ?? 1;
      if (rowSpan > 1 || colSpan > 1) {
        merges.push({ s: { r: r + PREAMBLE_ROWS, c }, e: { r: r + PREAMBLE_ROWS + rowSpan - 1, c: c + colSpan - 1 } });
      }
    }),
  );
  sheet['!merges'] = merges;
  sheet['!cols'] = grid.widths.map((wch) => ({ wch }));
  return sheet;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '表';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

/** The part of a county's table that one 主管部门 publishes with its own budget or final accounts. */
const departmentPart = (table: DisclosureTable, department: string): DisclosureTable => ({
  ...table,
  targets: table.targets.filter((t) => t.departmentName === department),
  selfEvaluations: table.selfEvaluations.filter((t) => t.departmentName === department),
});

/**
 * The workbook to publish. The county's workbook has the whole-county sheet first and then one sheet per
 * 主管部门, since each department also publishes its own part with its department budget; `tables` (the
 * self-evaluations' own forms) follow, each named by its project code.
 */
export function disclosureWorkbook(table: DisclosureTable, tables: readonly { code: string; sheet: XLSX.WorkSheet }[] = []): Uint8Array {
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  XLSX.utils.book_append_sheet(book, tableSheet(table, table.title, table.scopeName), sheetName(table.scopeName, taken));
  if (table.unitCode === null) {
    const departments = new Set([...table.targets, ...table.selfEvaluations].map((t) => t.departmentName));
    for (const department of departments) {
      const title = `${department}${table.year}年度${TABLE_LAYOUTS[table.kind].title}`;
      XLSX.utils.book_append_sheet(book, tableSheet(departmentPart(table, department), title, department), sheetName(department, taken));
    }
  }
  for (const { code, sheet } of tables) XLSX.utils.book_append_sheet(book, sheet, sheetName(code, taken));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

export const disclosureFileName = (table: DisclosureTable) => `${table.title}.xlsx`;

/** The file of a published table, as 导出 Excel saves it. */
export function disclosureFile(db: Db, query: DisclosureQuery): { fileName: string; bytes: Uint8Array } {
  const table = disclosureTable(db, query);
  const tables = table.kind === 'selfEvaluations' ? selfEvaluationSheets(db, table.year, table.selfEvaluations.map((s) => s.id)) : [];
  return { fileName: disclosureFileName(table), bytes: disclosureWorkbook(table, tables) };
}
