import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { formWorkbook, gridFormSheet } from './formSheet';

const grid = {
  title: '测试申报表',
  subtitle: '（2020年度）',
  widths: [10, 20, 30],
  rows: [
    [{ text: '项目名称', header: true }, { text: '农村道路', colSpan: 2 }, null],
    [{ text: '资金', header: true, rowSpan: 2 }, { text: '财政拨款' }, { text: '', fen: 1_234_500 }],
    [null, { text: '其他资金' }, { text: '', fen: 0 }],
  ],
};

/** The XML of the first sheet as written, read through SheetJS's zip container. */
function sheetXml(bytes: Uint8Array): string {
  const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  return Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml').content).toString('utf8');
}

describe('formWorkbook', () => {
  it('merges the grid’s spans below its title lines and keeps its column widths', () => {
    const book = XLSX.read(formWorkbook([gridFormSheet('申报表', grid)]), { type: 'array', cellStyles: true });
    const sheet = book.Sheets['申报表']!;
    expect(sheet['!merges']).toEqual(
      expect.arrayContaining([
        { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
        { s: { r: 1, c: 0 }, e: { r: 1, c: 2 } },
        { s: { r: 2, c: 1 }, e: { r: 2, c: 2 } },
        { s: { r: 3, c: 0 }, e: { r: 4, c: 0 } },
      ]),
    );
    expect(sheet['!merges']).toHaveLength(4);
    expect(sheet['!cols']!.map((c) => c.wch)).toEqual([10, 20, 30]);
    expect(sheet['A1']!.v).toBe('测试申报表');
    expect(sheet['C4']).toMatchObject({ t: 'n', v: 1.2345 });
  });

  it('sets the print area over the whole form, A4, one page wide, in the form’s orientation', () => {
    const bytes = formWorkbook([gridFormSheet('申报表', grid, 'landscape')]);
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.Workbook?.Names).toEqual([expect.objectContaining({ Name: '_xlnm.Print_Area', Sheet: 0, Ref: "'申报表'!$A$1:$C$5" })]);
    const xml = sheetXml(bytes);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    // The schema's order: margins, then the page setup.
    expect(xml.indexOf('<pageMargins')).toBeLessThan(xml.indexOf('<pageSetup'));
  });

  it('gives two forms of the same name distinct sheets, each with its own print area', () => {
    const book = XLSX.read(formWorkbook([gridFormSheet('表', grid), gridFormSheet('表', grid)]), { type: 'array' });
    expect(book.SheetNames).toEqual(['表', '表2']);
    expect(book.Workbook?.Names?.map((n) => [n.Sheet, n.Ref])).toEqual([
      [0, "'表'!$A$1:$C$5"],
      [1, "'表2'!$A$1:$C$5"],
    ]);
  });
});
