// One 项目支出绩效自评表 as an Excel sheet in the 财预〔2020〕10号 annex layout. The per-unit template
// (blank where the unit reports) and the year's workbook (the tables as filled and scored) both write it;
// the 自评复核 reader (review/excel.ts) and the template import (templateImport.ts) read it back by its
// header words. Beyond the printed form's eleven columns it carries 扣分 and 扣分原因 (the form keeps them
// per row) and a hidden 指标标识, so an import matches each row to its approved indicator even after the
// unit reorders or retitles rows.
import * as XLSX from 'xlsx';
import { wanYuanText } from '../domain/money';
import { add, parseDecimal, plainDecimal, ratio, type Ratio } from '../domain/ratio';
import { FUND_ROW_LABELS, type FundRowFigures } from '../domain/selfEvaluation';

type Cell = string | number;

/** The header words the import looks for, beside the annex's own. */
export const SHEET_WORDS = {
  budgetReason: '预算执行偏差原因',
  problems: '存在的问题',
  measures: '改进措施',
  deduction: '扣分',
  deductionReason: '扣分原因',
  indicatorId: '指标标识',
} as const;

export interface SheetIndicator {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  value: string;
  unit: string;
  weight: string;
  actual: string;
  score: string;
  deduction: string;
  deductionReason: string;
  deviationReason: string;
}

export interface SheetContent {
  year: number;
  project: { code: string; name: string; unitCode: string; unitName: string; departmentName: string };
  /** 年度资金总额 first, then the 其中 rows. */
  funds: FundRowFigures[];
  /** false in a template: 全年执行数 is the unit's to fill. */
  executedKnown: boolean;
  budgetWeight: number;
  /** 执行率 and 得分 of the 年度资金总额 row; blank in a template. */
  rate: string;
  budgetScore: string;
  budgetReason: string;
  goalExpected: string;
  goalAchieved: string;
  indicators: SheetIndicator[];
  total: string;
  grade: string;
  problems: string;
  measures: string;
}

const WIDTH = 10;
const ID_COLUMN = 13;
const merge = (r1: number, c1: number, r2: number, c2: number): XLSX.Range => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });

function fundRow(content: SheetContent, f: FundRowFigures): Cell[] {
  const executed = content.executedKnown ? wanYuanText(f.executedFen) : '';
  if (f.row === 'total') return ['', '年度资金总额', wanYuanText(f.initialFen), wanYuanText(f.adjustedFen), executed, content.budgetWeight, content.rate, content.budgetScore];
  const label = f.row === 'appropriation' ? `其中：${FUND_ROW_LABELS[f.row]}` : FUND_ROW_LABELS[f.row];
  return ['', label, wanYuanText(f.initialFen), wanYuanText(f.adjustedFen), executed, '—', '', '—'];
}

/** 总分's 分值: the budget's weight and the indicators'; blank when a weight is not a number. */
function weightTotal(content: SheetContent): string {
  const weights = content.indicators.map((i) => parseDecimal(i.weight));
  if (weights.some((w) => w === null)) return '';
  return plainDecimal(weights.reduce<Ratio>((sum, w) => add(sum, w!), ratio(content.budgetWeight)));
}

/** The rows and merges of one table; the merges follow the annex's printed form. */
export function selfEvaluationSheet(content: SheetContent): XLSX.WorkSheet {
  const { project, funds } = content;
  const rows: Cell[][] = [
    ['项目支出绩效自评表'],
    [`（${content.year}年度）`],
    ['项目名称', project.name, '', '', '', '', '项目编码', project.code],
    ['主管部门', project.departmentName, '', '', '实施单位', project.unitName, '', '单位编码', project.unitCode],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ...funds.map((f) => fundRow(content, f)),
    [SHEET_WORDS.budgetReason, content.budgetReason],
    ['年度总体目标', '预期目标', '', '', '', '实际完成情况'],
    ['', content.goalExpected, '', '', '', content.goalAchieved],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '年度指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', SHEET_WORDS.deduction, SHEET_WORDS.deductionReason, SHEET_WORDS.indicatorId],
  ];
  const reasonRow = 4 + funds.length + 1;
  const goalRow = reasonRow + 1;
  const merges = [merge(0, 0, 0, WIDTH), merge(1, 0, 1, WIDTH), merge(2, 1, 2, 5), merge(4, 0, 4 + funds.length, 0), merge(reasonRow, 1, reasonRow, WIDTH), merge(goalRow, 0, goalRow + 1, 0)];
  merges.push(merge(goalRow, 1, goalRow, 4), merge(goalRow + 1, 1, goalRow + 1, 4), merge(goalRow, 5, goalRow, WIDTH), merge(goalRow + 1, 5, goalRow + 1, WIDTH));
  const first = rows.length;
  for (const i of content.indicators) {
    rows.push(['', i.level1, i.level2, i.name, i.operator, i.value, i.unit, i.actual, i.weight, i.score, i.deviationReason, i.deduction, i.deductionReason, i.indicatorId]);
  }
  if (content.indicators.length > 0) merges.push(merge(first - 1, 0, rows.length - 1, 0));
  rows.push(['总分', '', '', '', '', '', '', '', weightTotal(content), content.total]);
  merges.push(merge(rows.length - 1, 0, rows.length - 1, 7));
  for (const [label, value] of [['评价等级', content.grade], [SHEET_WORDS.problems, content.problems], [SHEET_WORDS.measures, content.measures]] as const) {
    rows.push([label, value]);
    merges.push(merge(rows.length - 1, 1, rows.length - 1, WIDTH));
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  sheet['!cols'] = [8, 14, 14, 22, 8, 14, 10, 14, 8, 8, 30, 8, 20, 10].map((wch, c) => (c === ID_COLUMN ? { wch, hidden: true } : { wch }));
  return sheet;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(code: string, taken: Set<string>): string {
  const base = code.replace(/[:\\/?*[\]]/g, '_').slice(0, 28) || '项目';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
