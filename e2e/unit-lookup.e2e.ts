// The pages that name or pick budget units (绩效目标, 指标库, 数据交换, 项目, 专家库, 评价计划, 自评复核, 操作员,
// 绩效公开) never download the county's units register: their lists come with the names joined in, and the
// unit pickers search the register on the server (units.lookup) 50 units at a time, as a big county with a
// thousand units needs.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appsPerTest, retype, secureAdmin, startCountyApp, type AppUnderTest } from './harness';

const SCHOOLS = 120;
const PROJECT = '村级道路硬化工程';

let app: AppUnderTest;
let projectId: string;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '101001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    for (let n = 1; n <= SCHOOLS; n++) {
      await county.call('units.create', { code: `102${String(n).padStart(3, '0')}`, name: `轮台县第${n}村委会`, departmentCode: '101001', isDepartment: false });
    }
    const project = await county.call('projects.create', {
      year: 2020, code: 'XM2020001', name: PROJECT, departmentCode: '101001', unitCode: '102117', category: '本级支出', attribute: '新增',
      keyProject: false, povertyFund: false, confidential: false, projectTypeCode: null, startDate: '2020-03-01', endDate: '2020-11-30',
      personInCharge: '李四', funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }],
    });
    projectId = project.id;
    await secureAdmin(county);
    await county.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: '101001' });
  });
});

/** Every channel the page calls from now on, in order. */
function channelsCalled(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke')) calls.push((JSON.parse(request.postData() ?? '{}') as { channel: string }).channel);
  });
  return calls;
}

const goTo = (page: Page, route: string) => page.goto(new URL(`#/${route}`, app.bridge.url).href);

/** Searches a unit picker by typing, as a person does, and picks the one option the server found. */
async function pickUnit(page: Page, picker: ReturnType<Page['getByRole']>, typed: string, option: string) {
  await retype(picker, typed);
  const found = page.getByRole('option', { name: option, exact: true });
  await found.waitFor();
  await found.click();
  await expect.poll(() => picker.inputValue()).toBe(option);
}

describe('pages that name or pick units without the units list', () => {
  it('picks a library indicator’s 提出单位 by typing part of its name, from a server search of the register', async () => {
    const { page } = app;
    const calls = channelsCalled(page);
    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '指标库' }).click();
    await page.getByRole('button', { name: '载入初始指标库' }).click();
    await page.getByRole('table', { name: '指标' }).waitFor();
    await page.getByRole('navigation', { name: '项目类型' }).getByRole('button', { name: /农村公路建设/ }).click();
    await page.getByRole('button', { name: '新增指标' }).first().click();
    const form = page.getByRole('dialog', { name: '新增指标' });
    await form.getByRole('combobox', { name: '二级指标', exact: true }).click();
    await page.getByRole('option', { name: '数量指标', exact: true }).click();
    await form.getByRole('textbox', { name: '三级指标' }).pressSequentially('新建会车平台数量', { delay: 30 });
    await form.getByRole('combobox', { name: '指标性质', exact: true }).click();
    await page.getByRole('option', { name: '≥', exact: true }).click();
    await form.getByRole('textbox', { name: '参考值' }).pressSequentially('12', { delay: 30 });
    await form.getByRole('textbox', { name: '计量单位' }).pressSequentially('个', { delay: 30 });

    const picker = form.getByRole('combobox', { name: '提出单位', exact: true });
    await picker.click();
    // The first page of the register, and how many more a search would reach.
    await page.getByRole('option', { name: '轮台县交通运输局（101001）', exact: true }).waitFor();
    await page.getByRole('option', { name: `还有 ${SCHOOLS + 1 - 50} 个单位，请输入名称或编码缩小范围` }).waitFor();
    await picker.pressSequentially('第117', { delay: 30 });
    const found = page.getByRole('option', { name: '轮台县第117村委会（102117）', exact: true });
    await found.waitFor();
    expect(await page.getByRole('option').count()).toBe(1);
    await page.screenshot({ path: '/tmp/unit-lookup-library.png' });
    await found.click();
    expect(await picker.inputValue()).toBe('轮台县第117村委会（102117）');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: '指标' }).getByRole('row').filter({ hasText: '新建会车平台数量' });
    await row.waitFor();
    await row.getByRole('button', { name: /新建会车平台数量/ }).first().click();
    const reopened = page.getByRole('dialog', { name: /新建会车平台数量/ });
    await reopened.waitFor();
    await expect.poll(() => reopened.getByRole('combobox', { name: '提出单位', exact: true }).inputValue()).toBe('轮台县第117村委会（102117）');
    expect(calls).toContain('units.lookup');
    expect(calls).not.toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });

  it('names the project’s unit on the targets list and the 申报表, and the parties on 数据交换, without the units list', async () => {
    const { page } = app;
    const calls = channelsCalled(page);
    await goTo(page, 'targets/projects/2020');
    const row = page.getByRole('row').filter({ hasText: PROJECT });
    await row.getByText('轮台县第117村委会').waitFor();

    await goTo(page, `targets/project/${projectId}`);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
    await page.getByText('轮台县第117村委会').first().waitFor();
    await page.getByText('轮台县交通运输局').first().waitFor();
    await page.screenshot({ path: '/tmp/unit-lookup-target.png' });

    await goTo(page, 'exchange/history');
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    await page.getByRole('tab', { name: /往来记录/ }).waitFor();
    expect(calls).toEqual(expect.arrayContaining(['targets.overview', 'targets.forProject', 'exchange.history']));
    expect(calls).not.toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });

  it('edits a project’s unit, declares an expert’s unit and conflict, and picks units on 评价计划, 自评复核, 操作员 and 绩效公开, without the units list', async () => {
    const { page } = app;
    const calls = channelsCalled(page);

    // 项目: the form opens on the project's unit and its department, both named by the answer; another unit is found by typing.
    await goTo(page, 'registry/projects/2020');
    await page.getByRole('button', { name: `修改 ${PROJECT}` }).click();
    const form = page.getByRole('dialog', { name: `修改项目：${PROJECT}` });
    const unit = form.getByRole('combobox', { name: '实施单位', exact: true });
    await expect.poll(() => unit.inputValue()).toBe('轮台县第117村委会（102117）');
    expect(await form.getByRole('textbox', { name: '主管部门' }).inputValue()).toBe('轮台县交通运输局（101001）');
    await pickUnit(page, unit, '第5村委', '轮台县第5村委会（102005）');
    expect(await form.getByRole('textbox', { name: '主管部门' }).inputValue()).toBe('轮台县交通运输局（101001）');
    await page.screenshot({ path: '/tmp/unit-lookup-project-form.png' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: '项目' }).getByRole('row').filter({ hasText: PROJECT }).getByText('轮台县第5村委会').waitFor();

    // 修改项目信息和资金 from the 申报表 opens the same form on the unit now chosen.
    await goTo(page, `targets/project/${projectId}`);
    await page.getByRole('button', { name: '修改项目信息和资金' }).click();
    const fromTarget = page.getByRole('dialog', { name: `修改项目：${PROJECT}` });
    await expect.poll(() => fromTarget.getByRole('combobox', { name: '实施单位', exact: true }).inputValue()).toBe('轮台县第5村委会（102005）');
    await fromTarget.getByRole('button', { name: '取消' }).click();
    await fromTarget.waitFor({ state: 'hidden' });

    // 专家库: an expert of a county unit, then a declared conflict with another; the list names both units.
    await goTo(page, 'evaluation/experts');
    await page.getByRole('button', { name: '新增专家' }).first().click();
    const expert = page.getByRole('dialog', { name: '新增专家' });
    await expert.getByLabel('姓名').pressSequentially('周工', { delay: 30 });
    await expert.getByLabel('领域').pressSequentially('交通', { delay: 30 });
    await expert.getByLabel('工作单位').pressSequentially('轮台县第9村委会', { delay: 30 });
    await pickUnit(page, expert.getByRole('combobox', { name: '本县预算单位（如是）', exact: true }), '第9村', '轮台县第9村委会（102009）');
    await expert.getByRole('button', { name: '保存' }).click();
    await expert.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '利益冲突 周工' }).click();
    const conflicts = page.getByRole('dialog', { name: '利益冲突登记：周工' });
    await pickUnit(page, conflicts.getByRole('combobox', { name: '单位', exact: true }), '第12村', '轮台县第12村委会（102012）');
    await conflicts.getByRole('textbox', { name: '原因' }).pressSequentially('配偶在该单位任职', { delay: 30 });
    await conflicts.getByRole('button', { name: '登记' }).click();
    await conflicts.getByRole('table', { name: '已登记的利益冲突' }).getByRole('cell', { name: '轮台县第12村委会', exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/unit-lookup-conflicts.png' });
    await page.keyboard.press('Escape');
    await conflicts.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: '专家库' }).getByRole('row').filter({ hasText: '周工' }).getByText('轮台县第12村委会').waitFor();

    // 评价计划 · 部门评价 opens on the first 主管部门, and its picker offers only departments.
    await goTo(page, 'evaluation/plans/2020/department');
    const department = page.getByRole('combobox', { name: '开展评价的主管部门', exact: true });
    await expect.poll(() => department.inputValue()).toBe('轮台县交通运输局（101001）');
    await department.click();
    await page.getByRole('option', { name: '轮台县交通运输局（101001）', exact: true }).waitFor();
    expect(await page.getByRole('option').count()).toBe(1);
    await page.screenshot({ path: '/tmp/unit-lookup-plans.png' });
    await page.keyboard.press('Escape');

    // 自评复核: the template's unit is found by typing part of its name.
    await goTo(page, 'selfEvaluation/review/2020');
    await pickUnit(page, page.getByRole('combobox', { name: '模板的预算单位', exact: true }), '第3村', '轮台县第3村委会（102003）');
    expect(await page.getByRole('button', { name: '下载自评模板' }).isEnabled()).toBe(true);

    // 操作员: a 主管部门审核人 shows its department by name; a new one may be bound to departments only.
    await goTo(page, 'settings/operators');
    await page.getByRole('table').getByRole('row').filter({ hasText: '马部门' }).getByText('主管部门：轮台县交通运输局（101001）').waitFor();
    await page.getByRole('button', { name: '添加操作员' }).click();
    const adding = page.getByRole('dialog', { name: '添加操作员' });
    await adding.getByRole('combobox', { name: '角色', exact: true }).click();
    await page.getByRole('option', { name: '主管部门审核人', exact: true }).click();
    const bound = adding.getByRole('combobox', { name: '主管部门', exact: true });
    await retype(bound, '第7村');
    await page.getByText('没有这个主管部门；主管部门请先在“单位与项目 → 预算单位”中登记').waitFor();
    await page.screenshot({ path: '/tmp/unit-lookup-operator.png' });
    await pickUnit(page, bound, '交通', '轮台县交通运输局（101001）');
    await adding.getByRole('button', { name: '取消' }).click();
    await adding.waitFor({ state: 'hidden' });

    // 绩效公开: the whole county until a unit is chosen; clearing the unit goes back to the county.
    await goTo(page, 'disclosure');
    const scope = page.getByRole('combobox', { name: '公开范围', exact: true });
    await scope.waitFor();
    expect(await scope.getAttribute('placeholder')).toBe('全县（含各主管部门分表）');
    await pickUnit(page, scope, '第5村', '轮台县第5村委会（102005）');
    await page.getByRole('heading', { name: '没有可公开的项目支出绩效目标' }).waitFor();
    await page.getByText(/轮台县第5村委会2020年度还没有可公开的项目支出绩效目标/).waitFor();
    await page.screenshot({ path: '/tmp/unit-lookup-disclosure.png' });

    expect(calls).toEqual(expect.arrayContaining(['projects.get', 'experts.list', 'operators.list', 'disclosure.list', 'units.lookup']));
    expect(calls).not.toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });
});
