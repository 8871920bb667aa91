import { describe, expect, it } from 'vitest';
import { annexIndicatorLines, departmentAnnexGrid, reviewNoteText } from './targetAnnexGrid';
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
