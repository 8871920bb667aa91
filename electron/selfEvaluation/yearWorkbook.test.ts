// The year's self-evaluation tables as one workbook, written from a real SQLite file and read back: the
// 汇总 sheet lists each table's state, rate, total and grade, and each table sheet reads back (by the
// 自评复核 reader) with the unit's actuals and scores that the rules find nothing to differ with.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { reviewSelfEvaluation } from '../domain/selfEvaluation';
import { countyWithSelfEvaluationTarget, entries } from '../testSupport/selfEvaluation';
import { readSelfEvaluationTables } from './review/excel';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation } from './selfEvaluations';
import { scoringRules, scoringSettingsOf } from './store';
import { yearSelfEvaluationWorkbook } from './yearWorkbook';

describe('the year’s self-evaluation tables as one workbook', () => {
  it('has a 汇总 sheet and one 10号 table per self-evaluation, with the actuals and the rule’s scores', () => {
    const { db, clerk, approvedTarget } = countyWithSelfEvaluationTarget();
    expect(() => yearSelfEvaluationWorkbook(db, 2020)).toThrow('2020 年还没有自评表');
    const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
    saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成', budgetReason: '结转资金下半年才到位' }, { 0: { deviationReason: '两所学校秋季学期才纳入' }, 2: { score: '28' } }));
    const [listed] = listSelfEvaluations(db, { year: 2020 });

    const workbook = yearSelfEvaluationWorkbook(db, 2020);
    expect(workbook.fileName).toBe('2020年项目支出绩效自评表.xlsx');
    const book = XLSX.read(workbook.bytes);
    expect(book.SheetNames).toEqual(['汇总', 'LT-1']);
    const summary = XLSX.utils.sheet_to_json<string[]>(book.Sheets['汇总']!, { header: 1, raw: false, defval: '' });
    expect(summary.slice(1)).toEqual([
      ['序号', '单位编码', '实施单位', '项目编码', '项目名称', '自评状态', '预算执行率', '总分', '评价等级'],
      ['1', '101001', '轮台县教育局', 'LT-1', '学生营养改善计划', '草稿', `${listed!.executionRate}%`, listed!.totalScore!, listed!.grade!],
    ]);

    const [table] = readSelfEvaluationTables(workbook.bytes).filter((t) => t.sheet === 'LT-1');
    expect(table!.problems).toEqual([]);
    const written = table!.written!;
    expect(written.budget).toMatchObject({ adjusted: '120', executed: '95', rate: `${listed!.executionRate}%` });
    expect(written.rows.map((r) => [r.label, r.actual, r.score, r.deviation])).toEqual([
      ['受益学生人次', '1150', '38.33', '两所学校秋季学期才纳入'],
      ['单位餐费', '7.5', '20.00', ''],
      ['学生营养状况', '达成目标', '28', ''],
    ]);
    expect([written.total?.score, written.grade, written.goal.actual]).toEqual([listed!.totalScore, listed!.grade, '基本完成']);
    expect(reviewSelfEvaluation(table!.review!, scoringSettingsOf(scoringRules(db))).differences).toEqual([]);
  });
});
