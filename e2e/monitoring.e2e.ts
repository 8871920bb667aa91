// 绩效监控 in the browser, over the sample county: open a round, fill a sheet whose execution lags so it
// turns red, meet the required reason/measure prompts, submit, approve it as the bureau, and find the
// project on the warnings board and in the round report. A round that has just opened is 未填报, not red,
// and the sheet refuses an executed amount above the budget.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatWanYuan } from '../electron/domain/money';
import type { SheetDetail } from '../electron/monitoring/sheets';
import { appsPerTest, secureAdmin, signInAs, startCountyApp, type AppUnderTest } from './harness';
import { comfortableValue, reportLaggingSheet } from './monitoringData';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    // The bureau's reviewer: whoever submits a sheet does not approve it too.
    await secureAdmin(county);
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
  }, { sampleMade: true });
});


/** Replaces a field's text by typing, key by key, as a person does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.press('Backspace');
  await field.pressSequentially(text, { delay: 30 });
}

async function chooseIn(label: string, option: string) {
  await app.page.getByRole('combobox', { name: label, exact: true }).click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

async function fillIndicators(sheet: SheetDetail) {
  const { page } = app;
  for (const indicator of sheet.indicators) {
    if (indicator.operator === '定性') await chooseIn(`${indicator.name}完成值`, '达成目标');
    else await typeInto(page.getByRole('textbox', { name: `${indicator.name}完成值`, exact: true }), comfortableValue(indicator.operator, indicator.target));
    await chooseIn(`${indicator.name}完成目标可能性`, '确定能');
  }
}

describe('a monitoring round in the browser', () => {
  it('opens a round, turns a sheet red, asks for the reason and measure, and follows it through review to the warnings board and the report', async () => {
    const { page } = app;

    // Beside the sample's May, August and November rounds, open another August round over every approved project.
    await page.goto(new URL('#/monitoring/2020', app.bridge.url).href);
    await page.getByRole('status').filter({ hasText: '2020 年共 3 个监控轮次' }).waitFor();
    await page.getByRole('button', { name: '新建监控轮次' }).click();
    const dialog = page.getByRole('dialog', { name: '新建 2020 年监控轮次' });
    await dialog.getByRole('combobox', { name: '报告月份' }).click();
    await page.getByRole('option', { name: '8 月（监控月份）' }).click();
    expect(await dialog.getByLabel('报送截止日期').inputValue()).toBe('2020-08-31');
    await dialog.getByRole('button', { name: '开启监控' }).click();
    await page.getByRole('heading', { name: '2020年8月绩效运行监控（第2次）' }).waitFor();
    const table = page.getByRole('table', { name: '监控表' });
    await table.waitFor();

    // The first project of the list: open its sheet from the table.
    const round = (await app.call('monitoring.rounds', { year: 2020 })).find((r) => r.month === 8 && r.seq === 2);
    const [first] = await app.call('monitoring.sheets', { roundId: round!.id });
    const sheet = await app.call('monitoring.sheet', { sheetId: first!.id });
    await table.getByRole('link', { name: sheet.project.name }).click();
    await page.getByRole('heading', { name: sheet.project.name }).waitFor();

    // Almost nothing spent by August: the budget light turns red while typing, with its prompts.
    const result = page.getByRole('region', { name: '监控结果' });
    const fund = sheet.funds[0]!;
    await typeInto(page.getByRole('textbox', { name: `${fund.source}执行数` }), '1');
    await result.getByText('红灯').first().waitFor();
    expect(await result.getByLabel('预算执行灯').innerText()).toBe('红灯');
    const explanation = page.getByRole('region', { name: '预算执行偏差说明' });
    await explanation.getByText('请选择偏差原因').waitFor();
    await explanation.getByText('请填写纠偏措施').waitFor();

    // Submitting now is refused until the prompts are answered.
    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText(/还有 \d+ 处需要填写或改正/).first().waitFor();
    await explanation.getByRole('checkbox', { name: '政府采购程序' }).check();
    await typeInto(explanation.getByRole('textbox', { name: '预算执行纠偏措施' }), '加快国库集中支付进度');
    await expect.poll(() => explanation.getByText('请选择偏差原因').count()).toBe(0);
    expect(await explanation.getByText('请填写纠偏措施').count()).toBe(0);
    await fillIndicators(sheet);
    await page.getByText('已符合送审要求').waitFor();

    await page.getByRole('button', { name: '送审' }).click();
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();

    // The bureau's reviewer approves it.
    const sheetUrl = page.url();
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(sheetUrl);
    const review = page.getByRole('region', { name: '审核' });
    await typeInto(review.getByRole('textbox', { name: '审核意见' }), '同意，请按措施加快执行');
    await review.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('alert', { name: '已审核通过', exact: true }).waitFor();
    await page.getByRole('table', { name: '办理记录' }).getByText('审核通过监控表').waitFor();

    // The warnings board lists it under its unit, with the reason and the measure.
    await page.goto(new URL(`#/monitoring/round/${round!.id}/warnings`, app.bridge.url).href);
    const warnings = page.getByRole('table', { name: `${sheet.project.unitName}预警项目` });
    const warning = warnings.getByRole('row').filter({ hasText: sheet.project.name });
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/红灯[\s\S]*政府采购程序[\s\S]*加快国库集中支付进度[\s\S]*通过/);

    // And the round report lists it among the red projects.
    await page.getByRole('tab', { name: '报告' }).click();
    const red = page.getByRole('table', { name: '红灯项目' }).getByRole('row').filter({ hasText: sheet.project.name });
    await red.waitFor();
    expect(await red.innerText()).toMatch(/政府采购程序[\s\S]*加快国库集中支付进度/);
    await page.getByRole('img', { name: /各单位预算执行率与序时进度/ }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('shows a fresh round as 未填报 with no red anywhere, and refuses an executed amount above the budget in the sheet', async () => {
    const { page } = app;
    const round = await app.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    const rows = await app.call('monitoring.sheets', { roundId: round.id });
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => !r.reported && r.budgetLight === 'none' && r.projectLight === 'none')).toBe(true);

    // The 填报 list: every sheet 未填报, none red.
    await page.goto(new URL(`#/monitoring/round/${round.id}/sheets`, app.bridge.url).href);
    const table = page.getByRole('table', { name: '监控表' });
    await table.waitFor();
    await page.getByRole('status').filter({ hasText: `共 ${rows.length} 张监控表，未填报 ${rows.length} 张` }).waitFor();
    await table.getByText('未填报', { exact: true }).first().waitFor();
    expect(await table.getByText('红灯', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/monitoring-fresh-sheets.png' });

    // The warnings board has nothing red, and says how many are still unreported.
    await page.getByRole('tab', { name: '预警' }).click();
    await page.getByRole('heading', { name: '本轮没有红灯、黄灯项目' }).waitFor();
    await page.getByText(`另有 ${rows.length} 个项目未填报，填报后才能判断灯色。`).waitFor();

    // The report counts them apart from the lights.
    await page.getByRole('tab', { name: '报告' }).click();
    const counts = page.getByRole('table', { name: '灯色统计' });
    // The project row, not the 部门整体 one below it.
    const budgetRow = counts.getByRole('row').filter({ hasText: /^预算执行进度/ });
    await budgetRow.waitFor();
    expect((await budgetRow.innerText()).split(/\s+/).filter(Boolean)).toEqual(['预算执行进度', '0', '0', '0', '0', '0', String(rows.length)]);

    // A sheet: 未填报 until something is typed; 99999 万元 executed is refused live and by the service.
    const sheet = await app.call('monitoring.sheet', { sheetId: rows[0]!.id });
    const fund = sheet.funds[0]!;
    expect(fund.adjustedFen).toBeLessThan(99_999 * 1_000_000);
    await page.goto(new URL(`#/monitoring/sheet/${sheet.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: sheet.project.name }).waitFor();
    const result = page.getByRole('region', { name: '监控结果' });
    expect(await result.getByLabel('预算执行灯').innerText()).toBe('未填报');
    expect(await result.getByLabel('目标实现灯').innerText()).toBe('未填报');
    await typeInto(page.getByRole('textbox', { name: `${fund.source}执行数` }), '99999');
    const message = `执行数 99,999.0000 万元 超过调整后预算 ${formatWanYuan(fund.adjustedFen)} 万元`;
    await page.getByText(new RegExp(`^${message}`)).first().waitFor();
    await page.getByRole('alert').filter({ hasText: '执行数超过调整后预算（超支）' }).waitFor();
    expect(await result.getByLabel('预算执行灯').innerText()).toBe('红灯');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(new RegExp(`“${fund.source}”${message}.*超支不能保存`)).waitFor();
    await page.screenshot({ path: '/tmp/monitoring-overspent-sheet.png', fullPage: true });
    expect((await app.call('monitoring.sheet', { sheetId: sheet.id })).funds[0]!.executedFen).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('issues a rectification notice for a red project from the warnings board, which then shows its number and status', async () => {
    const { page } = app;
    const round = await app.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    const sheet = await reportLaggingSheet(app, round.id);

    await page.goto(new URL(`#/monitoring/round/${round.id}/warnings`, app.bridge.url).href);
    const row = page.getByRole('table', { name: `${sheet.project.unitName}预警项目` }).getByRole('row').filter({ hasText: sheet.project.name });
    await row.getByRole('button', { name: `下达整改通知：${sheet.project.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `整改通知：${sheet.project.name}` });
    // The problems are drafted from the lights and the unit's own reasons.
    expect(await dialog.getByRole('textbox', { name: '发现的问题' }).inputValue()).toMatch(/预算执行率 [\d.]+%，执行进度滞后。[\s\S]*政府采购程序/);
    const requirements = dialog.getByRole('textbox', { name: '整改要求' });
    await requirements.click();
    await requirements.pressSequentially('9 月底前完成资金支付，报送整改情况', { delay: 30 });
    await dialog.getByRole('button', { name: '下达整改通知', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The sample year has notices of its own: this one takes the next number.
    const issued = (await app.call('rectification.list', { year: 2020 })).notices.find((n) => n.sourceId === sheet.id)!;
    await row.getByText(`整改通知第 ${issued.seq} 号：已下达`).waitFor();
    expect(await row.getByRole('button', { name: `下达整改通知：${sheet.project.name}` }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/monitoring-rectification-issued.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });
});
