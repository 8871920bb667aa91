// 绩效公开, domain.md §9: the standard column layout of the published 项目支出绩效目标表 as a grid of
// cells with their spans. The xlsx writer turns the spans into merged cells and the print page into
// rowSpan/colSpan, so what is previewed, printed and exported is one layout, defined once.

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

export interface DisclosedProject {
  code: string;
  name: string;
  departmentName: string;
  unitName: string;
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
  /** Suggested column widths in characters, for Excel and for the printed page's proportions. */
  widths: number[];
  head: GridRow[];
  body: GridRow[];
}

export const TARGET_TABLE_COLUMNS = [
  '序号',
  '项目名称',
  '主管部门',
  '实施单位',
  '年度资金总额',
  '其中：财政拨款',
  '其他资金',
  '总体目标',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
] as const;
const WIDTHS = [7, 24, 16, 18, 12, 12, 10, 34, 11, 13, 26, 14];

const head = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, header: true, ...span });

/** Two header rows: 资金情况（万元） and 绩效指标 group their columns; the other headers span both rows. */
function headRows(): GridRow[] {
  const top: GridRow = [
    head('序号', { rowSpan: 2 }),
    head('项目名称', { rowSpan: 2 }),
    head('主管部门', { rowSpan: 2 }),
    head('实施单位', { rowSpan: 2 }),
    head('资金情况（万元）', { colSpan: 3 }),
    null,
    null,
    head('总体目标', { rowSpan: 2 }),
    head('绩效指标', { colSpan: 4 }),
    null,
    null,
    null,
  ];
  const second: GridRow = [null, null, null, null, ...TARGET_TABLE_COLUMNS.slice(4, 7).map((name) => head(name)), null, ...TARGET_TABLE_COLUMNS.slice(8).map((name) => head(name))];
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

function projectRows(project: DisclosedProject, number: number): GridRow[] {
  // A project without indicator rows still gets one row, so that it is visibly published without them.
  const indicators = project.indicators.length ? project.indicators : [{ level1: '', level2: '', name: '', target: '' }];
  const height = indicators.length;
  const level1Spans = runSpans(indicators.map((i) => i.level1));
  const level2Spans = runSpans(indicators.map((i) => `${i.level1}\u0000${i.level2}`));
  const projectCells: GridCell[] = [
    { text: String(number) },
    { text: project.name },
    { text: project.departmentName },
    { text: project.unitName },
    { text: '', fen: project.totalFen },
    { text: '', fen: project.fiscalFen },
    { text: '', fen: project.otherFen },
    { text: project.overallGoal },
  ].map((cell) => (height > 1 ? { ...cell, rowSpan: height } : cell));
  return indicators.map((indicator, row) => [
    ...(row === 0 ? projectCells : projectCells.map(() => null)),
    spanned(indicator.level1, level1Spans[row]!),
    spanned(indicator.level2, level2Spans[row]!),
    { text: indicator.name },
    { text: indicator.target },
  ]);
}

/** The standard layout of the published 项目支出绩效目标表, projects numbered from 1 in the given order. */
export function targetTableGrid(projects: readonly DisclosedProject[]): TargetTableGrid {
  return {
    columnCount: TARGET_TABLE_COLUMNS.length,
    widths: WIDTHS,
    head: headRows(),
    body: projects.flatMap((project, index) => projectRows(project, index + 1)),
  };
}
