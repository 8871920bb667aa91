// The 主管部门 review step in the browser (设置 主管部门审核 on): the administrator adds a 主管部门审核人 bound
// to 交通运输局 — after setting his own password, as a second operator requires — then the road station's
// clerk submits a target, the department returns it with an opinion, the clerk resubmits, the department
// passes it on and the bureau's reviewer approves it; the printed 申报表 carries both opinions. The
// self-evaluation of the approved target goes the same way, and its printed 自评表 carries both opinions.
import { describe, expect, it } from 'vitest';
import type { TargetIndicator } from '../electron/domain/targets';
import { ADMIN_PASSWORD, appsPerTest, chooseOption, secureAdmin, signInAs, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let projectId: string;

const PROJECT = '农村公路硬化工程';

const indicator = (over: Partial<TargetIndicator>): TargetIndicator => ({
  level1: '产出指标', level2: '数量指标', name: '新建农村公路里程', operator: '≥', value: '12', unit: '公里',
  definition: '', basis: '计划标准', weight: '', accrual: 'cumulative', libraryCode: null, ...over,
});

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '301001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    await county.call('units.create', { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001', isDepartment: false });
    await county.call('settings.update', { key: 'review.departmentStep', value: 'on' });
    const project = await county.call('projects.create', {
      year: 2020, code: 'XM2020001', name: PROJECT, departmentCode: '301001', unitCode: '301002', category: '本级支出', attribute: '新增',
      keyProject: false, povertyFund: false, confidential: false, projectTypeCode: null, startDate: '2020-03-01', endDate: '2020-11-30',
      personInCharge: '李四', funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }],
    });
    projectId = project.id;
    await county.call('targets.save', {
      projectId, version: null, overallGoal: '完成 12 公里农村公路硬化', annualGoals: ['10 月底前完工'],
      indicators: [indicator({}), indicator({ level1: '效益指标', level2: '社会效益指标', name: '群众出行条件', operator: '定性', value: '明显改善', unit: '' })],
    });
  });
});

const ROLES = { 李经办: '李经办（经办人）', 马部门: '马部门（主管部门审核人）', 王审核: '王审核（审核人）' } as const;
const switchTo = (name: keyof typeof ROLES) => signInAs(app.page, name, ROLES[name]);

async function openTarget() {
  await app.page.goto(new URL(`#/targets/project/${projectId}`, app.bridge.url).href);
  await app.page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
}

async function openFromInbox() {
  const { page } = app;
  await page.goto(new URL('#/targets/inbox/2020', app.bridge.url).href);
  await page.getByRole('table', { name: '待审核' }).getByRole('link', { name: `审核 ${PROJECT}` }).click();
  await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
}

describe('the 主管部门 review step', () => {
  it('adds a 主管部门审核人 bound to a department once the administrator has set a password', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/operators', app.bridge.url).href);
    await page.getByRole('button', { name: '添加操作员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加操作员' });
    await dialog.getByRole('textbox', { name: '姓名' }).pressSequentially('马部门', { delay: 30 });
    await dialog.getByRole('combobox', { name: '角色', exact: true }).click();
    await page.getByRole('option', { name: '主管部门审核人', exact: true }).click();
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.getByText('请选择该审核人所属的主管部门').waitFor();
    await chooseOption(page, '主管部门', '交通', '轮台县交通运输局（301001）');
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.getByText('系统管理员“张三”还没有登录密码：有了第二位操作员，系统管理员必须设置密码。请先在“设置 → 操作员 → 修改我的密码”中设置密码，再添加操作员').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: '修改我的密码' }).click();
    const own = page.getByRole('dialog', { name: '修改我的密码' });
    await own.getByLabel('登录密码', { exact: true }).pressSequentially(ADMIN_PASSWORD, { delay: 30 });
    await own.getByLabel('确认密码', { exact: true }).pressSequentially(ADMIN_PASSWORD, { delay: 30 });
    await own.getByRole('button', { name: '保存' }).click();
    await own.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '添加操作员' }).click();
    await dialog.getByRole('textbox', { name: '姓名' }).pressSequentially('马部门', { delay: 30 });
    await dialog.getByRole('combobox', { name: '角色', exact: true }).click();
    await page.getByRole('option', { name: '主管部门审核人', exact: true }).click();
    await chooseOption(page, '主管部门', '交通', '轮台县交通运输局（301001）');
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: '操作员' }).getByRole('row').filter({ hasText: '马部门' });
    await row.getByText('主管部门：轮台县交通运输局（301001）').waitFor();
    await page.screenshot({ path: '/tmp/jixiao-department-operator.png', fullPage: true });
    expect((await app.call('operators.list', {})).map((o) => [o.name, o.role, o.departmentCode])).toEqual([
      ['张三', 'admin', null],
      ['马部门', 'department', '301001'],
    ]);
    expect(app.pageErrors).toEqual([]);
  });

  it('passes the clerk’s target through its department to the bureau, and prints both opinions', async () => {
    const { page } = app;
    await secureAdmin(app);
    await app.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    await app.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
    await app.call('operators.create', { name: '王审核', role: 'reviewer', password: null });

    // The road station's clerk submits: it waits for 交通运输局, not for the bureau.
    await switchTo('李经办');
    await openTarget();
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText('已送审，等待主管部门（轮台县交通运输局）审核', { exact: true }).first().waitFor();

    await switchTo('王审核');
    await page.goto(new URL('#/targets/inbox/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '没有待审核的事项' }).waitFor();

    // The department returns it with its opinion.
    await switchTo('马部门');
    await openFromInbox();
    const departmentCard = page.getByRole('region', { name: '主管部门审核' });
    await departmentCard.getByRole('textbox', { name: '审核意见' }).pressSequentially('里程与年初批复不符，请核实后重报', { delay: 30 });
    await page.mouse.move(1, 899);
    await page.screenshot({ path: '/tmp/jixiao-department-review.png', fullPage: true });
    await departmentCard.getByRole('button', { name: '退回' }).click();
    await page.getByText('审核意见：里程与年初批复不符，请核实后重报。请按意见修改后重新送审。').waitFor();

    // The clerk sees the department's opinion and resubmits.
    await switchTo('李经办');
    await openTarget();
    await page.getByText('审核意见：里程与年初批复不符，请核实后重报。请按意见修改后重新送审。').waitFor();
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText('已送审，等待主管部门（轮台县交通运输局）审核', { exact: true }).first().waitFor();

    // The department's list holds only its units' submissions; it passes this one on.
    await switchTo('马部门');
    await page.goto(new URL('#/targets/inbox/2020', app.bridge.url).href);
    await page.getByText('这里只列出本部门（301001）所属单位送审、等待主管部门审核的绩效目标；审核通过后转财政局审核。').waitFor();
    await page.getByRole('table', { name: '待审核' }).getByRole('link', { name: `审核 ${PROJECT}` }).waitFor();
    await page.mouse.move(1, 899);
    await page.screenshot({ path: '/tmp/jixiao-department-inbox.png', fullPage: true });
    await openFromInbox();
    const again = page.getByRole('region', { name: '主管部门审核' });
    await again.getByRole('textbox', { name: '审核意见' }).pressSequentially('已核实，同意报送', { delay: 30 });
    await again.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已送审，等待系统管理员、绩效办或审核人审核。').waitFor();
    expect(await page.getByRole('region', { name: '主管部门审核' }).count()).toBe(0);

    // The bureau's reviewer approves it with 优.
    await switchTo('王审核');
    await openFromInbox();
    await page.getByRole('note', { name: '主管部门审核意见' }).getByText(/^主管部门审核意见（马部门，\d{4}-\d\d-\d\d 审核通过）：已核实，同意报送$/).waitFor();
    const bureauCard = page.getByRole('region', { name: '目标审核' });
    await bureauCard.getByRole('radio', { name: /^优：/ }).check();
    await bureauCard.getByRole('textbox', { name: '审核意见' }).pressSequentially('目标明确，同意纳入预算', { delay: 30 });
    await bureauCard.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已审核通过（审核等级：优，审核通过，纳入预算）').waitFor();

    // The printed 申报表 carries the department's opinion and the bureau's.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('[class*="sheet"]').filter({ hasText: '项目支出绩效目标申报表' });
    const printed = await sheet.innerText();
    // 88号 annex 1's opinion blocks: each opinion with its verdict, who and when.
    expect(printed).toMatch(/主管部门审核意见\s+已核实，同意报送（审核通过；审核人：马部门；日期：\d{4}-\d\d-\d\d）/);
    expect(printed).toMatch(/财政部门审核意见\s+目标明确，同意纳入预算（审核通过，审核等级：优；审核人：王审核；日期：\d{4}-\d\d-\d\d）/);
    await page.screenshot({ path: '/tmp/jixiao-department-printed.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const history = page.getByRole('table', { name: '办理记录' });
    await history.getByRole('row').filter({ hasText: '主管部门退回' }).filter({ hasText: '里程与年初批复不符' }).waitFor();
    await history.getByRole('row').filter({ hasText: '主管部门审核通过' }).filter({ hasText: '马部门' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

/** The target approved along the chain (weighted, as a self-evaluation needs), and the clerk's filled-in self-evaluation of it. */
async function filledSelfEvaluation(): Promise<string> {
  const saved = await app.call('targets.forProject', { projectId });
  const weighted = await app.call('targets.save', {
    projectId, version: saved.version, overallGoal: saved.overallGoal, annualGoals: saved.annualGoals,
    indicators: saved.indicators.map((i, n) => ({ ...i, weight: n === 0 ? '50' : '40' })),
  });
  const submitted = await app.call('targets.transition', { id: weighted.id!, version: weighted.version!, action: 'submit' });
  await switchTo('马部门');
  const passed = await app.call('targets.transition', { id: submitted.id, version: submitted.version, action: 'approve', opinion: null });
  await switchTo('王审核');
  await app.call('targets.transition', { id: passed.id, version: passed.version, action: 'approve', grade: '优', opinion: null });
  await switchTo('李经办');
  const [row] = await app.call('selfEvaluation.list', { year: 2020 });
  const created = await app.call('selfEvaluation.create', { targetId: row!.targetId });
  await app.call('selfEvaluation.save', {
    id: created.id, version: created.version, funds: created.funds, budgetReason: '工程款年底结算', goalAchieved: '完成 12 公里农村公路硬化', problems: '', measures: '',
    indicators: created.indicators.map((i) => ({
      id: i.id, actual: i.operator === '定性' ? '明显改善' : '12', tier: i.operator === '定性' ? ('achieved' as const) : null, score: i.operator === '定性' ? '40' : '',
      deduction: '', deductionReason: '', deviationReason: '',
    })),
  });
  return created.id;
}

describe('the 主管部门 step for a self-evaluation', () => {
  it('passes the clerk’s self-evaluation through its department to the bureau, and prints both opinions on the 自评表', async () => {
    const { page } = app;
    await secureAdmin(app);
    await app.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    await app.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
    await app.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
    const id = await filledSelfEvaluation();
    const editor = new URL(`#/selfEvaluation/edit/${id}`, app.bridge.url).href;

    await page.goto(editor);
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待主管部门（轮台县交通运输局）审核' }).waitFor();

    // The bureau cannot decide it yet; the department returns it with its opinion.
    await switchTo('王审核');
    await page.goto(editor);
    await page.getByText('已送审，等待主管部门（轮台县交通运输局）审核。').waitFor();
    expect(await page.getByRole('region', { name: '审核' }).count()).toBe(0);
    await switchTo('马部门');
    await page.goto(editor);
    const returning = page.getByRole('region', { name: '主管部门审核' });
    await returning.getByRole('textbox', { name: '审核意见' }).pressSequentially('养护里程缺少验收单，请补充', { delay: 30 });
    await returning.getByRole('button', { name: '退回' }).click();
    await page.getByText('审核意见：养护里程缺少验收单，请补充。请按意见修改后重新送审。').waitFor();

    await switchTo('李经办');
    await page.goto(editor);
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待主管部门（轮台县交通运输局）审核' }).waitFor();

    // The department passes it on: the toast says it went to the bureau, not that it was approved.
    await switchTo('马部门');
    await page.goto(editor);
    const passing = page.getByRole('region', { name: '主管部门审核' });
    await passing.getByRole('textbox', { name: '审核意见' }).pressSequentially('已补充验收单，同意报送', { delay: 30 });
    await passing.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已转财政局审核', { exact: true }).waitFor();
    expect(await page.getByText('已审核通过', { exact: true }).count()).toBe(0);
    await page.getByText('已送审，等待系统管理员、绩效办或审核人审核。').waitFor();
    await page.mouse.move(1, 899);
    await page.screenshot({ path: '/tmp/jixiao-department-self-evaluation.png', fullPage: true });

    await switchTo('王审核');
    await page.goto(editor);
    await page.getByRole('note', { name: '主管部门审核意见' }).getByText(/^主管部门审核意见（马部门，\d{4}-\d\d-\d\d 审核通过）：已补充验收单，同意报送$/).waitFor();
    const bureau = page.getByRole('region', { name: '审核' });
    await bureau.getByRole('textbox', { name: '审核意见' }).pressSequentially('自评属实', { delay: 30 });
    await bureau.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('alert', { name: '已审核通过', exact: true }).waitFor();

    await page.emulateMedia({ media: 'print' });
    const printed = await page.getByLabel('项目支出绩效自评表（打印）').innerText();
    expect(printed).toMatch(/主管部门审核意见（马部门，\d{4}-\d\d-\d\d 审核通过）：已补充验收单，同意报送/);
    expect(printed).toContain('状态：通过，审核意见：自评属实，审核人：王审核');
    await page.screenshot({ path: '/tmp/jixiao-department-self-evaluation-printed.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    const history = page.getByRole('table', { name: '办理记录' });
    await history.getByRole('row').filter({ hasText: '主管部门退回自评表' }).filter({ hasText: '养护里程缺少验收单' }).waitFor();
    await history.getByRole('row').filter({ hasText: '主管部门审核通过自评表' }).filter({ hasText: '马部门' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
