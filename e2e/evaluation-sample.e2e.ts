// The sample county's 财政评价 in the browser: its page shows the firm and experts of its plan item, the
// firm's job with the bureau's rating, the PDF report to download, and the 整改通知 its finding opened; the
// firm's detail lists it with its grade; an expert of a sample unit is refused for their own department's
// project on the plan page.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
  }, { sampleMade: true });
});

describe("the sample county's evaluations in the browser", () => {
  it('shows the finance evaluation with its evaluators, the rated job, the report and the notice, and the firm lists it', async () => {
    const { page } = app;
    const [evaluation] = (await app.call('evaluation.list', { year: 2020 })).filter((e) => e.kind === 'finance-evaluation');
    await page.goto(new URL(`#/evaluation/edit/${evaluation!.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: `${evaluation!.subjectName} · 财政评价` }).waitFor();
    const evaluators = page.getByRole('region', { name: '评价人员' });
    await evaluators.getByText('受托机构', { exact: true }).waitFor();
    await evaluators.getByText('组长').waitFor();
    expect(await page.getByRole('combobox', { name: '受托机构的委托业务' }).inputValue()).toMatch(/2020 年重点项目财政评价/);
    await page.getByRole('region', { name: '第三方机构工作质量' }).getByText('报告规范、证据充分').waitFor();
    const notice = page.getByRole('region', { name: '整改通知' });
    await notice.getByRole('link', { name: /整改通知〔2020〕\d+号/ }).waitFor();
    expect(await notice.getByRole('button', { name: '下达整改通知' }).isDisabled()).toBe(true);
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: '评价报告' }).getByRole('button', { name: /财政评价报告\.pdf$/ }).click()]);
    expect(fs.readFileSync((await report.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: '/tmp/evaluation-sample.png', fullPage: true });

    await page.goto(new URL('#/evaluation/firms', app.bridge.url).href);
    const [firm] = (await app.call('firms.list', {})).filter((f) => f.engagementCount > 0);
    await page.getByRole('button', { name: `查看 ${firm!.name}` }).click();
    const done = page.getByRole('table', { name: '承担的评价' });
    await expect.poll(() => done.getByRole('row').filter({ hasText: evaluation!.subjectCode }).innerText()).toMatch(/财政评价[\s\S]*89\.00\s+良/);
    await page.screenshot({ path: '/tmp/evaluation-firm.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });
});
