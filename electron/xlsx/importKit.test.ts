import { describe, expect, it } from 'vitest';
import { PREVIEW_PROBLEM_LIMIT, summarise, type ImportAction, type RowProblem } from './importKit';

const row = (action: ImportAction) => ({ action });
const problem = (rowNumber: number, sheet?: string): RowProblem => ({ sheet, rowNumber, column: '项目编码', message: `第 ${rowNumber} 行` });
const where = (problems: RowProblem[]) => problems.map((p) => `${p.sheet ?? ''}${p.rowNumber}`);

describe('the preview of an Excel import', () => {
  it('counts every action, also those no row has', () => {
    const preview = summarise('单位.xlsx', [row('create'), row('error'), row('create'), row('unchanged')], []);
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 1, error: 1 });
  });

  it('lists the problems of a one-sheet file top to bottom', () => {
    expect(where(summarise('单位.xlsx', [], [problem(9), problem(3), problem(5)]).problems)).toEqual(['3', '5', '9']);
  });

  it('walks the sheets in the given order, each top to bottom', () => {
    const problems = [problem(4, '绩效指标'), problem(7, '项目目标'), problem(2, '绩效指标'), problem(3, '项目目标')];
    expect(where(summarise('目标.xlsx', [], problems, ['项目目标', '绩效指标']).problems)).toEqual(['项目目标3', '项目目标7', '绩效指标2', '绩效指标4']);
  });

  it('keeps the sheets in the order their problems first appear when no order is given', () => {
    const problems = [problem(6, '预算执行'), problem(2, '指标完成'), problem(3, '预算执行')];
    expect(where(summarise('监控.xlsx', [], problems).problems)).toEqual(['预算执行3', '预算执行6', '指标完成2']);
  });

  it('keeps the problems of one row in the order they were found', () => {
    const first = { rowNumber: 2, column: '单位编码', message: '请填写单位编码' };
    const second = { rowNumber: 2, column: '单位名称', message: '请填写单位名称' };
    expect(summarise('单位.xlsx', [], [second, problem(1), first]).problems.slice(1)).toEqual([second, first]);
  });

  it('lists at most a few hundred problems, the first in file order, and counts them all', () => {
    const problems = Array.from({ length: 5000 }, (_, i) => problem(5001 - i));
    const preview = summarise('项目.xlsx', problems.map(() => row('error')), problems);
    expect(PREVIEW_PROBLEM_LIMIT).toBe(300);
    expect(preview.problems).toHaveLength(PREVIEW_PROBLEM_LIMIT);
    expect(preview.problems[0]?.rowNumber).toBe(2);
    expect(preview.problems.at(-1)?.rowNumber).toBe(PREVIEW_PROBLEM_LIMIT + 1);
    expect(preview.problemTotal).toBe(5000);
    expect(preview.counts.error).toBe(5000);
  });
});
