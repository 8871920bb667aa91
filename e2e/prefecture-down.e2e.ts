// What the prefecture sends down, in the browser with two installations: 巴音郭楞州 approves three of
// 轮台县's submitted targets at once with one opinion, issues a monitoring round to all its counties and
// writes a 通知 with a file; the county imports the one reply and sees the three 已批复, the round marked
// 州级下发 with its sheets, and the notice with its file, which it downloads and marks read.
import { describe, expect, it } from 'vitest';
import { smallPdf } from '../electron/testSupport/attachments';
import { appsPerTest, screenshotsIn, retype, startApp, type AppUnderTest } from './harness';
import { downloadBy, openExchange, upload } from './exchangeSteps';

const YEAR = 2020;
const OPINION = '目标设置合理，同意实施';
const NOTICE = '关于开展2020年8月绩效运行监控的通知';
const screenshot = screenshotsIn('prefecture-down');

let county: AppUnderTest;
let prefecture: AppUnderTest;

appsPerTest(async () => {
  county = await startApp({ label: '县' });
  prefecture = await startApp({ label: '州' });
});

describe('what the prefecture sends down to its counties', () => {
  it('approves three submitted targets at once, issues a round and a notice with a file, and the county sees all three after one reply', async () => {
    await county.call('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null });
    await county.call('database.openSample', { year: YEAR });
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    // The county's report reaches the prefecture as the 数据交换 tests show in the pages; here through the API.
    const { file: report } = await county.call('exchange.export', { year: YEAR, stage: 'all', full: false });
    await prefecture.call('exchange.import', { file: report, trust: true });
    const targets = await prefecture.call('exchange.countyTargets', { county: '652822', year: YEAR });
    const put = targets.filter((t) => t.kind === 'project' && t.projectName && (t.status === 'submitted' || t.status === 'approved')).slice(0, 3);
    const draft = targets.find((t) => t.kind === 'project' && t.projectName && t.status === 'draft');
    expect(put).toHaveLength(3);
    await Promise.all([county.page.reload(), prefecture.page.reload()]);

    // Prefecture: three targets chosen by search, approved with one opinion; a draft cannot be chosen.
    const p = prefecture.page;
    await openExchange(prefecture, 'review', '652822');
    const list = p.getByRole('table', { name: '轮台县的绩效目标' });
    const search = p.getByRole('textbox', { name: '搜索目标' });
    await list.waitFor();
    if (draft) {
      await retype(search, draft.ownerCode);
      const row = list.getByRole('row').filter({ hasText: draft.ownerCode });
      await row.getByText('未送审').waitFor();
      expect(await row.getByRole('checkbox', { name: `选择 ${draft.projectName}` }).isDisabled()).toBe(true);
      expect(await row.getByRole('button', { name: `通过 ${draft.projectName}` }).count()).toBe(0);
    }
    for (const target of put) {
      await retype(search, target.ownerCode);
      await list.getByRole('row').filter({ hasText: target.ownerCode }).getByRole('checkbox', { name: `选择 ${target.projectName}` }).check();
    }
    await p.getByRole('group', { name: '批量审核' }).getByText('已选 3 项').waitFor();
    await p.getByRole('button', { name: '批量通过' }).click();
    const approving = p.getByRole('dialog', { name: '通过 3 项绩效目标' });
    for (const target of put) await approving.getByText(`${target.ownerCode} ${target.projectName}`).waitFor();
    await approving.getByRole('textbox', { name: '审核意见' }).pressSequentially(OPINION, { delay: 30 });
    await screenshot(p, '1-州-批量通过');
    await approving.getByRole('button', { name: '通过 3 项' }).click();
    await approving.waitFor({ state: 'hidden' });
    await retype(search, put[0]!.ownerCode);
    await list.getByRole('row').filter({ hasText: put[0]!.ownerCode }).getByText('待发送').waitFor();
    await p.getByText('待发送 3').waitFor();

    // Prefecture: 下发 — an August round to all nine counties, and a notice with its file.
    await p.getByRole('tab', { name: '下发' }).click();
    const deadline = p.getByRole('textbox', { name: '报送截止日期' });
    await retype(deadline, '2020-09-10');
    await p.getByRole('button', { name: '下发到 9 个县市' }).click();
    const rounds = p.getByRole('table', { name: '已下发的监控轮次' });
    await rounds.getByRole('row').filter({ hasText: '轮台县' }).getByText('2020-09-10').waitFor();
    expect(await rounds.getByRole('row').count()).toBe(10);

    await p.getByRole('textbox', { name: '通知标题' }).pressSequentially(NOTICE, { delay: 30 });
    await retype(p.getByRole('textbox', { name: '发文日期' }), '2020-08-03');
    await p.getByRole('textbox', { name: '通知正文' }).pressSequentially('请各县市于9月10日前报送8月监控表。', { delay: 30 });
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: '添加附件' }).click()]);
    const plan = smallPdf('Monitoring plan');
    await chooser.setFiles({ name: '监控工作方案.pdf', mimeType: 'application/pdf', buffer: plan });
    await p.getByText('监控工作方案.pdf').waitFor();
    await screenshot(p, '2-州-下发');
    await p.getByRole('button', { name: '下发通知到 9 个县市' }).click();
    const notices = p.getByRole('table', { name: '已下发的通知' });
    await notices.getByRole('row').filter({ hasText: '轮台县' }).getByText(NOTICE).waitFor();
    expect(await notices.getByRole('row').count()).toBe(10);
    await screenshot(p, '2a-州-已下发');

    // Prefecture: one reply to 轮台县 carries the decisions, the round and the notice.
    await openExchange(prefecture, 'review', '652822');
    const replyContents = p.getByRole('table', { name: '反馈包将包含' });
    await replyContents.getByRole('row').filter({ hasText: '审核意见' }).filter({ hasText: '3' }).waitFor();
    const reply = await downloadBy(p, () => p.getByRole('button', { name: '导出反馈包' }).click());

    // County: the reply, on first contact with the prefecture's key.
    const c = county.page;
    await openExchange(county);
    await upload(c, reply);
    const review = c.getByRole('dialog', { name: '导入前核对：州级反馈包' });
    await review.getByText('包含州级审核意见 3 条', { exact: false }).waitFor();
    await review.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await screenshot(c, '3-县-导入反馈包');
    await review.getByRole('button', { name: '信任并导入' }).click();
    await review.waitFor({ state: 'hidden' });

    // County: the three 已批复 with the prefecture's opinion.
    await c.getByRole('tab', { name: '上级审核' }).click();
    const decided = c.getByRole('table', { name: '州财政局的审核结果' });
    for (const target of put) {
      const row = decided.getByRole('row').filter({ hasText: target.ownerCode });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['已批复', OPINION]));
    }
    await c.getByText('已批复 3 个，退回 0 个', { exact: false }).waitFor();
    await screenshot(c, '4-县-上级审核');

    // County: 首页 says a notice is unread; 上级通知 shows it with its file, downloaded, then marked read.
    await c.goto(new URL('#/', county.bridge.url).href);
    await c.getByRole('alert').filter({ hasText: '州财政局有 1 份通知尚未阅读' }).waitFor();
    await screenshot(c, '5-县-首页');
    await openExchange(county, 'notices');
    const notice = c.getByRole('article', { name: NOTICE });
    await notice.getByText('巴音郭楞蒙古自治州 · 李四 · 2020-08-03').waitFor();
    const saved = await downloadBy(c, () => notice.getByRole('button', { name: '监控工作方案.pdf' }).click());
    expect(saved.name).toBe('监控工作方案.pdf');
    expect(saved.buffer.equals(plan)).toBe(true);
    await notice.getByRole('button', { name: `标记已读：${NOTICE}` }).click();
    await notice.getByText('已读 · 张三').waitFor();
    await screenshot(c, '6-县-上级通知');

    // County: the round is the prefecture's, with a sheet for each approved project, beside the county's own.
    await c.goto(new URL(`#/monitoring/${YEAR}`, county.bridge.url).href);
    const issued = c.getByRole('row').filter({ hasText: '州级下发' });
    await issued.waitFor();
    expect(await issued.innerText()).toContain('2020-09-10');
    await screenshot(c, '7-县-监控轮次');
    await issued.getByRole('link', { name: '2020年8月绩效运行监控（州级下发）' }).click();
    await c.getByText('本轮次由巴音郭楞蒙古自治州下发', { exact: false }).waitFor();
    await screenshot(c, '8-县-州级下发轮次');

    expect([...county.pageErrors, ...prefecture.pageErrors]).toEqual([]);
  }, 300_000);
});
