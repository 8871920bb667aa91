import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { readTable } from '../xlsx/sheet';
import { allIndicators, searchIndicators, suggestedIndicators } from './indicators';
import { commitLibraryImport, exportLibrary, libraryTemplate, previewLibraryImport } from './excel';
import { listProjectTypes } from './projectTypes';
import { seedStarterLibrary } from './starter';
import { currentLibraryVersion, listLibraryVersions } from './versions';

const HEADERS = ['指标编码', '项目类型编码', '项目类型', '一级指标', '二级指标', '三级指标', '指标性质', '参考值', '计量单位', '指标解释', '设定依据', '状态'];
type Row = (string | number)[];

/** An xlsx as staff fill it: a title row above the header, then the rows. */
function workbook(rows: Row[]): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([['轮台县绩效指标库（2026 年修订）'], HEADERS, ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '指标库');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

function library() {
  const { db } = countyStore();
  seedStarterLibrary(db, TEST_ACTOR);
  return db;
}

const MIXED: Row[] = [
  // row 3: a new indicator, with ">=" as people type it
  ['', 'JT01', '农村公路建设', '产出指标', '数量指标', '安装波形护栏长度', '>=', 3, '公里', '临水临崖路段安装的护栏长度。', '计划标准', ''],
  // row 4: a changed reference value for a starter indicator
  ['JT01-001', 'JT01', '农村公路建设', '产出指标', '数量指标', '新建（改建）农村公路里程', '≥', 60, '公里', '年度内完成建设并通过交工验收的农村公路里程。', '计划标准', '已入库'],
  // row 5: a quantitative value that is not a number, and a wrong level 2
  ['', 'JT01', '', '产出指标', '社会效益指标', '路面病害处治', '≥', '若干', '处', '', '', ''],
  // row 6: a new project type named in the file
  ['', 'JT03', '桥梁维修加固', '产出指标', '数量指标', '维修加固桥梁数量', '≥', 3, '座', '', '行业标准', ''],
  // row 7: an unknown type without a name, an unknown operator and status
  ['', 'ZZ9', '', '效益指标', '社会效益指标', '群众出行条件', '约等于', '改善', '', '', '', '作废'],
  // row 8: retire a starter indicator
  ['JT01-010', 'JT01', '', '效益指标', '可持续影响指标', '建成道路设计使用年限', '≥', 15, '年', '按设计标准，建成道路可正常使用的年限。', '行业标准', '停用'],
  // row 9: the same code as row 4
  ['JT01-001', 'JT01', '', '产出指标', '数量指标', '新建农村公路', '≥', 1, '公里', '', '', ''],
];

describe('library Excel import', () => {
  it('previews a mixed file: each bad row by row number, column and a Chinese message, nothing written', () => {
    const db = library();
    const before = allIndicators(db);
    const preview = previewLibraryImport(db, '指标.xlsx', workbook(MIXED));
    expect(preview.problems).toEqual([
      { rowNumber: 5, column: '二级指标', message: '“产出指标”下的二级指标应为：数量指标、质量指标、时效指标、成本指标' },
      { rowNumber: 5, column: '参考值', message: '定量指标的参考值应为数字' },
      { rowNumber: 7, column: '指标性质', message: '“约等于”不是指标性质，应为 ≥、>、=、<、≤ 或 定性' },
      { rowNumber: 7, column: '状态', message: '“作废”不是指标状态，应为 草稿、待确认、已入库、停用 或留空' },
      { rowNumber: 7, column: '项目类型', message: '项目类型 ZZ9 不存在；如需新建，请在“项目类型”列填写其名称' },
      { rowNumber: 9, column: '指标编码', message: '指标编码 JT01-001 与第 4 行重复' },
    ]);
    expect(preview.rows.map((r) => [r.rowNumber, r.action, r.status])).toEqual([
      [3, 'create', 'proposed'],
      [4, 'update', 'proposed'],
      [5, 'error', 'proposed'],
      [6, 'create', 'proposed'],
      [7, 'error', 'proposed'],
      [8, 'update', 'retired'],
      [9, 'error', 'proposed'],
    ]);
    expect(preview.counts).toEqual({ create: 2, update: 2, unchanged: 0, error: 3 });
    expect(preview.newProjectTypes).toEqual([{ code: 'JT03', name: '桥梁维修加固' }]);
    expect(allIndicators(db)).toEqual(before);
  });

  it('writes only the good rows on confirm: new and changed ones await confirmation, a retirement opens a version', () => {
    const db = library();
    const result = commitLibraryImport(db, TEST_ACTOR, '指标.xlsx', workbook(MIXED));
    expect(result).toMatchObject({ written: 4, libraryVersion: 2, counts: { create: 2, update: 2, unchanged: 0, error: 3 } });

    const byName = (name: string) => allIndicators(db).find((i) => i.name === name);
    expect(byName('安装波形护栏长度')).toMatchObject({ code: 'JT01-652822-001', status: 'proposed', operator: '≥', referenceValue: '3', proposedBy: '测试员' });
    expect(byName('新建（改建）农村公路里程')).toMatchObject({ code: 'JT01-001', status: 'proposed', referenceValue: '60' });
    expect(byName('建成道路设计使用年限')).toMatchObject({ status: 'retired', libraryVersion: 2 });
    expect(byName('维修加固桥梁数量')).toMatchObject({ code: 'JT03-652822-001', status: 'proposed', basis: '行业标准' });
    expect(listProjectTypes(db).find((t) => t.code === 'JT03')).toMatchObject({ name: '桥梁维修加固', sector: '其他' });
    expect(byName('路面病害处治')).toBeUndefined();
    expect(suggestedIndicators(db, 'JT01').map((i) => i.code)).not.toContain('JT01-001');
    expect(listLibraryVersions(db)[0]!.note).toBe('Excel 导入停用 1 条指标（指标.xlsx）');
    expect(searchIndicators(db, { text: '波形护栏' }).total).toBe(1);
    expect(listAudit(db, { entity: 'library_indicator', naturalKey: 'import', limit: 1 })[0]).toMatchObject({ action: 'Excel 导入指标库' });
  });

  it('round-trips its own export unchanged', () => {
    const db = library();
    const exported = exportLibrary(db);
    const preview = previewLibraryImport(db, '导出.xlsx', exported);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: allIndicators(db).length, error: 0 });
    expect(commitLibraryImport(db, TEST_ACTOR, '导出.xlsx', exported)).toMatchObject({ written: 0, libraryVersion: null });
    expect(currentLibraryVersion(db)).toBe(1);
  });

  it('exports every column with the status in Chinese, and a template with the dictionary and types', () => {
    const db = library();
    const rows = readTable(exportLibrary(db), HEADERS.map((header, i) => ({ key: String(i), header })));
    expect(rows).toHaveLength(allIndicators(db).length);
    expect(Object.values(rows.find((r) => r.values['0'] === 'SB02-006')!.values)).toEqual([
      'SB02-006', 'SB02', '困难群众救助', '产出指标', '时效指标', '救助资金按月发放及时率', '=', '100', '%', '按月及时发放的月数÷应发放月数×100%。', '行业标准', '已入库',
    ]);
    const template = XLSX.read(libraryTemplate(db));
    expect(template.SheetNames).toEqual(['指标库', '填写说明', '指标体系', '项目类型']);
    expect(XLSX.utils.sheet_to_json(template.Sheets['指标体系']!, { header: 1 })).toContainEqual(['效益指标', '可持续影响指标']);
    expect(previewLibraryImport(db, '模板.xlsx', libraryTemplate(db)).rows).toEqual([]);
  });

  it('carries the accrual kind: exported in Chinese, defaulted when blank, kept when chosen, refused when unknown', () => {
    const db = library();
    const [exported] = readTable(exportLibrary(db), [{ key: 'code', header: '指标编码' }, { key: 'accrual', header: '累计方式' }]).filter((r) => r.values.code === 'SB02-006');
    expect(exported!.values.accrual).toBe('状态型');
    const file = (accruals: string[]) => {
      const sheet = XLSX.utils.aoa_to_sheet([
        [...HEADERS, '累计方式'],
        ['', 'JT01', '', '产出指标', '数量指标', '安装波形护栏长度', '≥', 3, '公里', '', '', '', accruals[0]!],
        ['', 'JT01', '', '产出指标', '质量指标', '护栏验收合格率', '=', 100, '%', '', '', '', accruals[1]!],
        ['', 'JT01', '', '产出指标', '数量指标', '护栏完好比例', '≥', 95, '%', '', '', '', accruals[2]!],
      ]);
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, '指标库');
      return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    };
    expect(previewLibraryImport(db, 'a.xlsx', file(['', '时点型', ''])).problems).toEqual([
      { rowNumber: 3, column: '累计方式', message: '“时点型”不是累计方式，应为“累计型”或“状态型”，也可留空按计量单位判断' },
    ]);
    commitLibraryImport(db, TEST_ACTOR, 'a.xlsx', file(['', '', '累计型']));
    const byName = new Map(allIndicators(db).map((i) => [i.name, i.accrual]));
    expect(['安装波形护栏长度', '护栏验收合格率', '护栏完好比例'].map((n) => byName.get(n))).toEqual(['cumulative', 'level', 'cumulative']);
  });

  it('refuses a file without the library columns, naming what is missing', () => {
    const db = library();
    const sheet = XLSX.utils.aoa_to_sheet([['单位编码', '单位名称'], ['101001', '轮台县教育局']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '预算单位');
    expect(() => previewLibraryImport(db, '单位.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }))).toThrow(/缺少“项目类型编码”“一级指标”/);
  });
});
