// The 部门整体支出绩效自评表 of a unit's approved department-wide target on a real SQLite file: started from
// the target's budget split and the unit's projects' last monitoring round, its annual tasks and
// indicators copied, then saved, submitted, reviewed and locked by the same functions as a project's,
// counted apart on the prefecture's board, drawn by 抽查 and carried to the prefecture with its tasks.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { describeAuditObject } from '../audit/objects';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { initInstallation } from '../registry/setup';
import { countyWithDepartmentTarget, departmentEntries } from '../testSupport/departmentSelfEvaluation';
import { freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { entries, WAN } from '../testSupport/selfEvaluation';
import { createDepartmentSelfEvaluation, listDepartmentSelfEvaluations } from './department';
import { createSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';
import { drawSpotCheck, listSpotChecks } from './spotChecks';
import { selfEvaluationTally } from './tally';

/** Filled in full: 基本支出 executed 285 of 300 万元 (with 项目支出 380 of 420: 9.05), the task done, both indicators met (90): 99.05. */
function approvedDepartmentSelfEvaluation() {
  const county = countyWithDepartmentTarget();
  const { db, clerk, reviewer, departmentTarget } = county;
  const created = createDepartmentSelfEvaluation(db, clerk, { targetId: departmentTarget });
  const filled = saveSelfEvaluation(db, clerk, departmentEntries(created, { basicExecutedFen: 285 * WAN, goalAchieved: '全面完成', completions: ['惠及 1150 人次'] }, { 0: { actual: '6' }, 1: { actual: '95' } }));
  const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
  const approved = transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
  return { ...county, approved };
}

describe('department-wide self-evaluation (部门整体支出绩效自评表)', () => {
  it('lists the units with an approved department-wide target, apart from the projects, and refuses one still in review', () => {
    const { db, clerk, pendingDepartmentTarget } = countyWithDepartmentTarget();
    expect(listDepartmentSelfEvaluations(db, { year: 2020 }).map((r) => [r.unitCode, r.unitName, r.id, r.status])).toEqual([['101001', '轮台县教育局', null, null]]);
    expect(() => createDepartmentSelfEvaluation(db, clerk, { targetId: pendingDepartmentTarget })).toThrow('“轮台县卫生健康委员会”的部门整体绩效目标当前为“已送审”，尚未批复，不能自评');
    expect(listSelfEvaluations(db, { year: 2020 }).map((r) => r.projectCode)).toEqual(['LT-1']);
  });

  it('prefills 基本支出 from the target, 项目支出 from the unit\'s projects and their last round, and copies the tasks and indicators', () => {
    const { db, clerk, departmentTarget, approvedTarget } = countyWithDepartmentTarget();
    const created = createDepartmentSelfEvaluation(db, clerk, { targetId: departmentTarget });
    expect(created).toMatchObject({ kind: 'department', projectCode: '101001', status: 'draft', goalExpected: '101001的年度总体目标', project: { name: '轮台县教育局' } });
    expect(created.department!.funds).toEqual({
      basicSpending: { initialFen: 300 * WAN, adjustedFen: 300 * WAN, executedFen: 0 },
      projectSpending: { initialFen: 120 * WAN, adjustedFen: 120 * WAN, executedFen: 95 * WAN },
    });
    expect(created.department!.tasks.map((t) => [t.task, t.amountFen, t.completion])).toEqual([['实施学生营养改善计划', 120 * WAN, '']]);
    expect(created.indicators.map((i) => [i.name, i.targetValue, i.weight, i.actual])).toEqual([
      ['完成年度重点工作任务', '5', '50', ''],
      ['服务对象满意度', '90', '40', ''],
    ]);
    expect(created.problemList).toContain('第 1 项年度主要任务“实施学生营养改善计划”：请填写完成情况');
    expect(() => createDepartmentSelfEvaluation(db, clerk, { targetId: departmentTarget })).toThrow('“轮台县教育局”已有 2020 年的部门整体支出绩效自评表');
    // A department-wide target is not a project's, and the project's own table still starts beside it.
    expect(() => createSelfEvaluation(db, clerk, { targetId: departmentTarget })).toThrow('该项目绩效目标不存在');
    expect(() => createDepartmentSelfEvaluation(db, clerk, { targetId: approvedTarget })).toThrow('该部门整体绩效目标不存在');
    expect(createSelfEvaluation(db, clerk, { targetId: approvedTarget }).kind).toBe('project');
    // 95 of 420 万元 executed so far: 22.62%.
    expect(listDepartmentSelfEvaluations(db, { year: 2020 })[0]).toMatchObject({ status: 'draft', executionRate: '22.62', totalScore: null });
  });

  it('saves the block, the tasks and the rows by the same rules, refusing a save of the wrong kind, and scores the unit as a whole', () => {
    const { db, clerk, departmentTarget } = countyWithDepartmentTarget();
    const created = createDepartmentSelfEvaluation(db, clerk, { targetId: departmentTarget });
    expect(() => saveSelfEvaluation(db, clerk, entries(created))).toThrow('填报的内容与自评表的类型（项目 / 部门整体）不符');
    expect(() => saveSelfEvaluation(db, clerk, departmentEntries(created, {}, { 1: { actual: '九十五' } }))).toThrow('第 2 个指标“服务对象满意度”：实际完成值请填写数字');
    const draft = saveSelfEvaluation(db, clerk, departmentEntries(created, { basicExecutedFen: 285 * WAN }, { 0: { actual: '4' }, 1: { actual: '95' } }));
    expect(draft.department!.funds.basicSpending.executedFen).toBe(285 * WAN);
    expect(draft.problemList).toEqual([
      '请填写年度总体目标的实际完成情况',
      '第 1 项年度主要任务“实施学生营养改善计划”：请填写完成情况',
      '第 1 个指标“完成年度重点工作任务”：未达成指标，请填写偏差原因分析及改进措施',
    ]);
    expect(() => transitionSelfEvaluation(db, clerk, { id: draft.id, version: draft.version, action: 'submit' })).toThrow('“轮台县教育局”的自评表还不能送审，请先补充：请填写年度总体目标的实际完成情况');
    // 380 of 420 万元 (90.48%) → 9.05; 50 × 4 ÷ 5 = 40; 40: 89.05 → 良
    expect(sqliteOf(db).prepare("SELECT total_score, grade, basic_spending_executed_fen AS basic FROM self_evaluations WHERE kind = 'department'").get()).toEqual({ total_score: '89.05', grade: '良', basic: 285 * WAN });
  });

  it('keeps the project table\'s separation of duties: the clerk never decides, a return needs an opinion, a submitted table is withdrawn before it changes', () => {
    const { db, clerk, reviewer, departmentTarget } = countyWithDepartmentTarget();
    const created = createDepartmentSelfEvaluation(db, clerk, { targetId: departmentTarget });
    const filled = saveSelfEvaluation(db, clerk, departmentEntries(created, { basicExecutedFen: 285 * WAN, goalAchieved: '全面完成', completions: ['已完成'] }, { 0: { actual: '6' }, 1: { actual: '95' } }));
    const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
    expect(() => transitionSelfEvaluation(db, clerk, { id: submitted.id, version: submitted.version, action: 'approve' })).toThrow('经办人不能审核');
    expect(() => saveSelfEvaluation(db, clerk, departmentEntries(submitted))).toThrow('“轮台县教育局”的自评表当前为“已送审”，不能修改。如需修改，请先撤回');
    expect(() => transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'return', opinion: '' })).toThrow('意见');
    const returned = transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'return', opinion: '基本支出执行数请与决算核对' });
    expect(returned).toMatchObject({ status: 'returned', reviewOpinion: '基本支出执行数请与决算核对' });
    const again = transitionSelfEvaluation(db, reviewer, { id: returned.id, version: returned.version, action: 'submit' });
    expect(() => transitionSelfEvaluation(db, reviewer, { id: again.id, version: again.version, action: 'approve' })).toThrow('不能审核本人送审的记录');
  });

  it('is reviewed by someone other than the submitter, locked once approved, with its history named as the unit\'s', () => {
    const { db, clerk, approved } = approvedDepartmentSelfEvaluation();
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: '王审核', totalScore: '99.05', grade: '优' });
    expect(() => saveSelfEvaluation(db, clerk, departmentEntries(approved))).toThrow('已通过的自评表已锁定');
    expect(approved.history.map((h) => h.action).reverse()).toEqual(['新建部门整体自评表', '保存自评表', '送审自评表', '审核通过自评表']);
    expect(describeAuditObject(db, 'self-evaluation', approved.history[0]!.naturalKey)).toBe('2020 年 101001 轮台县教育局 部门整体支出');
    expect(listDepartmentSelfEvaluations(db, { year: 2020, status: 'approved' }).map((r) => [r.unitCode, r.totalScore, r.grade])).toEqual([['101001', '99.05', '优']]);
  });

  it('counts the units apart on the prefecture\'s board and is drawn by 抽查 like a project\'s table', () => {
    const { db, reviewer } = approvedDepartmentSelfEvaluation();
    const tally = selfEvaluationTally(db, '652822', 2020);
    expect([tally.approvedTargets, tally.evaluated, tally.approved, tally.department]).toEqual([1, 0, 0, { approvedTargets: 1, evaluated: 1, approved: 1 }]);
    expect(tally.grades.every((g) => g.count === 0)).toBe(true);
    drawSpotCheck(db, reviewer, { year: 2020, share: 100, seed: 'abc' });
    expect(listSpotChecks(db, 2020).map((r) => [r.projectCode, r.projectName, r.unitName, r.unitScore])).toEqual([['101001', '部门整体支出', '轮台县教育局', '99.05']]);
  });

  it('travels to the prefecture in the 绩效自评 stage with its tasks and rows', () => {
    const { store } = approvedDepartmentSelfEvaluation();
    const exported = exportReport(store, TEST_ACTOR, { year: 2020, stage: 'self-evaluation', full: true, out: path.join(tempDir(), 'self-evaluation.zip') });
    const prefecture = freshStore(path.join(tempDir(), 'prefecture.db'));
    initInstallation(prefecture.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
    importPackage(prefecture, TEST_ACTOR, exported.file, { dryRun: false, trust: true });
    expect(prefecture.sqlite.prepare('SELECT kind, project_code, project_id, status, total_score, basic_spending_executed_fen AS basic FROM self_evaluations').all()).toEqual([
      { kind: 'department', project_code: '101001', project_id: null, status: 'approved', total_score: '99.05', basic: 285 * WAN },
    ]);
    expect(prefecture.sqlite.prepare('SELECT task, completion FROM self_evaluation_tasks').all()).toEqual([{ task: '实施学生营养改善计划', completion: '惠及 1150 人次' }]);
    expect(prefecture.sqlite.prepare('SELECT count(*) AS n FROM self_evaluation_indicators').get()).toEqual({ n: 2 });
  });
});
