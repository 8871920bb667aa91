// One project's whole cycle (全过程) in the browser, over the sample county: a 衔接资金 project found in the
// project list by typing opens its 全过程, which shows its targets, each monitoring round's light, its
// self-evaluation and its payments, stage by stage; a step's link opens its record; it prints; and the
// 衔接资金 project view leads to the same page. A project with no records yet says what to do first.
import { describe, expect, it } from 'vitest';
import type { Output } from '../electron/ipc/contract';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
  }, { sampleMade: true });
});

type Cycle = Output<'projects.cycle'>;
const stepsOf = (cycle: Cycle, stage: string) => cycle.stages.find((s) => s.stage === stage)!.steps;

/** A sample 衔接资金 project that went through monitoring, self-evaluation and payments. */
async function fundProjectWithEverything(): Promise<Cycle> {
  const candidates = (await app.call('projects.list', { year: 2020 })).filter((p) => p.povertyFund);
  for (const project of candidates) {
    const cycle = await app.call('projects.cycle', { projectId: project.id });
    const reported = stepsOf(cycle, '绩效监控').filter((s) => s.detail.startsWith('预算执行率'));
    if (reported.length >= 2 && stepsOf(cycle, '绩效自评').length > 0 && stepsOf(cycle, '衔接资金').length > 1) return cycle;
  }
  throw new Error('示例数据中没有走完监控、自评和支付的衔接资金项目');
}

describe('a project’s whole cycle in the browser', () => {
  it('opens from the project list, shows each stage with its records, follows a link and prints', async () => {
    const { page } = app;
    const cycle = await fundProjectWithEverything();
    const { project } = cycle;

    await page.goto(new URL('#/registry/projects/2020', app.bridge.url).href);
    await page.getByRole('textbox', { name: '搜索项目' }).pressSequentially(project.code, { delay: 30 });
    const action = page.getByRole('link', { name: `${project.name}的全过程` });
    await action.waitFor();
    await page.screenshot({ path: '/tmp/cycle-list.png', fullPage: false });
    await action.click();
    await page.getByRole('heading', { name: `${project.name} · 全过程` }).waitFor();

    const facts = page.getByLabel('项目基本情况');
    await expect.poll(() => facts.innerText()).toContain(project.code);
    await expect.poll(() => facts.innerText()).toContain('衔接资金');
    const timeline = page.getByLabel('全过程时间线');
    const headings = await timeline.getByRole('heading').allInnerTexts();
    expect(headings).toEqual(cycle.stages.map((s) => s.stage));

    await timeline.getByRole('link', { name: '绩效目标申报表' }).waitFor();
    for (const sheet of stepsOf(cycle, '绩效监控')) await timeline.getByText(sheet.detail, { exact: true }).waitFor();
    const [selfEvaluation] = stepsOf(cycle, '绩效自评');
    await timeline.getByText(selfEvaluation!.detail, { exact: true }).waitFor();
    const progress = stepsOf(cycle, '衔接资金').find((s) => s.title === '衔接资金支出进度')!;
    await timeline.getByText(progress.detail, { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/cycle-page.png', fullPage: true });

    // On paper: the facts and the timeline, without the way back and the print button.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: /返回 2020 年项目列表/ }).isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/cycle-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const [firstSheet] = stepsOf(cycle, '绩效监控');
    await timeline.getByRole('link', { name: firstSheet!.title }).first().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/monitoring/sheet/${firstSheet!.route[2]}`);
    await page.getByText(project.name).first().waitFor();

    // The 衔接资金 view of the same project leads back to its whole cycle.
    // Its spending chart is drawn by @mantine/charts: one bar, its progress at the end, the time progress as a line.
    await page.goto(new URL(`#/funds/project/${project.id}`, app.bridge.url).href);
    const chart = page.getByRole('img', { name: /^支出进度与序时进度（[\d.]+%）对比图$/ });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(1);
    const shownProgress = /支出进度 ([\d.]+%)/.exec(progress.detail)![1]!;
    await chart.getByText(shownProgress, { exact: true }).waitFor();
    await chart.getByText(/^序时进度 [\d.]+%$/).waitFor();
    await page.screenshot({ path: '/tmp/cycle-funds-chart.png', fullPage: false });
    await page.getByRole('link', { name: '全过程' }).click();
    await page.getByRole('heading', { name: `${project.name} · 全过程` }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('says what to do first for a project with no records yet', async () => {
    const { page } = app;
    const [unit] = (await app.call('units.list', {})).filter((u) => !u.isDepartment && u.departmentCode);
    const created = await app.call('projects.create', {
      year: 2020, code: 'LT-2020-NEW', name: '新登记的项目', departmentCode: unit!.departmentCode!, unitCode: unit!.code, category: '本级支出', attribute: '新增',
      keyProject: false, povertyFund: false, confidential: false, projectTypeCode: null, startDate: null, endDate: null, personInCharge: '', funds: [],
    });
    await page.goto(new URL(`#/registry/cycle/${created.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '该项目还没有任何绩效管理记录' }).waitFor();
    await page.getByRole('link', { name: '填报绩效目标' }).waitFor();
    await page.screenshot({ path: '/tmp/cycle-empty.png', fullPage: false });
    expect(app.pageErrors).toEqual([]);
  });
});
