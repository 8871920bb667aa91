// Unsaved work is never thrown away: leaving a monitoring sheet or a filled dialog asks 保存 / 放弃 / 取消,
// a reload asks through beforeunload and offers the draft back, and a page that fails to render shows a
// Chinese message inside the app instead of a blank window.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';
import { reportLaggingSheet } from './monitoringData';

let app: AppUnderTest;
let roundId: string;
let sheetId: string;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    roundId = (await county.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' })).id;
    sheetId = (await county.call('monitoring.sheets', { roundId }))[0]!.id;
  });
});

const ANALYSIS = '资金支付进度滞后，正在督促乡镇加快拨付';

async function openSheetAndType(): Promise<Locator> {
  const { page } = app;
  await page.goto(new URL(`#/monitoring/sheet/${sheetId}`, app.bridge.url).href);
  const analysis = page.getByRole('textbox', { name: '三、情况分析' });
  await analysis.click();
  await analysis.pressSequentially(ANALYSIS, { delay: 30 });
  await page.getByText('（有未保存的修改）').waitFor();
  return analysis;
}

const prompt = () => app.page.getByRole('dialog', { name: '有未保存的修改' });
const sidebar = (label: string) => app.page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: label });

describe('unsaved changes', () => {
  it('asks before the sidebar leaves a sheet: 取消 stays with the text, 放弃 leaves it, 保存 saves and leaves', async () => {
    const { page } = app;
    const analysis = await openSheetAndType();

    await sidebar('首页').click();
    await prompt().getByRole('button', { name: '取消' }).click();
    await prompt().waitFor({ state: 'detached' });
    expect(await analysis.inputValue()).toBe(ANALYSIS);
    expect(page.url()).toContain(`#/monitoring/sheet/${sheetId}`);

    await sidebar('绩效目标').click();
    await prompt().getByRole('button', { name: '放弃' }).click();
    await page.getByRole('heading', { name: '绩效目标', exact: true }).waitFor();
    expect((await app.call('monitoring.sheet', { sheetId })).analysis).not.toBe(ANALYSIS);
    await page.goBack();
    await analysis.waitFor();
    expect(await analysis.inputValue()).not.toBe(ANALYSIS);
    expect(await page.getByRole('alert', { name: '有上次未保存的内容' }).count()).toBe(0);

    await analysis.click();
    await analysis.pressSequentially(ANALYSIS, { delay: 30 });
    await sidebar('指标库').click();
    await prompt().getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '指标库', exact: true }).waitFor();
    expect((await app.call('monitoring.sheet', { sheetId })).analysis).toBe(ANALYSIS);
    expect(app.pageErrors).toEqual([]);
  });

  it('asks before 退出登录 leaves a sheet with unsaved changes, and stays on 取消', async () => {
    const { page } = app;
    const analysis = await openSheetAndType();
    await page.getByRole('button', { name: '退出登录' }).click();
    await prompt().getByRole('button', { name: '取消' }).click();
    await prompt().waitFor({ state: 'detached' });
    expect(await analysis.inputValue()).toBe(ANALYSIS);
    await page.getByRole('banner').getByText('操作员：张三').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('asks before Esc closes a filled dialog, and keeps the input on 取消', async () => {
    const { page } = app;
    await reportLaggingSheet(app, roundId);
    await page.goto(new URL(`#/monitoring/round/${roundId}/warnings`, app.bridge.url).href);
    await page.getByRole('button', { name: /^目标调整：/ }).first().click();
    const dialog = page.getByRole('dialog', { name: /^目标调整：/ });
    const reason = dialog.getByRole('textbox', { name: '调整原因' });
    await reason.click();
    await reason.pressSequentially('配套资金未到位', { delay: 30 });

    await page.keyboard.press('Escape');
    await prompt().getByRole('button', { name: '取消' }).click();
    await prompt().waitFor({ state: 'detached' });
    expect(await reason.inputValue()).toBe('配套资金未到位');

    await dialog.getByRole('button', { name: '取消' }).click();
    await prompt().getByRole('button', { name: '放弃' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Discarded means gone: the dialog opens empty, with no draft to restore.
    await page.getByRole('button', { name: /^目标调整：/ }).first().click();
    await dialog.getByRole('textbox', { name: '调整原因' }).waitFor();
    expect(await dialog.getByRole('textbox', { name: '调整原因' }).inputValue()).toBe('');
    expect(await dialog.getByRole('alert', { name: '有上次未保存的内容' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('asks through beforeunload before a reload, and offers the typed text back afterwards', async () => {
    const { page } = app;
    await openSheetAndType();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);

    const offer = page.getByRole('alert', { name: '有上次未保存的内容' });
    await offer.getByRole('button', { name: '恢复未保存的内容' }).click();
    expect(await page.getByRole('textbox', { name: '三、情况分析' }).inputValue()).toBe(ANALYSIS);
    await page.getByText('（有未保存的修改）').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

describe('the 申报表', () => {
  it('offers its draft back after a reload, and new rows after it are rows of their own', async () => {
    const { page } = app;
    const open = (await app.call('projects.list', { year: 2020 })).find((p) => p.targetStatus === 'draft' || p.targetStatus === 'returned')!;
    const before = await app.call('targets.forProject', { projectId: open.id });
    await page.goto(new URL(`#/targets/project/${open.id}`, app.bridge.url).href);
    const goal = page.getByRole('textbox', { name: '总体目标' });
    await goal.click();
    await goal.press('ControlOrMeta+a');
    await goal.pressSequentially('改善办学条件，消除校舍安全隐患', { delay: 30 });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();

    await page.getByRole('alert', { name: '有上次未保存的内容' }).getByRole('button', { name: '恢复未保存的内容' }).click();
    expect(await goal.inputValue()).toBe('改善办学条件，消除校舍安全隐患');
    await page.getByRole('button', { name: '添加指标' }).click();
    const grid = page.getByRole('table', { name: '绩效指标' });
    const added = grid.getByRole('textbox', { name: `第 ${before.indicators.length + 1} 个指标三级指标` });
    await added.pressSequentially('新增指标', { delay: 30 });
    expect(await grid.getByRole('textbox', { name: '第 1 个指标三级指标' }).inputValue()).toBe(before.indicators[0]!.name);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(async () => (await app.call('targets.forProject', { projectId: open.id })).overallGoal).toBe('改善办学条件，消除校舍安全隐患');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('a page that fails to render', () => {
  it('shows a Chinese message with reload and home inside the app, and the sidebar still works', async () => {
    const { page } = app;
    // A malformed answer: the round's page cannot render it.
    await page.route('**/api/invoke', async (route) => {
      const channel = (route.request().postDataJSON() as { channel: string }).channel;
      if (channel === 'monitoring.round') await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: {} }) });
      else await route.fallback();
    });
    await page.goto(new URL(`#/monitoring/round/${roundId}/sheets`, app.bridge.url).href);
    const failure = page.getByRole('alert', { name: '页面出现错误' });
    await failure.getByText('已填写的内容已保存为草稿').waitFor();
    await failure.getByRole('button', { name: '重新加载此页' }).waitFor();
    await page.getByRole('banner').getByText('操作员：张三').waitFor();

    await sidebar('绩效目标').click();
    await page.getByRole('heading', { name: '绩效目标', exact: true }).waitFor();
    expect(await failure.count()).toBe(0);

    await page.goBack();
    await failure.getByRole('button', { name: '返回首页' }).click();
    await page.getByRole('link', { name: '首页', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    expect(await failure.count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('keeps what was typed when the sheet crashes while saving, and offers it back after 重新加载此页', async () => {
    const { page } = app;
    const analysis = await openSheetAndType();
    // The save "succeeds" with a malformed answer and the re-read sheet is malformed too: the page throws.
    await page.route('**/api/invoke', async (route) => {
      const channel = (route.request().postDataJSON() as { channel: string }).channel;
      if (channel === 'monitoring.saveSheet' || channel === 'monitoring.sheet') {
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: {} }) });
      } else await route.fallback();
    });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const failure = page.getByRole('alert', { name: '页面出现错误' });
    await failure.waitFor();
    expect((await app.call('monitoring.sheet', { sheetId })).analysis).not.toBe(ANALYSIS);

    await page.unroute('**/api/invoke');
    await failure.getByRole('button', { name: '重新加载此页' }).click();
    await page.getByRole('alert', { name: '有上次未保存的内容' }).getByRole('button', { name: '恢复未保存的内容' }).click();
    expect(await analysis.inputValue()).toBe(ANALYSIS);
    expect(app.pageErrors).toEqual([]);
  });
});
