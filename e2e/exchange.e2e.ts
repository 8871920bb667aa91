// 数据交换 in the browser, with two installations side by side: 轮台县 (with the demo county's data)
// reports to 巴音郭楞州, the prefecture returns one project's target with an opinion, and the county
// imports the reply and sees the target 被退回 with that opinion. Files travel as real downloads.
import { describe, expect, it } from 'vitest';
import { appsPerTest, screenshotsIn, startApp, type AppUnderTest } from './harness';
import { downloadBy, openExchange, upload } from './exchangeSteps';

const YEAR = 2020;
const OPINION = '产出数量指标低于上年实际完成值，请调整后重新送审';
const screenshot = screenshotsIn('exchange');

let county: AppUnderTest;
let prefecture: AppUnderTest;

appsPerTest(async () => {
  county = await startApp({ label: '县' });
  prefecture = await startApp({ label: '州' });
});

describe('数据交换 between a county and its prefecture', () => {
  it('reports, reviews, returns a target with an opinion, and the county sees it 被退回', async () => {
    await county.call('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null });
    const demo = (await county.call('database.openSample', { year: YEAR })).generated!;
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    const countyKey = await county.call('exchange.identity', {});
    const prefectureKey = await prefecture.call('exchange.identity', {});
    await Promise.all([county.page.reload(), prefecture.page.reload()]);

    // County: identity card and the report's preview, then the download.
    const c = county.page;
    await openExchange(county);
    await c.getByRole('heading', { name: '数据交换' }).waitFor();
    await c.getByRole('group', { name: `公钥指纹 ${countyKey.fingerprint}` }).waitFor();
    await c.getByText('请将指纹电话告知州财政局核对', { exact: false }).waitFor();
    const contents = c.getByRole('table', { name: '上报包将包含' });
    await contents.getByRole('row').filter({ hasText: '项目' }).filter({ hasText: String(demo.projects) }).first().waitFor();
    await screenshot(c, '1-县-上报与导入');
    const report = await downloadBy(c, () => c.getByRole('button', { name: '导出上报包' }).click());
    expect(report.name).toMatch(/^jixiao-report-652822-.*\.zip$/);
    await c.getByText('已导出第 1 号县级上报包').waitFor();

    // The county's own report offered back to it is refused, with the reason in full.
    await upload(c, report);
    const refusal = c.getByRole('alert').filter({ hasText: '被拒绝，没有写入任何数据' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('不是发给本机（652822）的');
    await screenshot(c, '1a-县-拒绝');

    // Prefecture: the unknown sender's fingerprint, the dry run, trust and import, the receipt.
    const p = prefecture.page;
    await openExchange(prefecture, 'import');
    await upload(p, report);
    const review = p.getByRole('dialog', { name: '导入前核对：县级上报包' });
    await review.waitFor();
    await review.getByText('轮台县尚未登记：请先电话核对指纹').waitFor();
    await review.getByRole('group', { name: `公钥指纹 ${countyKey.fingerprint}` }).first().waitFor();
    const projectTargets = Object.values(demo.projectTargets).reduce((a, b) => a + b, 0);
    const created = demo.units + demo.projects + projectTargets + demo.departmentTargets;
    const totals = review.getByLabel('处理汇总');
    expect((await totals.innerText()).replace(/\s+/g, ' ')).toContain(`新增 ${created} 更新 0 无变化 0 删除 0 冲突 0`);
    await review.getByRole('table', { name: '逐条处理' }).getByRole('row').nth(1).waitFor();
    await screenshot(p, '2-州-导入前核对');
    const trust = review.getByRole('button', { name: '信任并导入' });
    expect(await trust.isDisabled()).toBe(true);
    await review.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await trust.click();
    await review.waitFor({ state: 'hidden' });
    await p.getByText('已导入轮台县的第 1 号县级上报包').waitFor();
    await screenshot(p, '2a-州-导入完成');
    const receipt = await downloadBy(p, () => p.getByRole('button', { name: '出具回执' }).click());

    // Prefecture: the dashboard, then 审核 for 轮台县.
    await p.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '州级汇总' }).click();
    const luntai = p.getByRole('table', { name: '各县汇总' }).getByRole('row').filter({ hasText: '轮台县' });
    await luntai.waitFor();
    expect(await luntai.innerText()).toContain(String(demo.projects));
    await screenshot(p, '3-州-各县汇总');
    await luntai.getByRole('button', { name: '审核轮台县' }).click();

    const targets = await prefecture.call('exchange.countyTargets', { county: '652822', year: YEAR });
    // Only what the county put forward can be decided: a draft shows 未送审 instead of the buttons.
    const target = targets.find((t) => t.kind === 'project' && t.projectName && (t.status === 'submitted' || t.status === 'approved'))!;
    await p.getByRole('textbox', { name: '搜索目标' }).fill(target.ownerCode);
    const list = p.getByRole('table', { name: '轮台县的绩效目标' });
    const row = list.getByRole('row').filter({ hasText: target.ownerCode });
    await row.getByRole('button', { name: `退回 ${target.projectName}` }).click();
    const returning = p.getByRole('dialog', { name: `退回：${target.projectName}` });
    await returning.getByRole('button', { name: '退回' }).click();
    await returning.getByText('退回时必须填写审核意见').waitFor();
    await screenshot(p, '4a-州-退回意见');
    await returning.getByRole('textbox', { name: '审核意见' }).fill(OPINION);
    await returning.getByRole('button', { name: '退回' }).click();
    await returning.waitFor({ state: 'hidden' });
    await row.getByText('待发送').waitFor();
    const replyContents = p.getByRole('table', { name: '反馈包将包含' });
    await replyContents.getByRole('row').filter({ hasText: '审核意见' }).filter({ hasText: '1' }).waitFor();
    await screenshot(p, '4-州-审核与反馈');
    const reply = await downloadBy(p, () => p.getByRole('button', { name: '导出反馈包' }).click());
    expect(reply.name).toMatch(/^jixiao-reply-652800-652822-.*\.zip$/);
    await row.getByText('已发送').waitFor();

    // Prefecture: what it received and sent, and the county it now trusts.
    await p.getByRole('tab', { name: /往来记录/ }).click();
    const history = p.getByRole('table', { name: '往来记录' });
    await history.getByRole('row').filter({ hasText: '县级上报包' }).getByText('已出具回执').waitFor();
    await history.getByRole('row').filter({ hasText: '州级反馈包' }).getByText('对方未确认收到').waitFor();
    await screenshot(p, '4b-州-往来记录');
    await p.getByRole('tab', { name: '已登记的县' }).click();
    await p.getByRole('table', { name: '已登记的县' }).getByRole('row').filter({ hasText: '轮台县（652822）' }).getByRole('group', { name: `公钥指纹 ${countyKey.fingerprint}` }).waitFor();
    await screenshot(p, '4c-州-已登记的县');

    // County: the receipt for its report first (first contact with the prefecture's key), then the reply.
    await upload(c, receipt);
    const receiptReview = c.getByRole('dialog', { name: '导入前核对：回执' });
    await receiptReview.getByRole('group', { name: `公钥指纹 ${prefectureKey.fingerprint}` }).first().waitFor();
    await receiptReview.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await receiptReview.getByRole('button', { name: '信任并导入' }).click();
    await c.getByText(/本机发出的数据包中 \d+ 条记录已标记为对方收到/).waitFor();

    await upload(c, reply);
    const replyReview = c.getByRole('dialog', { name: '导入前核对：州级反馈包' });
    await replyReview.getByText('包含州级审核意见 1 条', { exact: false }).waitFor();
    await screenshot(c, '5-县-导入反馈包');
    await replyReview.getByRole('button', { name: '确认导入' }).click();
    await replyReview.waitFor({ state: 'hidden' });
    await c.getByText('审核意见 1 条', { exact: false }).waitFor();

    // County: the target is 被退回 with the prefecture's opinion; the report is acknowledged.
    await c.getByRole('tab', { name: '退回的目标' }).click();
    const returned = c.getByRole('table', { name: '被退回的绩效目标' }).getByRole('row').filter({ hasText: target.ownerCode });
    await returned.waitFor();
    expect(await returned.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining([target.projectName, '被退回', `州级审核：${OPINION}`]),
    );
    await screenshot(c, '6-县-退回的目标');
    await c.getByRole('tab', { name: /往来记录/ }).click();
    const sent = c.getByRole('table', { name: '往来记录' }).getByRole('row').filter({ hasText: '县级上报包' });
    await sent.getByText('已确认收到').waitFor();
    await screenshot(c, '7-县-往来记录');

    // The same fingerprint in 设置 → 本机信息.
    await c.goto(new URL('#/settings/installation', county.bridge.url).href);
    await c.getByRole('group', { name: `公钥指纹 ${countyKey.fingerprint}` }).waitFor();

    expect(county.pageErrors).toEqual([]);
    expect(prefecture.pageErrors).toEqual([]);
  });
});
