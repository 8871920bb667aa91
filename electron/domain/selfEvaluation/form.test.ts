import { describe, expect, it } from 'vitest';
import { toFixed } from '../ratio';
import { assessDepartmentSelfEvaluation, assessSelfEvaluation, type FormIndicator, type SelfEvaluationForm } from './form';
import { DEFAULT_SCORING } from './settings';

const WAN = 1_000_000;
const row = (over: Partial<FormIndicator>): FormIndicator => ({
  name: '受益学生人次', operator: '≥', targetValue: '50', weight: '45', actual: '', tier: null, score: '', deduction: '', deductionReason: '', deviationReason: '', ...over,
});
const form = (indicators: FormIndicator[], executedWan = 95): SelfEvaluationForm => ({
  funds: {
    appropriation: { initialFen: 80 * WAN, adjustedFen: 90 * WAN, executedFen: (executedWan - 5) * WAN },
    carryOver: { initialFen: 0, adjustedFen: 10 * WAN, executedFen: 5 * WAN },
    other: { initialFen: 0, adjustedFen: 0, executedFen: 0 },
  },
  budgetReason: '',
  goalAchieved: '按期完成',
  indicators,
});
const assess = (f: SelfEvaluationForm) => assessSelfEvaluation(f, 10, DEFAULT_SCORING);

describe('the self-evaluation form as the unit fills it in', () => {
  it('sums the fund rows into 年度资金总额 and scores §13 #1, #4 and a qualitative row into the total and grade', () => {
    const result = assess(form([row({ actual: '40', deviationReason: '学生转学' }), row({ name: '满意度', operator: '定性', targetValue: '达成', tier: 'achieved', score: '40' })]));
    expect(result.fundRows[0]).toEqual({ row: 'total', initialFen: 80 * WAN, adjustedFen: 100 * WAN, executedFen: 95 * WAN });
    expect(toFixed(result.budget.score, 2)).toBe('9.50');
    expect(result.indicators.map((i) => i.score && toFixed(i.score, 2))).toEqual(['36.00', '40.00']);
    expect(result).toMatchObject({ complete: true, refusals: [], problems: [] });
    expect([toFixed(result.total.total, 2), result.total.grade]).toEqual(['85.50', '良']);
  });

  it('refuses a qualitative score outside its tier even in a draft, naming the allowed range under the score (§13 #9)', () => {
    const result = assess(form([row({ actual: '50' }), row({ operator: '定性', weight: '10', tier: 'achieved', score: '7.9' })]));
    expect(result.indicators[1]!.errors.score).toBe('定性指标“达成年度指标”的得分应在 8.00–10.00 之间，填写的是 7.90');
    expect(result.refusals).toEqual(['第 2 个指标“受益学生人次”：定性指标“达成年度指标”的得分应在 8.00–10.00 之间，填写的是 7.90']);
  });

  it('refuses a deduction above the weight or without a reason, and text where a number belongs (§13 #5)', () => {
    const result = assess(form([row({ actual: '65', deduction: '46', deductionReason: '指标值设定偏低' }), row({ actual: '约五十' }), row({ actual: '65', deduction: '3' })]));
    expect(result.indicators[0]!.errors).toEqual({ deduction: '扣分 46.00 超过该指标分值 45.00，应在 0–45.00 之间' });
    expect(result.indicators[1]!.errors).toEqual({ actual: '实际完成值请填写数字，如 120 或 95.5' });
    expect(result.indicators[2]!.errors).toEqual({ deductionReason: '填写了扣分，请说明扣分原因' });
  });

  it('leaves a refused row out of the total: a qualitative score of 200 on a 10-point row does not lift the total past 100', () => {
    const result = assess(form([row({ actual: '50', weight: '80' }), row({ operator: '定性', weight: '10', tier: 'achieved', score: '200' })]));
    expect(result.indicators[1]!.errors.score).toBe('定性指标“达成年度指标”的得分应在 8.00–10.00 之间，填写的是 200.00');
    expect(result.indicators[1]!.score).toBeNull();
    expect(result.complete).toBe(false);
    expect(toFixed(result.total.total, 2)).toBe('89.50');
  });

  it('refuses text where a number belongs even on a row the approved target gave no weight', () => {
    const result = assess(form([row({ weight: '', actual: 'abc' }), row({ weight: '', actual: '-5' }), row({ operator: '定性', weight: '', tier: 'achieved', score: '很好', deduction: '两分' })]));
    expect(result.indicators.map((i) => i.errors)).toEqual([
      { actual: '实际完成值请填写数字，如 120 或 95.5' },
      { actual: '实际完成值请填写数字，如 120 或 95.5' },
      { score: '得分请填写数字，如 120 或 95.5', deduction: '扣分请填写数字，如 120 或 95.5' },
    ]);
    expect(result.refusals).toHaveLength(4);
  });

  it('keeps an incomplete draft but lists what a submission needs: actuals, tiers, reasons, the execution reason and weights of 100', () => {
    const result = assess({ ...form([row({}), row({ actual: '40' }), row({ operator: '定性', weight: '5' })], 80), goalAchieved: '' });
    expect(result.refusals).toEqual([]);
    expect(result.complete).toBe(false);
    expect(result.problems).toEqual([
      '预算执行率 80.00% 低于规定比例，请说明原因',
      '请填写年度总体目标的实际完成情况',
      '第 1 个指标“受益学生人次”：请填写实际完成值',
      '第 2 个指标“受益学生人次”：未达成指标，请填写偏差原因分析及改进措施',
      '第 3 个指标“受益学生人次”：请选择完成档次',
      '第 3 个指标“受益学生人次”：请填写得分',
      '分值合计 105 分，应为 100 分（含预算执行 10 分）',
    ]);
  });
});

describe('the department-wide self-evaluation form', () => {
  const department = (tasks: { task: string; completion: string }[]) => ({
    funds: {
      basicSpending: { initialFen: 300 * WAN, adjustedFen: 320 * WAN, executedFen: 310 * WAN },
      projectSpending: { initialFen: 100 * WAN, adjustedFen: 80 * WAN, executedFen: 50 * WAN },
    },
    budgetReason: '',
    goalAchieved: '基本完成',
    indicators: [row({ actual: '50', weight: '90' })],
    tasks,
  });

  it('scores the execution of 基本支出 and 项目支出 together as the unit\'s 年度资金总额', () => {
    const result = assessDepartmentSelfEvaluation(department([{ task: '保障学校运转', completion: '全年正常运转' }]), 10, DEFAULT_SCORING);
    expect(result.fundRows.map((r) => [r.row, r.adjustedFen, r.executedFen])).toEqual([
      ['total', 400 * WAN, 360 * WAN],
      ['basicSpending', 320 * WAN, 310 * WAN],
      ['projectSpending', 80 * WAN, 50 * WAN],
    ]);
    expect(toFixed(result.budget.rate, 4)).toBe('0.9000');
    expect([toFixed(result.total.total, 2), result.total.grade, result.problems]).toEqual(['99.00', '优', []]);
  });

  it('asks for the 完成情况 of every annual task before it can be submitted, naming the task', () => {
    const result = assessDepartmentSelfEvaluation(department([{ task: '保障学校运转', completion: '已完成' }, { task: '校舍维修', completion: ' ' }]), 10, DEFAULT_SCORING);
    expect(result.refusals).toEqual([]);
    expect(result.problems).toEqual(['第 2 项年度主要任务“校舍维修”：请填写完成情况']);
  });
});
