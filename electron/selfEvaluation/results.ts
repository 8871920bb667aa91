// What other workflows read of finished self-evaluations: each table's budget, rate, total and grade and
// its indicator rows with what was achieved and the rule's score (绩效公开 publishes them), and the tables
// as Excel sheets in the 10号 layout.
import type * as XLSX from 'xlsx';
import type { Db } from '../../db/open';
import { percent } from '../domain/ratio';
import { blockRows, scoreText, shownTotal } from '../domain/selfEvaluation';
import { assessRecord, loadSelfEvaluations, scoringRules } from './store';
import { tableSheets } from './yearWorkbook';

export interface SelfEvaluationResult {
  id: string;
  projectCode: string;
  projectName: string;
  unitName: string;
  adjustedFen: number;
  executedFen: number;
  /** 执行率 as shown, e.g. 95.00%; 总分 and 等级 blank while a row is unscored. */
  rate: string;
  total: string;
  grade: string;
  indicators: { level1: string; level2: string; name: string; operator: string; targetValue: string; unit: string; actual: string; score: string }[];
}

export function selfEvaluationResults(db: Db, ids: readonly string[]): SelfEvaluationResult[] {
  if (ids.length === 0) return [];
  const rules = scoringRules(db);
  return loadSelfEvaluations(db, { ids }).map((record) => {
    const assessment = assessRecord(record, rules);
    const [total] = blockRows(record.funds);
    const shown = shownTotal(assessment);
    return {
      id: record.id,
      projectCode: record.projectCode,
      projectName: record.project.name,
      unitName: record.project.unitName,
      adjustedFen: total!.adjustedFen,
      executedFen: total!.executedFen,
      rate: `${percent(assessment.budget.rate)}%`,
      total: shown.totalScore ?? '',
      grade: shown.grade ?? '',
      indicators: record.indicators.map((i, n) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        operator: i.operator,
        targetValue: i.targetValue,
        unit: i.unit,
        actual: i.actual,
        score: scoreText(assessment.indicators[n]!.score),
      })),
    };
  });
}

/** The tables as 10号 sheets, each named by its project code, in the order given. */
export function selfEvaluationSheets(db: Db, year: number, ids: readonly string[]): { code: string; sheet: XLSX.WorkSheet }[] {
  const order = new Map(ids.map((id, n) => [id, n]));
  const records = ids.length === 0 ? [] : loadSelfEvaluations(db, { ids }).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return tableSheets(db, year, records);
}
