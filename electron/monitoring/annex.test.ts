// The 136号 监控表 as xlsx: read back the way Excel shows it, every column of the annex is there in order,
// the headers are merged as on paper, the figures are the sheet's, and 打印 covers exactly the form; the
// 部门整体 sheet of a unit's whole budget likewise.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DEVIATION_REASONS, LIKELIHOODS } from '../domain/monitoring';
import { countyWithDepartmentTargets, DEPARTMENT_GOAL, DEPARTMENT_GOAL_PROGRESS, EDUCATION, fillDepartmentSheet } from '../testSupport/departmentMonitoring';
import { TEST_ACTOR } from '../testSupport/fixtures';
import { filledNutritionSheet } from '../testSupport/monitoringAnnex';
import { annexWorkbook, departmentAnnexWorkbook } from './annex';
import { createRound } from './rounds';
import { listSheets } from './sheets';

/** The annex's headings in reading order (left to right, top to bottom), as 财预〔2019〕136号 prints them for August. */
const ANNEX_HEADINGS = [
  '项目名称',
  '主管部门及代码',
  '实施单位',
  '项目资金（万元）',
  '年初预算数',
  '1-8月执行数',
  '1-8月执行率',
  '全年预计执行数',
  '偏差原因分析',
  '年度资金总额',
  '其中：财政拨款',
  '其他资金',
  '年度总体目标',
  '年初目标',
  '1-8月执行情况',
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '1-8月执行情况',
  '全年预计完成情况',
  '偏差原因分析',
  '完成目标可能性',
  '备注',
  '经费保障',
  '制度保障',
  '人员保障',
  '硬件条件保障',
  '其他',
  '确定能',
  '有可能',
  '完全不可能',
];

const grid = (sheet: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
const readingOrder = (rows: string[][]) => rows.flat().filter((text) => text !== '');

/** Positions of `wanted` as a subsequence of `texts`, or the first heading missing from there on. */
function inOrder(texts: readonly string[], wanted: readonly string[]): string | null {
  let at = 0;
  for (const heading of wanted) {
    const found = texts.indexOf(heading, at);
    if (found < 0) return heading;
    at = found + 1;
  }
  return null;
}

describe('the 136号 监控表 as xlsx', () => {
  it('has every column of the annex in order, with 全年预算数 and 预计结余 beside them', () => {
    const { db, round, sheet } = filledNutritionSheet();
    const book = XLSX.read(annexWorkbook(db, round.id, sheet.id), { type: 'array' });
    expect(book.SheetNames).toEqual(['LT2020-001']);
    const rows = grid(book.Sheets['LT2020-001']!);
    expect(rows[0]![0]).toBe('项目支出绩效目标执行监控表');
    expect(inOrder(readingOrder(rows), ANNEX_HEADINGS)).toBeNull();
    expect(inOrder(readingOrder(rows), ['年初预算数', '全年预算数', '1-8月执行数', '1-8月执行率', '全年预计执行数', '预计结余', '偏差原因分析'])).toBeNull();
  });

  it('prints the sheet’s figures: grouped fund rows, the rate, the forecast and the balance it leaves', () => {
    const { db, round, sheet } = filledNutritionSheet();
    const rows = grid(XLSX.read(annexWorkbook(db, round.id, sheet.id), { type: 'array' }).Sheets['LT2020-001']!);
    const fundRow = (label: string) => rows.find((r) => r.includes(label))!.filter((t) => t !== '');
    // 年度资金总额: initial 260, budget 290, spent 90 (31.03%), forecast 270, balance 20.
    expect(fundRow('年度资金总额')).toEqual(['年度资金总额', '260.0000', '290.0000', '90.0000', '31.03%', '270.0000', '20.0000', '原因：政府采购程序、其他（供餐企业招标延期）；措施：九月完成招标']);
    expect(fundRow('其中：财政拨款')).toEqual(['其中：财政拨款', '200.0000', '240.0000', '80.0000', '33.33%', '220.0000', '20.0000']);
    expect(fundRow('其他资金')).toEqual(['其他资金', '60.0000', '50.0000', '10.0000', '20.00%', '50.0000', '0.0000']);
    const indicator = rows.find((r) => r.includes('受益学生人次'))!;
    expect(indicator.slice(1)).toEqual(['产出指标', '数量指标', '受益学生人次', '≥1200人次', '500人次', '1100人次', '√', '', '', '', '√', '', '√', '', '供餐企业未确定；加快招标']);
    expect(readingOrder(rows)).toEqual(expect.arrayContaining(['已向 800 人次学生供餐', '秋季学期集中支付', '受疫情影响，春季学期配餐推迟']));
  });

  it('merges the headers as the paper form spans them, sets the widths and prints exactly the form', () => {
    const { db, round, sheet } = filledNutritionSheet();
    // Column widths come back only when styles are read.
    const book = XLSX.read(annexWorkbook(db, round.id, sheet.id), { type: 'array', cellStyles: true });
    const ws = book.Sheets['LT2020-001']!;
    const rows = grid(ws);
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    const at = (text: string, from = 0) => {
      const r = rows.findIndex((row, i) => i >= from && row.includes(text));
      return XLSX.utils.encode_cell({ r, c: rows[r]!.indexOf(text) });
    };
    const indicatorHeader = rows.findIndex((r) => r.includes('一级指标'));
    // 偏差原因分析 over the five 保障 reasons, 完成目标可能性 over the three likelihoods, 一级指标 over two rows.
    expect(merges).toContain(`${at('偏差原因分析', indicatorHeader)}:${XLSX.utils.encode_cell({ r: indicatorHeader, c: 11 })}`);
    expect(merges).toContain(`${at('完成目标可能性')}:${XLSX.utils.encode_cell({ r: indicatorHeader, c: 14 })}`);
    expect(merges).toContain(`${at('一级指标')}:${XLSX.utils.encode_cell({ r: indicatorHeader + 1, c: 1 })}`);
    expect(merges).toContain('A1:P1');
    expect((ws['!cols'] ?? []).length).toBe(16);
    expect(ws['!cols']![3]!.wch).toBeGreaterThan(ws['!cols']![7]!.wch!);
    expect(book.Workbook?.Names).toEqual([expect.objectContaining({ Name: '_xlnm.Print_Area', Sheet: 0, Ref: `'LT2020-001'!$A$1:$P$${rows.length}` })]);
  });

  it('puts every sheet of the round in one workbook, one worksheet per project', () => {
    const { db, round } = filledNutritionSheet();
    const book = XLSX.read(annexWorkbook(db, round.id), { type: 'array' });
    expect(book.SheetNames).toEqual(listSheets(db, round.id).map((s) => s.projectCode));
  });
});

/** The 部门整体 sheet's headings in reading order, for a June round. */
const DEPARTMENT_HEADINGS = [
  '部门（单位）名称',
  '主管部门及代码',
  '监控期间',
  '部门预算资金（万元）',
  '全年预算数',
  '1-6月执行数',
  '1-6月执行率',
  '偏差原因分析',
  '年度资金总额',
  '其中：基本支出',
  '项目支出',
  '年度总体目标',
  '年初目标',
  '1-6月执行情况',
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '1-6月执行情况',
  '全年预计完成情况',
  '偏差原因分析',
  '完成目标可能性',
  '备注',
  ...DEVIATION_REASONS,
  ...LIKELIHOODS,
  '备注',
];

describe('the 部门整体支出绩效目标执行监控表 as xlsx', () => {
  function filledDepartmentRound() {
    const county = countyWithDepartmentTargets();
    const round = createRound(county.db, TEST_ACTOR, { year: 2020, month: 6, deadline: '2020-06-30', scope: 'all' });
    const sheet = fillDepartmentSheet(county, round.id, EDUCATION.code);
    return { county, round, sheet };
  }

  it('has every column in order and the unit’s figures: both budget parts, their rates and the explanation, the goal and its progress', () => {
    const { county, round, sheet } = filledDepartmentRound();
    const book = XLSX.read(departmentAnnexWorkbook(county.db, round.id, sheet.id), { type: 'array', cellStyles: true });
    expect(book.SheetNames).toEqual(['部门整体-101001']);
    const ws = book.Sheets['部门整体-101001']!;
    const rows = grid(ws);
    expect(rows[0]![0]).toBe('部门整体支出绩效目标执行监控表');
    expect(inOrder(readingOrder(rows), DEPARTMENT_HEADINGS)).toBeNull();
    const row = (label: string) => rows.find((r) => r.includes(label))!.filter((t) => t !== '');
    expect(row('轮台县教育局（101001）')).toEqual(['部门（单位）名称', '轮台县教育局（101001）']);
    expect(row('年度资金总额')).toEqual(['年度资金总额', '100.0000', '50.0000', '50.00%', '原因：政府采购程序；措施：加快采购']);
    expect(row('其中：基本支出')).toEqual(['其中：基本支出', '60.0000', '30.0000', '50.00%']);
    expect(row('项目支出')).toEqual(['项目支出', '40.0000', '20.0000', '50.00%']);
    expect(row(DEPARTMENT_GOAL)).toEqual([DEPARTMENT_GOAL, DEPARTMENT_GOAL_PROGRESS]);
    expect(rows.find((r) => r.includes('义务教育巩固率'))!.slice(1)).toEqual(['产出指标', '数量指标', '义务教育巩固率', '≥95%', '96%', '97%', '', '', '', '', '', '√', '', '', '']);
    expect(book.Workbook?.Names).toEqual([expect.objectContaining({ Name: '_xlnm.Print_Area', Ref: `'部门整体-101001'!$A$1:$P$${rows.length}` })]);
  });

  it('follows every project sheet in the round’s workbook, one worksheet per unit', () => {
    const { county, round } = filledDepartmentRound();
    const book = XLSX.read(annexWorkbook(county.db, round.id), { type: 'array' });
    expect(book.SheetNames).toEqual(['LT-1', '部门整体-101001', '部门整体-201001']);
    expect(grid(book.Sheets['部门整体-201001']!)[0]![0]).toBe('部门整体支出绩效目标执行监控表');
  });
});
