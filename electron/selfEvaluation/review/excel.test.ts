import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { reviewSelfEvaluation, DEFAULT_SCORING } from '../../domain/selfEvaluation';
import { toFixed } from '../../domain/ratio';
import { roadTable, selfEvaluationWorkbook, withIndicator, type TableSpec } from '../../testSupport/selfEvaluationTables';
import { readSelfEvaluationTables, type FoundTable } from './excel';

const differencesOf = (found: FoundTable) => {
  expect(found.problems).toEqual([]);
  return reviewSelfEvaluation(found.review!, DEFAULT_SCORING).differences.map((d) => [d.kind, found.written!.rows[d.row ?? -1]?.label ?? null, d.entered, d.rule]);
};
const read = (sheets: Record<string, readonly TableSpec[]>) => readSelfEvaluationTables(selfEvaluationWorkbook(sheets));

describe('reading 项目支出绩效自评表 from Excel', () => {
  it('reads the 10号 layout with merged cells: header, funds, goal, indicators with their parent and 其中 rows, total', () => {
    const [table] = read({ 自评表: [roadTable({ projectCode: 'LT2020-031' })] });
    const written = table!.written!;
    expect([table!.sheet, table!.rowNumber, written.projectName, written.projectCode, written.department, written.unitName, written.grade]).toEqual([
      '自评表', 3, '农村道路硬化工程', 'LT2020-031', '轮台县交通运输局', '轮台县公路管理站', '优',
    ]);
    expect(written.budget).toEqual({ rowNumber: 6, initial: '282.04', adjusted: '282.04', executed: '253.836', weight: '10', rate: '90.00%', score: '9' });
    expect(written.goal).toEqual({ expected: '新建农村道路 266 米，安装路灯 40 盏', actual: '新建道路 270 米，安装路灯 36 盏' });
    expect(written.rows.map((r) => [r.rowNumber, r.level2, r.label, r.target, r.parent ?? null])).toEqual([
      [13, '数量指标', '数量指标', '/', null],
      [14, '数量指标', '新建道路长度', '≥266米', 0],
      [15, '数量指标', '安装路灯', '≧40盏', 0],
      [16, '质量指标', '工程验收合格率', '﹦100%', null],
      [17, '时效指标', '完工及时率', '95%以上', null],
      [18, '成本指标', '每公里造价', '≤90万元', null],
      [19, '社会效益指标', '受益人口', '≥1,200人', null],
      [20, '社会效益指标', '其中：脱贫人口', '≥300人', 6],
      [21, '可持续影响指标', '道路使用年限', '达成预期指标', null],
      [22, '服务对象满意度指标', '群众满意度', '≥90%', null],
    ]);
    expect(written.rows[2]!.deviation).toBe('部分路段电力未通');
    expect(written.total).toEqual({ rowNumber: 23, weight: '100', score: '94.59' });
  });

  it.each([
    ['operator and unit inside the value', false],
    ['指标性质 and 度量单位 columns', true],
  ])('finds nothing in a table that follows the rules (%s)', (_variant, operatorColumns) => {
    const [table] = read({ 自评表: [roadTable({ operatorColumns })] });
    expect(differencesOf(table!)).toEqual([]);
    expect(toFixed(reviewSelfEvaluation(table!.review!, DEFAULT_SCORING).total.total, 2)).toBe('94.59');
  });

  it('finds each deliberate break in several tables on one sheet and one per sheet, and none in the correct one', () => {
    const markedDown = withIndicator(withIndicator(roadTable({ projectName: '受益人口被扣分', total: 92.5 }), '受益人口', { score: 13 }), '每公里造价', { score: 9.1 });
    const notSum = roadTable({ projectName: '总分不等于各项之和', total: 96 });
    const weights = withIndicator(roadTable({ projectName: '分值合计不为100', total: 89.59 }), '群众满意度', { weight: 5, score: 5 });
    const doubled = roadTable({ projectName: '小计重复计入', total: 113.59, operatorColumns: true });
    const budget = roadTable({ projectName: '预算执行得分错误', budget: { ...roadTable().budget, score: 10 }, total: 95.59 });
    const tables = read({ 第一批: [roadTable(), markedDown, notSum], 第二批: [weights], 第三批: [doubled, budget] });
    expect(tables.map((t) => [t.sheet, t.projectName])).toEqual([
      ['第一批', '农村道路硬化工程'], ['第一批', '受益人口被扣分'], ['第一批', '总分不等于各项之和'],
      ['第二批', '分值合计不为100'], ['第三批', '小计重复计入'], ['第三批', '预算执行得分错误'],
    ]);
    expect(differencesOf(tables[0]!)).toEqual([]);
    expect(differencesOf(tables[1]!)).toEqual([
      ['indicator', '每公里造价', '9.10', '9.09'],
      ['indicator', '受益人口', '13.00', '15.00'],
      ['total', null, '92.50', '94.59'],
      ['sum', null, '92.50', '92.60'],
    ]);
    expect(differencesOf(tables[2]!)).toEqual([
      ['total', null, '96.00', '94.59'],
      ['sum', null, '96.00', '94.59'],
    ]);
    expect(differencesOf(tables[3]!)).toEqual([['weights', null, '95.00', '100.00']]);
    expect(differencesOf(tables[4]!)).toEqual([
      ['total', null, '113.59', '94.59'],
      ['doubleCounted', null, '113.59', '94.59'],
    ]);
    expect(differencesOf(tables[5]!)).toEqual([
      ['budget', null, '10.00', '9.00'],
      ['total', null, '95.59', '94.59'],
    ]);
  });

  it('invents nothing for a 一级指标 subtotal row, and finds a total that adds it to the indicators', () => {
    const output = { level1: '产出指标', level2: '', label: '', target: '/', actual: '/', weight: 50, score: 47.59 };
    const base = roadTable();
    const withOutputSubtotal = (total: number) => ({ ...base, total, indicators: [output, ...base.indicators] });
    const [correct, added] = read({ 自评表: [withOutputSubtotal(94.59), withOutputSubtotal(142.18)] });
    expect(correct!.written!.rows[0]).toMatchObject({ label: '产出指标', target: '/' });
    expect(differencesOf(correct!)).toEqual([]);
    expect(differencesOf(added!)).toEqual([
      ['total', null, '142.18', '94.59'],
      ['sum', null, '142.18', '94.59'],
    ]);
  });

  it('reads the 自评得分 and 指标分值 headers some units use, and names a missing 分值 column', () => {
    const rename = (from: string, to: string) => (sheet: XLSX.WorkSheet) => {
      for (const [address, cell] of Object.entries(sheet)) if (!address.startsWith('!') && (cell as XLSX.CellObject).v === from) (cell as XLSX.CellObject).v = to;
    };
    const rewritten = (...changes: ((sheet: XLSX.WorkSheet) => void)[]) => {
      const book = XLSX.read(selfEvaluationWorkbook({ 自评表: [roadTable()] }));
      for (const change of changes) change(book.Sheets['自评表']!);
      return readSelfEvaluationTables(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)[0]!;
    };
    expect(differencesOf(rewritten(rename('得分', '自评得分'), rename('分值', '指标分值')))).toEqual([]);
    expect(rewritten(rename('分值', '满分')).problems.map((p) => [p.rowNumber, p.message])).toEqual([
      [5, '项目资金表头缺少“分值”或“得分”列'],
      [12, '绩效指标表头缺少“分值”列'],
    ]);
  });

  it('reports every row it cannot read with its sheet and row number, and reads the rest of the file', () => {
    let broken = withIndicator(roadTable({ projectName: '填写有误' }), '工程验收合格率', { target: '100%' });
    broken = withIndicator(broken, '新建道路长度', { actual: '0.27公里' });
    broken = withIndicator(broken, '群众满意度', { weight: '十' });
    broken = { ...broken, budget: { ...broken.budget, executed: '约250' } };
    const [good, bad] = read({ 自评表: [roadTable(), broken] });
    expect(good!.problems).toEqual([]);
    expect(bad!.review).toBeNull();
    expect(bad!.problems).toEqual([
      { sheet: '自评表', rowNumber: 31, column: '全年执行数', message: '全年执行数“约250”应为金额（万元）' },
      { sheet: '自评表', rowNumber: 39, column: '绩效指标', message: '“新建道路长度”的实际完成值单位“公里”与指标值单位“米”不一致' },
      { sheet: '自评表', rowNumber: 41, column: '绩效指标', message: '“工程验收合格率”的指标值“100%”没有写明指标性质（≥ > = < ≤）' },
      { sheet: '自评表', rowNumber: 47, column: '绩效指标', message: '“群众满意度”的分值“十”不是数字' },
    ]);
  });

  it('names a table whose indicator block is missing, and skips a sheet of notes', () => {
    const notes = [['填表说明'], ['请按财预〔2020〕10号附件填写']];
    const noIndicators = [['项目名称', '某项目'], ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'], ['', '年度资金总额', 1, 1, 1, 10, '100%', 10]];
    const tables = readSelfEvaluationTables(selfEvaluationWorkbook({ 说明: notes, 表1: noIndicators }));
    expect(tables.map((t) => [t.sheet, t.rowNumber, t.problems.map((p) => p.message)])).toEqual([
      ['表1', 1, ['找不到绩效指标表头（一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）']],
    ]);
  });

  it('refuses a file without any self-evaluation table, an empty file and a file that is not a workbook', () => {
    expect(() => readSelfEvaluationTables(selfEvaluationWorkbook({ Sheet1: [['单位编码', '单位名称'], ['101001', '教育局']] }))).toThrow(
      /文件中找不到项目支出绩效自评表（工作表：Sheet1）/,
    );
    expect(() => readSelfEvaluationTables(new Uint8Array())).toThrow('文件是空的，请选择填好的 Excel 文件');
    expect(() => readSelfEvaluationTables(new TextEncoder().encode('项目名称,得分\n'))).toThrow(/不是有效的 Excel/);
    const truncated = selfEvaluationWorkbook({ 自评表: [roadTable()] }).subarray(0, 400);
    expect(() => readSelfEvaluationTables(truncated)).toThrow(/不是有效的 Excel/);
  });

  it('reads a table that starts in column B below notes, found by its words, not by fixed cells', () => {
    const book = XLSX.read(selfEvaluationWorkbook({ 自评表: [roadTable()] }));
    const sheet = book.Sheets['自评表']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '' });
    const shifted = XLSX.utils.aoa_to_sheet([['说明：本表由单位填报'], [], ...rows.map((r) => ['', ...r])]);
    shifted['!merges'] = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r + 2, c: m.s.c + 1 }, e: { r: m.e.r + 2, c: m.e.c + 1 } }));
    const moved = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(moved, shifted, '自评表');
    const [table] = readSelfEvaluationTables(XLSX.write(moved, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(differencesOf(table!)).toEqual([]);
    expect(table!.rowNumber).toBe(5);
  });
});
