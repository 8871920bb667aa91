// A budget unit that runs Jixiao itself (issue #5 item 6): set up as 轮台县教育局 through the first-run
// wizard, its 数据交换 page is the reporting side addressed to 县财政局; its report reaches 轮台县's
// 下级单位 tab, the county returns a target with an opinion, and the unit sees it 被退回 after the reply. Over
// the sample county, a unit answers the 整改通知 the county's reply brought it, typing its feedback and
// attaching a file, and the county sees that round and file under 已反馈, not marked 财政局代录.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appsPerTest, ARTIFACTS_DIR, chooseOption, startApp, startCountyApp, type AppUnderTest } from './harness';
import { smallPdf } from '../electron/testSupport/attachments';
import { downloadBy, openExchange, upload } from './exchangeSteps';

const YEAR = 2020;
const UNIT = { code: '101001', name: '轮台县教育局' };
const PROJECT = '第一中学校舍维修改造';
const OPINION = '产出数量指标偏低，请按实际维修面积调整后重新送审';
const FEEDBACK = '已按通知完成整改，附整改台账';
const SCREENSHOTS = path.join(ARTIFACTS_DIR, 'unit-exchange');

let unit: AppUnderTest;
let county: AppUnderTest | undefined;

appsPerTest(async () => {
  unit = await startApp({ label: '单位' });
  county = undefined;
});

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 899);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The first-run wizard as the unit's staff would go through it, with a mistyped code corrected. */
async function setUpUnitThroughWizard(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /^预算单位/ }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await chooseOption(page, '地州市', '巴音', '巴音郭楞蒙古自治州（652800）');
  await chooseOption(page, '县市区', '652822', '轮台县（652822）');
  const code = page.getByRole('textbox', { name: '本单位编码' });
  await code.fill('10-1');
  await code.blur();
  await page.getByText('单位编码应为 3–20 位数字或字母').waitFor();
  // The name was never touched, so it does not complain yet.
  expect(await page.getByText('请填写单位名称').count()).toBe(0);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('请填写单位名称').waitFor();
  await screenshot(page, '0-单位-设置向导');
  await code.fill(UNIT.code);
  await page.getByRole('textbox', { name: '本单位名称' }).fill(UNIT.name);
  await page.getByRole('checkbox', { name: /本单位是主管部门/ }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('textbox', { name: '操作员姓名' }).fill('王五');
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('heading', { name: '首页' }).waitFor();
}

/** A project of the starter library's 校舍维修改造 type with its suggested targets, submitted, through the API. */
async function submittedTarget(app: AppUnderTest): Promise<void> {
  await app.call('library.seedStarter', {});
  const type = (await app.call('projects.types', {})).find((t) => t.name === '校舍维修改造')!;
  const project = await app.call('projects.create', {
    year: YEAR,
    code: 'XM2020001',
    name: PROJECT,
    departmentCode: UNIT.code,
    unitCode: UNIT.code,
    category: '本级支出',
    attribute: '新增',
    keyProject: false,
    povertyFund: false,
    confidential: false,
    projectTypeCode: type.code,
    startDate: '2020-03-01',
    endDate: '2020-11-30',
    personInCharge: '王五',
    funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }],
  });
  const started = await app.call('targets.forProject', { projectId: project.id });
  const saved = await app.call('targets.save', {
    projectId: project.id,
    version: null,
    overallGoal: '完成第一中学 3 栋校舍维修改造，消除安全隐患',
    annualGoals: ['8 月底前完工并验收'],
    indicators: started.indicators.map((i) => (i.value === '' ? { ...i, value: '3' } : i)),
  });
  await app.call('targets.transition', { id: saved.id!, version: saved.version!, action: 'submit' });
}

describe('a budget unit reporting to its county', () => {
  it('is set up as 轮台县教育局 through the wizard and its 数据交换 page reports to 县财政局', async () => {
    const { page } = unit;
    await setUpUnitThroughWizard(page);
    const banner = page.getByRole('banner');
    await banner.getByText(UNIT.name).waitFor();
    await banner.getByText('轮台县').first().waitFor();
    const identity = await unit.call('setup.status', {});
    expect(identity.installation?.unit).toEqual(UNIT);

    await openExchange(unit);
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['上报与导入', '往来记录', '退回的目标', '上级审核']);
    await page.getByText('请将指纹电话告知县财政局核对', { exact: false }).waitFor();
    await page.getByRole('heading', { name: /导出上报包 · 上报县财政局/ }).waitFor();
    await page.getByRole('heading', { name: '导入县级反馈包或回执' }).waitFor();
    await screenshot(page, '1-单位-上报与导入');
    await page.getByRole('tab', { name: '退回的目标' }).click();
    await page.getByText('县财政局退回的目标随反馈包回到本单位', { exact: false }).waitFor();
    expect(unit.pageErrors).toEqual([]);
  });

  it('reports a submitted target; the county returns it with an opinion under 下级单位; the unit sees it 被退回', async () => {
    const u = unit.page;
    await setUpUnitThroughWizard(u);
    await submittedTarget(unit);
    county = await startCountyApp(
      async (app) => {
        await app.call('units.create', { code: UNIT.code, name: UNIT.name, departmentCode: null, isDepartment: true });
      },
      { label: '县' },
    );
    const unitKey = await unit.call('exchange.identity', {});

    // The county before any unit reported: the empty state explains the round.
    const c = county.page;
    await openExchange(county, 'units');
    await c.getByRole('heading', { name: '尚未收到下级单位的上报包' }).waitFor();
    await screenshot(c, '2-县-下级单位-空');

    // Unit: the report, as a download.
    await u.reload();
    await openExchange(unit);
    await u.getByRole('button', { name: '导出上报包' }).waitFor();
    await u.getByRole('combobox', { name: '阶段' }).waitFor();
    const report = await downloadBy(u, () => u.getByRole('button', { name: '导出上报包' }).click());

    // County: trust the unit after comparing its fingerprint, import, then review its target.
    await upload(c, report);
    const review = c.getByRole('dialog', { name: /导入前核对/ });
    await review.waitFor();
    await review.getByRole('group', { name: `公钥指纹 ${unitKey.fingerprint}` }).first().waitFor();
    await review.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await review.getByRole('button', { name: '信任并导入' }).click();
    await review.waitFor({ state: 'hidden' });
    await downloadBy(c, () => c.getByRole('button', { name: '出具回执' }).click());

    const list = c.getByRole('table', { name: `${UNIT.name}的绩效目标` });
    const row = list.getByRole('row').filter({ hasText: PROJECT });
    await row.waitFor();
    await screenshot(c, '3-县-下级单位-审核');
    await row.getByRole('button', { name: `退回 ${PROJECT}` }).click();
    const returning = c.getByRole('dialog', { name: `退回：${PROJECT}` });
    await returning.getByText(`退回意见随下一个反馈包发给${UNIT.name}`, { exact: false }).waitFor();
    await returning.getByRole('button', { name: '退回' }).click();
    await returning.getByText('退回时必须填写审核意见').waitFor();
    await returning.getByRole('textbox', { name: '审核意见' }).fill(OPINION);
    await returning.getByRole('button', { name: '退回' }).click();
    await returning.waitFor({ state: 'hidden' });
    await row.getByText('待发送').waitFor();
    const reply = await downloadBy(c, () => c.getByRole('button', { name: '导出反馈包' }).click());
    await row.getByText('已发送').waitFor();
    await screenshot(c, '4-县-反馈包已导出');

    // Unit: the reply comes in; the target is back as 被退回 with the county's opinion.
    await upload(u, reply);
    const replyReview = u.getByRole('dialog', { name: /导入前核对/ });
    await replyReview.waitFor();
    await replyReview.getByRole('checkbox', { name: '已电话核对，指纹完全一致' }).check();
    await replyReview.getByRole('button', { name: '信任并导入' }).click();
    await replyReview.waitFor({ state: 'hidden' });
    await u.getByRole('tab', { name: '退回的目标' }).click();
    const returned = u.getByRole('table', { name: '被退回的绩效目标' }).getByRole('row').filter({ hasText: PROJECT });
    await returned.waitFor();
    expect(await returned.innerText()).toContain(OPINION);
    await screenshot(u, '5-单位-退回的目标');
    expect([...unit.pageErrors, ...county.pageErrors]).toEqual([]);
  });

  it('answers its 整改通知 on its own installation; the county sees the unit’s round and file as 已反馈', async () => {
    county = await startCountyApp((app) => app.call('database.openSample', { year: YEAR }), { label: '县' });
    const issued = (await county.call('rectification.list', { year: YEAR, status: 'issued' })).notices.find((n) => n.holder === 'unit')!;
    const own = { code: issued.unitCode, name: issued.unitName };
    await unit.call('setup.init', { role: 'unit', regionCode: '652822', operatorName: '王五', password: null, unit: { ...own, isDepartment: true } });
    // The round trip that brings the notice to the unit: the unit's first report, the county's reply.
    const move = async (from: AppUnderTest, to: AppUnderTest, input: { stage: string; unit?: string }) => {
      const { file } = await from.call('exchange.export', { year: YEAR, full: false, ...input });
      return to.call('exchange.import', { file, trust: true });
    };
    await move(unit, county, { stage: 'all' });
    expect((await move(county, unit, { stage: 'rectification', unit: own.code })).counts.created).toBeGreaterThan(0);

    const u = unit.page;
    await u.goto(new URL(`#/rectification/${YEAR}`, unit.bridge.url).href);
    await u.reload();
    await u.getByRole('table', { name: '整改通知' }).getByRole('link', { name: issued.number }).click();
    await u.getByRole('heading', { name: `整改通知 ${issued.number}` }).waitFor();
    const [chooser] = await Promise.all([u.waitForEvent('filechooser'), u.getByRole('button', { name: '添加附件' }).click()]);
    await chooser.setFiles({ name: '整改台账.pdf', mimeType: 'application/pdf', buffer: smallPdf('ledger') });
    await u.getByLabel('反馈附件').getByText('整改台账.pdf').waitFor();
    const feedback = u.getByRole('textbox', { name: '整改情况' });
    await feedback.click();
    await feedback.pressSequentially(FEEDBACK, { delay: 30 });
    await u.getByRole('button', { name: '提交整改反馈' }).click();
    await u.getByText('整改反馈已提交').first().waitFor();
    await screenshot(u, '6-单位-整改反馈已提交');

    expect((await move(unit, county, { stage: 'rectification' })).counts.updated).toBeGreaterThan(0);
    const c = county.page;
    await c.goto(new URL(`#/rectification/${YEAR}`, county.bridge.url).href);
    await c.getByRole('table', { name: '整改通知' }).getByRole('link', { name: issued.number }).click();
    await c.getByRole('heading', { name: `整改通知 ${issued.number}` }).waitFor();
    await c.getByText(FEEDBACK).first().waitFor();
    await c.getByText('整改台账.pdf').first().waitFor();
    await c.getByText('已反馈').first().waitFor();
    expect(await c.getByText('财政局代录').count()).toBe(0);
    await screenshot(c, '7-县-单位的整改反馈');
    expect((await county.call('rectification.get', { id: issued.id })).notice.status).toBe('answered');
    expect([...unit.pageErrors, ...county.pageErrors]).toEqual([]);
  });
});
