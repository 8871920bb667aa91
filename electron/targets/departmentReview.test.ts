// The 主管部门 review step (setting 主管部门审核): a unit's submitted target goes to its supervising
// department first, whose reviewer alone sees and decides it; the department's approval passes it to the
// bureau's 待审核, its return sends it back with its opinion; both opinions stay. Off, nothing changes.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { listAudit } from '../audit/audit';
import { emptyIndicator } from '../domain/targets';
import { createOperator } from '../registry/operators';
import { updateSetting } from '../settings/settings';
import { seedCounty } from '../testSupport/county';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';
import { decideAdjustment, listAdjustments, proposeAdjustment } from './adjustments';
import { departmentTarget, saveDepartmentTarget } from './department';
import { projectTarget, reviewInbox, saveTarget, targetOverview, transitionTarget } from './targets';

type Actor = { id: string; name: string };

/** 轮台县 with the road station (301002) under 交通运输局 (301001), its clerk, both departments' reviewers and the bureau's. */
function county({ departmentStep }: { departmentStep: boolean }) {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  if (departmentStep) updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'on');
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const transport = createOperator(db, TEST_ACTOR, { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
  const education = createOperator(db, TEST_ACTOR, { name: '周教育', role: 'department', password: null, departmentCode: '302001' });
  const bureau = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  return { db, clerk, transport, education, bureau };
}

/** The road station's project target, filled in and submitted by `by`. */
function submittedRoadTarget(db: Db, by: Actor) {
  const project = addProject(db, { projectTypeCode: ROAD_TYPE });
  const started = projectTarget(db, project.id);
  const indicators = started.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '12' } : i));
  const saved = saveTarget(db, by, { projectId: project.id, version: null, overallGoal: '完成 12 公里农村公路硬化', annualGoals: ['10 月底前完工'], indicators });
  return transitionTarget(db, by, { id: saved.id!, version: saved.version!, action: 'submit' });
}

const decide = (db: Db, by: Actor, target: { id: string; version: number }, decision: { action: 'approve' | 'return'; grade?: '优' | '中'; opinion?: string }) =>
  transitionTarget(db, by, { id: target.id, version: target.version, ...decision });

const inboxTitles = (db: Db, reviewer: { role: 'department' | 'reviewer'; departmentCode: string | null }) => reviewInbox(db, 2020, reviewer).map((i) => i.title);
const TRANSPORT = { role: 'department', departmentCode: '301001' } as const;
const EDUCATION = { role: 'department', departmentCode: '302001' } as const;
const BUREAU = { role: 'reviewer', departmentCode: null } as const;

describe('the 主管部门 review step', () => {
  it('sends a unit’s target to its own department first, then to the bureau, keeping both opinions', () => {
    const { db, clerk, transport, bureau } = county({ departmentStep: true });
    const submitted = submittedRoadTarget(db, clerk);
    expect(submitted).toMatchObject({ status: 'submitted', reviewStep: 'department' });
    expect(inboxTitles(db, TRANSPORT)).toEqual(['农村公路硬化工程']);
    expect(inboxTitles(db, EDUCATION)).toEqual([]);
    expect(inboxTitles(db, BUREAU)).toEqual([]);

    const returned = decide(db, transport, submitted, { action: 'return', opinion: '里程与批复不符，请核实' });
    expect(returned).toMatchObject({ status: 'returned', reviewOpinion: '里程与批复不符，请核实', departmentOpinion: '里程与批复不符，请核实', departmentDecidedBy: '马部门' });

    const again = transitionTarget(db, clerk, { id: returned.id, version: returned.version, action: 'submit' });
    expect(again).toMatchObject({ status: 'submitted', reviewStep: 'department', departmentOpinion: null, departmentDecidedAt: null });
    const passed = decide(db, transport, again, { action: 'approve', opinion: '已核实，同意报送' });
    expect(passed).toMatchObject({ status: 'submitted', reviewStep: 'bureau', departmentOpinion: '已核实，同意报送' });
    expect(inboxTitles(db, TRANSPORT)).toEqual([]);
    expect(inboxTitles(db, BUREAU)).toEqual(['农村公路硬化工程']);

    const approved = decide(db, bureau, passed, { action: 'approve', grade: '优', opinion: '目标明确' });
    expect(approved).toMatchObject({ status: 'approved', reviewGrade: '优', reviewOpinion: '目标明确', departmentOpinion: '已核实，同意报送', departmentDecidedBy: '马部门' });
    const state = projectTarget(db, approved.projectId!);
    expect(state.departmentReview).toMatchObject({ decision: 'approve', opinion: '已核实，同意报送', decidedBy: '马部门' });
    const history = listAudit(db, { entity: 'target', limit: 20 }).map((row) => [row.operatorName, row.action, row.opinion]);
    expect(history).toEqual([
      ['王审核', '审核通过（优：审核通过，纳入预算）', '目标明确'],
      ['马部门', '主管部门审核通过', '已核实，同意报送'],
      ['李经办', '送审', null],
      ['马部门', '主管部门退回', '里程与批复不符，请核实'],
      ['李经办', '送审', null],
      ['李经办', '新建绩效目标', null],
    ]);
  });

  it('refuses the reviewer of another department, and the bureau while the department still holds the target', () => {
    const { db, clerk, education, bureau } = county({ departmentStep: true });
    const submitted = submittedRoadTarget(db, clerk);
    expect(() => decide(db, education, submitted, { action: 'approve' })).toThrow('只能审核本部门（302001）所属单位送审的记录，该记录属于主管部门 301001');
    expect(() => decide(db, bureau, submitted, { action: 'approve', grade: '优' })).toThrow('该记录正在等待主管部门（301001）审核，主管部门审核通过后才由财政局审核');
    expect(() => decide(db, TEST_ACTOR as unknown as Actor, submitted, { action: 'approve', grade: '优' })).toThrow('正在等待主管部门');
  });

  it('lets the department no further once it passed the target, and keeps the maker from checking at the bureau', () => {
    const { db, transport } = county({ departmentStep: true });
    const maker = createOperator(db, TEST_ACTOR, { name: '赵审核', role: 'reviewer', password: null });
    const submitted = submittedRoadTarget(db, maker);
    const passed = decide(db, transport, submitted, { action: 'approve' });
    expect(() => decide(db, transport, passed, { action: 'return', opinion: '再看看' })).toThrow('该记录已到财政局审核环节，主管部门审核人不能再审核');
    expect(() => decide(db, maker, passed, { action: 'approve', grade: '优' })).toThrow('不能审核本人送审的记录');
  });

  it('sends a unit’s department-wide target to its department, and a department’s own straight to the bureau', () => {
    const { db, clerk } = county({ departmentStep: true });
    addProject(db, { code: 'XM001' });
    const indicators = [
      { ...emptyIndicator('产出指标', '数量指标'), name: '养护农村公路', operator: '≥' as const, value: '300', unit: '公里' },
      { ...emptyIndicator('效益指标', '社会效益指标'), name: '公路通畅', operator: '定性' as const, value: '全年通畅', unit: '' },
    ];
    // 项目支出 is the unit's own projects' budget: the 管理站 implements XM001, the 交通运输局 none.
    const projectFen = (unitCode: string) => (unitCode === '301002' ? 120_000_000 : 0);
    const form = (unitCode: string) => ({
      year: 2020, unitCode, version: null, basicFen: 120_000_000 - projectFen(unitCode), projectFen: projectFen(unitCode), fiscalFen: 120_000_000, otherFen: 0, functions: '农村公路养护',
      overallGoal: '保障农村公路畅通', annualGoals: ['完成日常养护'], tasks: [{ function: '公路养护', task: '日常养护', projectCodes: ['XM001'], amountFen: 120_000_000 }], indicators,
    });
    const submit = (unitCode: string) => {
      const saved = saveDepartmentTarget(db, clerk, form(unitCode));
      return transitionTarget(db, clerk, { id: saved.id!, version: saved.version!, action: 'submit' });
    };
    expect(submit('301002').reviewStep).toBe('department');
    expect(submit('301001').reviewStep).toBe('bureau');
    expect(inboxTitles(db, TRANSPORT)).toEqual(['轮台县农村公路管理站部门整体支出绩效目标']);
    expect(inboxTitles(db, BUREAU)).toEqual(['轮台县交通运输局部门整体支出绩效目标']);
  });

  it('changes nothing while the setting is off: the bureau reviews at once and a department reviewer cannot', () => {
    const { db, clerk, transport, bureau } = county({ departmentStep: false });
    const submitted = submittedRoadTarget(db, clerk);
    expect(submitted.reviewStep).toBe('bureau');
    expect(inboxTitles(db, BUREAU)).toEqual(['农村公路硬化工程']);
    expect(inboxTitles(db, TRANSPORT)).toEqual([]);
    expect(() => decide(db, transport, submitted, { action: 'approve' })).toThrow('该记录已到财政局审核环节');
    expect(decide(db, bureau, submitted, { action: 'approve', grade: '优' })).toMatchObject({ status: 'approved', departmentOpinion: null });
  });

  it('hands what waited for a department to the bureau when the setting is turned off', () => {
    const { db, clerk, bureau } = county({ departmentStep: true });
    const submitted = submittedRoadTarget(db, clerk);
    updateSetting(db, TEST_ACTOR, 'review.departmentStep', 'off');
    expect(inboxTitles(db, BUREAU)).toEqual(['农村公路硬化工程']);
    expect(decide(db, bureau, submitted, { action: 'approve', grade: '优' }).status).toBe('approved');
  });
});

describe('what a 主管部门审核人 sees', () => {
  it('lists only its own department’s projects and units in the target lists; the bureau sees all', () => {
    const { db } = county({ departmentStep: true });
    addProject(db, { code: 'XM001' });
    addProject(db, { code: 'EDU01', unitCode: '302001', departmentCode: '302001' });
    const seen = (reviewer: { role: 'department' | 'reviewer'; departmentCode: string | null }) => {
      const overview = targetOverview(db, 2020, reviewer);
      return { projects: overview.projects.map((p) => p.code), units: overview.departments.map((u) => u.unitCode) };
    };
    expect(seen(TRANSPORT)).toEqual({ projects: ['XM001'], units: ['301001', '301002'] });
    expect(seen(EDUCATION)).toEqual({ projects: ['EDU01'], units: ['302001'] });
    expect(seen(BUREAU)).toEqual({ projects: ['EDU01', 'XM001'], units: ['301001', '301002', '302001'] });
  });
});

describe('a 主管部门审核人 is bound to a department', () => {
  it('needs a department of the register, and other roles carry none', () => {
    const { db } = county({ departmentStep: true });
    expect(() => createOperator(db, TEST_ACTOR, { name: '孙部门', role: 'department', password: null })).toThrow('请为主管部门审核人选择其主管部门');
    expect(() => createOperator(db, TEST_ACTOR, { name: '孙部门', role: 'department', password: null, departmentCode: '301002' })).toThrow('轮台县农村公路管理站（301002）不是主管部门');
    expect(() => createOperator(db, TEST_ACTOR, { name: '孙部门', role: 'department', password: null, departmentCode: '399999' })).toThrow('主管部门编码 399999 不存在');
    expect(createOperator(db, TEST_ACTOR, { name: '钱经办', role: 'clerk', password: null, departmentCode: '301001' }).departmentCode).toBeNull();
  });
});

/** The road station's target approved through the chain, and an adjustment of it proposed by the clerk. */
function proposedAdjustment(db: Db, people: ReturnType<typeof county>) {
  const submitted = submittedRoadTarget(db, people.clerk);
  const passed = submitted.reviewStep === 'department' ? decide(db, people.transport, submitted, { action: 'approve' }) : submitted;
  const approved = decide(db, people.bureau, passed, { action: 'approve', grade: '优' });
  const current = projectTarget(db, approved.projectId!);
  const proposed = { overallGoal: current.overallGoal, annualGoals: current.annualGoals, indicators: current.indicators.map((i) => (i.libraryCode === 'L001' ? { ...i, value: '10' } : i)) };
  const adjustment = proposeAdjustment(db, people.clerk, { targetId: approved.id, targetVersion: approved.version, reason: '资金调减，里程相应减少', proposed });
  return { adjustment, mileage: () => projectTarget(db, approved.projectId!).indicators.find((i) => i.libraryCode === 'L001')!.value };
}

describe('目标调整 on the review chain', () => {
  it('sends a unit’s adjustment to its department first, whose pass hands it to the bureau, whose approval puts it in force', () => {
    const people = county({ departmentStep: true });
    const { db, transport, education, bureau } = people;
    const { adjustment, mileage } = proposedAdjustment(db, people);
    expect(adjustment).toMatchObject({ status: 'submitted', reviewStep: 'department', department: { code: '301001', name: '轮台县交通运输局' } });
    expect(reviewInbox(db, 2020, TRANSPORT).map((i) => i.kind)).toEqual(['adjustment']);
    expect(reviewInbox(db, 2020, BUREAU)).toEqual([]);
    expect(() => decideAdjustment(db, bureau, { id: adjustment.id, version: adjustment.version, action: 'approve' })).toThrow('正在等待主管部门（301001）审核');
    expect(() => decideAdjustment(db, education, { id: adjustment.id, version: adjustment.version, action: 'approve' })).toThrow('只能审核本部门（302001）');

    const passed = decideAdjustment(db, transport, { id: adjustment.id, version: adjustment.version, action: 'approve', opinion: '同意调减' });
    expect(passed).toMatchObject({ status: 'submitted', reviewStep: 'bureau', opinion: null, departmentReview: { decision: 'approve', opinion: '同意调减', decidedBy: '马部门' } });
    expect(mileage()).toBe('12');
    expect(listAdjustments(db, adjustment.targetId).map((a) => a.reviewStep)).toEqual(['bureau']);
    expect(reviewInbox(db, 2020, TRANSPORT)).toEqual([]);
    expect(reviewInbox(db, 2020, BUREAU).map((i) => i.kind)).toEqual(['adjustment']);

    const approved = decideAdjustment(db, bureau, { id: passed.id, version: passed.version, action: 'approve', opinion: '同意' });
    expect(approved).toMatchObject({ status: 'approved', reviewStep: null, opinion: '同意', departmentReview: { opinion: '同意调减' } });
    expect(mileage()).toBe('10');
  });

  it('lets the department return an adjustment with its opinion, the target staying as approved', () => {
    const people = county({ departmentStep: true });
    const { adjustment, mileage } = proposedAdjustment(people.db, people);
    const returned = decideAdjustment(people.db, people.transport, { id: adjustment.id, version: adjustment.version, action: 'return', opinion: '调减依据不足' });
    expect(returned).toMatchObject({ status: 'returned', opinion: '调减依据不足', departmentReview: { decision: 'return', opinion: '调减依据不足' } });
    expect(mileage()).toBe('12');
  });

  it('leaves adjustments to the bureau alone while the setting is off', () => {
    const people = county({ departmentStep: false });
    const { adjustment } = proposedAdjustment(people.db, people);
    expect(adjustment).toMatchObject({ reviewStep: 'bureau', department: null });
    expect(() => decideAdjustment(people.db, people.transport, { id: adjustment.id, version: adjustment.version, action: 'approve' })).toThrow('该记录已到财政局审核环节');
    expect(decideAdjustment(people.db, people.bureau, { id: adjustment.id, version: adjustment.version, action: 'approve' }).status).toBe('approved');
  });
});

describe('a 主管部门审核人 opening a target by its address', () => {
  it('is refused another department’s project or department-wide target, and shown its own', () => {
    const { db, transport, education } = county({ departmentStep: true });
    const road = addProject(db, { code: 'XM001' });
    expect(() => projectTarget(db, road.id, education)).toThrow('主管部门审核人只能查看本部门（302001）所属单位的绩效目标，该绩效目标属于其他主管部门');
    expect(projectTarget(db, road.id, transport).project.code).toBe('XM001');
    expect(() => departmentTarget(db, 2020, '301002', education)).toThrow('只能查看本部门（302001）所属单位的绩效目标');
    expect(() => departmentTarget(db, 2020, '301001', education)).toThrow('只能查看本部门（302001）');
    expect(departmentTarget(db, 2020, '302001', education).unit.code).toBe('302001');
    expect(departmentTarget(db, 2020, '301002', transport).unit.code).toBe('301002');
  });
});
