// 评价计划 in the browser: the bureau adds the year's key projects to its finance-evaluation plan after a
// preview, sees the coverage by department, adds an expert to 专家库 by typing, is refused when assigning
// an expert who works under the evaluated unit's 主管部门 (the message names the conflict), and assigns
// another expert, who then shows on the plan; removing a project asks first.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appsPerTest, retype, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

const WAN = 1_000_000;
const project = (code: string, name: string, unitCode: string, departmentCode: string, initialFen: number, keyProject: boolean) => ({
  year: 2020,
  code,
  name,
  departmentCode,
  unitCode,
  category: '本级支出' as const,
  attribute: '延续' as const,
  keyProject,
  povertyFund: false,
  confidential: false,
  projectTypeCode: null,
  startDate: '2020-03-01',
  endDate: '2020-11-30',
  personInCharge: '李四',
  funds: [{ source: '本级财政拨款' as const, initialFen, additionFen: 0, cutFen: 0 }],
});

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    const unit = (code: string, name: string, departmentCode: string | null) => county.call('units.create', { code, name, departmentCode, isDepartment: departmentCode === null });
    await unit('301001', '轮台县交通运输局', null);
    await unit('301002', '轮台县农村公路管理站', '301001');
    await unit('301003', '轮台县公路养护段', '301001');
    await unit('302001', '轮台县教育局', null);
    await unit('302002', '轮台县第一中学', '302001');
    await county.call('projects.create', project('XM001', '农村公路硬化工程', '301002', '301001', 300 * WAN, true));
    await county.call('projects.create', project('XM002', '公路日常养护', '301003', '301001', 100 * WAN, false));
    await county.call('projects.create', project('XM003', '学生营养餐', '302002', '302001', 150 * WAN, true));
    await county.call('projects.create', project('XM004', '教师培训', '302001', '302001', 50 * WAN, false));
    await county.call('experts.create', { name: '李明', field: '财务', title: '高级会计师', organisation: '新疆财经大学', unitCode: null, contact: '', available: true, notes: '' });
  });
});

/** Picks an option of a searchable select by typing part of it key by key over what it shows. */
async function pick(page: Page, label: string, typed: string, option: string) {
  await retype(page.getByRole('combobox', { name: label, exact: true }), typed);
  await page.getByRole('option', { name: option }).click();
}

describe('evaluation plans in the browser', () => {
  it('adds key projects after a preview, shows coverage, refuses an expert of the evaluated department and assigns another', async () => {
    const { page } = app;
    await page.goto(new URL('#/evaluation/plans/2020/finance', app.bridge.url).href);
    await page.getByRole('heading', { name: '绩效评价' }).waitFor();
    await page.getByText('计划中还没有项目').waitFor();

    // The default rule is 重点项目: the preview names both before anything is written.
    await page.getByText('预览：将加入 2 个项目——XM001 农村公路硬化工程、XM003 学生营养餐。').waitFor();
    await page.getByRole('button', { name: '加入计划' }).click();
    const items = page.getByRole('table', { name: '评价计划项目' });
    await items.getByText('农村公路硬化工程').waitFor();
    await expect.poll(() => items.getByRole('row').count()).toBe(3);

    // Coverage: 2 of 4 projects; 450 of 600 万元; by department 1 of 2 each, 300/400 and 150/200; nothing evaluated yet.
    const coverage = page.getByRole('table', { name: '评价覆盖面' });
    const rowText = (name: string) => coverage.getByRole('row').filter({ hasText: name }).innerText();
    expect((await rowText('合计')).replace(/\s+/g, ' ')).toBe('合计 2 / 4（50.00%） 450.0000 / 600.0000（75.00%） 0 / 4（0.00%） 0.0000 / 600.0000（0.00%）');
    expect((await rowText('轮台县交通运输局')).replace(/\s+/g, ' ')).toBe('轮台县交通运输局 1 / 2（50.00%） 300.0000 / 400.0000（75.00%） 0 / 2（0.00%） 0.0000 / 400.0000（0.00%）');
    await page.screenshot({ path: '/tmp/evaluation-plans.png', fullPage: true });

    // An expert of 公路养护段, a unit of 交通运输局 like the evaluated 农村公路管理站, typed in by hand.
    await page.getByRole('tab', { name: '专家库' }).click();
    await page.getByRole('button', { name: '新增专家' }).click();
    const form = page.getByRole('dialog', { name: '新增专家' });
    await form.getByLabel('姓名').pressSequentially('王芳', { delay: 30 });
    await form.getByLabel('领域').pressSequentially('交通', { delay: 30 });
    await form.getByLabel('职称').pressSequentially('高级工程师', { delay: 30 });
    await form.getByLabel('工作单位').pressSequentially('轮台县公路养护段', { delay: 30 });
    await form.getByLabel('联系方式').pressSequentially('13900001111', { delay: 30 });
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    const pool = page.getByRole('table', { name: '专家库' });
    await pool.getByText('轮台县公路养护段').waitFor();
    await page.screenshot({ path: '/tmp/evaluation-experts.png', fullPage: true });

    await page.getByRole('tab', { name: '评价计划' }).click();
    await page.getByRole('button', { name: '指派 农村公路硬化工程' }).click();
    const dialog = page.getByRole('dialog', { name: /指派评价人员：XM001/ });
    await pick(page, '专家', '王芳', '王芳 · 交通 · 轮台县公路养护段');
    await dialog.getByRole('button', { name: '指派', exact: true }).click();
    await dialog
      .getByRole('alert')
      .getByText('专家王芳的工作单位轮台县公路养护段与被评价单位轮台县农村公路管理站同属主管部门轮台县交通运输局，需回避（被评价项目 XM001）')
      .waitFor();
    await page.screenshot({ path: '/tmp/evaluation-refused.png' });

    await pick(page, '专家', '李明', '李明 · 财务 · 新疆财经大学');
    await dialog.getByRole('button', { name: '指派', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const road = items.getByRole('row').filter({ hasText: '农村公路硬化工程' });
    await road.getByText('李明').waitFor();
    await expect.poll(() => road.innerText()).toContain('组长');
    expect(await road.innerText()).not.toContain('王芳');
    await page.screenshot({ path: '/tmp/evaluation-assigned.png', fullPage: true });

    // Removing a project asks first, saying why it was in; then coverage follows.
    await page.getByRole('button', { name: '移除 学生营养餐' }).click();
    const confirm = page.getByRole('dialog', { name: '移出评价计划：学生营养餐' });
    await confirm.getByText('该项目（XM003，入选原因：重点项目）将移出本年度评价计划').waitFor();
    await confirm.getByRole('button', { name: '移出' }).click();
    await expect.poll(() => items.getByRole('row').count()).toBe(2);
    await expect.poll(async () => (await rowText('合计')).replace(/\s+/g, ' ')).toBe('合计 1 / 4（25.00%） 300.0000 / 600.0000（50.00%） 0 / 4（0.00%） 0.0000 / 600.0000（0.00%）');
    expect(app.pageErrors).toEqual([]);
  });
});
