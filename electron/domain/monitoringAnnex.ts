// 项目支出绩效目标执行监控表 as 财预〔2019〕136号 prints it: one grid of 16 columns, laid out once here and
// drawn by the printed sheet (HTML table) and by the xlsx (merged cells), so paper and file never differ.
// Beside the annex's own columns it prints 全年预算数 (the adjusted budget the rate is taken on) and 预计结余.
// The 部门整体支出绩效目标执行监控表 of a unit's whole budget follows the same grid: its 基本支出 and 项目支出 in
// place of the fund sources, then the same 年度总体目标 rows and indicator block.
import type { GridCell, GridRow } from './disclosure';
import { displayTarget, type IndicatorOperator } from './indicators';
import { BUDGET_PARTS, type DepartmentBudget } from './departmentMonitoring';
import type { Fen } from './money';
import { DEVIATION_REASONS, executionRate, expectedBalanceFen, LIKELIHOODS, type Deviation } from './monitoring';
import { percent } from './ratio';

/** The grid of the published tables (绩效公开): a cell at each position, null where a span covers it. */
export interface Grid {
  title: string;
  subtitle: string;
  columnCount: number;
  /** Relative column widths (Excel characters). */
  widths: readonly number[];
  rows: GridRow[];
}

/** The annex's two fund rows below 年度资金总额: 财政拨款, and 其他资金 (单位资金, 财政专户…, by setting). */
export type AnnexFundGroup = 'fiscal' | 'other';
export const ANNEX_FUND_GROUP_LABELS: Record<AnnexFundGroup, string> = { fiscal: '其中：财政拨款', other: '其他资金' };

export interface AnnexFund {
  source: string;
  group: AnnexFundGroup;
  initialFen: Fen;
  adjustedFen: Fen;
  executedFen: Fen;
  forecastFen: Fen | null;
}

export interface AnnexIndicator extends Deviation {
  level1: string;
  level2: string;
  name: string;
  operator: string;
  target: string;
  unit: string;
  reached: string;
  expectedFullYear: string;
  likelihood: string;
}

/** What the sheet prints: the project, its figures as reported, the approved goal and indicators. */
export interface AnnexSheet {
  year: number;
  month: number;
  projectName: string;
  projectCode: string;
  departmentName: string;
  departmentCode: string;
  unitName: string;
  funds: readonly AnnexFund[];
  budget: Deviation;
  goal: string;
  goalProgress: string;
  analysis: string;
  remarks: string;
  indicators: readonly AnnexIndicator[];
}

/** A sheet as the service loads it or the form holds it: what annexSheetOf reads. */
export interface AnnexSource {
  project: { code: string; name: string; unitName: string; departmentCode: string; departmentName: string };
  funds: readonly Omit<AnnexFund, 'group'>[];
  budget: Deviation;
  goal: string;
  goalProgress: string;
  analysis: string;
  remarks: string;
  indicators: readonly AnnexIndicator[];
}

/** The sheet for the annex, its fund sources put in the annex's rows by `groups` (other sources: 财政拨款). */
export function annexSheetOf(source: AnnexSource, round: { year: number; month: number }, groups: Readonly<Record<string, AnnexFundGroup>>): AnnexSheet {
  return {
    year: round.year,
    month: round.month,
    projectName: source.project.name,
    projectCode: source.project.code,
    departmentName: source.project.departmentName,
    departmentCode: source.project.departmentCode,
    unitName: source.project.unitName,
    funds: source.funds.map((f) => ({ ...f, group: groups[f.source] ?? 'fiscal' })),
    budget: source.budget,
    goal: source.goal,
    goalProgress: source.goalProgress,
    analysis: source.analysis,
    remarks: source.remarks,
    indicators: source.indicators,
  };
}

const COLUMNS = 16;
/** 项目/指标 label, 一级, 二级, 三级, 年度指标值, 执行情况, 全年预计, five 保障 reasons, three likelihoods, 备注. */
const WIDTHS = [12, 12, 14, 22, 14, 14, 14, 7, 7, 7, 9, 9, 7, 7, 8, 24];

interface FundFigures {
  initialFen: Fen;
  adjustedFen: Fen;
  executedFen: Fen;
  forecastFen: Fen | null;
}

const sum = (funds: readonly FundFigures[]): FundFigures => ({
  initialFen: funds.reduce((n, f) => n + f.initialFen, 0),
  adjustedFen: funds.reduce((n, f) => n + f.adjustedFen, 0),
  executedFen: funds.reduce((n, f) => n + f.executedFen, 0),
  forecastFen: funds.every((f) => f.forecastFen !== null) ? funds.reduce((n, f) => n + f.forecastFen!, 0) : null,
});

/** 年度资金总额, 其中：财政拨款, 其他资金: the fund sources grouped as the annex prints them. */
export function annexFundRows(funds: readonly AnnexFund[]): { label: string; figures: FundFigures }[] {
  return [
    { label: '年度资金总额', figures: sum(funds) },
    ...(['fiscal', 'other'] as const).map((group) => ({ label: ANNEX_FUND_GROUP_LABELS[group], figures: sum(funds.filter((f) => f.group === group)) })),
  ];
}

const head = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, header: true, ...span });
const cell = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, ...span });
/** Money: writers show it as 万元 (a number in Excel); not yet forecast, an empty cell. */
const money = (fen: Fen | null, span: Partial<GridCell> = {}): GridCell => (fen === null ? cell('', span) : { text: '', fen, ...span });

/** A deviation as one text: the reasons (其他 with its text), then the measures. */
export function deviationText(deviation: Deviation): string {
  const reasons = deviation.reasons.map((r) => (r === '其他' && deviation.reasonOther.trim() ? `其他（${deviation.reasonOther.trim()}）` : r));
  const parts = [reasons.length ? `原因：${reasons.join('、')}` : '', deviation.measures.trim() ? `措施：${deviation.measures.trim()}` : ''];
  return parts.filter((p) => p !== '').join('；');
}

function fundRows(sheet: AnnexSheet): GridCell[][] {
  const m = sheet.month;
  const rows = annexFundRows(sheet.funds);
  const header: GridCell[] = [
    head('项目资金（万元）', { rowSpan: rows.length + 1 }),
    head('', { colSpan: 2 }),
    head('年初预算数'),
    head('全年预算数'),
    head(`1-${m}月执行数`),
    head(`1-${m}月执行率`),
    head('全年预计执行数', { colSpan: 2 }),
    head('预计结余', { colSpan: 2 }),
    head('偏差原因分析', { colSpan: 5 }),
  ];
  return [
    header,
    ...rows.map(({ label, figures }, i) => {
      const balance = expectedBalanceFen(figures.adjustedFen, figures.forecastFen);
      const row: GridCell[] = [
        head(label, { colSpan: 2 }),
        money(figures.initialFen),
        money(figures.adjustedFen),
        money(figures.executedFen),
        cell(`${percent(executionRate(figures.executedFen, figures.adjustedFen).rate)}%`),
        money(figures.forecastFen, { colSpan: 2 }),
        money(balance, { colSpan: 2 }),
      ];
      // One explanation for the sheet's spending: it spans the three fund rows.
      if (i === 0) row.push(cell(deviationText(sheet.budget), { colSpan: 5, rowSpan: rows.length }));
      return row;
    }),
  ];
}

/** 年度总体目标: the approved goal beside what was done of it by the month, a project's and a unit's sheet alike. */
function goalRows(sheet: Pick<AnnexSheet, 'month' | 'goal' | 'goalProgress'>): GridCell[][] {
  return [
    [head('年度总体目标', { rowSpan: 2 }), head('年初目标', { colSpan: 7 }), head(`1-${sheet.month}月执行情况`, { colSpan: 8 })],
    [cell(sheet.goal, { colSpan: 7 }), cell(sheet.goalProgress, { colSpan: 8 })],
  ];
}

/** The value with its unit, for a quantitative indicator; a qualitative one reads as its words. */
const withUnit = (indicator: AnnexIndicator, value: string) => (value.trim() === '' ? '' : indicator.operator === '定性' ? value : `${value}${indicator.unit}`);
const tick = (on: boolean) => (on ? '√' : '');

function indicatorRows(sheet: Pick<AnnexSheet, 'month' | 'indicators'>): GridCell[][] {
  const m = sheet.month;
  const indicators = sheet.indicators.length ? sheet.indicators : null;
  const label = head('绩效指标', { rowSpan: 2 + (indicators?.length ?? 1) });
  const headers: GridCell[][] = [
    [
      label,
      head('一级指标', { rowSpan: 2 }),
      head('二级指标', { rowSpan: 2 }),
      head('三级指标', { rowSpan: 2 }),
      head('年度指标值', { rowSpan: 2 }),
      head(`1-${m}月执行情况`, { rowSpan: 2 }),
      head('全年预计完成情况', { rowSpan: 2 }),
      head('偏差原因分析', { colSpan: DEVIATION_REASONS.length }),
      head('完成目标可能性', { colSpan: LIKELIHOODS.length }),
      head('备注', { rowSpan: 2 }),
    ],
    [...DEVIATION_REASONS.map((r) => head(r)), ...LIKELIHOODS.map((l) => head(l))],
  ];
  if (!indicators) return [...headers, [cell('（无批复的绩效指标）', { colSpan: COLUMNS - 1 })]];
  const body = indicators.map((indicator, i) => {
    const row: GridCell[] = [];
    // 一级 and 二级 span the rows that share them, as the annex groups its indicators.
    if (i === 0 || indicators[i - 1]!.level1 !== indicator.level1) row.push(cell(indicator.level1, { rowSpan: runLength(indicators, i, (x) => x.level1) }));
    if (i === 0 || indicators[i - 1]!.level1 !== indicator.level1 || indicators[i - 1]!.level2 !== indicator.level2) {
      row.push(cell(indicator.level2, { rowSpan: runLength(indicators, i, (x) => `${x.level1}/${x.level2}`) }));
    }
    const remark = [indicator.reasons.includes('其他') ? indicator.reasonOther.trim() : '', indicator.measures.trim()].filter((t) => t !== '').join('；');
    row.push(
      cell(indicator.name),
      cell(displayTarget({ operator: indicator.operator as IndicatorOperator, value: indicator.target, unit: indicator.unit })),
      cell(withUnit(indicator, indicator.reached)),
      cell(withUnit(indicator, indicator.expectedFullYear)),
      ...DEVIATION_REASONS.map((r) => cell(tick(indicator.reasons.includes(r)))),
      ...LIKELIHOODS.map((l) => cell(tick(indicator.likelihood === l))),
      cell(remark),
    );
    return row;
  });
  return [...headers, ...body];
}

/** How many rows from `start` share the same key. */
function runLength<T>(items: readonly T[], start: number, key: (item: T) => string): number {
  let end = start + 1;
  while (end < items.length && key(items[end]!) === key(items[start]!)) end++;
  return end - start;
}

/**
 * Cells listed as an HTML row lists them (only those starting there) put at their positions, with null
 * where a span from the left or from above covers the position.
 */
export function placeCells(rows: readonly GridCell[][], columnCount: number): GridRow[] {
  const placed: GridRow[] = rows.map(() => Array<GridCell | null>(columnCount).fill(null));
  const covered = rows.map(() => Array<boolean>(columnCount).fill(false));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (covered[r]![c]) c++;
      if (c >= columnCount) throw new RangeError(`row ${r} has more than ${columnCount} columns`);
      placed[r]![c] = cell;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr]![c + dc] = true;
      c += cell.colSpan ?? 1;
    }
  });
  return placed;
}

/** A monitoring form of the round's month in the annex's 16 columns. */
const annexGrid = (title: string, round: { year: number; month: number }, rows: readonly GridCell[][]): Grid => ({
  title,
  subtitle: `（${round.year} 年度，截至 ${round.month} 月末）`,
  columnCount: COLUMNS,
  widths: WIDTHS,
  rows: placeCells(rows, COLUMNS),
});

/** The whole 136号 grid of one sheet. */
export function monitoringAnnexGrid(sheet: AnnexSheet): Grid {
  return annexGrid('项目支出绩效目标执行监控表', sheet, [
    [head('项目名称'), cell(`${sheet.projectName}（${sheet.projectCode}）`, { colSpan: COLUMNS - 1 })],
    [head('主管部门及代码'), cell(`${sheet.departmentName}（${sheet.departmentCode}）`, { colSpan: 6 }), head('实施单位', { colSpan: 2 }), cell(sheet.unitName, { colSpan: 7 })],
    ...fundRows(sheet),
    ...goalRows(sheet),
    ...indicatorRows(sheet),
    [head('情况分析'), cell(sheet.analysis, { colSpan: COLUMNS - 1 })],
    [head('备注'), cell(sheet.remarks, { colSpan: COLUMNS - 1 })],
  ]);
}

/** What a unit's 部门整体 sheet prints: the unit, its whole budget as reported, and its approved indicators. */
export interface DepartmentAnnexSheet extends DepartmentBudget {
  year: number;
  month: number;
  unitName: string;
  unitCode: string;
  departmentName: string;
  departmentCode: string;
  budget: Deviation;
  goal: string;
  goalProgress: string;
  remarks: string;
  indicators: readonly AnnexIndicator[];
}

/** A department sheet as the service loads it or the form holds it: what departmentAnnexSheetOf reads. */
export type DepartmentAnnexSource = DepartmentBudget & Pick<DepartmentAnnexSheet, 'unitName' | 'unitCode' | 'budget' | 'goal' | 'goalProgress' | 'remarks' | 'indicators'>;

/** The sheet for the 部门整体 grid, under the unit's 主管部门 (the unit itself when it has none). */
export function departmentAnnexSheetOf(source: DepartmentAnnexSource, round: { year: number; month: number }, department: { code: string; name: string } | null): DepartmentAnnexSheet {
  return {
    year: round.year,
    month: round.month,
    unitName: source.unitName,
    unitCode: source.unitCode,
    departmentName: department?.name ?? source.unitName,
    departmentCode: department?.code ?? source.unitCode,
    basicBudgetFen: source.basicBudgetFen,
    projectBudgetFen: source.projectBudgetFen,
    basicExecutedFen: source.basicExecutedFen,
    projectExecutedFen: source.projectExecutedFen,
    budget: source.budget,
    goal: source.goal,
    goalProgress: source.goalProgress,
    remarks: source.remarks,
    indicators: source.indicators,
  };
}

/** 年度资金总额, 其中：基本支出, 项目支出 with their budget, execution and rate; one explanation spans them. */
function departmentBudgetRows(sheet: DepartmentAnnexSheet): GridCell[][] {
  const m = sheet.month;
  const parts = [
    { label: '年度资金总额', budgetFen: sheet.basicBudgetFen + sheet.projectBudgetFen, executedFen: sheet.basicExecutedFen + sheet.projectExecutedFen },
    { label: `其中：${BUDGET_PARTS[0]}`, budgetFen: sheet.basicBudgetFen, executedFen: sheet.basicExecutedFen },
    { label: BUDGET_PARTS[1], budgetFen: sheet.projectBudgetFen, executedFen: sheet.projectExecutedFen },
  ];
  const header: GridCell[] = [
    head('部门预算资金（万元）', { rowSpan: parts.length + 1 }),
    head('', { colSpan: 2 }),
    head('全年预算数', { colSpan: 2 }),
    head(`1-${m}月执行数`, { colSpan: 2 }),
    head(`1-${m}月执行率`, { colSpan: 2 }),
    head('偏差原因分析', { colSpan: 7 }),
  ];
  return [
    header,
    ...parts.map(({ label, budgetFen, executedFen }, i) => {
      const row: GridCell[] = [
        head(label, { colSpan: 2 }),
        money(budgetFen, { colSpan: 2 }),
        money(executedFen, { colSpan: 2 }),
        cell(`${percent(executionRate(executedFen, budgetFen).rate)}%`, { colSpan: 2 }),
      ];
      if (i === 0) row.push(cell(deviationText(sheet.budget), { colSpan: 7, rowSpan: parts.length }));
      return row;
    }),
  ];
}

/** The whole 部门整体支出绩效目标执行监控表 of one unit. */
export function departmentMonitoringGrid(sheet: DepartmentAnnexSheet): Grid {
  return annexGrid('部门整体支出绩效目标执行监控表', sheet, [
    [head('部门（单位）名称'), cell(`${sheet.unitName}（${sheet.unitCode}）`, { colSpan: COLUMNS - 1 })],
    [head('主管部门及代码'), cell(`${sheet.departmentName}（${sheet.departmentCode}）`, { colSpan: 6 }), head('监控期间', { colSpan: 2 }), cell(`${sheet.year} 年 1-${sheet.month} 月`, { colSpan: 7 })],
    ...departmentBudgetRows(sheet),
    ...goalRows(sheet),
    ...indicatorRows(sheet),
    [head('备注'), cell(sheet.remarks, { colSpan: COLUMNS - 1 })],
  ]);
}
