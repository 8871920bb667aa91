// 项目库 and 绩效目标 in the browser: a project created from a library type, its 申报表 filled with an
// inline rule error fixed, submitted by the unit, returned with an opinion and approved by a reviewer
// signed in as such, and then published in the 绩效公开 table.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, appsPerTest, ARTIFACTS_DIR, chooseOption, secureAdmin, signInAs as switchOperator, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '302001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    await county.call('units.create', { code: '302002', name: '轮台县第一中学', departmentCode: '302001', isDepartment: false });
    await secureAdmin(county);
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
    await county.call('library.seedStarter', {});
  });
});

const PROJECT = '第一中学校舍维修改造';

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await app.page.mouse.move(1, 899);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

const OPERATORS = { 张三: '张三（系统管理员）', 王审核: '王审核（审核人）' } as const;

const signInAs = (operator: keyof typeof OPERATORS) => switchOperator(app.page, operator, OPERATORS[operator], operator === '张三' ? ADMIN_PASSWORD : undefined);

async function openFromInbox() {
  const { page } = app;
  await page.goto(new URL('#/targets/inbox/2020', app.bridge.url).href);
  await page.getByRole('table', { name: '待审核' }).getByRole('link', { name: `审核 ${PROJECT}` }).click();
  await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
}

describe('project targets from the library to approval', () => {
  it('creates a project from a library type, fills its targets, fixes an inline error, and is returned, resubmitted and approved', async () => {
    const { page } = app;

    // 单位与项目 → 项目: a 2020 project of the library's 校舍维修改造 type.
    await page.goto(new URL('#/registry/projects/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有 2020 年的项目' }).waitFor();
    await page.getByRole('button', { name: '新增项目' }).click();
    const form = page.getByRole('dialog', { name: '新增 2020 年项目' });
    await form.getByRole('textbox', { name: '项目编码' }).fill('XM2020-JY03');
    await form.getByRole('textbox', { name: '项目名称' }).fill(PROJECT);
    await chooseOption(page, '实施单位', '第一中学', '轮台县第一中学（302002）');
    await chooseOption(page, '项目类型（指标库）', '校舍', '校舍维修改造（教育）');
    await form.getByRole('textbox', { name: '本级财政拨款年初预算' }).fill('120');
    await form.getByRole('textbox', { name: '主管部门' }).and(page.locator('[value="轮台县教育局（302001）"]')).waitFor();
    console.log(`项目表单：${await screenshot('targets-project-form')}`);
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: '项目' }).getByRole('row').filter({ hasText: PROJECT });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['XM2020-JY03', '轮台县第一中学', '120.0000', '未填报']));
    console.log(`项目列表：${await screenshot('targets-projects')}`);

    // Its 申报表 starts from the type's library indicators.
    await row.getByRole('link', { name: `${PROJECT}的绩效目标` }).click();
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
    const grid = page.getByRole('table', { name: '绩效指标' });
    expect(await grid.getByRole('textbox', { name: '第 1 个指标三级指标' }).inputValue()).toBe('维修改造校舍面积');
    await page.getByRole('textbox', { name: '总体目标' }).fill('完成第一中学 5000 平方米校舍维修改造，消除安全隐患，改善师生学习生活条件');

    // A quantitative indicator without its unit: the rule shows beside the field as it is typed.
    const unit = grid.getByRole('textbox', { name: '第 1 个指标计量单位' });
    await unit.fill('');
    await grid.getByText('定量指标请填写计量单位').waitFor();
    await page.getByRole('status').getByText('送审前还需修改 1 处').waitFor();
    console.log(`行内错误：${await screenshot('targets-inline-error')}`);
    await unit.fill('平方米');
    await grid.getByText('定量指标请填写计量单位').waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('已符合送审要求').waitFor();
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText('已送审，等待审核', { exact: true }).first().waitFor();

    // The reviewer returns it: a return without an opinion is refused on the spot.
    await signInAs('王审核');
    await openFromInbox();
    const review = page.getByRole('region', { name: '目标审核' });
    await review.getByRole('radio', { name: /^中：/ }).check();
    await review.getByRole('button', { name: '退回' }).click();
    await review.getByText('退回时必须填写审核意见').waitFor();
    await review.getByRole('textbox', { name: '审核意见' }).fill('校舍面积目标偏低，请按施工合同调整为 5200 平方米');
    console.log(`审核：${await screenshot('targets-review')}`);
    await review.getByRole('button', { name: '退回' }).click();
    await page.getByText('被退回（审核等级：中，退回单位修改后重新送审）').waitFor();

    // The unit sees the opinion, revises and resubmits.
    await signInAs('张三');
    const [project] = await app.call('projects.list', { year: 2020 });
    await page.goto(new URL(`#/targets/project/${project!.id}`, app.bridge.url).href);
    await page.getByText('审核意见：校舍面积目标偏低，请按施工合同调整为 5200 平方米。请按意见修改后重新送审。').waitFor();
    await page.getByRole('table', { name: '绩效指标' }).getByRole('textbox', { name: '第 1 个指标指标值' }).fill('5200');
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText('已送审，等待审核', { exact: true }).first().waitFor();

    // Approved with 优: locked, the printed form shows it, and the history names who did what.
    await signInAs('王审核');
    await openFromInbox();
    await page.getByRole('region', { name: '目标审核' }).getByRole('radio', { name: /^优：/ }).check();
    await page.getByRole('region', { name: '目标审核' }).getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已审核通过（审核等级：优，审核通过，纳入预算）').waitFor();
    expect(await page.getByRole('button', { name: '保存草稿' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '目标调整' }).count()).toBe(1);
    const sheet = page.getByRole('table', { name: '项目支出绩效目标申报表（打印）' });
    await sheet.getByRole('cell', { name: '≥5200平方米' }).waitFor();
    const history = page.getByRole('table', { name: '办理记录' });
    await history.getByRole('row').filter({ hasText: '校舍面积目标偏低' }).filter({ hasText: '王审核' }).waitFor();
    expect(await history.getByRole('row').filter({ hasText: '审核通过（优：审核通过，纳入预算）' }).count()).toBe(1);
    console.log(`已通过：${await screenshot('targets-approved')}`);

    // 绩效公开 lists it.
    await page.goto(new URL('#/disclosure', app.bridge.url).href);
    await page.getByRole('table', { name: '绩效目标公开表' }).getByRole('cell', { name: PROJECT, exact: true }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
