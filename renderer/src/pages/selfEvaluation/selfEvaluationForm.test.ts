import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../../electron/domain/settings';
import { toFixed } from '../../../../electron/domain/ratio';
import type { SelfEvaluationDetail } from '../../../../electron/selfEvaluation/contract';
import { amountProblems, assessForm, formOf, problemCount, saveInputOf } from './selfEvaluationForm';

const row = { initialFen: 0, adjustedFen: 0, executedFen: 0 };
const entry = { tier: null, score: '', deduction: '', deductionReason: '', deviationReason: '' };

/** Just what the form reads: 100 万元 of 当年财政拨款, a ≥ row of 60 and a qualitative row of 30, the default settings. */
const detail = {
  id: 'e1',
  version: 2,
  funds: { appropriation: { initialFen: 100_000_000, adjustedFen: 100_000_000, executedFen: 0 }, carryOver: row, other: row },
  budgetReason: '',
  goalAchieved: '',
  problems: '',
  measures: '',
  indicators: [
    { id: 'r1', name: '受益人次', operator: '≥', targetValue: '1200', unit: '人次', weight: '60', actual: '', ...entry },
    { id: 'r2', name: '满意度', operator: '定性', targetValue: '明显提高', unit: '', weight: '30', actual: '', ...entry },
  ],
  rules: { values: Object.fromEntries(SETTINGS.filter((s) => s.key.startsWith('evaluation.')).map((s) => [s.key, s.default])), budgetWeight: 10 },
} as unknown as SelfEvaluationDetail;

describe('the self-evaluation form', () => {
  it('shows amounts as 万元 text and reads them back to 分 exactly', () => {
    const form = formOf(detail);
    expect(form.funds.appropriation).toEqual({ initial: '100.0000', adjusted: '100.0000', executed: '0.0000' });
    form.funds.appropriation.executed = '95.1234';
    expect(saveInputOf(form, detail)?.funds.appropriation).toEqual({ initialFen: 100_000_000, adjustedFen: 100_000_000, executedFen: 95_123_400 });
  });

  it('scores while typing as the service will: the budget, a quantitative row, a qualitative one inside its tier', () => {
    const form = formOf(detail);
    form.funds.appropriation.executed = '95';
    form.indicators[0]!.actual = '1200';
    form.indicators[1] = { ...form.indicators[1]!, tier: 'achieved', score: '27' };
    form.goalAchieved = '完成';
    const assessment = assessForm(form, detail);
    expect([toFixed(assessment.budget.score, 2), ...assessment.indicators.map((i) => toFixed(i.score!, 2))]).toEqual(['9.50', '60.00', '27.00']);
    expect([toFixed(assessment.total.total, 2), assessment.total.grade, problemCount(form, assessment)]).toEqual(['96.50', '优', 0]);
  });

  it('counts an unreadable amount and a score outside its tier, and sends nothing while an amount cannot be read', () => {
    const form = formOf(detail);
    form.funds.other.executed = '十万';
    form.indicators[1] = { ...form.indicators[1]!, tier: 'partial', score: '24' };
    const assessment = assessForm(form, detail);
    expect(Object.keys(amountProblems(form))).toEqual(['other.executed']);
    expect(assessment.indicators[1]!.errors.score).toBe('定性指标“部分达成年度指标并具有一定效果”的得分应在 18.00–24.00（不含 24.00） 之间，填写的是 24.00');
    expect(saveInputOf(form, detail)).toBeNull();
    expect(problemCount(form, assessment)).toBeGreaterThan(2);
  });
});

describe('the 部门整体 form', () => {
  const department = {
    ...detail,
    department: {
      funds: { basicSpending: { initialFen: 60_000_000, adjustedFen: 60_000_000, executedFen: 0 }, projectSpending: { initialFen: 40_000_000, adjustedFen: 40_000_000, executedFen: 40_000_000 } },
      tasks: [{ id: 't1', seq: 1, function: '教育', task: '保障学校运转', amountFen: 0, completion: '' }],
    },
  } as unknown as SelfEvaluationDetail;

  it('scores the unit as a whole from 基本支出 and 项目支出 as typed and sends the block and each task\'s 完成情况 back', () => {
    const form = formOf(department);
    expect(form.department!.funds.basicSpending).toEqual({ initial: '60.0000', adjusted: '60.0000', executed: '0.0000' });
    form.department!.funds.basicSpending.executed = '55';
    form.department!.completions[0] = '全年正常运转';
    const assessment = assessForm(form, department);
    // 95 of 100 万元
    expect(toFixed(assessment.budget.score, 2)).toBe('9.50');
    expect(assessment.problems).not.toContain('第 1 项年度主要任务“保障学校运转”：请填写完成情况');
    expect(saveInputOf(form, department)?.department).toEqual({
      funds: { basicSpending: { initialFen: 60_000_000, adjustedFen: 60_000_000, executedFen: 55_000_000 }, projectSpending: { initialFen: 40_000_000, adjustedFen: 40_000_000, executedFen: 40_000_000 } },
      tasks: [{ id: 't1', completion: '全年正常运转' }],
    });
    form.department!.funds.projectSpending.executed = '四十';
    expect(Object.keys(amountProblems(form))).toEqual(['projectSpending.executed']);
    expect(saveInputOf(form, department)).toBeNull();
  });
});
