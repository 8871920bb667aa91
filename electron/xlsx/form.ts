// Government summary tables as xlsx (汇总表 sent up to the 自治区): a merged title row, a unit line, two
// header rows whose group headers span their columns and whose single headers span both rows, then the
// rows; printed on A4 landscape, one page wide, with the table as the print area. SheetJS CE writes
// merges, widths and print areas but no page setup, so the page setup goes into each sheet's XML after.
import * as XLSX from 'xlsx';

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

function formSheet(spec: FormSheet): XLSX.WorkSheet {
  const last = spec.columns.length - 1;
  const header = headerRows(spec.columns);
  const sheet = XLSX.utils.aoa_to_sheet([
    [{ t: 's', v: spec.title }],
    [...Array<null>(last).fill(null), { t: 's', v: spec.note }],
    ...header.rows,
    ...spec.rows.map((row) => row.map(cellOf)),
  ]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: last } }, ...header.merges];
  sheet['!cols'] = spec.columns.map((c) => ({ wch: c.width }));
  sheet['!margins'] = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  return sheet;
}

const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The print area of each sheet: the title row to the last row, every column. */
function printAreas(sheets: readonly FormSheet[]): XLSX.DefinedName[] {
  return sheets.map((spec, index) => {
    const end = XLSX.utils.encode_cell({ r: FORM_HEAD_ROWS + spec.rows.length - 1, c: spec.columns.length - 1 }).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    return { Name: '_xlnm.Print_Area', Sheet: index, Ref: `${quotedSheet(spec.name)}!$A$1:${end}` };
  });
}

/** Paper 9 is A4; fitToHeight 0 lets a long table run onto more pages while staying one page wide. */
const PAGE_SETUP = '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
const FIT_TO_PAGE = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';

/** What this file uses of SheetJS's zip container (CFB, untyped in SheetJS's declarations). */
interface ZipContainer {
  FullPaths: string[];
  FileIndex: { content: Uint8Array; size: number }[];
}

/** Each worksheet printed landscape on A4, fitted to the page width (the elements in the schema's order). */
function withLandscapePages(bytes: Uint8Array): Uint8Array {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' }) as ZipContainer;
  zip.FullPaths.forEach((name, i) => {
    if (!/\/xl\/worksheets\/sheet\d+\.xml$/.test(name)) return;
    const entry = zip.FileIndex[i]!;
    const xml = Buffer.from(entry.content).toString('utf8');
    const paged = xml.replace(/(<worksheet[^>]*>)/, `$1${FIT_TO_PAGE}`).replace(/(<pageMargins[^>]*\/>)/, `$1${PAGE_SETUP}`);
    entry.content = Buffer.from(paged, 'utf8');
    entry.size = entry.content.length;
  });
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array;
}

export function writeFormWorkbook(sheets: readonly FormSheet[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(book, formSheet(spec), spec.name);
  book.Workbook = { ...book.Workbook, Names: printAreas(sheets) };
  return withLandscapePages(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array);
}
