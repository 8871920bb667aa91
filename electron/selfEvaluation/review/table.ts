// A 项目支出绩效自评表 as the unit wrote it: every cell kept as text, as stored in a 复核 record and
// validated when read back. The domain layer's review input is made from it on every read, so a change
// of the scoring settings or of a rule shows in the next look at a table, never in a stale stored result.
import { z } from 'zod';
import { parseDecimal, type Ratio } from '../../domain/ratio';
import { parseWrittenScore, readWrittenRow, type ReviewRow, type ReviewTable } from '../../domain/selfEvaluation';
import type { RowProblem } from '../../xlsx/importKit';

const cell = z.string().max(2000);

const writtenIndicatorRow = z
  .object({
    rowNumber: z.number().int().positive(),
    level1: cell,
    level2: cell,
    label: cell,
    /** Index (in `rows`) of the row this one is a sub-row of. */
    parent: z.number().int().nonnegative().optional(),
    operator: cell.optional(),
    unit: cell.optional(),
    target: cell,
    actual: cell,
    weight: cell,
    score: cell,
    deviation: cell,
  })
  .strict();

export const writtenTableSchema = z
  .object({
    sheet: z.string().max(100),
    /** The Excel row of 项目名称, where the table begins. */
    rowNumber: z.number().int().positive(),
    projectName: cell,
    projectCode: cell,
    department: cell,
    unitName: cell,
    unitCode: cell,
    budget: z
      .object({ rowNumber: z.number().int().positive(), initial: cell, adjusted: cell, executed: cell, weight: cell, rate: cell, score: cell })
      .strict(),
    goal: z.object({ expected: cell, actual: cell }).strict(),
    rows: z.array(writtenIndicatorRow).max(500),
    total: z.object({ rowNumber: z.number().int().positive(), weight: cell, score: cell }).strict().nullable(),
    grade: cell,
  })
  .strict();

export type WrittenTable = z.infer<typeof writtenTableSchema>;
export type WrittenIndicatorRow = z.infer<typeof writtenIndicatorRow>;

/** 万元 as written: 282.04, 1,234.5; exact, never a float. */
const amount = (text: string): Ratio | null => parseDecimal(text.normalize('NFKC').replace(/[,，\s]|万元$/g, ''));

/**
 * The domain review input of a written table, or every reason it cannot be reviewed, each named by its
 * sheet, Excel row and column.
 */
export function reviewInputOf(written: WrittenTable): { table: ReviewTable } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const report = (rowNumber: number, column: string, message: string) => problems.push({ sheet: written.sheet, rowNumber, column, message });
  const { budget } = written;
  const adjusted = amount(budget.adjusted);
  const executed = amount(budget.executed);
  const weight = budget.weight.trim() === '' ? null : parseWrittenScore(budget.weight);
  const budgetScore = budget.score.trim() === '' ? null : parseWrittenScore(budget.score);
  if (!adjusted) report(budget.rowNumber, '全年预算数', `全年预算数“${budget.adjusted}”应为金额（万元）`);
  if (!executed) report(budget.rowNumber, '全年执行数', `全年执行数“${budget.executed}”应为金额（万元）`);
  if (!weight) report(budget.rowNumber, '分值', `预算执行的分值“${budget.weight}”应为数字（通常为 10）`);
  if (budget.score.trim() !== '' && !budgetScore) report(budget.rowNumber, '得分', `预算执行的得分“${budget.score}”不是数字`);
  const rows: ReviewRow[] = [];
  for (const row of written.rows) {
    const read = readWrittenRow(row);
    if ('problem' in read) report(row.rowNumber, '绩效指标', read.problem);
    else rows.push(read.row);
  }
  if (written.rows.length === 0) report(written.rowNumber, '绩效指标', '表中没有绩效指标行（三级指标、年度指标值、实际完成值、分值、得分）');
  const totalText = written.total?.score.trim() ?? '';
  const enteredTotal = totalText === '' ? null : parseWrittenScore(totalText);
  if (totalText !== '' && !enteredTotal) report(written.total!.rowNumber, '得分', `总分“${totalText}”不是数字`);
  if (problems.length > 0) return { problems };
  return { table: { budget: { adjusted: adjusted!, executed: executed!, weight: weight!, enteredScore: budgetScore }, rows, enteredTotal } };
}
