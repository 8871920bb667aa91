import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { emptyIndicator, type TargetIndicator } from '../domain/targets';
import { seedCounty } from '../testSupport/county';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { departmentTarget, saveDepartmentTarget, type SaveDepartmentTargetInput } from './department';
import { reviewInbox, transitionTarget } from './targets';

const indicator = (over: Partial<TargetIndicator>): TargetIndicator => ({ ...emptyIndicator('产出指标', '数量指标'), name: '养护农村公路', operator: '≥', value: '300', unit: '公里', ...over });

function setUp() {
  const { db } = countyStore();
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  addProject(db, { code: 'XM001', funds: [{ source: '本级财政拨款', initialFen: 100_000_000, additionFen: 0, cutFen: 0 }] });
  addProject(db, { code: 'XM002', funds: [{ source: '上级补助（中央）', initialFen: 50_000_000, additionFen: 0, cutFen: 0 }] });
  addProject(db, { code: 'EDU01', unitCode: '302001', departmentCode: '302001' });
  return db;
}

const input = (over: Partial<SaveDepartmentTargetInput> = {}): SaveDepartmentTargetInput => ({
  year: 2020,
  unitCode: '301001',
  version: null,
  basicFen: 200_000_000,
  projectFen: 150_000_000,
  fiscalFen: 300_000_000,
  otherFen: 50_000_000,
  functions: '负责全县公路建设、养护和运输管理',
  overallGoal: '保障农村公路畅通，提升养护水平',
  annualGoals: ['完成 300 公里日常养护'],
  tasks: [
    { function: '机构运转', task: '保障机关正常运转', content: '人员工资和日常公用经费', projectCodes: [], amountFen: 200_000_000, fiscalFen: 180_000_000, otherFen: 20_000_000 },
    { function: '公路建设', task: '农村公路硬化', content: '硬化通村公路 12 公里', projectCodes: ['XM001'], amountFen: 100_000_000, fiscalFen: 70_000_000, otherFen: 30_000_000 },
    { function: '公路养护', task: '日常养护', content: '', projectCodes: ['XM002'], amountFen: 50_000_000, fiscalFen: null, otherFen: null },
  ],
  indicators: [indicator({}), indicator({ level1: '效益指标', level2: '社会效益指标', name: '公路通畅', operator: '定性', value: '全年通畅', unit: '' })],
  ...over,
});

describe('department-wide targets', () => {
  it('starts a department’s form from the adjusted budgets of its own and its units’ projects', () => {
    const db = setUp();
    const blank = departmentTarget(db, 2020, '301001');
    expect(blank).toMatchObject({ id: null, kind: 'department', projectFen: 150_000_000, fiscalFen: 150_000_000, unit: { name: '轮台县交通运输局', isDepartment: true } });
    expect(blank.projects.map((p) => p.code)).toEqual(['XM001', 'XM002']);
  });

  it('saves the budget split, functions and the task table, then submits it', () => {
    const db = setUp();
    const saved = saveDepartmentTarget(db, TEST_ACTOR, input());
    expect(saved).toMatchObject({ version: 1, status: 'draft', functions: '负责全县公路建设、养护和运输管理', problems: [] });
    expect(saved.tasks).toEqual(input().tasks);
    const submitted = transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: 1, action: 'submit' });
    expect(submitted.status).toBe('submitted');
    expect(reviewInbox(db, 2020)[0]).toMatchObject({ targetKind: 'department', title: '轮台县交通运输局部门整体支出绩效目标', unitCode: '301001' });
    const [audit] = listAudit(db, { entity: 'target', naturalKey: '652822/2020/department/301001', limit: 1 });
    expect(audit!.action).toBe('送审');
  });

  it('refuses to submit a task linked to another unit’s project, a split that misses its amount, or tasks that miss the whole budget', () => {
    const db = setUp();
    const tasks = [
      { function: '公路建设', task: '农村公路硬化', projectCodes: ['XM001', 'EDU01'], amountFen: 100_000_000, fiscalFen: 60_000_000, otherFen: 30_000_000 },
      { function: '公路养护', task: '日常养护', projectCodes: ['XM002'], amountFen: 50_000_000 },
    ];
    const saved = saveDepartmentTarget(db, TEST_ACTOR, input({ tasks }));
    expect(saved.problems.map((p) => p.message)).toEqual([
      '财政拨款 60.0000 万元 + 其他资金 30.0000 万元，与预算金额 100.0000 万元不一致',
      '项目编码 EDU01 不是本单位本年度的项目',
      '年度主要任务预算金额合计 150.0000 万元，应等于部门预算总额 350.0000 万元（基本支出 200.0000 + 项目支出 150.0000）',
    ]);
    expect(() => transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: 1, action: 'submit' })).toThrow(/还有 3 处需要修改，暂不能送审/);
  });

  it('refuses a second form for the same unit and year built without a version', () => {
    const db = setUp();
    saveDepartmentTarget(db, TEST_ACTOR, input());
    expect(() => saveDepartmentTarget(db, TEST_ACTOR, input())).toThrow('该单位本年度已有部门整体支出绩效目标，请刷新后再编辑');
  });
});
