// 自评复核 in the sample: a few units fill their 项目支出绩效自评表 in Excel instead of in the program —
// on the bureau's own per-unit template — and make the mistakes published tables make: a met target
// marked down, a proportional score rounded to one decimal, a total that is not the sum of its parts,
// weights that no longer add up to 100. The bureau imports the files through the 自评复核 import and
// leaves them 待复核 (one returned already), so a reviewer opening the sample finds differences to review.
// Every other figure is what the rules give, so the recomputation finds the planted breaks and nothing else.
import * as XLSX from 'xlsx';
import { sqliteOf, type Db } from '../../db/open';
import { wanYuanText } from '../domain/money';
import { add, compare, mul, parseDecimal, percent, plainDecimal, ratio, sub, toFixed, type Ratio } from '../domain/ratio';
import { budgetScore, gradeOf, scoreIndicator, scoringSettingsFrom, selfEvaluationTotal, type DifferenceKind, type ScoringSettings } from '../domain/selfEvaluation';
import { commitReviewImport, listReviews, returnReview, selfEvaluationTemplate } from '../selfEvaluation';
import { settingValue } from '../settings';
import { BUREAU_CLERK, BUREAU_REVIEWER } from './actors';
import type { Random } from './random';

/** The mistakes the sample's units make, one per table. */
export const PLANTED_BREAKS = ['markedDown', 'misrounded', 'totalNotSum', 'weightsNot100'] as const;
export type PlantedBreakKind = (typeof PLANTED_BREAKS)[number];

/** A difference as the review reports it, shown to 2 decimals. */
export interface ExpectedDifference {
  kind: DifferenceKind;
  row?: number;
  entered: string;
  rule: string;
}

export interface PlantedTable {
  unitCode: string;
  projectCode: string;
  /** null: filled by the rules throughout. */
  planted: PlantedBreakKind | null;
  /** What the recomputation must find in it, exactly. */
  expected: ExpectedDifference[];
}

export interface DemoExternalTables {
  units: string[];
  tables: PlantedTable[];
  pending: number;
  returned: number;
}

const UNITS_IN_EXCEL = 4;
const shown = (value: Ratio) => toFixed(value, 2);
const BUDGET_WEIGHT = ratio(10);

/**
 * The units that fill their tables in Excel: a few with one to three approved projects whose every
 * indicator has its weight (a table without one cannot be scored at all).
 */
export function unitsFillingInExcel(db: Db, year: number, random: Random): string[] {
  const rows = sqliteOf(db)
    .prepare(
      `SELECT p.unit_code AS unitCode, count(DISTINCT t.id) AS targets, sum(ti.weight = '') AS unweighted, max(p.confidential) AS confidential
         FROM targets t JOIN projects p ON p.id = t.project_id JOIN target_indicators ti ON ti.target_id = t.id
        WHERE t.year = ? AND t.kind = 'project' AND t.status = 'approved' AND t.deleted = 0 AND p.deleted = 0
        GROUP BY p.unit_code ORDER BY p.unit_code`,
    )
    .all(year) as { unitCode: string; targets: number; unweighted: number; confidential: number }[];
  const suitable = rows.filter((r) => r.unweighted === 0 && r.confidential === 0 && r.targets <= 3).map((r) => r.unitCode);
  return random.sample(suitable, UNITS_IN_EXCEL);
}

/** One indicator row of a template sheet, as the unit reads it before filling it in. */
interface TemplateRow {
  r: number;
  operator: string;
  target: string;
  unit: string;
  weight: Ratio;
}

interface Sheet {
  sheet: XLSX.WorkSheet;
  grid: string[][];
}

const rowWith = (grid: string[][], word: string, from = 0) => grid.findIndex((row, r) => r >= from && row.includes(word));

function put(sheet: XLSX.WorkSheet, r: number, c: number, value: string | number): void {
  sheet[XLSX.utils.encode_cell({ r, c })] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
}

/** A met actual for the row: its target or a little beyond (within it for ≤ and <), checked by the rules. */
function metActual(row: TemplateRow, settings: ScoringSettings, random: Random): string | null {
  const target = parseDecimal(row.target)!;
  const decimals = row.target.split('.')[1]?.length ?? 0;
  const reverse = row.operator === '≤' || row.operator === '<';
  const beyond = toFixed(mul(target, ratio(reverse ? random.int(85, 99) : random.int(101, 110), 100)), decimals);
  const step = ratio(1, 10 ** decimals);
  const candidates = [beyond, row.target, toFixed(reverse ? sub(target, step) : add(target, step), decimals)];
  return candidates.find((text) => {
    const actual = parseDecimal(text);
    if (!actual || actual.num < 0n || (row.unit === '%' && compare(actual, ratio(100)) > 0)) return false;
    const score = scoreIndicator({ operator: row.operator as '≥', target, actual, weight: row.weight }, settings);
    return score.met && compare(score.score, row.weight) === 0 && score.flags.length === 0;
  }) ?? null;
}

/** A short actual whose proportional score has more than 2 decimals, so rounding it to one shows. */
function misroundableActual(row: TemplateRow, settings: ScoringSettings): { actual: string; score: Ratio } | null {
  if (row.operator !== '≥') return null;
  const target = parseDecimal(row.target)!;
  const decimals = row.target.split('.')[1]?.length ?? 0;
  for (let p = 97; p >= 60; p--) {
    const actual = parseDecimal(toFixed(mul(target, ratio(p, 100)), decimals))!;
    if (actual.num <= 0n || compare(actual, target) >= 0) continue;
    const { score } = scoreIndicator({ operator: '≥', target, actual, weight: row.weight }, settings);
    if (compare(parseDecimal(toFixed(score, 1))!, parseDecimal(toFixed(score, 2))!) !== 0) return { actual: toFixed(actual, decimals), score };
  }
  return null;
}

/** The table a unit fills: every row's actual and score as the rules give them, then its one mistake. */
function fillSheet(table: Sheet, planted: PlantedBreakKind | null, settings: ScoringSettings, random: Random): PlantedTable['expected'] | null {
  const { sheet, grid } = table;
  const fundHeader = rowWith(grid, '全年执行数');
  const column = (header: number, name: string) => grid[header]!.indexOf(name);
  const totalFunds = rowWith(grid, '年度资金总额', fundHeader);
  const adjustedFen = (r: number) => Number(toFixed(mul(parseDecimal(grid[r]![column(fundHeader, '全年预算数')]!)!, ratio(1_000_000)), 0));
  // Spending to the 0.1%, over every fund row alike, so the rate is exact.
  const executedPer1000 = random.int(900, 1000);
  let executedTotal = 0;
  for (let r = totalFunds + 1; r <= totalFunds + 3; r++) {
    const executed = (adjustedFen(r) * executedPer1000) / 1000;
    if (!Number.isInteger(executed)) return null;
    executedTotal += executed;
    put(sheet, r, column(fundHeader, '全年执行数'), wanYuanText(executed));
  }
  const budget = budgetScore({ adjusted: ratio(adjustedFen(totalFunds)), executed: ratio(executedTotal), weight: BUDGET_WEIGHT }, settings);
  put(sheet, totalFunds, column(fundHeader, '全年执行数'), wanYuanText(executedTotal));
  put(sheet, totalFunds, column(fundHeader, '执行率'), `${percent(budget.rate)}%`);
  put(sheet, totalFunds, column(fundHeader, '得分'), Number(shown(budget.score)));

  const header = rowWith(grid, '三级指标');
  const at = (r: number, name: string) => grid[r]![column(header, name)] ?? '';
  const totalRow = grid.findIndex((row, r) => r > header && row[0] === '总分');
  const rows: TemplateRow[] = [];
  for (let r = header + 1; r < totalRow; r++) {
    rows.push({ r, operator: at(r, '指标性质'), target: at(r, '年度指标值'), unit: at(r, '度量单位'), weight: parseDecimal(at(r, '分值'))! });
  }
  const entered: Ratio[] = [];
  const rule: Ratio[] = [];
  for (const row of rows) {
    const qualitative = row.operator === '定性';
    const actual = qualitative ? '达成年度指标' : metActual(row, settings, random);
    if (actual === null) return null;
    const score = qualitative ? parseDecimal(plainDecimal(mul(row.weight, ratio(random.int(85, 100), 100))))! : row.weight;
    put(sheet, row.r, column(header, '实际完成值'), actual);
    put(sheet, row.r, column(header, '得分'), Number(shown(score)));
    entered.push(score);
    rule.push(score);
  }
  const quantitative = rows.findIndex((row) => row.operator !== '定性');
  const expected: ExpectedDifference[] = [];
  if (planted === 'markedDown' || planted === 'weightsNot100') {
    if (quantitative < 0) return null;
    const row = rows[quantitative]!;
    if (planted === 'markedDown') {
      // The unit took points off a target it met.
      const down = parseDecimal(plainDecimal(mul(row.weight, ratio(random.int(10, 30), 100))))!;
      entered[quantitative] = sub(row.weight, down);
      put(sheet, row.r, column(header, '得分'), Number(shown(entered[quantitative])));
      expected.push({ kind: 'indicator', row: quantitative, entered: shown(entered[quantitative]), rule: shown(row.weight) });
    } else {
      // The unit raised one weight (and its full score with it) without lowering another.
      const raised = add(row.weight, ratio(5));
      entered[quantitative] = raised;
      rule[quantitative] = raised;
      put(sheet, row.r, column(header, '分值'), Number(shown(raised)));
      put(sheet, row.r, column(header, '得分'), Number(shown(raised)));
      const weights = rows.reduce((sum, r, i) => add(sum, i === quantitative ? raised : r.weight), BUDGET_WEIGHT);
      expected.push({ kind: 'weights', entered: shown(weights), rule: '100.00' });
    }
  }
  if (planted === 'misrounded') {
    const index = rows.findIndex((row) => misroundableActual(row, settings) !== null);
    if (index < 0) return null;
    const row = rows[index]!;
    const short = misroundableActual(row, settings)!;
    entered[index] = parseDecimal(toFixed(short.score, 1))!;
    rule[index] = short.score;
    put(sheet, row.r, column(header, '实际完成值'), short.actual);
    put(sheet, row.r, column(header, '得分'), Number(toFixed(short.score, 1)));
    put(sheet, row.r, column(header, '偏差原因分析及改进措施'), '受施工季节影响部分任务未完成，已列入次年计划');
    expected.push({ kind: 'indicator', row: index, entered: shown(entered[index]), rule: shown(short.score) });
  }
  const enteredSum = entered.reduce(add, budget.score);
  const ruleTotal = selfEvaluationTotal([budget.score, ...rule], budget.rate, settings);
  // The unit adds up its own scores, except where its mistake is the addition itself.
  const enteredTotal = planted === 'totalNotSum' ? add(enteredSum, ratio(2)) : enteredSum;
  if (compare(enteredTotal, ruleTotal.total) !== 0) expected.push({ kind: 'total', entered: shown(enteredTotal), rule: shown(ruleTotal.total) });
  if (planted === 'totalNotSum') expected.push({ kind: 'sum', entered: shown(enteredTotal), rule: shown(enteredSum) });
  put(sheet, totalRow, column(header, '得分'), Number(shown(enteredTotal)));
  put(sheet, rowWith(grid, '评价等级', totalRow), 1, gradeOf(enteredTotal, settings));
  const goal = rowWith(grid, '实际完成情况') + 1;
  put(sheet, goal, 1, '按批复的绩效目标完成年度任务，资金按进度拨付');
  put(sheet, goal, 5, planted === 'misrounded' ? '年度目标基本完成，个别指标未达到' : '年度目标全部完成');
  return expected;
}

/** Fills and imports each unit's workbook, plants one break per table in turn, and returns one table. */
export function writeDemoExternalTables(db: Db, year: number, units: readonly string[], random: Random): DemoExternalTables {
  const settings = scoringSettingsFrom((key) => settingValue(db, key));
  const tables: PlantedTable[] = [];
  for (const unitCode of units) {
    const template = selfEvaluationTemplate(db, year, unitCode);
    const book = XLSX.read(template.bytes);
    for (const name of [...book.SheetNames]) {
      const sheet = book.Sheets[name]!;
      const grid = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '', raw: false });
      const wanted = PLANTED_BREAKS[tables.filter((t) => t.planted).length] ?? null;
      let planted = wanted;
      let expected = fillSheet({ sheet, grid }, wanted, settings, random);
      // A table the break does not fit (no row to misround) is filled by the rules; the break goes to the next.
      if (!expected && wanted) [planted, expected] = [null, fillSheet({ sheet, grid }, null, settings, random)];
      if (!expected) {
        // A table the unit could not fill (no met value fits a target) is left out of its file.
        book.SheetNames.splice(book.SheetNames.indexOf(name), 1);
        delete book.Sheets[name];
        continue;
      }
      tables.push({ unitCode, projectCode: grid[2]![7]!, planted, expected });
    }
    if (book.SheetNames.length === 0) continue;
    commitReviewImport(db, BUREAU_CLERK, year, template.fileName, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  }
  // The bureau has already returned the first table with a difference; the others wait for the reviewer.
  const first = tables.find((t) => t.expected.length > 0);
  const reviews = listReviews(db, year);
  const toReturn = first ? reviews.find((r) => r.projectCode === first.projectCode) : undefined;
  if (toReturn) returnReview(db, BUREAU_REVIEWER, { id: toReturn.id, version: toReturn.version });
  return { units: [...units], tables, pending: reviews.length - (toReturn ? 1 : 0), returned: toReturn ? 1 : 0 };
}
