// Reading and writing the plain Excel sheets that units and the budget system exchange with the bureau.
// Columns are found by their Chinese header, wherever the header row sits, so that a title row above
// the table or reordered columns do not break an import.
import * as XLSX from 'xlsx';
import { localDate } from '../domain/clock';
import { AppError } from '../errors';

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}

export interface SheetRow<K extends string> {
  /** The row number as Excel shows it (1-based), for error messages. */
  rowNumber: number;
  values: Record<K, string>;
}

/** Header text compared without spaces, asterisks (required marks) or full-width brackets. */
const normaliseHeader = (text: string) => text.replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  // SheetJS makes a date cell local midnight, so only the local fields give the date typed in Excel.
  if (value instanceof Date) return localDate(value);
  return String(value).trim();
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** .xlsx is a zip; the older .xls (and an encrypted .xlsx) is an OLE compound file. */
const WORKBOOK_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
] as const;

const hasWorkbookSignature = (bytes: Uint8Array) => WORKBOOK_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));

const NOT_A_WORKBOOK = '该文件不是有效的 Excel（.xlsx）文件';

export function readWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  if (bytes.byteLength === 0) throw new AppError('BAD_FILE', '文件是空的，请选择填好的 Excel 文件');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new AppError('BAD_FILE', 'Excel 文件超过 20MB，请拆分后再导入');
  // SheetJS reads almost anything (a .txt as CSV, an HTML page as a table), which would end in a
  // misleading “缺少表头”; only real workbooks go further.
  if (!hasWorkbookSignature(bytes)) {
    throw new AppError('BAD_FILE', `${NOT_A_WORKBOOK}（可能是文本、Word 或其他文件改了扩展名）。请选择用 Excel 保存的 .xlsx 文件，或使用本软件导出的模板`);
  }
  try {
    return XLSX.read(bytes, { type: 'array', cellDates: true, sheetStubs: true, dense: true });
  } catch {
    throw new AppError('BAD_FILE', `${NOT_A_WORKBOOK}：文件已损坏、已加密，或是改了扩展名的其他文件（如 Word 文档）。请在 Excel 中打开并另存为 .xlsx 后再导入`);
  }
}

/**
 * Reads the first sheet that has all required headers. Empty rows are skipped; every other row is
 * returned with its Excel row number so that each problem can be reported where the user will look.
 */
export function readTable<K extends string>(bytes: Uint8Array, columns: readonly ColumnSpec<K>[]): SheetRow<K>[] {
  const workbook = readWorkbook(bytes);
  const required = columns.filter((c) => c.required);
  let missing: string[] = required.map((c) => c.header);
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName]!;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
    for (let headerIndex = 0; headerIndex < Math.min(grid.length, 10); headerIndex++) {
      const header = (grid[headerIndex] ?? []).map((cell) => normaliseHeader(cellText(cell)));
      const positions = new Map<K, number>();
      for (const column of columns) {
        const names = [column.header, ...(column.aliases ?? [])].map(normaliseHeader);
        const at = header.findIndex((h) => names.includes(h));
        if (at >= 0) positions.set(column.key, at);
      }
      const lacking = required.filter((c) => !positions.has(c.key)).map((c) => c.header);
      if (lacking.length < missing.length) missing = lacking;
      if (lacking.length > 0) continue;
      const rows: SheetRow<K>[] = [];
      for (let r = headerIndex + 1; r < grid.length; r++) {
        const cells = grid[r] ?? [];
        const values = {} as Record<K, string>;
        for (const column of columns) {
          const at = positions.get(column.key);
          values[column.key] = at === undefined ? '' : cellText(cells[at]);
        }
        if (Object.values<string>(values).every((v) => v === '')) continue;
        rows.push({ rowNumber: r + 1, values });
      }
      return rows;
    }
  }
  throw new AppError('BAD_FILE', `文件中找不到所需的表头：缺少“${missing.join('”“')}”列。请使用本软件导出的模板`);
}

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  widths?: readonly number[];
}

export function writeWorkbook(sheets: readonly SheetSpec[]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const spec of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet([spec.headers as string[], ...(spec.rows as (string | number | null)[][])]);
    sheet['!cols'] = (spec.widths ?? spec.headers.map((h) => Math.max(10, h.length * 2 + 2))).map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(workbook, sheet, spec.name);
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

export const yesNo = (value: boolean) => (value ? '是' : '否');

/** Reads 是/否 as users type it; undefined when the text is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', ''].includes(t)) return false;
  return undefined;
}
