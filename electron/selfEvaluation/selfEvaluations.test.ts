// The self-evaluation of an approved project target on a real SQLite file: started from the budget and
// the last monitoring round, drafts checked row by row by the domain's form rules, submitted when
// complete, reviewed by someone else than the submitter, locked once approved, every step in its history.
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { auditKindLabel, describeAuditObject } from '../audit/objects';
import { percent } from '../domain/ratio';
import { shownTotal } from '../domain/selfEvaluation';
import { updateSettings } from '../settings/settings';
import { sampleCounty2020, TEST_ACTOR } from '../testSupport/fixtures';
import { countyWithSelfEvaluationTarget, entries, WAN } from '../testSupport/selfEvaluation';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
import { assessProjectRecord, requireSelfEvaluation, scoringRules } from './store';

describe('self-evaluation of an approved project target', () => {
  it('lists only approved project targets, and refuses to start one whose target is not approved', () => {
    const { db, clerk } = countyWithSelfEvaluationTarget();
    const rows = listSelfEvaluations(db, { year: 2020 });
    expect(rows.map((r) => [r.projectCode, r.unitName, r.status])).toEqual([['LT-1', '轮台县教育局', null]]);
    const pending = sqliteOf(db).prepare("SELECT id FROM targets WHERE owner_code = 'LT-2'").get() as { id: string };
    expect(() => createSelfEvaluation(db, clerk, { targetId: pending.id })).toThrow('“乡村医生补助”的绩效目标当前为“已送审”，尚未批复，不能自评');
    expect(sqliteOf(db).prepare('SELECT count(*) AS n FROM self_evaluations').get()).toEqual({ n: 0 });
  });

  it('prefills the budget by fund row and the actuals from the last round: 状态型 the value reached, 累计型 the full-year expectation', () => {
    const { db, clerk, approvedTarget } = countyWithSelfEvaluationTarget();
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
    const { db, clerk, approvedTarget } = countyWithSelfEvaluationTarget();
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
    const { db, clerk, reviewer, approvedTarget } = countyWithSelfEvaluationTarget();
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
    // 操作日志 names the record as staff know it.
    expect([auditKindLabel(approved.history[0]!.entity), describeAuditObject(db, 'self-evaluation', approved.history[0]!.naturalKey)]).toEqual(['绩效自评', '2020 年 LT-1 学生营养改善计划']);
    expect(listSelfEvaluations(db, { year: 2020, status: 'approved' }).map((r) => [r.projectCode, r.totalScore, r.grade])).toEqual([['LT-1', '93.25', '优']]);
    expect(listSelfEvaluations(db, { year: 2020, status: 'none' })).toEqual([]);
    expect(listSelfEvaluations(db, { year: 2020, unitCode: '102001' })).toEqual([]);
  });

  it('shows on each row of the year the execution rate, total and grade its own form gives, under the settings of now, filtered by unit and status', () => {
    const { db } = sampleCounty2020();
    const formOf = (id: string) => {
      const assessment = assessProjectRecord(requireSelfEvaluation(db, id), scoringRules(db));
      return { executionRate: percent(assessment.budget.rate), ...shownTotal(assessment) };
    };
    const listed = () => listSelfEvaluations(db, { year: 2020 });
    const started = listed().filter((row) => row.id !== null);
    expect(started.filter((row) => row.grade !== null).length).toBeGreaterThan(3);
    for (const row of started) expect({ executionRate: row.executionRate, totalScore: row.totalScore, grade: row.grade }, row.projectCode).toEqual(formOf(row.id!));

    // A line for 优 at 100 changes the grades the list shows at once (all but full marks), as it changes the form's.
    const excellent = started.filter((row) => row.grade === '优');
    expect(excellent.length).toBeGreaterThan(0);
    updateSettings(db, TEST_ACTOR, [{ key: 'evaluation.gradeExcellentFrom', value: 100 }]);
    const regraded = listed().filter((row) => excellent.some((e) => e.id === row.id));
    expect(regraded.filter((row) => row.grade !== '优').length).toBeGreaterThan(0);
    for (const row of regraded) expect(row.grade, row.projectCode).toBe(formOf(row.id!).grade);

    const all = listed();
    const unit = all[all.length - 1]!.unitCode;
    expect(listSelfEvaluations(db, { year: 2020, unitCode: unit })).toEqual(all.filter((row) => row.unitCode === unit));
    expect(listSelfEvaluations(db, { year: 2020, status: 'none' })).toEqual(all.filter((row) => row.status === null));
    expect(listSelfEvaluations(db, { year: 2020, status: 'submitted' })).toEqual(all.filter((row) => row.status === 'submitted'));
  });
});
