// Reading and writing the plain Excel sheets that units and the budget system exchange with the bureau.
// Columns are found by their Chinese header, wherever the header row sits, so that a title row above
// the table or reordered columns do not break an import.
import zlib from 'node:zlib';
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
/** Bounds met before SheetJS parses: a workbook inflating past them would take the app to gigabytes. */
export const WORKBOOK_LIMITS = { inflatedBytes: 100 * 1024 * 1024, rows: 50_000, columns: 200 } as const;
const MB = 1024 * 1024;

/** .xlsx is a zip; the older .xls (and an encrypted .xlsx) is an OLE compound file. */
const WORKBOOK_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
] as const;

const hasWorkbookSignature = (bytes: Uint8Array) => WORKBOOK_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));

const NOT_A_WORKBOOK = '该文件不是有效的 Excel（.xlsx）文件';

const tooLarge = (what: string) =>
  new AppError('BAD_FILE', `Excel 文件${what}，超过本软件的上限（解压后 ${WORKBOOK_LIMITS.inflatedBytes / MB}MB、每张表 ${WORKBOOK_LIMITS.rows} 行、${WORKBOOK_LIMITS.columns} 列），未导入。请删去多余的行、列或工作表，或拆成几个文件后再导入`);

/** The zip's end-of-central-directory record: within the last 64 KB (its comment) + 22 bytes. */
function centralDirectoryEnd(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new AppError('BAD_FILE', `${NOT_A_WORKBOOK}：文件不完整（可能在复制时被截断）。请重新保存或复制后再导入`);
}

/**
 * Checks an .xlsx's inflated size from its central directory before anything is inflated, then inflates
 * each member with its declared size as the ceiling, so that a member lying about its size is caught too.
 */
function checkInflatedSize(bytes: Uint8Array): void {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = centralDirectoryEnd(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const members: { method: number; compressed: number; size: number; offset: number }[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) throw new AppError('BAD_FILE', `${NOT_A_WORKBOOK}：压缩包目录已损坏`);
    const member = { method: zip.readUInt16LE(at + 10), compressed: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24), offset: zip.readUInt32LE(at + 42) };
    total += member.size;
    if (total > WORKBOOK_LIMITS.inflatedBytes) throw tooLarge(`解压后超过 ${WORKBOOK_LIMITS.inflatedBytes / MB}MB`);
    members.push(member);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  for (const member of members) {
    if (member.method !== 8 || member.offset + 30 > zip.length) continue;
    const start = member.offset + 30 + zip.readUInt16LE(member.offset + 26) + zip.readUInt16LE(member.offset + 28);
    try {
      zlib.inflateRawSync(zip.subarray(start, start + member.compressed), { maxOutputLength: Math.max(member.size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('内的数据比其目录声明的大（可能是恶意构造的文件）');
      // Damage is SheetJS's to report, with the message below.
    }
  }
}

/** Rows and columns of each sheet, from the range SheetJS saw before it stopped at the row limit. */
function checkSheetSize(workbook: XLSX.WorkBook): void {
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name]!;
    const ref = sheet['!fullref'] ?? sheet['!ref'];
    if (!ref) continue;
    const range = XLSX.utils.decode_range(ref);
    const rows = range.e.r - range.s.r + 1;
    const columns = range.e.c - range.s.c + 1;
    if (rows > WORKBOOK_LIMITS.rows) throw tooLarge(`的工作表“${name}”有 ${rows} 行`);
    if (columns > WORKBOOK_LIMITS.columns) throw tooLarge(`的工作表“${name}”有 ${columns} 列`);
  }
}

export function readWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  if (bytes.byteLength === 0) throw new AppError('BAD_FILE', '文件是空的，请选择填好的 Excel 文件');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new AppError('BAD_FILE', 'Excel 文件超过 20MB，请拆分后再导入');
  // SheetJS reads almost anything (a .txt as CSV, an HTML page as a table), which would end in a
  // misleading “缺少表头”; only real workbooks go further.
  if (!hasWorkbookSignature(bytes)) {
    throw new AppError('BAD_FILE', `${NOT_A_WORKBOOK}（可能是文本、Word 或其他文件改了扩展名）。请选择用 Excel 保存的 .xlsx 文件，或使用本软件导出的模板`);
  }
  if (bytes[0] === 0x50) checkInflatedSize(bytes);
  let workbook: XLSX.WorkBook;
  try {
    // One row past the limit is enough to tell a sheet that is too long.
    workbook = XLSX.read(bytes, { type: 'array', cellDates: true, sheetStubs: true, dense: true, sheetRows: WORKBOOK_LIMITS.rows + 1 });
  } catch {
    throw new AppError('BAD_FILE', `${NOT_A_WORKBOOK}：文件已损坏、已加密，或是改了扩展名的其他文件（如 Word 文档）。请在 Excel 中打开并另存为 .xlsx 后再导入`);
  }
  checkSheetSize(workbook);
  return workbook;
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
