// Test support: 项目支出绩效自评表 built the way units fill them in Excel (财预〔2020〕10号 annex), with
// merged label cells, and the variants: 指标性质 and 度量单位 columns, several tables on one sheet.
import * as XLSX from 'xlsx';

export interface TableIndicator {
  level1: string;
  level2: string;
  /** Empty for a 二级指标 subtotal row. */
  label: string;
  target: string;
  actual: string;
  weight: string | number;
  score: string | number;
  deviation?: string;
}

export interface TableSpec {
  projectName: string;
  projectCode?: string;
  department: string;
  unitName: string;
  budget: { initial: string; adjusted: string; executed: string; weight: string | number; rate: string; score: string | number };
  goal?: { expected: string; actual: string };
  indicators: TableIndicator[];
  total: string | number;
  grade: string;
  /** The variant with the operator and the unit in their own columns (written as "≥|266|米" in target). */
  operatorColumns?: boolean;
}

type Cell = string | number;

/** A 农村道路 project's table with every score as the rules give them (total 94.59, 优). */
export function roadTable(overrides: Partial<TableSpec> = {}): TableSpec {
  return {
    projectName: '农村道路硬化工程',
    department: '轮台县交通运输局',
    unitName: '轮台县公路管理站',
    budget: { initial: '282.04', adjusted: '282.04', executed: '253.836', weight: 10, rate: '90.00%', score: 9 },
    goal: { expected: '新建农村道路 266 米，安装路灯 40 盏', actual: '新建道路 270 米，安装路灯 36 盏' },
    indicators: [
      { level1: '产出指标', level2: '数量指标', label: '', target: '/', actual: '/', weight: 20, score: 19 },
      { level1: '产出指标', level2: '数量指标', label: '新建道路长度', target: '≥266米', actual: '270米', weight: 10, score: 10 },
      { level1: '产出指标', level2: '数量指标', label: '安装路灯', target: '≧40盏', actual: '36盏', weight: 10, score: 9, deviation: '部分路段电力未通' },
      { level1: '产出指标', level2: '质量指标', label: '工程验收合格率', target: '﹦100%', actual: '95%', weight: 10, score: 9.5, deviation: '一处返工' },
      { level1: '产出指标', level2: '时效指标', label: '完工及时率', target: '95%以上', actual: '100%', weight: 10, score: 10 },
      { level1: '产出指标', level2: '成本指标', label: '每公里造价', target: '≤90万元', actual: '99万元', weight: 10, score: 9.09, deviation: '材料涨价' },
      { level1: '效益指标', level2: '社会效益指标', label: '受益人口', target: '≥1,200人', actual: '1300人', weight: 15, score: 15 },
      { level1: '效益指标', level2: '社会效益指标', label: '其中：脱贫人口', target: '≥300人', actual: '320人', weight: '', score: '' },
      { level1: '效益指标', level2: '可持续影响指标', label: '道路使用年限', target: '达成预期指标', actual: '达成预期指标', weight: 15, score: 13 },
      { level1: '满意度指标', level2: '服务对象满意度指标', label: '群众满意度', target: '≥90%', actual: '92%', weight: 10, score: 10 },
    ],
    total: 94.59,
    grade: '优',
    ...overrides,
  };
}

/** The table with one indicator (by its 三级指标, or the 二级 of a subtotal row) changed. */
export function withIndicator(spec: TableSpec, label: string, change: Partial<TableIndicator>): TableSpec {
  const found = spec.indicators.some((i) => (i.label || i.level2) === label);
  if (!found) throw new Error(`no indicator ${label}`);
  return { ...spec, indicators: spec.indicators.map((i) => ((i.label || i.level2) === label ? { ...i, ...change } : i)) };
}

/** ≥266米 → ['≥', '266', '米'] for the variant with 指标性质 and 度量单位 columns. */
function splitTarget(text: string): [string, string, string] {
  const match = /^(≥|≧|﹦|≤|=|>|<)?([\d,.]+)(.*?)(以上)?$/.exec(text);
  if (!match) return [text === '/' ? '' : '定性', text, ''];
  const operator = match[4] ? '≥' : ({ '≧': '≥', '﹦': '=' } as Record<string, string>)[match[1] ?? ''] ?? match[1] ?? '';
  return [operator, match[2]!, match[3]!];
}

/** Rows and merges of one table, its first row at `top` (0-based). */
function tableRows(spec: TableSpec, top: number): { rows: Cell[][]; merges: XLSX.Range[] } {
  const m = (r1: number, c1: number, r2: number, c2: number): XLSX.Range => ({ s: { r: top + r1, c: c1 }, e: { r: top + r2, c: c2 } });
  const columns = spec.operatorColumns;
  const width = columns ? 12 : 10;
  const rows: Cell[][] = [
    ['项目支出绩效自评表'],
    ['（2020年度）'],
    ['项目名称', spec.projectName, ...(spec.projectCode ? ['', '', '', '项目编码', spec.projectCode] : [])],
    ['主管部门', spec.department, '', '', '', '实施单位', spec.unitName],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['', '年度资金总额', spec.budget.initial, spec.budget.adjusted, spec.budget.executed, spec.budget.weight, spec.budget.rate, spec.budget.score],
    ['', '其中：当年财政拨款', spec.budget.initial, spec.budget.adjusted, spec.budget.executed, '—', '', '—'],
    ['', '上年结转资金', '0', '0', '0', '—', '', '—'],
    ['', '其他资金', '0', '0', '0', '—', '', '—'],
    ['年度总体目标', '预期目标', '', '', '', '实际完成情况'],
    ['', spec.goal?.expected ?? '', '', '', '', spec.goal?.actual ?? ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', ...(columns ? ['指标性质', '年度指标值', '度量单位'] : ['年度指标值']), '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const merges = [m(0, 0, 0, width - 1), m(1, 0, 1, width - 1), m(4, 0, 8, 0), m(9, 0, 10, 0), m(9, 1, 9, 4), m(10, 1, 10, 4), m(9, 5, 9, width - 1), m(10, 5, 10, width - 1)];
  const first = rows.length;
  spec.indicators.forEach((i) => {
    const [operator, value, unit] = splitTarget(i.target);
    const actual = columns && unit !== '' ? i.actual.replace(unit, '') : i.actual;
    const label = i.label === '' ? i.level2 : i.label; // a subtotal row's 二级指标 is merged over its 三级指标
    rows.push(['', i.level1, i.level2, label, ...(columns ? [operator, value, unit] : [i.target]), actual, i.weight, i.score, i.deviation ?? '']);
    if (i.label === '') merges.push(m(rows.length - 1, 2, rows.length - 1, 3));
  });
  const last = rows.length - 1;
  merges.push(m(first - 1, 0, last, 0));
  // 一级 and 二级 labels merged down over the rows that share them, as the annex prints them.
  for (const column of [1, 2]) {
    let from = first;
    for (let r = first + 1; r <= last + 1; r++) {
      if (r > last || rows[r]![column] !== rows[from]![column]) {
        if (r - 1 > from) merges.push(m(from, column, r - 1, column));
        from = r;
      }
    }
  }
  const weightColumn = columns ? 8 : 6;
  rows.push(['总分', ...Array(weightColumn - 1).fill(''), 100, spec.total]);
  merges.push(m(rows.length - 1, 0, rows.length - 1, weightColumn - 1));
  rows.push(['评价等级', spec.grade]);
  return { rows, merges };
}

/** A sheet of one or more tables, a blank row between them. */
function sheetOf(specs: readonly TableSpec[]): XLSX.WorkSheet {
  const rows: Cell[][] = [];
  const merges: XLSX.Range[] = [];
  for (const spec of specs) {
    if (rows.length) rows.push([]);
    const table = tableRows(spec, rows.length);
    rows.push(...table.rows);
    merges.push(...table.merges);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  return sheet;
}

/** A workbook: sheet name → its tables (or raw rows, for a sheet that is not a table). */
export function selfEvaluationWorkbook(sheets: Record<string, readonly TableSpec[] | Cell[][]>): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, content] of Object.entries(sheets)) {
    const isRows = content.length > 0 && Array.isArray(content[0]);
    XLSX.utils.book_append_sheet(book, isRows ? XLSX.utils.aoa_to_sheet(content as Cell[][]) : sheetOf(content as TableSpec[]), name);
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/**
 * The unit fills a downloaded template in Excel: on the sheet, each row found by its label (a cell equal to
 * it, or a 其中 row ending in it) gets its cells set by the column header of the header row above it (column
 * '' is the value beside a row's label: 预算执行偏差原因, 存在的问题, 改进措施).
 */
export function fillTemplate(bytes: Uint8Array, sheetName: string, cells: Record<string, Record<string, string | number>>): Buffer {
  const book = XLSX.read(bytes);
  const sheet = book.Sheets[sheetName];
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const grid = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '', raw: false });
  const headers = grid.flatMap((row, r) => (row.includes('全年执行数') || row.includes('三级指标') || row.includes('实际完成情况') ? [r] : []));
  for (const [label, values] of Object.entries(cells)) {
    // 实际完成情况 is written in the row under its header.
    const goal = label === '实际完成情况' ? grid.findIndex((row) => row.includes(label)) + 1 : -1;
    const r = goal > 0 ? goal : grid.findIndex((row) => row.some((c) => c === label || c === `其中：${label}`));
    if (r < 0) throw new Error(`no row ${label}`);
    const header = grid[Math.max(...headers.filter((h) => h < r))]!;
    for (const [column, value] of Object.entries(values)) {
      const c = column === '' ? 1 : header.indexOf(column);
      if (c < 0) throw new Error(`no column ${column}`);
      sheet[XLSX.utils.encode_cell({ r, c })] = { t: typeof value === 'number' ? 'n' : 's', v: value };
    }
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
