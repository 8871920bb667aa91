import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../exchange/zip';
import { previewLibraryImport } from '../library/excel';
import { previewBudgetImport } from '../projects/excel';
import { previewUnitImport } from '../registry/excel';
import { previewTargetImport } from '../targets/excel';
import { countyStore, tempDir } from '../testSupport/fixtures';
import { readTable } from './sheet';

const COLUMNS = [
  { key: 'code', header: '单位编码', required: true },
  { key: 'name', header: '单位名称', required: true },
] as const;

/** A Word document renamed to .xlsx: a well-formed zip that holds no workbook. */
function renamedDocx(): Uint8Array {
  const file = path.join(tempDir(), '说明.docx');
  const zip = new ZipWriter(file);
  zip.add('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'));
  zip.add('word/document.xml', Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'));
  zip.close();
  return fs.readFileSync(file);
}

function realWorkbook(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['单位编码', '单位名称'], ['101001', '轮台县教育局']]), '单位');
  const file = path.join(tempDir(), '单位.xlsx');
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  return fs.readFileSync(file);
}

const NOT_EXCEL = /^该文件不是有效的 Excel（\.xlsx）文件/;

const notWorkbooks: [string, () => Uint8Array][] = [
  // Text with the right headers would otherwise be read as CSV and pass.
  ['a text file with the right headers', () => Buffer.from('单位编码,单位名称\n101001,轮台县教育局\n')],
  ['an HTML page with a table', () => Buffer.from('<html><body><table><tr><td>单位编码</td><td>单位名称</td></tr></table></body></html>')],
  ['a Word document renamed to .xlsx', renamedDocx],
  ['a broken zip', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)])],
  ['a truncated workbook', () => realWorkbook().subarray(0, 200)],
];

describe('reading an Excel import', () => {
  it.each(notWorkbooks)('says that %s is not a valid xlsx file instead of naming missing headers', (_, bytes) => {
    let message = '';
    try {
      readTable(bytes(), COLUMNS);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(NOT_EXCEL);
    expect(message).not.toContain('表头');
  });

  it('reads the rows of a real workbook', () => {
    expect(readTable(realWorkbook(), COLUMNS)).toEqual([{ rowNumber: 2, values: { code: '101001', name: '轮台县教育局' } }]);
  });

  it('gives the same message in every import that reads Excel', () => {
    const { db } = countyStore();
    const text = Buffer.from('这不是表格');
    expect(() => previewUnitImport(db, '单位.xlsx', text)).toThrow(NOT_EXCEL);
    expect(() => previewBudgetImport(db, 2020, '预算.xlsx', text)).toThrow(NOT_EXCEL);
    expect(() => previewLibraryImport(db, '指标.xlsx', text)).toThrow(NOT_EXCEL);
    expect(() => previewTargetImport(db, 2020, '目标.xlsx', text)).toThrow(NOT_EXCEL);
  });
});
