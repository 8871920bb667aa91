// The self-evaluation of an approved project target on a real SQLite file: started from the budget and
// the last monitoring round, drafts checked row by row by the domain's form rules, submitted when
// complete, reviewed by someone else than the submitter, locked once approved, every step in its history.
import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db } from '../../db/open';
import { createOperator } from '../registry/operators';
import { getSheet, listSheets, saveSheet } from '../monitoring/sheets';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import {
  createSelfEvaluation,
  listSelfEvaluations,
  saveSelfEvaluation,
  transitionSelfEvaluation,
  type SelfEvaluationDetail,
  type SelfEvaluationSaveInput,
} from './selfEvaluations';

const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

/** Reports a round's sheet of the project: executed per source, and per indicator what was reached and expected. */
function report(db: Db, roundId: string, executedWan: Record<string, number>, indicators: Record<string, [string, string]>) {
  const sheet = getSheet(db, listSheets(db, roundId).find((s) => s.projectCode === 'LT-1')!.id);
  saveSheet(db, TEST_ACTOR, {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: '',
    budget: none,
    funds: sheet.funds.map((f) => ({ ...f, executedFen: (executedWan[f.source] ?? 0) * WAN })),
    indicators: sheet.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: indicators[i.name]![0], expectedFullYear: indicators[i.name]![1], likelihood: '', ...none })),
  });
}

function county() {
  const store = countyStore();
  const { db } = store;
  seedCounty(db, {
    units: [{ code: '101001', name: '轮台县教育局' }, { code: '102001', name: '轮台县卫生健康委员会' }],
    projects: [
      {
        code: 'LT-1',
        name: '学生营养改善计划',
        unitCode: '101001',
        funds: [
          { source: '本级财政拨款', initialFen: 90 * WAN, additionFen: 10 * WAN },
          { source: '上年结转', initialFen: 20 * WAN },
        ],
      },
      { code: 'LT-2', name: '乡村医生补助', unitCode: '102001', funds: [{ source: '本级财政拨款', initialFen: 50 * WAN }] },
    ],
    targets: [
      {
        project: 'LT-1',
        status: 'approved',
        overallGoal: '改善学生营养状况',
        indicators: [
          { name: '受益学生人次', operator: '≥', value: '1200', unit: '人次', weight: '40' },
          { name: '单位餐费', operator: '≤', value: '8', unit: '元/生·餐', level2: '成本指标', weight: '20' },
          { name: '学生营养状况', operator: '定性', value: '明显改善', weight: '30' },
        ],
      },
      { project: 'LT-2', status: 'submitted', indicators: [{ name: '补助人数', operator: '≥', value: '80', unit: '人', weight: '90' }] },
    ],
    rounds: [
      { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' },
      { year: 2020, month: 11, deadline: '2020-11-30', scope: 'all' },
    ],
  });
  const [august, november] = listRounds(db);
  report(db, august!, { 本级财政拨款: 50 }, { 受益学生人次: ['700', '1100'], 单位餐费: ['9', ''], 学生营养状况: ['部分达成目标', ''] });
  report(db, november!, { 本级财政拨款: 80, 上年结转: 15 }, { 受益学生人次: ['1000', '1150'], 单位餐费: ['7.5', ''], 学生营养状况: ['达成目标', ''] });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const reviewer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const approvedTarget = listSelfEvaluations(db, { year: 2020 })[0]!.targetId;
  return { store, db, clerk, reviewer, approvedTarget };
}

function listRounds(db: Db): string[] {
  return (sqliteOf(db).prepare('SELECT id FROM monitoring_rounds ORDER BY month').all() as { id: string }[]).map((r) => r.id);
}

/** What the form sends back: the record's own entries, with some rows changed. */
function entries(detail: SelfEvaluationDetail, over: Partial<SelfEvaluationSaveInput> = {}, rows: Record<number, Partial<SelfEvaluationSaveInput['indicators'][number]>> = {}): SelfEvaluationSaveInput {
  return {
    id: detail.id,
    version: detail.version,
    funds: detail.funds,
    budgetReason: detail.budgetReason,
    goalAchieved: detail.goalAchieved,
    problems: detail.problems,
    measures: detail.measures,
    indicators: detail.indicators.map(({ id, actual, tier, score, deduction, deductionReason, deviationReason }, n) => ({ id, actual, tier, score, deduction, deductionReason, deviationReason, ...rows[n] })),
    ...over,
  };
}

describe('self-evaluation of an approved project target', () => {
  it('lists only approved project targets, and refuses to start one whose target is not approved', () => {
    const { db, clerk } = county();
    const rows = listSelfEvaluations(db, { year: 2020 });
    expect(rows.map((r) => [r.projectCode, r.unitName, r.status])).toEqual([['LT-1', '轮台县教育局', null]]);
    const pending = sqliteOf(db).prepare("SELECT id FROM targets WHERE owner_code = 'LT-2'").get() as { id: string };
    expect(() => createSelfEvaluation(db, clerk, { targetId: pending.id })).toThrow('“乡村医生补助”的绩效目标当前为“已送审”，尚未批复，不能自评');
    expect(sqliteOf(db).prepare('SELECT count(*) AS n FROM self_evaluations').get()).toEqual({ n: 0 });
  });

  it('prefills the budget by fund row and the actuals from the last round: 状态型 the value reached, 累计型 the full-year expectation', () => {
    const { db, clerk, approvedTarget } = county();
    const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
    expect(created.funds).toEqual({
      appropriation: { initialFen: 90 * WAN, adjustedFen: 100 * WAN, executedFen: 80 * WAN },
      carryOver: { initialFen: 20 * WAN, adjustedFen: 20 * WAN, executedFen: 15 * WAN },
      other: { initialFen: 0, adjustedFen: 0, executedFen: 0 },
    });
    expect(created.indicators.map((i) => [i.name, i.accrual, i.actual, i.tier, i.weight])).toEqual([
      ['受益学生人次', 'cumulative', '1150', null, '40'],
      ['单位餐费', 'level', '7.5', null, '20'],
      ['学生营养状况', 'cumulative', '达成目标', 'achieved', '30'],
    ]);
    expect(created.goalExpected).toBe('改善学生营养状况');
    expect(() => createSelfEvaluation(db, clerk, { targetId: approvedTarget })).toThrow('已有 2020 年的自评表');
    const [row] = listSelfEvaluations(db, { year: 2020 });
    // 95 of 120 万元 executed: 79.17%, and the qualitative row has no score yet, so no total
    expect(row).toMatchObject({ status: 'draft', executionRate: '79.17', totalScore: null, grade: null });
  });

  it('refuses a draft with a qualitative score outside its tier or a deduction above the weight, naming the range, and writes nothing', () => {
    const { db, clerk, approvedTarget } = county();
    const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
    expect(() => saveSelfEvaluation(db, clerk, entries(created, {}, { 2: { score: '23.9' } }))).toThrow(
      '第 3 个指标“学生营养状况”：定性指标“达成年度指标”的得分应在 24.00–30.00 之间，填写的是 23.90',
    );
    expect(() => saveSelfEvaluation(db, clerk, entries(created, {}, { 1: { deduction: '21', deductionReason: '偏低' } }))).toThrow('扣分 21.00 超过该指标分值 20.00');
    expect(sqliteOf(db).prepare('SELECT version, total_score FROM self_evaluations').get()).toEqual({ version: 1, total_score: null });
    // An incomplete draft is kept: the missing reasons only stop a submission.
    const draft = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成' }, { 2: { score: '27' } }));
    expect(draft.version).toBe(2);
    expect(draft.problemList).toEqual(['预算执行率 79.17% 低于规定比例，请说明原因', '第 1 个指标“受益学生人次”：未达成指标，请填写偏差原因分析及改进措施']);
    expect(() => transitionSelfEvaluation(db, clerk, { id: draft.id, version: draft.version, action: 'submit' })).toThrow('还不能送审，请先补充：预算执行率 79.17% 低于规定比例');
    // 7.92 + 40 × 1150 ÷ 1200 (38.33) + 20 + 27 = 93.25
    expect(sqliteOf(db).prepare('SELECT total_score, grade FROM self_evaluations').get()).toEqual({ total_score: '93.25', grade: '优' });
  });

  it('goes through submit, return with an opinion and approval by another operator, then stays locked, with its history', () => {
    const { db, clerk, reviewer, approvedTarget } = county();
    const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
    const filled = saveSelfEvaluation(
      db,
      clerk,
      entries(created, { goalAchieved: '基本完成', budgetReason: '部分资金年底才到位', problems: '采购滞后', measures: '提前采购' }, { 0: { deviationReason: '转学学生减少' }, 2: { score: '27' } }),
    );
    expect(filled.problemList).toEqual([]);
    const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
    expect(() => transitionSelfEvaluation(db, clerk, { id: submitted.id, version: submitted.version, action: 'approve' })).toThrow('经办人不能审核');
    expect(() => saveSelfEvaluation(db, clerk, entries(submitted))).toThrow('当前为“已送审”，不能修改。如需修改，请先撤回');
    expect(() => transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'return', opinion: ' ' })).toThrow('意见');
    const returned = transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'return', opinion: '偏差原因过于简单' });
    expect(returned).toMatchObject({ status: 'returned', reviewOpinion: '偏差原因过于简单', reviewedBy: '王审核' });

    // A reviewer who resubmits it cannot approve it themselves; the clerk's own submission can be approved.
    const again = transitionSelfEvaluation(db, reviewer, { id: returned.id, version: returned.version, action: 'submit' });
    expect(() => transitionSelfEvaluation(db, reviewer, { id: again.id, version: again.version, action: 'approve' })).toThrow('不能审核本人送审的记录');
    const withdrawn = transitionSelfEvaluation(db, clerk, { id: again.id, version: again.version, action: 'withdraw' });
    const resubmitted = transitionSelfEvaluation(db, clerk, { id: withdrawn.id, version: withdrawn.version, action: 'submit' });
    const approved = transitionSelfEvaluation(db, reviewer, { id: resubmitted.id, version: resubmitted.version, action: 'approve' });
    expect(approved.status).toBe('approved');
    expect(() => saveSelfEvaluation(db, clerk, entries(approved))).toThrow('已通过的自评表已锁定');
    expect(approved.history.map((h) => [h.action, h.operatorName, h.opinion]).reverse()).toEqual([
      ['新建自评表', '李经办', null],
      ['保存自评表', '李经办', null],
      ['送审自评表', '李经办', null],
      ['退回自评表', '王审核', '偏差原因过于简单'],
      ['送审自评表', '王审核', null],
      ['撤回自评表', '李经办', null],
      ['送审自评表', '李经办', null],
      ['审核通过自评表', '王审核', null],
    ]);
    expect(listSelfEvaluations(db, { year: 2020, status: 'approved' }).map((r) => [r.projectCode, r.totalScore, r.grade])).toEqual([['LT-1', '93.25', '优']]);
    expect(listSelfEvaluations(db, { year: 2020, status: 'none' })).toEqual([]);
    expect(listSelfEvaluations(db, { year: 2020, unitCode: '102001' })).toEqual([]);
  });
});
