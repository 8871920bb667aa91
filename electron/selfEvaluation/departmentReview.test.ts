// The 主管部门 review step for self-evaluations (setting 主管部门审核), as targets have it: a unit's
// submitted table waits for its own department's reviewer, whose approval passes it to the bureau and whose
// return sends it back with the opinion; both opinions stay; another department can neither decide nor open it.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { sqliteOf } from '../../db/open';
import { createOperator } from '../registry/operators';
import { updateSetting } from '../settings/settings';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { entries, WAN } from '../testSupport/selfEvaluation';
import { createSelfEvaluation, getSelfEvaluation, listSelfEvaluations, saveSelfEvaluation, transitionSelfEvaluation } from './selfEvaluations';

type Actor = { id: string; name: string };

/** The road station (301002, under 交通运输局 301001) with an approved project target, its clerk, both departments' reviewers and the bureau's. */
function county({ departmentStep }: { departmentStep: boolean }) {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, {
    units: ROAD_AND_SCHOOL_UNITS,
    projects: [
      { code: 'LT-1', name: '农村公路养护', unitCode: '301002', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN }] },
      { code: 'EDU-1', name: '校舍维修', unitCode: '302001', funds: [{ source: '本级财政拨款', initialFen: 50 * WAN }] },
    ],
    targets: [
      { project: 'LT-1', status: 'approved', overallGoal: '养护农村公路', indicators: [{ name: '养护里程', operator: '≥', value: '300', unit: '公里', weight: '90' }] },
      { project: 'EDU-1', status: 'approved', overallGoal: '维修校舍', indicators: [{ name: '维修校舍', operator: '≥', value: '5', unit: '所', weight: '90' }] },
    ],
  });
  if (departmentStep) updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'on');
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const transport = createOperator(db, TEST_ACTOR, { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
  const education = createOperator(db, TEST_ACTOR, { name: '周教育', role: 'department', password: null, departmentCode: '302001' });
  const bureau = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  return { db, clerk, transport, education, bureau };
}

/** The project's self-evaluation, filled in completely and submitted by `by`. */
function submitted(db: Db, by: Actor, projectCode = 'LT-1') {
  const targetId = listSelfEvaluations(db, { year: 2020 }).find((r) => r.projectCode === projectCode)!.targetId;
  const created = createSelfEvaluation(db, by, { targetId });
  const filled = saveSelfEvaluation(db, by, entries(created, { goalAchieved: '全年完成养护', budgetReason: '资金年底到位' }, { 0: { actual: created.indicators[0]!.targetValue } }));
  expect(filled.problemList).toEqual([]);
  return transitionSelfEvaluation(db, by, { id: filled.id, version: filled.version, action: 'submit' });
}

const decide = (db: Db, by: Actor, record: { id: string; version: number }, action: 'approve' | 'return', opinion?: string) =>
  transitionSelfEvaluation(db, by, { id: record.id, version: record.version, action, opinion });

describe('the 主管部门 step for self-evaluations', () => {
  it('sends a unit’s table to its own department first, then to the bureau, keeping both opinions in the history', () => {
    const { db, clerk, transport, bureau } = county({ departmentStep: true });
    const first = submitted(db, clerk);
    expect(first).toMatchObject({ status: 'submitted', reviewStep: 'department', supervisingDepartment: { code: '301001', name: '轮台县交通运输局' } });
    expect(() => decide(db, bureau, first, 'approve')).toThrow('该记录正在等待主管部门（301001）审核');

    const returned = decide(db, transport, first, 'return', '养护里程无佐证，请补充');
    expect(returned).toMatchObject({ status: 'returned', reviewOpinion: '养护里程无佐证，请补充', reviewedBy: '马部门', departmentReview: { decision: 'return', opinion: '养护里程无佐证，请补充', decidedBy: '马部门' } });

    const again = transitionSelfEvaluation(db, clerk, { id: returned.id, version: returned.version, action: 'submit' });
    expect(again).toMatchObject({ reviewStep: 'department', departmentReview: null });
    const passed = decide(db, transport, again, 'approve', '已核实，同意报送');
    expect(passed).toMatchObject({ status: 'submitted', reviewStep: 'bureau', departmentReview: { decision: 'approve', opinion: '已核实，同意报送', decidedBy: '马部门' } });
    expect(() => decide(db, transport, passed, 'return', '再看看')).toThrow('该记录已到财政局审核环节，主管部门审核人不能再审核');

    const approved = decide(db, bureau, passed, 'approve', '自评结果属实');
    expect(approved).toMatchObject({ status: 'approved', reviewStep: null, reviewOpinion: '自评结果属实', reviewedBy: '王审核', departmentReview: { decision: 'approve', opinion: '已核实，同意报送' } });
    expect(approved.history.map((h) => [h.operatorName, h.action, h.opinion]).slice(0, 5)).toEqual([
      ['王审核', '审核通过自评表', '自评结果属实'],
      ['马部门', '主管部门审核通过自评表', '已核实，同意报送'],
      ['李经办', '送审自评表', null],
      ['马部门', '主管部门退回自评表', '养护里程无佐证，请补充'],
      ['李经办', '送审自评表', null],
    ]);
  });

  it('refuses the reviewer of another department, who can neither list nor open the table by its address', () => {
    const { db, clerk, transport, education } = county({ departmentStep: true });
    const record = submitted(db, clerk);
    expect(() => decide(db, education, record, 'approve')).toThrow('只能审核本部门（302001）所属单位送审的记录，该记录属于主管部门 301001');
    expect(() => getSelfEvaluation(db, record.id, education)).toThrow('主管部门审核人只能查看本部门（302001）所属单位的自评表');
    expect(getSelfEvaluation(db, record.id, transport).project.code).toBe('LT-1');
    expect(listSelfEvaluations(db, { year: 2020 }, { role: 'department', departmentCode: '302001' }).map((r) => r.projectCode)).toEqual(['EDU-1']);
    expect(listSelfEvaluations(db, { year: 2020 }, { role: 'reviewer', departmentCode: null }).map((r) => r.projectCode)).toEqual(['LT-1', 'EDU-1']);
    expect(sqliteOf(db).prepare('SELECT status, review_step FROM self_evaluations').get()).toEqual({ status: 'submitted', review_step: 'department' });
  });

  it('sends a department’s own table straight to the bureau, and changes nothing while the setting is off', () => {
    const on = county({ departmentStep: true });
    expect(submitted(on.db, on.clerk, 'EDU-1')).toMatchObject({ reviewStep: 'bureau', supervisingDepartment: null });
    const off = county({ departmentStep: false });
    const record = submitted(off.db, off.clerk);
    expect(record).toMatchObject({ reviewStep: 'bureau', supervisingDepartment: null });
    expect(() => decide(off.db, off.transport, record, 'approve')).toThrow('该记录已到财政局审核环节');
    expect(decide(off.db, off.bureau, record, 'approve')).toMatchObject({ status: 'approved', departmentReview: null });
  });

  it('hands a table that waited for its department to the bureau when the setting is turned off', () => {
    const { db, clerk, bureau } = county({ departmentStep: true });
    const record = submitted(db, clerk);
    updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'off');
    expect(getSelfEvaluation(db, record.id).reviewStep).toBe('bureau');
    expect(decide(db, bureau, record, 'approve').status).toBe('approved');
  });
});
