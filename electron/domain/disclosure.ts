// 绩效公开, domain.md §9: the standard column layouts of the published 项目支出绩效目标表 and 部门整体支出
// 绩效目标表 (with the department budget), and of the 项目支出绩效自评表 (with the final accounts, 决算公开), as a
// grid of cells with their spans. The xlsx writer turns the spans into merged cells and the
// print page into rowSpan/colSpan, so what is previewed, printed and exported is one layout, defined once.

/** Sources that count as 财政拨款 in the published funds; the rest (专户, 单位资金, 其他) are 其他资金. */
const FISCAL_SOURCE = /^(本级财政拨款|上级补助|上年结转)/;
export const isFiscalSource = (source: string): boolean => FISCAL_SOURCE.test(source);

export interface DisclosedIndicator {
  level1: string;
  level2: string;
  name: string;
  /** 指标值 as the form shows it: `≥50个`, or a qualitative target's text. */
  target: string;
}

export const DISCLOSURE_KINDS = ['projectTargets', 'departmentTargets', 'selfEvaluations', 'evaluations'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export type TargetDisclosureKind = Exclude<DisclosureKind, 'selfEvaluations' | 'evaluations'>;

/** One published key evaluation result (绩效评价结果, with the final accounts): an approved 财政评价 or 部门评价 of a project. */
export interface DisclosedEvaluation {
  id: string;
  code: string;
  name: string;
  /** 财政评价 or 部门评价. */
  kindLabel: string;
  departmentName: string;
  unitName: string;
  /** The project's adjusted budget of the year, in 分. */
  amountFen: number;
  total: string;
  grade: string;
  /** The main findings, one per line. */
  findings: string;
}

/** One row of a published self-evaluation: an approved indicator, its 实际完成值 and the rule's 得分. */
export interface DisclosedResult extends DisclosedIndicator {
  actual: string;
  score: string;
}

/** One published self-evaluation: an approved 项目支出绩效自评表. */
export interface DisclosedSelfEvaluation {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  unitName: string;
  /** 全年预算数 and 全年执行数 in 分; 执行率, 总分 and 等级 as the table shows them. */
  adjustedFen: number;
  executedFen: number;
  rate: string;
  total: string;
  grade: string;
  indicators: DisclosedResult[];
}

/** One published target: a project's, or a unit's department-wide one. */
export interface DisclosedTarget {
  /** The project code, or the unit code for a department-wide target. */
  code: string;
  /** 项目名称, or 单位名称. */
  name: string;
  departmentName: string;
  /** 实施单位 of a project, or the 年度主要任务 of a unit with their amounts. */
  detail: string;
  /** 年度资金总额 and its split, in 分. */
  totalFen: number;
  fiscalFen: number;
  otherFen: number;
  overallGoal: string;
  indicators: DisclosedIndicator[];
}

export interface GridCell {
  text: string;
  /** Money in 分, for cells that writers format as 万元 (a number in Excel). */
  fen?: number;
  rowSpan?: number;
  colSpan?: number;
  header?: boolean;
}

/** A row of the grid; null where a cell above or to the left spans over this position. */
export type GridRow = (GridCell | null)[];

export interface TargetTableGrid {
  columnCount: number;
  /** Columns whose cells are centred (numbers, levels). */
  centred: readonly number[];
  /** Suggested column widths in characters, for Excel and for the printed page's proportions. */
  widths: number[];
  head: GridRow[];
  body: GridRow[];
}

interface TableLayout {
  title: string;
  /** Headers of the name, department and detail columns. */
  columns: readonly [string, string, string];
  widths: number[];
}

/** The two tables differ only in what names a row and what the third column says. */
export const TABLE_LAYOUTS: Record<DisclosureKind, TableLayout> = {
  projectTargets: { title: '项目支出绩效目标表', columns: ['项目名称', '主管部门', '实施单位'], widths: [7, 24, 16, 18, 12, 12, 10, 34, 11, 13, 26, 14] },
  departmentTargets: { title: '部门整体支出绩效目标表', columns: ['单位名称', '主管部门', '年度主要任务'], widths: [7, 18, 16, 34, 12, 12, 10, 30, 11, 13, 24, 14] },
  selfEvaluations: { title: '项目支出绩效自评表', columns: ['项目名称', '主管部门', '实施单位'], widths: [6, 22, 14, 16, 12, 12, 11, 10, 12, 22, 12, 12, 8, 8, 9] },
  evaluations: { title: '绩效评价结果表', columns: ['项目名称', '主管部门', '实施单位'], widths: [6, 24, 16, 18, 10, 12, 8, 8, 44] },
};

const FUND_COLUMNS = ['年度资金总额', '其中：财政拨款', '其他资金'] as const;
const INDICATOR_COLUMNS = ['一级指标', '二级指标', '三级指标', '指标值'] as const;
const COLUMN_COUNT = 12;
const TARGET_CENTRED = [0, 8, 9];

const head = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, header: true, ...span });

/** Two header rows: 资金情况（万元） and 绩效指标 group their columns; the other headers span both rows. */
function headRows([name, department, detail]: TableLayout['columns']): GridRow[] {
  const top: GridRow = [
    head('序号', { rowSpan: 2 }),
    head(name, { rowSpan: 2 }),
    head(department, { rowSpan: 2 }),
    head(detail, { rowSpan: 2 }),
    head('资金情况（万元）', { colSpan: 3 }),
    null,
    null,
    head('总体目标', { rowSpan: 2 }),
    head('绩效指标', { colSpan: 4 }),
    null,
    null,
    null,
  ];
  const second: GridRow = [null, null, null, null, ...FUND_COLUMNS.map((h) => head(h)), null, ...INDICATOR_COLUMNS.map((h) => head(h))];
  return [top, second];
}

/** Lengths of the runs of equal keys, e.g. [a, a, b] → [2, 0, 1]: the span at each run's first row. */
function runSpans(keys: readonly string[]): number[] {
  const spans = keys.map(() => 0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

const spanned = (text: string, span: number): GridCell | null => (span === 0 ? null : span > 1 ? { text, rowSpan: span } : { text });

/**
 * One published block: `lead` and `tail` (the project's or unit's own cells) span all its indicator rows,
 * 一级 and 二级指标 merge down their runs, and `rowCells` fills the rest of each row. A block without
 * indicator rows still gets one row (`none`), so that it is visibly published without them.
 */
function blockRows<I extends DisclosedIndicator>(indicators: readonly I[], none: I, lead: GridCell[], rowCells: (indicator: I) => GridCell[], tail: GridCell[] = []): GridRow[] {
  const rows = indicators.length ? indicators : [none];
  const span = (cells: GridCell[]) => cells.map((cell) => (rows.length > 1 ? { ...cell, rowSpan: rows.length } : cell));
  const [before, after] = [span(lead), span(tail)];
  const level1Spans = runSpans(rows.map((i) => i.level1));
  const level2Spans = runSpans(rows.map((i) => `${i.level1}\u0000${i.level2}`));
  return rows.map((indicator, row) => [
    ...(row === 0 ? before : before.map(() => null)),
    spanned(indicator.level1, level1Spans[row]!),
    spanned(indicator.level2, level2Spans[row]!),
    ...rowCells(indicator),
    ...(row === 0 ? after : after.map(() => null)),
  ]);
}

function targetRows(target: DisclosedTarget, number: number): GridRow[] {
  const lead: GridCell[] = [
    { text: String(number) },
    { text: target.name },
    { text: target.departmentName },
    { text: target.detail },
    { text: '', fen: target.totalFen },
    { text: '', fen: target.fiscalFen },
    { text: '', fen: target.otherFen },
    { text: target.overallGoal },
  ];
  return blockRows(target.indicators, { level1: '', level2: '', name: '', target: '' }, lead, (i) => [{ text: i.name }, { text: i.target }]);
}

/** The standard layout of a published target table, its rows numbered from 1 in the given order. */
export function targetTableGrid(kind: TargetDisclosureKind, targets: readonly DisclosedTarget[]): TargetTableGrid {
  const layout = TABLE_LAYOUTS[kind];
  return {
    columnCount: COLUMN_COUNT,
    centred: TARGET_CENTRED,
    widths: layout.widths,
    head: headRows(layout.columns),
    body: targets.flatMap((target, index) => targetRows(target, index + 1)),
  };
}

const RESULT_FUND_COLUMNS = ['全年预算数', '全年执行数', '执行率'] as const;
const RESULT_COLUMNS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分'] as const;
const RESULT_COLUMN_COUNT = 15;

/** 资金情况（万元） and 绩效指标 group their columns; 总分 and 评价等级 close each project's block. */
function resultHeadRows(): GridRow[] {
  const [name, department, unit] = TABLE_LAYOUTS.selfEvaluations.columns;
  const top: GridRow = [
    head('序号', { rowSpan: 2 }),
    head(name, { rowSpan: 2 }),
    head(department, { rowSpan: 2 }),
    head(unit, { rowSpan: 2 }),
    head('资金情况（万元）', { colSpan: 3 }),
    null,
    null,
    head('绩效指标', { colSpan: 6 }),
    ...RESULT_COLUMNS.slice(1).map(() => null),
    head('总分', { rowSpan: 2 }),
    head('评价等级', { rowSpan: 2 }),
  ];
  const second: GridRow = [null, null, null, null, ...RESULT_FUND_COLUMNS.map((h) => head(h)), ...RESULT_COLUMNS.map((h) => head(h)), null, null];
  return [top, second];
}

function resultRows(entry: DisclosedSelfEvaluation, number: number): GridRow[] {
  const lead: GridCell[] = [
    { text: String(number) },
    { text: entry.name },
    { text: entry.departmentName },
    { text: entry.unitName },
    { text: '', fen: entry.adjustedFen },
    { text: '', fen: entry.executedFen },
    { text: entry.rate },
  ];
  const none = { level1: '', level2: '', name: '', target: '', actual: '', score: '' };
  const cells = (i: DisclosedResult): GridCell[] => [{ text: i.name }, { text: i.target }, { text: i.actual }, { text: i.score }];
  return blockRows(entry.indicators, none, lead, cells, [{ text: entry.total }, { text: entry.grade }]);
}

/** The published self-evaluation tables: one block per project, its indicator rows with what was achieved. */
export function selfEvaluationTableGrid(entries: readonly DisclosedSelfEvaluation[]): TargetTableGrid {
  return {
    columnCount: RESULT_COLUMN_COUNT,
    centred: [0, 6, 7, 8, 12, 13, 14],
    widths: TABLE_LAYOUTS.selfEvaluations.widths,
    head: resultHeadRows(),
    body: entries.flatMap((entry, index) => resultRows(entry, index + 1)),
  };
}

/** The published evaluation results: one row per evaluated project, its findings in the last column. */
export function evaluationTableGrid(entries: readonly DisclosedEvaluation[]): TargetTableGrid {
  const [name, department, unit] = TABLE_LAYOUTS.evaluations.columns;
  const headers = ['序号', name, department, unit, '评价类型', '项目金额（万元）', '总分', '评价等级', '主要问题与发现'];
  return {
    columnCount: headers.length,
    centred: [0, 4, 6, 7],
    widths: TABLE_LAYOUTS.evaluations.widths,
    head: [headers.map((h) => head(h))],
    body: entries.map((e, index) => [
      { text: String(index + 1) },
      { text: e.name },
      { text: e.departmentName },
      { text: e.unitName },
      { text: e.kindLabel },
      { text: '', fen: e.amountFen },
      { text: e.total },
      { text: e.grade },
      { text: e.findings },
    ]),
  };
}

/** The grid of whichever table is published. */
export function disclosureGrid(table: {
  kind: DisclosureKind;
  targets: readonly DisclosedTarget[];
  selfEvaluations: readonly DisclosedSelfEvaluation[];
  evaluations: readonly DisclosedEvaluation[];
}): TargetTableGrid {
  if (table.kind === 'selfEvaluations') return selfEvaluationTableGrid(table.selfEvaluations);
  if (table.kind === 'evaluations') return evaluationTableGrid(table.evaluations);
  return targetTableGrid(table.kind, table.targets);
}
