// 补开监控表: a round the prefecture issued opened the county's sheets over the projects approved when the county
// imported it; a project approved at the county after that joins the round from the round's page, once.
import { describe, expect, it } from 'vitest';
import { appsPerTest, screenshotsIn, startApp, type AppUnderTest } from './harness';

const YEAR = 2020;
const screenshot = screenshotsIn('issued-later-sheets');

let county: AppUnderTest;
let prefecture: AppUnderTest;

appsPerTest(async () => {
  county = await startApp({ label: '县', sampleMade: true });
  prefecture = await startApp({ label: '州' });
});

describe('补开监控表 on a round the prefecture issued', () => {
  it('opens the sheet of a project approved after the import, says which, and finds nothing more to open the second time', async () => {
    await county.call('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null });
    await county.call('database.openSample', { year: YEAR });
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    const { file: report } = await county.call('exchange.export', { year: YEAR, stage: 'all', full: false });
    await prefecture.call('exchange.import', { file: report, trust: true });
    await prefecture.call('exchange.issueRound', { year: YEAR, month: 12, deadline: '2020-12-31', scope: 'all' });
    const { file: reply } = await prefecture.call('exchange.export', { year: YEAR, stage: 'all', full: false, county: '652822' });
    await county.call('exchange.import', { file: reply, trust: true });
    const round = (await county.call('monitoring.rounds', { year: YEAR })).find((r) => r.issuedBy)!;

    // A target still waiting at the county when the round came, approved now.
    const waiting = (await county.call('targets.inbox', { year: YEAR })).find((item) => item.kind === 'target' && item.targetKind === 'project')!;
    const form = await county.call('targets.forProject', { projectId: waiting.projectId! });
    await county.call('targets.transition', { id: form.id!, version: form.version!, action: 'approve', grade: '优', opinion: null });

    const { page } = county;
    await page.goto(new URL(`#/monitoring/round/${round.id}/sheets`, county.bridge.url).href);
    await page.reload();
    await page.getByText(`${round.counts.sheets} 个项目`).waitFor();
    await page.getByRole('button', { name: '补开监控表' }).click();
    await page.getByText('已补开监控表').or(page.getByText('没有补开监控表')).first().waitFor();
    await screenshot(page, '补开监控表');
    await page.getByText(new RegExp(`已为导入本轮次后新批复的 1 个项目：${waiting.ownerCode}`)).waitFor();
    await page.getByText(`${round.counts.sheets + 1} 个项目`).waitFor();

    await page.getByRole('button', { name: '补开监控表' }).click();
    await page.getByText('自导入本轮次以来没有新批复的项目或部门整体绩效目标，没有需要补开的监控表').waitFor();
    expect((await county.call('monitoring.round', { roundId: round.id })).counts.sheets).toBe(round.counts.sheets + 1);
    expect(county.pageErrors).toEqual([]);
  });
});
