import { describe, expect, it } from 'vitest';
import { gridCoverage } from '../testSupport/gridCoverage';
import { emptyAnnex, type LastYearTarget } from './targetAnnex';
import { annexIndicatorLines, departmentAnnexGrid, projectAnnexGrid, reviewNoteText, type ProjectAnnexInput } from './targetAnnexGrid';
import { emptyIndicator, type TargetIndicator } from './targets';

const row = (name: string, value: string, over: Partial<TargetIndicator> = {}): TargetIndicator => ({ ...emptyIndicator('产出指标', '数量指标'), name, operator: '≥', value, unit: '公里', ...over });

describe('the indicator block of 88号 annex 1', () => {
  it('puts the 中期 value beside the same annual indicator, then the 中期-only ones', () => {
    const lines = annexIndicatorLines([row('新建道路', '12', { scoringStandard: '每少 1 公里扣 2 分' }), row('养护道路', '30')], [row('新建道路', '36'), row('道路使用年限', '10', { unit: '年' })]);
    expect(lines.map((l) => [l.name, l.midterm, l.annual, l.scoringStandard])).toEqual([
      ['新建道路', '≥36公里', '≥12公里', '每少 1 公里扣 2 分'],
      ['养护道路', '', '≥30公里', ''],
      ['道路使用年限', '≥10年', '', ''],
    ]);
  });
});

describe('last year’s columns of a continuing project’s annex 1', () => {
  const lastYear = (source: LastYearTarget['actualSource']): LastYearTarget => ({
    year: 2020,
    adjustedFen: 100,
    actualSource: source,
    indicators: [
      { libraryCode: 'L-ROAD', name: '新建道路', operator: '≥', value: '10', unit: '公里', actual: '11', light: 'green' },
      { libraryCode: null, name: '群众满意度', operator: '≥', value: '90', unit: '%', actual: null, light: null },
    ],
  });
  const input = (previous: LastYearTarget | null): ProjectAnnexInput => ({
    year: 2021,
    projectName: '农村公路',
    projectCode: 'XM1',
    departmentName: '交通局',
    unitName: '公路站',
    attribute: '延续',
    term: '2020-01-01 至 2022-12-31（3 年）',
    annualTotalFen: 100,
    annualFunds: { fiscalFen: 100, otherFen: 0 },
    content: { overallGoal: '畅通', annualGoals: [], indicators: [row('新建道路（改建）', '12', { libraryCode: 'L-ROAD' }), row('群众满意度', '92', { unit: '%' }), row('养护道路', '30')] },
    annex: { ...emptyAnnex(), midtermIndicators: [row('道路使用年限', '10', { unit: '年' })] },
    departmentReview: null,
    bureauReview: null,
    lastYear: previous,
  });
  const texts = (grid: ReturnType<typeof projectAnnexGrid>, name: string) => grid.rows.find((r) => r.some((c) => c?.text === name))!.filter((c) => c !== null).map((c) => c.text);

  it('match each annual indicator by library code, else by name, with a dash where last year had none, and nothing on a 中期-only row', () => {
    const lines = annexIndicatorLines(input(null).content.indicators, input(null).annex.midtermIndicators, lastYear({ kind: 'selfEvaluation' }));
    expect(lines.map((l) => [l.name, l.lastYear.target, l.lastYear.actual])).toEqual([
      ['新建道路（改建）', '≥10公里', '11'],
      ['群众满意度', '≥90%', '—'],
      ['养护道路', '—', '—'],
      ['道路使用年限', '', ''],
    ]);
  });

  it('stand after 年度指标值, headed 上年实际值（监控至X月） when monitoring gave it, every row still covering the grid', () => {
    const grid = projectAnnexGrid(input(lastYear({ kind: 'monitoring', month: 11 })));
    expect(texts(grid, '三级指标')).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值', '上年指标值', '上年实际值（监控至11月）', '评（扣）分标准']);
    expect(texts(grid, '新建道路（改建）')).toEqual(['产出指标', '数量指标', '新建道路（改建）', '', '≥12公里', '≥10公里', '11', '']);
    expect(grid.widths).toHaveLength(9);
    expect(new Set(gridCoverage(grid.rows))).toEqual(new Set([9]));
    expect(texts(projectAnnexGrid(input(lastYear({ kind: 'selfEvaluation' }))), '三级指标')).toContain('上年实际值');
  });

  it('are left out for a project without last year, the grid keeping its seven columns', () => {
    const grid = projectAnnexGrid(input(null));
    expect(texts(grid, '三级指标')).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值', '评（扣）分标准']);
    expect(new Set(gridCoverage(grid.rows))).toEqual(new Set([7]));
  });
});

describe('the opinion blocks', () => {
  it('print the opinion, the verdict, the grade, who and when; and say when nobody decided yet', () => {
    const at = new Date(2020, 2, 5, 10, 0).toISOString();
    expect(reviewNoteText({ decision: 'approve', opinion: '同意', decidedAt: at, decidedBy: '王审核', grade: '优' })).toBe('同意（审核通过，审核等级：优；审核人：王审核；日期：2020-03-05）');
    expect(reviewNoteText({ decision: 'return', opinion: null, decidedAt: at, decidedBy: '马部门' })).toBe('退回修改（退回修改；审核人：马部门；日期：2020-03-05）');
    expect(reviewNoteText(null)).toBe('（尚未审核）');
  });
});

describe('the 年度主要任务 block of 88号 annex 2', () => {
  it('shows each task’s split, a task never split as all 财政拨款, and the totals', () => {
    const grid = departmentAnnexGrid({
      year: 2020,
      unitName: '交通局',
      budget: { basicFen: 200, projectFen: 100, fiscalFen: 280, otherFen: 20 },
      tasks: [
        { function: '运转', task: '机构运转', content: '工资', projectCodes: [], amountFen: 200, fiscalFen: 180, otherFen: 20 },
        { function: '建设', task: '公路硬化', projectCodes: ['XM1'], amountFen: 100 },
      ],
      content: { overallGoal: '畅通', annualGoals: [], indicators: [] },
      departmentReview: null,
      bureauReview: null,
    });
    const fen = (label: string) => grid.rows.find((r) => r.some((c) => c?.text === label))!.filter((c) => c?.fen !== undefined).map((c) => c!.fen);
    expect(fen('机构运转')).toEqual([200, 180, 20]);
    expect(fen('公路硬化')).toEqual([100, 100, 0]);
    expect(fen('金额合计')).toEqual([300, 280, 20]);
  });
});
