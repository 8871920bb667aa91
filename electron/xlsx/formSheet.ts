// Official forms (the 88号 申报表, the 136号 监控表…) as xlsx that print like the paper annex: merged cells
// from a grid's spans, column widths, the print area over the whole form, A4 and one page wide.
// SheetJS CE writes merges, widths and defined names but no <pageSetup>, so the page setup is put into
// each written sheet's XML afterwards, through SheetJS's own zip container (XLSX.CFB).
import * as XLSX from 'xlsx';
import type { GridCell, GridRow } from '../domain/disclosure';
import { formatWanYuan } from '../domain/money';

export interface FormSheet {
  name: string;
  /** The form's cells row by row; null where a merged cell covers the position. */
  rows: (XLSX.CellObject | null)[][];
  merges: XLSX.Range[];
  /** Column widths in characters. */
  widths: readonly number[];
  orientation: 'portrait' | 'landscape';
}

/** A grid of the domain (cells with spans, money in 分) under its title lines, as a form sheet. */
export function gridFormSheet(
  name: string,
  grid: { title: string; subtitle: string; widths: readonly number[]; rows: readonly GridRow[] },
  orientation: FormSheet['orientation'] = 'portrait',
): FormSheet {
  const last = grid.widths.length - 1;
  const preamble = [grid.title, grid.subtitle].filter(Boolean);
  const merges: XLSX.Range[] = preamble.map((_, r) => ({ s: { r, c: 0 }, e: { r, c: last } }));
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const rowSpan = cell?.rowSpan ?? 1;
      const colSpan = cell?.colSpan ?? 1;
      if (rowSpan > 1 || colSpan > 1) merges.push({ s: { r: r + preamble.length, c }, e: { r: r + preamble.length + rowSpan - 1, c: c + colSpan - 1 } });
    }),
  );
  const rows = [...preamble.map((text): XLSX.CellObject[] => [{ t: 's', v: text }]), ...grid.rows.map((row) => row.map((cell) => (cell ? gridCellObject(cell) : null)))];
  return { name, rows, merges, widths: grid.widths, orientation };
}

/** A grid cell as written: text, or money in 分 as 万元. */
export function gridCellObject(cell: GridCell): XLSX.CellObject {
  if (cell.fen === undefined) return { t: 's', v: cell.text };
  // 万元 with 4 decimals as a number, so the form can still be summed in Excel.
  return { t: 'n', v: Number(formatWanYuan(cell.fen, { grouping: false })), z: '0.0000' };
}

const A4 = 9;
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** Page setup for a written sheet: A4 in the form's orientation, as many pages tall as needed but one wide. */
function withPageSetup(xml: string, orientation: FormSheet['orientation']): string {
  const setup = `<pageSetup paperSize="${A4}" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>`;
  // SheetJS writes <sheetPr> only for outlines and macros, which forms never have: it goes first, before <dimension>.
  return xml.replace('<dimension', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension').replace(/(<pageMargins[^>]*\/>)/, `$1${setup}`);
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice. */
function uniqueName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '表';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The workbook of one or more forms, each with its merges, widths, print area and A4 page setup: every
 * official form and summary table the program writes goes through here.
 */
export function formWorkbook(sheets: readonly FormSheet[]): Uint8Array {
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  const names: { Name: string; Sheet: number; Ref: string }[] = [];
  sheets.forEach((spec, index) => {
    const sheet = XLSX.utils.aoa_to_sheet(spec.rows);
    sheet['!merges'] = spec.merges;
    sheet['!cols'] = spec.widths.map((wch) => ({ wch }));
    sheet['!margins'] = MARGINS;
    const name = uniqueName(spec.name, taken);
    XLSX.utils.book_append_sheet(book, sheet, name);
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
    // The print area spans the widest column any row or merge reaches.
    range.e.c = Math.max(range.e.c, spec.widths.length - 1);
    const [from, to] = XLSX.utils.encode_range(range).split(':');
    const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    names.push({ Name: '_xlnm.Print_Area', Sheet: index, Ref: `'${name.replaceAll("'", "''")}'!${absolute(from!)}:${absolute(to ?? from!)}` });
  });
  book.Workbook = { Names: names };
  const written = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const zip = XLSX.CFB.read(written, { type: 'buffer' });
  sheets.forEach((spec, index) => {
    const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${index + 1}.xml`);
    if (!entry) throw new Error(`formWorkbook: sheet${index + 1}.xml missing from the written workbook`);
    entry.content = Buffer.from(withPageSetup(Buffer.from(entry.content).toString('utf8'), spec.orientation), 'utf8');
  });
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array;
}
