// Typing at a clerk's speed into every text field of the forms that matter — the monitoring sheet, a
// project's 申报表 and the 目标调整 dialog — never throws in the page. (Reading a recycled event inside a
// state updater once turned the whole window white after a few keystrokes.)
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { appsPerTest, retype, startCountyApp, type AppUnderTest } from './harness';
import { reportLaggingSheet } from './monitoringData';

let app: AppUnderTest;
let roundId: string;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    roundId = (await county.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' })).id;
  }, { sampleMade: true });
});

async function choose(label: string, option: string) {
  await app.page.getByRole('combobox', { name: label, exact: true }).click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

async function explainDeviation(region: Locator, label: string) {
  await region.getByRole('checkbox', { name: '其他' }).first().check();
  await retype(region.getByRole('textbox', { name: `${label}其他原因说明` }), '乡镇配套资金尚未到位');
  await retype(region.getByRole('textbox', { name: `${label}纠偏措施` }), '督促乡镇在九月底前落实配套资金，加快工程进度');
}

describe('typing at human speed', () => {
  it('fills every text field of a monitoring sheet, submits it and types the review opinion without a page error', async () => {
    const { page } = app;
    const [first] = await app.call('monitoring.sheets', { roundId });
    const sheet = await app.call('monitoring.sheet', { sheetId: first!.id });
    await page.goto(new URL(`#/monitoring/sheet/${sheet.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: sheet.project.name }).waitFor();

    for (const fund of sheet.funds) {
      await retype(page.getByRole('textbox', { name: `${fund.source}调整后预算` }), String(fund.adjustedFen / 1_000_000));
      await retype(page.getByRole('textbox', { name: `${fund.source}执行数` }), '0.5');
    }
    await explainDeviation(page.getByRole('region', { name: '预算执行偏差说明' }), '预算执行');

    for (const indicator of sheet.indicators) {
      if (indicator.operator === '定性') await choose(`${indicator.name}完成值`, '部分达成并具有一定效果');
      else await retype(page.getByRole('textbox', { name: `${indicator.name}完成值`, exact: true }), indicator.operator === '≥' || indicator.operator === '>' ? '1' : '0');
      await retype(page.getByRole('textbox', { name: `${indicator.name}全年预计`, exact: true }), indicator.operator === '定性' ? '预计全年可达成目标' : indicator.target);
      await choose(`${indicator.name}完成目标可能性`, '有可能');
      const measures = page.getByRole('textbox', { name: `${indicator.name}纠偏措施`, exact: true });
      if (await measures.count()) await explainDeviation(page.getByRole('table', { name: '绩效指标完成情况' }).getByRole('row').filter({ has: measures }), indicator.name);
    }
    await retype(page.getByRole('textbox', { name: '三、情况分析' }), '截至八月末，项目已完成招标和开工准备，资金支付进度滞后于序时进度，主要原因是配套资金尚未到位。下一步将督促乡镇加快资金拨付。');
    await page.getByText('已符合送审要求').waitFor();
    expect(app.pageErrors).toEqual([]);

    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();
    const saved = await app.call('monitoring.sheet', { sheetId: sheet.id });
    expect(saved.analysis).toBe('截至八月末，项目已完成招标和开工准备，资金支付进度滞后于序时进度，主要原因是配套资金尚未到位。下一步将督促乡镇加快资金拨付。');
    expect(saved.budget.reasonOther).toBe('乡镇配套资金尚未到位');
    await retype(page.getByRole('region', { name: '审核' }).getByRole('textbox', { name: '审核意见' }), '同意，请按措施加快执行');
    expect(await page.getByRole('region', { name: '审核' }).getByRole('textbox', { name: '审核意见' }).inputValue()).toBe('同意，请按措施加快执行');
    expect(app.pageErrors).toEqual([]);
  });

  it('fills the goals and every indicator text field of a project 申报表 without a page error', async () => {
    const { page } = app;
    const projects = await app.call('projects.list', { year: 2020 });
    const open = projects.find((p) => p.targetStatus === 'draft' || p.targetStatus === 'returned')!;
    const target = await app.call('targets.forProject', { projectId: open.id });
    await page.goto(new URL(`#/targets/project/${open.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();

    await retype(page.getByRole('textbox', { name: '总体目标' }), '完成项目建设任务，改善群众生产生活条件，群众满意度达到百分之九十以上');
    await page.getByRole('button', { name: '添加年度目标' }).click();
    await retype(page.getByRole('textbox', { name: `年度目标 ${target.annualGoals.length + 1}` }), '年内完成主体工程并通过验收');
    const grid = page.getByRole('table', { name: '绩效指标' });
    for (const [index, indicator] of target.indicators.entries()) {
      const field = (what: string) => grid.getByRole('textbox', { name: `第 ${index + 1} 个指标${what}`, exact: true });
      await retype(field('三级指标'), `${indicator.name}（调整）`);
      await retype(field('指标值'), indicator.value);
      if (indicator.operator !== '定性') await retype(field('计量单位'), indicator.unit);
      await retype(field('分值'), indicator.weight);
      await retype(field('指标解释'), `反映${indicator.name}的完成情况`);
    }
    expect(await page.getByRole('textbox', { name: '总体目标' }).inputValue()).toBe('完成项目建设任务，改善群众生产生活条件，群众满意度达到百分之九十以上');
    expect(await grid.getByRole('textbox', { name: '第 1 个指标三级指标' }).inputValue()).toBe(`${target.indicators[0]!.name}（调整）`);
    expect(app.pageErrors).toEqual([]);
  });

  it('types "00" and a reason into the 目标调整 dialog of a warned project without a page error', async () => {
    const { page } = app;
    await reportLaggingSheet(app, roundId);
    await page.goto(new URL(`#/monitoring/round/${roundId}/warnings`, app.bridge.url).href);
    await page.getByRole('button', { name: /^目标调整：/ }).first().click();
    const dialog = page.getByRole('dialog', { name: /^目标调整：/ });
    const values = dialog.getByRole('table', { name: '调整指标值' }).getByRole('textbox');
    await values.first().waitFor();
    for (const value of await values.all()) await retype(value, '00');
    await retype(dialog.getByRole('textbox', { name: '调整原因' }), '受配套资金影响，年度目标需相应调整');
    expect(await values.first().inputValue()).toBe('00');
    expect(app.pageErrors).toEqual([]);
  });
});
