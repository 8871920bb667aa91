import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { budgetTemplate, commitBudgetImport, exportProjects, previewBudgetImport } from './excel';
import { listProjects, projectsWithFunds } from './projects';
import { seedCounty } from '../testSupport/county';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';

const HEADERS = ['项目编码', '项目名称', '主管部门编码', '实施单位编码', '项目类别', '项目属性', '是否重点项目', '是否衔接资金', '资金来源', '年初预算（万元）', '追加（万元）', '调减（万元）'];

/** A real .xlsx as the budget system exports it: a title row, then one row per project and fund source. */
function budgetFile(rows: (string | number)[][]): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([['2020年部门预算项目明细表'], HEADERS, ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '项目明细');
  const file = path.join(tempDir(), '预算项目.xlsx');
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  return fs.readFileSync(file);
}

const mixed = () =>
  budgetFile([
    ['XM001', '农村公路硬化', '301001', '301002', '本级支出', '新增', '是', '否', '本级财政拨款', 120, 10, 0], // row 3
    ['XM001', '农村公路硬化', '301001', '301002', '本级支出', '新增', '是', '否', '上级补助（中央）', '300.5', '', ''], // row 4
    ['XM002', '营养改善计划', '', '302001', '对下转移支付', '延续', '否', '否', '本级财政拨款', 80, 0, 0], // row 5: department filled in
    ['XM003', '未登记单位的项目', '', '309999', '本级支出', '延续', '否', '否', '本级财政拨款', 10, 0, 0], // row 6: unknown unit
    ['XM004', '调减过多', '301001', '301002', '本级支出', '延续', '否', '否', '本级财政拨款', 10, 0, 12], // row 7
    ['XM005', '两行不一致', '301001', '301002', '本级支出', '延续', '否', '否', '本级财政拨款', 10, 0, 0], // row 8
    ['XM005', '两行名称不同', '301001', '301002', '本级支出', '延续', '否', '否', '单位资金', 5, 0, 0], // row 9
    ['XM006', '金额写错', '301001', '301002', '本级支出', '延续', '否', '否', '本级财政拨款', '十万', 0, 0], // row 10
  ]);

describe('project import from the budget system export', () => {
  it('reports unknown units and every bad row by number and column, and writes nothing in preview', () => {
    const { db } = countyStore();
    seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
    const preview = previewBudgetImport(db, 2020, '预算项目.xlsx', mixed());
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 4 });
    expect(preview.problems).toEqual([
      { rowNumber: 6, column: '实施单位编码', message: '实施单位编码 309999 不在预算单位名录中，请先在“预算单位”中登记或导入该单位' },
      { rowNumber: 7, column: '调减（万元）', message: '调减 12.0000 万元超过年初预算加追加（10.0000 万元），调整后预算不能为负' },
      { rowNumber: 9, column: '项目名称', message: '同一项目各行的项目名称应一致，与第 8 行不同' },
      { rowNumber: 10, column: '年初预算（万元）', message: '“十万”不是有效的金额，请只填写数字（万元）' },
    ]);
    expect(preview.rows.find((p) => p.code === 'XM001')).toMatchObject({ rowNumbers: [3, 4], adjustedFen: 430_500_000, action: 'create' });
    expect(listProjects(db, 2020)).toEqual([]);
    expect(listAudit(db, { entity: 'project', limit: 5 })).toEqual([]);
  });

  it('imports the good projects whole and skips every row of a bad one', () => {
    const { db } = countyStore();
    seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
    const result = commitBudgetImport(db, TEST_ACTOR, 2020, '预算项目.xlsx', mixed());
    expect(result.written).toBe(2);
    const imported = projectsWithFunds(db, 2020);
    expect(imported.map((p) => [p.code, p.departmentCode, p.keyProject, p.category, p.totals.adjustedFen])).toEqual([
      ['XM001', '301001', true, '本级支出', 430_500_000],
      ['XM002', '302001', false, '对下转移支付', 80_000_000],
    ]);
    expect(imported[0]!.funds).toEqual([
      { source: '本级财政拨款', initialFen: 120_000_000, additionFen: 10_000_000, cutFen: 0 },
      { source: '上级补助（中央）', initialFen: 300_500_000, additionFen: 0, cutFen: 0 },
    ]);
    const [audit] = listAudit(db, { entity: 'project', limit: 1 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ created: ['XM001', 'XM002'], updated: [], skippedRows: [6, 7, 8, 9, 10] });
  });

  it('matches existing projects by code: updates them, keeps their project type, and replaces their funds', () => {
    const { db } = countyStore();
    seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
    addProject(db, { code: 'XM001', name: '旧名称', funds: [{ source: '单位资金', initialFen: 1, additionFen: 0, cutFen: 0 }] });
    const file = budgetFile([['XM001', '农村公路硬化', '301001', '301002', '本级支出', '新增', '否', '否', '本级财政拨款', 120, 0, 0]]);
    expect(previewBudgetImport(db, 2020, 'x.xlsx', file).counts).toEqual({ create: 0, update: 1, unchanged: 0, error: 0 });
    commitBudgetImport(db, TEST_ACTOR, 2020, 'x.xlsx', file);
    const [project] = projectsWithFunds(db, 2020);
    expect(project).toMatchObject({ name: '农村公路硬化', version: 2 });
    expect(project!.funds).toEqual([{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }]);
    expect(previewBudgetImport(db, 2020, 'x.xlsx', file).counts).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });
  });

  it('round-trips its own export unchanged, and its template has the headers it reads', () => {
    const { db } = countyStore();
    seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
    commitBudgetImport(db, TEST_ACTOR, 2020, '预算项目.xlsx', mixed());
    const exported = exportProjects(db, 2020);
    expect(previewBudgetImport(db, 2020, 'export.xlsx', exported).counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
    expect(() => previewBudgetImport(db, 2021, 'export.xlsx', exported)).not.toThrow();
    expect(previewBudgetImport(db, 2021, 'export.xlsx', exported).problems[0]).toEqual({ rowNumber: 2, column: '年度', message: '该行是 2020 年的数据，本次导入的是 2021 年' });
    expect(() => previewBudgetImport(db, 2020, 'template.xlsx', budgetTemplate())).not.toThrow();
  });
});
