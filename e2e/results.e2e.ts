// 结果应用 in the browser, over the sample county: the bureau generates the year's list from the approved
// self-evaluations, a line shows its grade, source and the rules that produced it; a clerk records the
// budget section's 部分采纳 by typing — refused without a reason, with the message under the form — and the
// adoption share follows; the list is exported to Excel.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { formatWanYuan } from '../electron/domain/money';
import { partialRange } from '../electron/domain/results';
import { ADMIN_PASSWORD, appsPerTest, signInAs, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    await county.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });
    await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
  }, { sampleMade: true });
});

describe('the results list in the browser', () => {
  it('is generated with each line traced, takes a typed 部分采纳 only with a reason, shows the adoption share and exports', async () => {
    const { page } = app;
    await page.goto(new URL('#/results/2020', app.bridge.url).href);
    await page.getByRole('heading', { name: '结果应用' }).waitFor();
    await page.getByRole('button', { name: '生成建议清单' }).click();
    const table = page.getByRole('table', { name: '预算调整建议清单' });
    await table.waitFor();

    const view = await app.call('results.view', { year: 2020 });
    expect(view.lines.length).toBeGreaterThan(0);
    const line = view.lines.find((l) => l.measure === 'cut') ?? view.lines.find((l) => l.baseFen > 100)!;
    const row = table.getByRole('row', { name: `建议 ${line.projectCode}` });
    await expect.poll(() => row.innerText()).toContain(line.measureLabel);
    expect(await row.getByRole('link', { name: '绩效自评' }).getAttribute('href')).toBe(`#/selfEvaluation/edit/${line.gradeRecordId}`);
    await table.getByText(`依据：${line.trace.join('；')}`).waitFor();
    await page.screenshot({ path: '/tmp/results-list.png', fullPage: false });

    // The budget section's answer is recorded by someone other than who generated the list.
    await signInAs(page, '李经办', '李经办（经办人）');
    await page.goto(new URL('#/results/2020', app.bridge.url).href);
    await page.getByRole('button', { name: `录入 ${line.projectCode} 的预算科意见` }).click();
    const form = page.getByRole('group', { name: `${line.projectCode} 的预算科意见` });
    await form.getByText('部分采纳', { exact: true }).click();
    const { low, high } = partialRange(line);
    const amountFen = Math.round((low + high) / 2 / 100) * 100;
    await form.getByRole('textbox', { name: '下年安排金额（万元）' }).pressSequentially(formatWanYuan(amountFen, { grouping: false }), { delay: 30 });
    await form.getByRole('button', { name: '保存意见' }).click();
    await form.getByRole('alert').getByText('“部分采纳”须填写理由，请写明预算科的考虑').waitFor();
    expect((await app.call('results.view', { year: 2020 })).lines.find((l) => l.id === line.id)!.decision).toBeNull();

    await form.getByRole('textbox', { name: '理由' }).pressSequentially('续建工程保留部分资金', { delay: 30 });
    await page.screenshot({ path: '/tmp/results-decision.png', fullPage: false });
    await form.getByRole('button', { name: '保存意见' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toContain('部分采纳');
    await expect.poll(() => row.innerText()).toContain(formatWanYuan(amountFen));
    await page.getByText('续建工程保留部分资金').waitFor();
    const summary = page.getByLabel('清单汇总');
    await expect.poll(() => summary.innerText()).toContain('100.00%');
    await expect.poll(() => summary.innerText()).toContain('已录入意见 1/');
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/results-adopted.png', fullPage: false });
    // On paper: the list with its title and trace, without the buttons and the forms.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印清单' }).isVisible()).toBe(false);
    await page.getByText('2020年度预算调整建议清单').waitFor();
    await page.screenshot({ path: '/tmp/results-print.png', fullPage: false });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('2020年度预算调整建议清单.xlsx');
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['预算调整建议清单']!, { raw: false });
    expect(rows).toHaveLength(view.lines.length);
    expect(rows.find((r) => r['项目编码'] === line.projectCode)).toMatchObject({ 预算科意见: '部分采纳', 理由: '续建工程保留部分资金', '意见安排数（万元）': formatWanYuan(amountFen, { grouping: false }) });
    expect(app.pageErrors).toEqual([]);
  });

  it('says what to do in a year without approved results', async () => {
    const { page } = app;
    await page.goto(new URL('#/results/2019', app.bridge.url).href);
    await page.getByRole('heading', { name: '2019年度还没有可应用的评价结果' }).waitFor();
    await page.getByText('还没有已审核的自评或评价结果').waitFor();
    await page.screenshot({ path: '/tmp/results-empty.png', fullPage: false });
    expect(app.pageErrors).toEqual([]);
  });
});
