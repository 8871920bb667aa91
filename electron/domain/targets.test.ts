import { describe, expect, it } from 'vitest';
import { framework } from './indicators';
import {
  checkDepartmentTargets,
  unitProjectSpending,
  checkProjectTargets,
  checkReview,
  describeProblem,
  summariseProblems,
  type DepartmentTargetForm,
  type DepartmentTask,
  type ProjectTargetForm,
  type TargetIndicator,
} from './targets';

const classic = framework('classic');
const rules = { budgetWeight: 10 };

const row = (over: Partial<TargetIndicator>): TargetIndicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '新建农村道路',
  operator: '≥',
  value: '12',
  unit: '公里',
  definition: '',
  basis: '计划标准',
  weight: '',
  accrual: 'cumulative',
  libraryCode: null,
  ...over,
});

const output = row({});
const benefit = row({ level1: '效益指标', level2: '社会效益指标', name: '群众出行条件', operator: '定性', value: '明显改善', unit: '' });
const satisfaction = row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '沿线群众满意度', value: '90', unit: '%' });

const form = (over: Partial<ProjectTargetForm> = {}): ProjectTargetForm => ({
  keyProject: false,
  funds: [{ source: '本级财政拨款', initialFen: 100_000_000, additionFen: 0, cutFen: 0 }],
  overallGoal: '完成 12 公里农村道路硬化，改善群众出行条件',
  annualGoals: ['上半年完成路基', '年底前完工验收'],
  indicators: [output, benefit],
  ...over,
});

const messages = (f: ProjectTargetForm) => checkProjectTargets(f, classic, rules).map(describeProblem);

describe('checkProjectTargets (§4)', () => {
  it('passes a complete form', () => {
    expect(checkProjectTargets(form(), classic, rules)).toEqual([]);
  });

  it('needs at least one output indicator', () => {
    expect(messages(form({ indicators: [benefit] }))).toEqual(['至少需要一个产出指标（一级指标为“产出指标”）']);
    expect(messages(form({ indicators: [output, benefit] }))).toEqual([]);
  });

  it('needs at least one benefit indicator', () => {
    expect(messages(form({ indicators: [output] }))).toEqual(['至少需要一个效益指标（一级指标为“效益指标”）']);
  });

  it('needs a satisfaction indicator for a key project only', () => {
    expect(messages(form({ keyProject: true }))).toEqual(['重点项目至少需要一个满意度指标']);
    expect(messages(form({ keyProject: true, indicators: [output, benefit, satisfaction] }))).toEqual([]);
    expect(messages(form({ keyProject: false }))).toEqual([]);
  });

  it('needs a unit and a numeric value on a quantitative indicator, and no unit on a qualitative one', () => {
    const problems = checkProjectTargets(form({ indicators: [row({ value: '十二', unit: '' }), benefit] }), classic, rules);
    expect(problems).toEqual([
      { area: 'indicators', row: 0, field: 'value', message: '定量指标的指标值应为数字' },
      { area: 'indicators', row: 0, field: 'unit', message: '定量指标请填写计量单位' },
    ]);
    expect(messages(form({ indicators: [output, { ...benefit, unit: '项' }] }))).toEqual(['第 2 个指标“计量单位”：定性指标不填计量单位']);
  });

  it('checks level 1 and level 2 against the year’s framework', () => {
    expect(messages(form({ indicators: [row({ level2: '社会效益指标' }), benefit] }))).toEqual([
      '第 1 个指标“二级指标”：“产出指标”下的二级指标应为：数量指标、质量指标、时效指标、成本指标',
    ]);
    const costRow = row({ level1: '成本指标', level2: '经济成本指标', name: '每公里造价', operator: '≤', value: '80', unit: '万元' });
    expect(messages(form({ indicators: [output, benefit, costRow] }))[0]).toMatch(/一级指标应为/);
    expect(checkProjectTargets(form({ indicators: [output, benefit, costRow] }), framework('2021'), rules)).toEqual([]);
  });

  it('refuses a basis outside the four standards', () => {
    expect(messages(form({ indicators: [row({ basis: '拍脑袋' }), benefit] }))).toEqual(['第 1 个指标“设定依据”：设定依据应为：计划标准、行业标准、历史标准、其他标准']);
  });

  it('lets weights stay empty, but once entered they and the budget-execution weight total 100', () => {
    expect(messages(form())).toEqual([]);
    expect(messages(form({ indicators: [{ ...output, weight: '50' }, { ...benefit, weight: '40' }] }))).toEqual([]);
    expect(messages(form({ indicators: [{ ...output, weight: '50' }, { ...benefit, weight: '30' }] }))).toEqual([
      '指标分值合计 80 分，加预算执行 10 分共 90 分，应为 100 分',
    ]);
    // Exact: 44.5 + 45.5 + 10 is 100, not 99.99999.
    expect(messages(form({ indicators: [{ ...output, weight: '44.5' }, { ...benefit, weight: '45.5' }] }))).toEqual([]);
    expect(checkProjectTargets(form({ indicators: [{ ...output, weight: '50' }, { ...benefit, weight: '30' }] }), classic, { budgetWeight: 20 })).toEqual([]);
  });

  it('asks once, naming the rows, for a weight on every row once one row has one', () => {
    expect(messages(form({ indicators: [{ ...output, weight: '90' }, benefit, benefit] }))).toEqual([
      '第 2、3 个指标还没有分值：已有指标填写了分值，请为每个指标填写分值，或全部留空',
    ]);
  });

  it('reports a bad weight only at its own cell, not on every other row or at the total', () => {
    expect(messages(form({ indicators: [{ ...output, weight: 'abc' }, benefit, benefit] }))).toEqual(['第 1 个指标“分值”：分值应为不小于 0 的数字']);
    expect(messages(form({ indicators: [{ ...output, weight: '-5' }, { ...benefit, weight: '40' }] }))).toEqual(['第 1 个指标“分值”：分值应为不小于 0 的数字']);
  });

  it('refuses negative amounts and cuts larger than initial budget plus additions', () => {
    expect(messages(form({ funds: [{ source: '本级财政拨款', initialFen: -1, additionFen: 0, cutFen: 0 }] }))).toEqual([
      '第 1 个资金来源“年初预算”：年初预算不能为负数；调减请填在“调减”列',
    ]);
    expect(messages(form({ funds: [{ source: '本级财政拨款', initialFen: 1_000_000, additionFen: 500_000, cutFen: 1_600_000 }] }))).toEqual([
      '第 1 个资金来源“调减”：调减 1.6000 万元超过年初预算加追加（1.5000 万元），调整后预算不能为负',
    ]);
    expect(messages(form({ funds: [{ source: '本级财政拨款', initialFen: 1_000_000, additionFen: 500_000, cutFen: 1_500_000 }] }))).toEqual([]);
  });

  it('needs funds, distinct known sources, and an overall goal', () => {
    expect(messages(form({ funds: [] }))).toEqual(['项目还没有资金来源和金额，请在项目信息中填写']);
    const fund = { source: '本级财政拨款', initialFen: 1, additionFen: 0, cutFen: 0 };
    expect(messages(form({ funds: [fund, fund] }))).toEqual(['第 2 个资金来源“资金来源”：资金来源“本级财政拨款”与第 1 行重复，请合并为一行']);
    expect(messages(form({ funds: [{ ...fund, source: '天上掉的' }] }))[0]).toMatch(/资金来源应为/);
    expect(messages(form({ overallGoal: '  ' }))).toEqual(['请填写总体目标']);
    expect(messages(form({ annualGoals: ['第一项', ''] }))).toEqual(['第 2 个年度目标：第 2 项年度目标为空，请填写或删除']);
  });

  it('summarises many problems for a refusal', () => {
    const problems = checkProjectTargets(form({ overallGoal: '', indicators: [] }), classic, rules);
    expect(summariseProblems(problems, 2)).toBe('请填写总体目标；至少需要一个产出指标（一级指标为“产出指标”）；另有 1 处问题');
  });
});

describe('checkDepartmentTargets (§4)', () => {
  const department = (over: Partial<DepartmentTargetForm> = {}): DepartmentTargetForm => ({
    basicFen: 3_000_000_000,
    projectFen: 1_000_000_000,
    fiscalFen: 3_500_000_000,
    otherFen: 500_000_000,
    functions: '负责全县义务教育',
    overallGoal: '保障学校正常运转',
    annualGoals: [],
    tasks: [
      { function: '机构运转', task: '保障学校正常运转', projectCodes: [], amountFen: 3_000_000_000 },
      { function: '义务教育', task: '营养改善计划', projectCodes: ['P001'], amountFen: 600_000_000 },
      { function: '义务教育', task: '校舍维修', projectCodes: ['P002'], amountFen: 400_000_000 },
    ],
    indicators: [output, benefit],
    ...over,
  });
  const context = { linkableProjectCodes: new Set(['P001', 'P002']), unitProjects: { count: 2, adjustedFen: 1_000_000_000 } };
  const check = (f: DepartmentTargetForm, unitProjects = context.unitProjects) => checkDepartmentTargets(f, classic, rules, { ...context, unitProjects }).map((p) => p.message);

  it('passes a complete form', () => {
    expect(check(department())).toEqual([]);
  });

  it('needs 基本支出 + 项目支出 to equal 财政拨款 + 其他资金', () => {
    expect(check(department({ otherFen: 400_000_000 }))).toEqual([
      '按支出用途合计 4,000.0000 万元（基本支出 + 项目支出），按资金来源合计 3,900.0000 万元（财政拨款 + 其他资金），两者应相等',
    ]);
  });

  it('refuses negative budget figures', () => {
    expect(check(department({ basicFen: -1, fiscalFen: 3_499_999_999 }))).toEqual(['基本支出不能为负数']);
  });

  it('needs task amounts to add up to the whole budget, 基本支出 + 项目支出 (88号 annex 2)', () => {
    expect(check(department({ basicFen: 3_100_000_000, fiscalFen: 3_600_000_000 }))).toEqual([
      '年度主要任务预算金额合计 4,000.0000 万元，应等于部门预算总额 4,100.0000 万元（基本支出 3,100.0000 + 项目支出 1,000.0000）',
    ]);
    const projectsOnly = department().tasks.slice(1);
    expect(check(department({ tasks: projectsOnly }))).toEqual([
      '年度主要任务预算金额合计 1,000.0000 万元，应等于部门预算总额 4,000.0000 万元（基本支出 3,000.0000 + 项目支出 1,000.0000）',
    ]);
  });

  it('needs 项目支出 to equal the adjusted budgets of the projects the unit implements, naming both sums and the fix', () => {
    // 1 分 off is refused: the sums are exact in 分.
    expect(check(department(), { count: 2, adjustedFen: 999_999_999 })).toEqual([
      '项目支出 1,000.0000 万元，本单位实施的 2 个项目调整后预算合计 999.999999 万元，相差 0.000001 万元：请把项目支出改为 999.999999 万元，或在“单位与项目”中核对本单位的项目及其资金',
    ]);
    expect(check(department(), { count: 0, adjustedFen: 0 })).toEqual([
      '项目支出 1,000.0000 万元，本单位本年度没有登记实施的项目，项目预算合计 0.0000 万元，相差 1,000.0000 万元：请把项目支出改为 0.0000 万元，或在“单位与项目”中核对本单位的项目及其资金',
    ]);
  });

  it('counts only the projects the unit itself implements as its 项目支出, not its subordinate units’', () => {
    const projects = [
      { unitCode: '101001', adjustedFen: 600_000_000 },
      { unitCode: '101001', adjustedFen: 400_000_000 },
      { unitCode: '101002', adjustedFen: 250_000_000 },
    ];
    expect(unitProjectSpending(projects, '101001')).toEqual({ count: 2, adjustedFen: 1_000_000_000 });
    expect(unitProjectSpending(projects, '101003')).toEqual({ count: 0, adjustedFen: 0 });
  });

  it('needs a task’s 财政拨款 + 其他资金, once entered, to add up to its 预算金额', () => {
    const [basic, meals, repairs] = department().tasks as [DepartmentTask, DepartmentTask, DepartmentTask];
    const split = (fiscalFen: number, otherFen: number) => check(department({ tasks: [basic, { ...meals, fiscalFen, otherFen }, repairs] }));
    expect(split(500_000_000, 100_000_000)).toEqual([]);
    expect(split(500_000_000, 50_000_000)).toEqual(['财政拨款 500.0000 万元 + 其他资金 50.0000 万元，与预算金额 600.0000 万元不一致']);
  });

  it('links tasks only to the unit’s own projects, and needs function and task text', () => {
    const tasks = [
      { function: '机构运转', task: '保障学校正常运转', projectCodes: [], amountFen: 3_000_000_000 },
      { function: '', task: '营养改善计划', projectCodes: ['P001', 'X999'], amountFen: 600_000_000 },
      { function: '义务教育', task: '校舍维修', projectCodes: ['P002'], amountFen: 400_000_000 },
    ];
    expect(check(department({ tasks }))).toEqual(['请填写该任务对应的部门职能', '项目编码 X999 不是本单位本年度的项目']);
    expect(check(department({ tasks: [] }))).toEqual(['请至少填写一项年度主要任务']);
  });

  it('needs 职能概述, goals and the indicator rules', () => {
    expect(check(department({ functions: '', overallGoal: '', indicators: [output] }))).toEqual([
      '请填写职能概述',
      '请填写总体目标',
      '至少需要一个效益指标（一级指标为“效益指标”）',
    ]);
  });
});

describe('checkReview (目标审核 grades)', () => {
  it('approves 优 without an opinion, 良 only with the agreed changes written down', () => {
    expect(checkReview('approve', '优', '')).toBeNull();
    expect(checkReview('approve', '良', '')).toBe('审核等级为“良”时，请在审核意见中写明与单位商定的修改内容');
    expect(checkReview('approve', '良', '满意度目标值由 85% 调为 90%')).toBeNull();
  });

  it('returns 中 and 差 only with an opinion, and never approves them', () => {
    expect(checkReview('return', '中', ' ')).toBe('退回时必须填写审核意见');
    expect(checkReview('return', '差', '目标与项目内容不符')).toBeNull();
    expect(checkReview('approve', '差', '意见')).toBe('审核等级为“差”的目标不能通过，应退回单位（退回，不得纳入预算）');
    expect(checkReview('return', '优', '意见')).toBe('审核等级为“优”的目标应审核通过，不能退回');
  });

  it('needs a grade for a review but not for submitting or withdrawing', () => {
    expect(checkReview('approve', null, '')).toBe('请选择审核等级（优、良、中、差）');
    expect(checkReview('submit', null, null)).toBeNull();
    expect(checkReview('withdraw', undefined, undefined)).toBeNull();
  });
});
