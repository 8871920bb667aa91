// 改判 in the browser with two installations: 巴音郭楞州 returned one of 轮台县's targets and its reply already
// reached the county; deciding that version again opens the 改判 dialog, which refuses an empty and an
// over-long reason with the rule's own words and writes nothing, then takes a reason typed key by key; the
// next reply shows the county 【改判】理由 beside the opinion under 上级审核.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REDECISION_REASON_MAX } from '../electron/domain/prefecture';
import { appsPerTest, retype, screenshotsIn, startApp, type AppUnderTest } from './harness';
import { openExchange } from './exchangeSteps';

const YEAR = 2020;
const COUNTY = '652822';
const RETURNED = '年度指标值偏低，请按实施方案调整';
const REASON = '县里补充了测算依据，原退回意见已解决';
const OPINION = '同意实施';
const screenshot = screenshotsIn('redecide');

let county: AppUnderTest;
let prefecture: AppUnderTest;

appsPerTest(async () => {
  county = await startApp({ label: '县' });
  prefecture = await startApp({ label: '州' });
});

const isFocused = (field: Locator) => field.evaluate((element) => element === document.activeElement);

describe('改判 of a decision already sent to the county', () => {
  it('refuses an empty and an over-long reason, writing nothing, then sends the typed reason, which the county reads as 【改判】', async () => {
    await county.call('setup.init', { role: 'county', regionCode: COUNTY, operatorName: '张三', password: null });
    await county.call('database.openSample', { year: YEAR });
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    const { file: report } = await county.call('exchange.export', { year: YEAR, stage: 'all', full: false });
    await prefecture.call('exchange.import', { file: report, trust: true });
    const targets = await prefecture.call('exchange.countyTargets', { county: COUNTY, year: YEAR });
    const target = targets.find((t) => t.kind === 'project' && t.projectName && t.status === 'submitted')!;
    // The first decision went down in a reply the county imported: that version's decision is sent.
    await prefecture.call('exchange.decide', { entity: 'target', recordId: target.id, action: 'return', opinion: RETURNED });
    const { file: firstReply } = await prefecture.call('exchange.export', { year: YEAR, stage: 'all', full: false, county: COUNTY });
    await county.call('exchange.import', { file: firstReply, trust: true });
    const decisionNow = async () => (await prefecture.call('exchange.countyTargets', { county: COUNTY, year: YEAR })).find((t) => t.id === target.id)!.decision;
    const sent = await decisionNow();
    expect(sent).toMatchObject({ action: 'return', opinion: RETURNED, sent: true });
    await Promise.all([county.page.reload(), prefecture.page.reload()]);

    // Prefecture: 通过 on that target opens the 改判 dialog, the reason field focused, the sent decision named.
    const p = prefecture.page;
    await openExchange(prefecture, 'review', COUNTY);
    const list = p.getByRole('table', { name: '轮台县的绩效目标' });
    await list.waitFor();
    await retype(p.getByRole('textbox', { name: '搜索目标' }), target.ownerCode);
    const row = list.getByRole('row').filter({ hasText: target.ownerCode });
    await row.getByText('已发送').waitFor();
    const open = async () => {
      await row.getByRole('button', { name: `通过 ${target.projectName}` }).click();
      const opened = p.getByRole('dialog', { name: `改判为通过：${target.projectName}` });
      await opened.waitFor();
      return opened;
    };
    let dialog = await open();
    await dialog.getByText(`已发给轮台县的审核结论是“退回”（${RETURNED}）`, { exact: false }).waitFor();
    const reason = dialog.getByRole('textbox', { name: '改判理由' });
    await expect.poll(() => isFocused(reason)).toBe(true);
    // Escape leaves without deciding anything.
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await decisionNow()).toEqual(sent);

    // An empty reason: the rule's message under the field, nothing written.
    dialog = await open();
    await dialog.getByRole('button', { name: '改判为通过' }).click();
    await dialog.getByText('对这一版本的审核结论已随回复发给下级，再次审核即为改判：请填写改判理由，下级会看到它').waitFor();
    await screenshot(p, '1-州-改判理由为空');
    expect(await decisionNow()).toEqual(sent);

    // An over-long one, pasted and then typed on past the limit: said as it happens, and refused.
    await reason.click();
    await p.keyboard.insertText('补'.repeat(REDECISION_REASON_MAX - 2));
    await reason.pressSequentially('充说明', { delay: 30 });
    await dialog.getByText(`改判理由最多 ${REDECISION_REASON_MAX} 个字，现在有 ${REDECISION_REASON_MAX + 1} 个字，请精简后再改判`).waitFor();
    await dialog.getByRole('button', { name: '改判为通过' }).click();
    await screenshot(p, '2-州-改判理由过长');
    expect(await decisionNow()).toEqual(sent);

    // The reason typed key by key, then Tab to the opinion; Ctrl+Enter decides as the button does.
    await retype(reason, REASON);
    await dialog.getByText('对这一版本的审核结论已随回复发给下级', { exact: false }).waitFor({ state: 'detached' });
    await dialog.getByText(`已写 ${REASON.length} / ${REDECISION_REASON_MAX} 字`, { exact: false }).waitFor();
    await p.keyboard.press('Tab');
    const opinion = dialog.getByRole('textbox', { name: '审核意见' });
    expect(await isFocused(opinion)).toBe(true);
    await opinion.pressSequentially(OPINION, { delay: 30 });
    await screenshot(p, '3-州-改判');
    await p.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('待发送').waitFor();
    expect(await decisionNow()).toMatchObject({ action: 'approve', sent: false, opinion: `【改判】理由：${REASON}；审核意见：${OPINION}` });
    await screenshot(p, '4-州-待发送');

    // County: the next reply brings the 改判 with its reason, read under 上级审核.
    const { file: secondReply } = await prefecture.call('exchange.export', { year: YEAR, stage: 'all', full: false, county: COUNTY });
    await county.call('exchange.import', { file: secondReply, trust: true });
    const c = county.page;
    await openExchange(county);
    await c.getByRole('tab', { name: '上级审核' }).click();
    const decided = c.getByRole('table', { name: '州财政局的审核结果' });
    const countyRow = decided.getByRole('row').filter({ hasText: target.ownerCode });
    await countyRow.getByText(`【改判】理由：${REASON}；审核意见：${OPINION}`).waitFor();
    expect(await countyRow.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['已批复']));
    await screenshot(c, '5-县-上级审核');

    expect([...county.pageErrors, ...prefecture.pageErrors]).toEqual([]);
  }, 300_000);
});
