// Reading 项目支出绩效自评表 that units filled in Excel (财预〔2020〕10号 annex layout and its common
// variants). Every part is found by its header words, not by fixed cells: units add title rows, merge
// cells, move columns, add a 指标性质 or 度量单位 column, put several tables on one sheet or one per sheet.
import * as XLSX from 'xlsx';
import type { ReviewTable } from '../../domain/selfEvaluation';
import { AppError } from '../../errors';
import type { RowProblem } from '../../xlsx/importKit';
import { readWorkbook } from '../../xlsx/sheet';
import { reviewInputOf, type WrittenIndicatorRow, type WrittenTable } from './table';

/** One table found in the file: what it says, or why it cannot be reviewed. */
export interface FoundTable {
  sheet: string;
  rowNumber: number;
  projectName: string;
  written: WrittenTable | null;
  review: ReviewTable | null;
  problems: RowProblem[];
}

export interface Grid {
  sheet: string;
  cells: string[][];
  /** Excel row number of cells[0]. */
  firstRow: number;
}

/** Header words compared without spaces, line breaks, or a unit in brackets: 全年预算数（万元） is 全年预算数. */
export const key = (text: string) => text.normalize('NFKC').replace(/\s/g, '').replace(/\([^)]*\)/g, '');

/** Words that label a header field, so that an empty field is not read as the next field's label. */
const FIELD_LABELS = new Set(['项目名称', '项目编码', '主管部门', '实施单位', '单位编码', '评价等级', '自评等级']);
const TOTAL_WORDS = new Set(['总分', '合计', '总计', '合计得分']);

/** The sheet's cells as text, each merged range carrying its top-left value into every cell it covers. */
export function gridOf(name: string, sheet: XLSX.WorkSheet): Grid {
  const origin = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).s : { r: 0, c: 0 };
  const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  const cells = raw.map((row) => row.map((value) => String(value ?? '').trim()));
  for (const merge of sheet['!merges'] ?? []) {
    const value = cells[merge.s.r - origin.r]?.[merge.s.c - origin.c] ?? '';
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      const row = (cells[r - origin.r] ??= []);
      for (let c = merge.s.c; c <= merge.e.c; c++) row[c - origin.c] = value;
    }
  }
  // Columns are indexed from the sheet's first column; a table starting in column B keeps its offsets.
  return { sheet: name, cells, firstRow: origin.r + 1 };
}

export const at = (row: readonly string[] | undefined, column: number | undefined) => (column === undefined || column < 0 ? '' : (row?.[column] ?? ''));

/** The value right of a field's label, stopping at the next label (an empty field stays empty). */
function fieldRight(row: readonly string[], label: string): string | null {
  const start = row.findIndex((c) => key(c) === label);
  if (start < 0) return null;
  for (let c = start + 1; c < row.length; c++) {
    const k = key(row[c]!);
    if (k === label) continue;
    if (FIELD_LABELS.has(k)) return '';
    if (k !== '') return row[c]!;
  }
  return '';
}

export function field(rows: readonly string[][], ...labels: string[]): string {
  for (const row of rows) {
    for (const label of labels) {
      const value = fieldRight(row, label);
      if (value !== null) return value;
    }
  }
  return '';
}

/** Positions of header words in a row: the first cell matching one of each column's names. */
export function columnsOf<K extends string>(row: readonly string[], names: Record<K, readonly string[]>): Partial<Record<K, number>> {
  const found: Partial<Record<K, number>> = {};
  for (const [column, words] of Object.entries(names) as [K, readonly string[]][]) {
    const index = row.findIndex((c) => words.some((w) => (w.endsWith('*') ? key(c).startsWith(w.slice(0, -1)) : key(c) === w)));
    if (index >= 0) found[column] = index;
  }
  return found;
}

export const FUND_COLUMNS = {
  initial: ['年初预算数'],
  adjusted: ['全年预算数', '调整后预算数'],
  executed: ['全年执行数', '执行数', '实际执行数'],
  weight: ['分值', '指标分值', '权重'],
  rate: ['执行率'],
  score: ['得分', '自评得分'],
} as const;

export const INDICATOR_COLUMNS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  label: ['三级指标'],
  operator: ['指标性质'],
  unit: ['度量单位', '计量单位', '单位'],
  target: ['年度指标值', '指标值', '年度目标值'],
  actual: ['实际完成值', '全年实际值', '实际值'],
  weight: ['分值', '指标分值', '权重'],
  score: ['得分', '自评得分'],
  deviation: ['偏差原因*'],
} as const;

export const findRow = (rows: readonly string[][], from: number, test: (row: readonly string[]) => boolean) => {
  for (let r = from; r < rows.length; r++) if (test(rows[r]!)) return r;
  return -1;
};
const has = (row: readonly string[], word: string) => row.some((c) => key(c) === word);

/** A header row: one that names every one of `required` columns (by any of their names). */
const headerOf =
  <K extends string>(names: Record<K, readonly string[]>, required: readonly K[]) =>
  (row: readonly string[]) => {
    const found = columnsOf(row, names);
    return required.every((column) => found[column] !== undefined);
  };
export const isFundHeader = headerOf(FUND_COLUMNS, ['adjusted', 'executed']);
export const isIndicatorHeader = headerOf(INDICATOR_COLUMNS, ['label', 'actual', 'score']);

interface Segment {
  grid: Grid;
  rows: string[][];
  /** Excel row number of rows[0]. */
  firstRow: number;
}

/** The fund block's 年度资金总额 row (or the first row under the header). */
function readBudget(segment: Segment, problems: RowProblem[], report: (rowNumber: number, column: string, message: string) => void): WrittenTable['budget'] | null {
  const header = findRow(segment.rows, 0, isFundHeader);
  if (header < 0) {
    report(segment.firstRow, '项目资金', '找不到项目资金表头（年初预算数、全年预算数、全年执行数、分值、执行率、得分）');
    return null;
  }
  const columns = columnsOf(segment.rows[header]!, FUND_COLUMNS);
  const totalRow = findRow(segment.rows, header + 1, (row) => row.some((c) => key(c).startsWith('年度资金总额')));
  const r = totalRow >= 0 ? totalRow : header + 1;
  const row = segment.rows[r];
  const rowNumber = segment.firstRow + r;
  if (columns.weight === undefined || columns.score === undefined) report(segment.firstRow + header, '项目资金', '项目资金表头缺少“分值”或“得分”列');
  if (problems.length > 0) return null;
  return {
    rowNumber,
    initial: at(row, columns.initial),
    adjusted: at(row, columns.adjusted),
    executed: at(row, columns.executed),
    weight: at(row, columns.weight),
    rate: at(row, columns.rate),
    score: at(row, columns.score),
  };
}

function readGoal(segment: Segment): WrittenTable['goal'] {
  const header = findRow(segment.rows, 0, (row) => has(row, '预期目标') && has(row, '实际完成情况'));
  if (header < 0) return { expected: '', actual: '' };
  const columns = columnsOf(segment.rows[header]!, { expected: ['预期目标'], actual: ['实际完成情况'] });
  const row = segment.rows[header + 1];
  return { expected: at(row, columns.expected), actual: at(row, columns.actual) };
}

const isNotApplicable = (text: string) => ['', '/', '／', '—', '-'].includes(text.trim());

/**
 * The indicator rows between the header and 总分. A row without its own 三级指标 and without a target is
 * the subtotal of its 二级指标, parent of the rows below that share it; a 三级指标 that begins with 其中
 * explains the indicator above it.
 */
function readIndicators(segment: Segment, header: number, end: number): WrittenIndicatorRow[] {
  const columns = columnsOf(segment.rows[header]!, INDICATOR_COLUMNS);
  const rows: WrittenIndicatorRow[] = [];
  let group: { index: number; level2: string } | null = null;
  let lastIndicator: number | undefined;
  for (let r = header + 1; r < end; r++) {
    const cells = segment.rows[r] ?? [];
    const value = (column: keyof typeof INDICATOR_COLUMNS) => at(cells, columns[column]);
    const [level1, level2, label3] = [value('level1'), value('level2'), value('label')];
    const own = ['target', 'actual', 'weight', 'score'] as const;
    if (label3 === '' && level2 === '' && own.every((c) => value(c) === '')) continue;
    const base = {
      rowNumber: segment.firstRow + r,
      level1,
      level2,
      operator: columns.operator === undefined ? undefined : value('operator'),
      unit: columns.unit === undefined ? undefined : value('unit'),
      actual: value('actual'),
      weight: value('weight'),
      score: value('score'),
      deviation: value('deviation'),
    };
    const subtotal = (label3 === '' || label3 === level2) && isNotApplicable(value('target'));
    if (subtotal) {
      group = level2 !== '' && level2 !== level1 ? { index: rows.length, level2 } : null;
      rows.push({ ...base, label: level2 || level1, target: '/' });
      lastIndicator = undefined;
      continue;
    }
    const label = label3 || level2;
    if (/^其中/.test(label) && lastIndicator !== undefined) {
      rows.push({ ...base, label, target: value('target'), parent: lastIndicator });
      continue;
    }
    if (group && group.level2 !== level2) group = null;
    lastIndicator = rows.length;
    rows.push({ ...base, label, target: value('target'), ...(group ? { parent: group.index } : {}) });
  }
  return rows;
}

function readTotal(segment: Segment, header: number): { total: WrittenTable['total']; end: number } {
  const columns = columnsOf(segment.rows[header]!, INDICATOR_COLUMNS);
  const r = findRow(segment.rows, header + 1, (row) => row.slice(0, columns.weight ?? row.length).some((c) => TOTAL_WORDS.has(key(c))));
  if (r < 0) return { total: null, end: segment.rows.length };
  const row = segment.rows[r]!;
  return { total: { rowNumber: segment.firstRow + r, weight: at(row, columns.weight), score: at(row, columns.score) }, end: r };
}

function readSegment(segment: Segment): FoundTable {
  const problems: RowProblem[] = [];
  const sheet = segment.grid.sheet;
  const report = (rowNumber: number, column: string, message: string) => problems.push({ sheet, rowNumber, column, message });
  const projectName = field(segment.rows, '项目名称').trim();
  const found: FoundTable = { sheet, rowNumber: segment.firstRow, projectName, written: null, review: null, problems };
  if (projectName === '') report(segment.firstRow, '项目名称', '请填写项目名称');
  const budget = readBudget(segment, problems, report);
  const header = findRow(segment.rows, 0, isIndicatorHeader);
  if (header < 0) report(segment.firstRow, '绩效指标', '找不到绩效指标表头（一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）');
  else {
    const columns = columnsOf(segment.rows[header]!, INDICATOR_COLUMNS);
    const missing = (['target', 'weight'] as const).filter((c) => columns[c] === undefined).map((c) => INDICATOR_COLUMNS[c][0]);
    if (missing.length) report(segment.firstRow + header, '绩效指标', `绩效指标表头缺少“${missing.join('”“')}”列`);
  }
  if (!budget || header < 0 || problems.length > 0) return found;
  const { total, end } = readTotal(segment, header);
  found.written = {
    sheet,
    rowNumber: segment.firstRow,
    projectName,
    projectCode: field(segment.rows, '项目编码').trim(),
    department: field(segment.rows, '主管部门').trim(),
    unitName: field(segment.rows, '实施单位').trim(),
    unitCode: field(segment.rows, '单位编码').trim(),
    budget,
    goal: readGoal(segment),
    rows: readIndicators(segment, header, end),
    total,
    grade: field(segment.rows, '评价等级', '自评等级').trim(),
  };
  const input = reviewInputOf(found.written);
  if ('problems' in input) problems.push(...input.problems);
  else found.review = input.table;
  return found;
}

/** Each sheet cut into tables, one per 项目名称 row: from it to the next table's. */
function segmentsOf(grid: Grid): Segment[] {
  const starts = grid.cells.flatMap((row, r) => (row.some((c) => key(c) === '项目名称') ? [r] : []));
  return starts.map((start, i) => ({
    grid,
    rows: grid.cells.slice(start, starts[i + 1] ?? grid.cells.length),
    firstRow: grid.firstRow + start,
  }));
}

/**
 * Every 项目支出绩效自评表 of a workbook, in sheet order. A file that is not a workbook, or has no such
 * table on any sheet, is refused with a message saying what to do.
 */
export function readSelfEvaluationTables(bytes: Uint8Array): FoundTable[] {
  const workbook = readWorkbook(bytes);
  const tables = workbook.SheetNames.flatMap((name) => segmentsOf(gridOf(name, workbook.Sheets[name]!))).map(readSegment);
  if (tables.length === 0) {
    throw new AppError(
      'BAD_FILE',
      `文件中找不到项目支出绩效自评表（工作表：${workbook.SheetNames.join('、')}）：表中应有“项目名称”、项目资金（全年预算数、全年执行数）和绩效指标（三级指标、实际完成值、得分）。请使用财预〔2020〕10号附件的格式或本软件导出的模板`,
    );
  }
  return tables;
}
