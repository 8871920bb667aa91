// The sample county's 申报表 in the browser: a continuing project's draft shows the 中期目标, 中期资金 and
// 中期绩效指标, the funds split, 立项依据, 实施进度计划 and contact the sample filled, and passes the 送审 check.
import { describe, expect, it } from 'vitest';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
  });
});

describe("the sample county's 申报表 annex in the browser", () => {
  it('shows a continuing project’s 中期 parts, funds split, 立项依据, schedule and contact, ready to submit', async () => {
    const { page } = app;
    const rows = await app.call('projects.list', { year: 2020 });
    const open = rows.filter((p) => p.targetStatus === 'draft' || p.targetStatus === 'returned');
    const targets = await Promise.all(open.map((p) => app.call('targets.forProject', { projectId: p.id })));
    const target = targets.find((t) => t.project.attribute === '延续')!;
    const draft = target.project;
    await page.goto(new URL(`#/targets/project/${draft.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
    const details = page.getByLabel('申报表其他内容');
    expect(await details.getByRole('textbox', { name: '中期目标' }).inputValue()).toBe(target.annex.midtermGoal);
    expect(target.annex.midtermGoal).toContain(draft.name);
    await page.getByRole('table', { name: '中期绩效指标' }).getByRole('textbox', { name: '中期绩效指标第 1 个指标三级指标' }).waitFor();
    expect(await details.getByRole('textbox', { name: '立项依据' }).inputValue()).toBe(target.annex.projectBasis);
    expect(await details.getByRole('textbox', { name: '第 4 行进度的时间段' }).inputValue()).toBe('2020年11—12月');
    expect(await details.getByRole('textbox', { name: '联系电话' }).inputValue()).toBe(target.annex.contactPhone);
    await page.getByLabel('资金构成').getByLabel('中期资金合计').waitFor();
    await page.getByRole('status').getByText('已符合送审要求').waitFor();
    await page.screenshot({ path: '/tmp/sample-annex.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });
});
