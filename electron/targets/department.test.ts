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
  addProject(db, { code: 'XM001', unitCode: '301001', funds: [{ source: '本级财政拨款', initialFen: 100_000_000, additionFen: 0, cutFen: 0 }] });
  addProject(db, { code: 'XM002', unitCode: '301001', funds: [{ source: '上级补助（中央）', initialFen: 40_000_000, additionFen: 10_000_000, cutFen: 0 }] });
  // The 农村公路管理站's own project: the 交通运输局's tasks may link it, its 项目支出 does not count it.
  addProject(db, { code: 'XM003', funds: [{ source: '本级财政拨款', initialFen: 30_000_000, additionFen: 0, cutFen: 0 }] });
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
  it('starts a department’s form from the adjusted budgets of the projects it implements, and links its units’ projects too', () => {
    const db = setUp();
    const blank = departmentTarget(db, 2020, '301001');
    expect(blank).toMatchObject({ id: null, kind: 'department', projectFen: 150_000_000, fiscalFen: 150_000_000, unit: { name: '轮台县交通运输局', isDepartment: true } });
    expect(blank.projects.map((p) => p.code)).toEqual(['XM001', 'XM002', 'XM003']);
    expect(departmentTarget(db, 2020, '301002').projectFen).toBe(30_000_000);
  });

  it('refuses to submit a 项目支出 that is not the sum of the unit’s projects’ adjusted budgets, naming both sums', () => {
    const db = setUp();
    // 项目支出 counting the subordinate unit's project too: 1 分 is enough to refuse, the whole 30 万元 here.
    const tasks = [...input().tasks.slice(0, 2), { ...input().tasks[2]!, projectCodes: ['XM002', 'XM003'], amountFen: 80_000_000 }];
    const saved = saveDepartmentTarget(db, TEST_ACTOR, input({ projectFen: 180_000_000, fiscalFen: 330_000_000, tasks }));
    const message = '项目支出 180.0000 万元，本单位实施的 2 个项目调整后预算合计 150.0000 万元，相差 30.0000 万元：请把项目支出改为 150.0000 万元，或在“单位与项目”中核对本单位的项目及其资金';
    expect(saved.problems).toEqual([{ area: 'budget', field: 'projectFen', message }]);
    expect(() => transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: 1, action: 'submit' })).toThrow(message);
    // With 项目支出 at the projects' sum (and the tasks at the whole budget again), it goes.
    const again = saveDepartmentTarget(db, TEST_ACTOR, { ...input({ projectFen: 150_000_000 }), version: 1 });
    expect(transitionTarget(db, TEST_ACTOR, { id: again.id!, version: 2, action: 'submit' }).status).toBe('submitted');
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
