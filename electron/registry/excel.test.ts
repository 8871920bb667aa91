import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { AppError } from '../errors';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { createUnit, listUnits } from './units';
import { commitUnitImport, exportUnits, previewUnitImport, unitTemplate } from './excel';

/** Writes a real .xlsx file the way a person would fill one (a title row above the header) and reads it back. */
function xlsxFile(rows: (string | number)[][], { title = true } = {}): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ...(title ? [['轮台县预算单位名录（2020 年）']] : []),
    ['单位编码', '单位名称', '主管部门编码', '是否主管部门', '是否启用'],
    ...rows,
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '单位');
  const file = path.join(tempDir(), '单位名录.xlsx');
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  return fs.readFileSync(file);
}

const mixed = () =>
  xlsxFile([
    [101001, '轮台县教育局', '', '是', '是'], // row 3: good, a number cell as Excel stores codes
    ['101002', '轮台县第一中学', '101001', '否', ''], // row 4: good, department from the same file
    ['101003', '', '101001', '否', '是'], // row 5: no name
    ['101004', '轮台县第二中学', '109999', '否', '是'], // row 6: unknown department
    ['101002', '重复的一中', '101001', '否', '是'], // row 7: duplicate code
    ['101005', '轮台县卫健委', '', '也许', '是'], // row 8: bad yes/no
  ]);

describe('unit import from xlsx', () => {
  it('reports each bad row by its Excel row number and column, and writes nothing in preview', () => {
    const { db } = countyStore();
    const preview = previewUnitImport(db, '单位名录.xlsx', mixed());
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 4 });
    expect(preview.problems).toEqual([
      { rowNumber: 5, column: '单位名称', message: '请填写单位名称' },
      { rowNumber: 6, column: '主管部门编码', message: '主管部门编码 109999 在系统和本文件中都不是主管部门' },
      { rowNumber: 7, column: '单位编码', message: '单位编码 101002 与第 4 行重复' },
      { rowNumber: 8, column: '是否主管部门', message: '“也许”应填“是”或“否”' },
    ]);
    // Cancelling after the preview: nothing was written, not even an audit entry.
    expect(listUnits(db)).toEqual([]);
    expect(listAudit(db, { entity: 'unit', limit: 10 })).toEqual([]);
  });

  it('reports a row whose unit name is already taken under the same department, in the register or earlier in the file', () => {
    const { db } = countyStore();
    createUnit(db, TEST_ACTOR, { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    createUnit(db, TEST_ACTOR, { code: '101002', name: '轮台县第一中学', departmentCode: '101001', isDepartment: false });
    createUnit(db, TEST_ACTOR, { code: '101009', name: '轮台县实验小学', departmentCode: '101001', isDepartment: false });
    const file = xlsxFile([
      ['101003', '轮台县实验小学', '101001', '否', '是'], // row 3: the register's 101009 has this name
      ['101004', '轮台县第二中学', '101001', '否', '是'], // row 4: good
      ['101005', '轮台县第二中学', '101001', '否', '是'], // row 5: row 4 has this name
      ['101006', '轮台县第一中学', '101001', '否', '是'], // row 6: good, for row 7 renames 101002
      ['101002', '轮台县第三中学', '101001', '否', '是'], // row 7: good
      ['101007', '轮台县第二中学', '', '否', '是'], // row 8: good, under no department
    ]);
    const taken = (name: string, code: string) => `主管部门 101001 下已有名为“${name}”的单位（编码 ${code}），请检查是否重复录入，或改用能区分的名称`;
    expect(previewUnitImport(db, '单位名录.xlsx', file).problems).toEqual([
      { rowNumber: 3, column: '单位名称', message: taken('轮台县实验小学', '101009') },
      { rowNumber: 5, column: '单位名称', message: taken('轮台县第二中学', '101004') },
    ]);
    commitUnitImport(db, TEST_ACTOR, '单位名录.xlsx', file);
    expect(listUnits(db).map((u) => [u.code, u.name])).toEqual([
      ['101001', '轮台县教育局'],
      ['101002', '轮台县第三中学'],
      ['101004', '轮台县第二中学'],
      ['101006', '轮台县第一中学'],
      ['101007', '轮台县第二中学'],
      ['101009', '轮台县实验小学'],
    ]);
  });

  it('imports the good rows and skips the bad ones on confirm', () => {
    const { db } = countyStore();
    const result = commitUnitImport(db, TEST_ACTOR, '单位名录.xlsx', mixed());
    expect(result.written).toBe(2);
    expect(listUnits(db).map((u) => [u.code, u.name, u.departmentCode, u.isDepartment, u.active])).toEqual([
      ['101001', '轮台县教育局', null, true, true],
      ['101002', '轮台县第一中学', '101001', false, true],
    ]);
    const [audit] = listAudit(db, { entity: 'unit', limit: 1 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ created: ['101001', '101002'], skippedRows: [5, 6, 7, 8] });
  });

  it('updates existing units by code and leaves unchanged ones alone', () => {
    const { db } = countyStore();
    createUnit(db, TEST_ACTOR, { code: '101001', name: '教育局', departmentCode: null, isDepartment: true });
    const file = xlsxFile(
      [
        ['101001', '轮台县教育局', '', '是', '是'],
        ['101002', '轮台县第一中学', '101001', '否', '是'],
      ],
      { title: false },
    );
    expect(previewUnitImport(db, 'x.xlsx', file).counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 0 });
    commitUnitImport(db, TEST_ACTOR, 'x.xlsx', file);
    const units = listUnits(db);
    expect(units.find((u) => u.code === '101001')).toMatchObject({ name: '轮台县教育局', version: 2 });
    expect(previewUnitImport(db, 'x.xlsx', file).counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('round-trips its own export unchanged', () => {
    const { db } = countyStore();
    commitUnitImport(db, TEST_ACTOR, 'a.xlsx', mixed());
    expect(previewUnitImport(db, 'export.xlsx', exportUnits(db)).counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('reads its empty template as a file with nothing to import', () => {
    const { db } = countyStore();
    expect(previewUnitImport(db, 'template.xlsx', unitTemplate()).rows).toEqual([]);
  });

  it('refuses a workbook without the unit headers, naming the missing columns', () => {
    const { db } = countyStore();
    const sheet = XLSX.utils.aoa_to_sheet([['项目编码', '项目名称'], ['P1', '道路']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'x');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    expect(() => previewUnitImport(db, 'x.xlsx', bytes)).toThrow(new AppError('BAD_FILE', '文件中找不到所需的表头：缺少“单位编码”“单位名称”列。请使用本软件导出的模板'));
  });

  it('refuses a file that is not a workbook', () => {
    const { db } = countyStore();
    expect(() => previewUnitImport(db, 'x.xlsx', new TextEncoder().encode('not a spreadsheet at all, just text'))).toThrow(AppError);
  });
});
