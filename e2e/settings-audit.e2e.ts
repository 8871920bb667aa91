// 设置: contradictory thresholds are refused while typing, and 操作日志 reads like the pages it records:
// named objects, a filter per kind, a date range, pages and an Excel export read back here.
import fs from 'node:fs';
import type { Download } from 'playwright-core';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { localDate } from '../electron/domain/clock';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    await county.call('settings.update', { key: 'results.cutFair', value: '15' });
  });
});

describe('参数设置', () => {
  it('refuses a budget green light below the red one while typing, naming both values, and saves nothing', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/parameters', app.bridge.url).href);
    const green = page.getByRole('textbox', { name: '预算执行绿灯：执行率/序时进度不低于' });
    await green.clear();
    await green.pressSequentially('50', { delay: 30 });
    await page.getByText('“预算执行绿灯：执行率/序时进度不低于”（50%）不能低于“预算执行红灯：执行率/序时进度低于”（60%），请先调整其中一项').waitFor();
    await green.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/jixiao-parameters-conflict.png' });
    const row = page.locator('div').filter({ has: green }).filter({ has: page.getByRole('button', { name: '保存' }) }).last();
    expect(await row.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
    expect((await app.call('settings.list', {})).find((s) => s.key === 'monitoring.budgetGreenFrom')?.value).toBe('80');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('the self-evaluation weights', () => {
  it('shows the sum while typing, refuses to save 110, and saves the weights together once they total 100', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/parameters', app.bridge.url).href);
    const output = page.getByRole('textbox', { name: '产出指标分值' });
    await output.clear();
    await output.pressSequentially('60', { delay: 30 });
    await page.getByLabel('分值合计').getByText('合计 110（应为 100）').waitFor();
    await page.getByText('预算执行分值 10、产出指标分值 60、效益指标分值 30、满意度指标分值 10，合计 110，应为 100。请一起调整这几项后再保存').waitFor();
    const block = page.locator('div').filter({ has: page.getByLabel('分值合计') }).filter({ has: page.getByRole('button', { name: '保存' }) }).last();
    expect(await block.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
    await page.getByLabel('分值合计').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/safety-weights-110.png' });

    const benefit = page.getByRole('textbox', { name: '效益指标分值' });
    await benefit.clear();
    await benefit.pressSequentially('20', { delay: 30 });
    await page.getByLabel('分值合计').getByText('合计 100（应为 100）').waitFor();
    await block.getByRole('button', { name: '保存' }).click();
    await page.getByText('分值已保存').waitFor();
    const weights = (await app.call('settings.list', {})).filter((s) => s.key.startsWith('evaluation.weight')).map((s) => s.value);
    expect(weights).toEqual([10, 60, 20, 10]);
    await page.screenshot({ path: '/tmp/safety-weights-saved.png' });
    expect(app.pageErrors).toEqual([]);
  });
});

describe('操作日志', () => {
  it('shows named objects, filters by kind and dates, and exports what it shows to xlsx', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/audit', app.bridge.url).href);
    const log = page.getByRole('table', { name: '操作日志' });
    await log.getByRole('row').filter({ hasText: '101001 轮台县教育局' }).filter({ hasText: '新增单位' }).waitFor();
    await log.getByRole('row').filter({ hasText: '评价为“中”的核减比例' }).filter({ hasText: '修改设置' }).waitFor();
    await page.screenshot({ path: '/tmp/jixiao-audit-log.png', fullPage: true });

    await page.getByRole('combobox', { name: '对象类型' }).click();
    const kinds = await page.getByRole('option').allInnerTexts();
    expect(kinds).toEqual(expect.arrayContaining(['预算单位', '参数设置', '本机设置', '操作员']));
    await page.getByRole('option', { name: '预算单位' }).click();
    await page.getByText('共 1 条').waitFor();

    const from = page.getByRole('textbox', { name: '开始日期' });
    await from.pressSequentially('2099-01-01', { delay: 30 });
    await page.getByText('没有符合条件的操作记录').waitFor();
    await from.clear();
    await from.pressSequentially(localDate(), { delay: 30 });
    await page.getByRole('textbox', { name: '结束日期' }).pressSequentially(localDate(), { delay: 30 });
    await log.getByRole('row').filter({ hasText: '101001 轮台县教育局' }).waitFor();
    await page.getByText('共 1 条').waitFor();

    const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()])) as [Download, void];
    expect(download.suggestedFilename()).toMatch(/^操作日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(fs.readFileSync(await download.path()), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['操作日志']!, { header: 1 });
    expect(rows.slice(1).map((r) => r.slice(1, 5))).toEqual([['张三', '预算单位', '101001 轮台县教育局', '新增单位']]);
    expect(app.pageErrors).toEqual([]);
  });
});
