import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { writeFormWorkbook, type FormSheet } from './form';

const SHEET: FormSheet = {
  name: '绩效目标汇总表',
  title: '某州2020年度绩效目标汇总表',
  note: '金额单位：万元',
  columns: [
    { header: '县市', width: 12 },
    { header: '项目数', width: 8 },
    { header: '优', group: '审核等级', width: 6 },
    { header: '良', group: '审核等级', width: 6 },
    { header: '资金', width: 14 },
  ],
  rows: [
    ['轮台县', 3, 1, 2, { decimal: '120.50', format: '0.00' }],
    ['合计', 3, 1, 2, { decimal: '120.50', format: '0.00' }],
  ],
};

const sheetXml = (bytes: Uint8Array, n: number) => {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const at = zip.FullPaths.findIndex((p: string) => p.endsWith(`/xl/worksheets/sheet${n}.xml`));
  return Buffer.from(zip.FileIndex[at]!.content as Uint8Array).toString('utf8');
};

describe('writeFormWorkbook', () => {
  it('merges the title over every column, a group header over its columns and a lone header down both header rows', () => {
    const book = XLSX.read(writeFormWorkbook([SHEET]), { cellStyles: true });
    const sheet = book.Sheets['绩效目标汇总表']!;
    const merges = (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();
    expect(merges).toEqual(['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4'].sort());
    expect(sheet.A1?.v).toBe('某州2020年度绩效目标汇总表');
    expect(sheet.E2?.v).toBe('金额单位：万元');
    expect([sheet.C3?.v, sheet.C4?.v, sheet.D4?.v]).toEqual(['审核等级', '优', '良']);
    expect(sheet['!cols']?.map((c) => c.wch)).toEqual([12, 8, 6, 6, 14]);
  });

  it('writes a decimal as a number with its format, so the sheet can still be summed', () => {
    const sheet = XLSX.read(writeFormWorkbook([SHEET]), { cellNF: true }).Sheets['绩效目标汇总表']!;
    expect(sheet.E5).toMatchObject({ t: 'n', v: 120.5, z: '0.00', w: '120.50' });
  });

  it('prints each sheet on A4 landscape one page wide, the table as its print area', () => {
    const second: FormSheet = { ...SHEET, name: "绩效监控汇总表", rows: [SHEET.rows[0]!] };
    const bytes = writeFormWorkbook([SHEET, second]);
    for (const n of [1, 2]) {
      const xml = sheetXml(bytes, n);
      expect(xml).toMatch(/<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
      expect(xml).toMatch(/<pageMargins[^>]*\/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    }
    const names = XLSX.read(bytes).Workbook?.Names ?? [];
    expect(names.map((n) => [n.Name, n.Sheet, n.Ref])).toEqual([
      ['_xlnm.Print_Area', 0, "'绩效目标汇总表'!$A$1:$E$6"],
      ['_xlnm.Print_Area', 1, "'绩效监控汇总表'!$A$1:$E$5"],
    ]);
  });
});
