// Each installation offers its own pages (issue #15 item 1): a budget unit those of its own records, a
// prefecture its home, the library it issues, 数据交换 and 设置, with no county wording and nothing that
// offers to register units it does not have; an address to a page it lacks says so in Chinese.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appsPerTest, startApp, type AppUnderTest } from './harness';

const SCREENSHOTS = '/tmp/roles-shots';
let app: AppUnderTest;

appsPerTest(async () => {
  app = await startApp();
});

/** Picks an option of a searchable Select by typing part of it key by key. */
async function typeAndChoose(page: Page, label: string, typed: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The first-run wizard up to the operator, as the installation's staff go through it. */
async function setUp(page: Page, role: RegExp, region: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('radio', { name: role }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await region(page);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('textbox', { name: '操作员姓名' }).pressSequentially('王五', { delay: 30 });
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('heading', { name: '首页' }).waitFor();
}

const navigation = (page: Page) => page.getByRole('navigation', { name: '功能导航' });
const navigationLabels = async (page: Page) => (await navigation(page).getByRole('link').allInnerTexts()).map((label) => label.trim());

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 899);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Opens an address directly, as a bookmark or a pasted link does. */
async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => {
    window.location.hash = next;
  }, hash);
}

describe('navigation by installation', () => {
  it('a budget unit shows only the pages of its own records, and says so at the address of another', async () => {
    const { page } = app;
    await setUp(page, /^预算单位/, async (p) => {
      await typeAndChoose(p, '地州市', '巴音', '巴音郭楞蒙古自治州（652800）');
      await typeAndChoose(p, '县市区', '652822', '轮台县（652822）');
      await p.getByRole('textbox', { name: '本单位编码' }).pressSequentially('101001', { delay: 30 });
      await p.getByRole('textbox', { name: '本单位名称' }).pressSequentially('轮台县教育局', { delay: 30 });
    });
    expect(await navigationLabels(page)).toEqual(['首页', '单位与项目', '指标库', '绩效目标', '绩效监控', '绩效自评', '整改问责', '数据交换', '设置']);
    // The unit's 首页 is its own: its projects and targets, nothing about a unit directory to keep.
    const home = page.getByRole('main');
    await home.getByText('本机为轮台县预算单位：轮台县教育局（101001）。').waitFor();
    for (const county of ['预算单位名录', '已登记', '本县', '示例数据库']) expect(await home.innerText()).not.toContain(county);
    await screenshot(page, 'unit-home');

    await open(page, '#/evaluation');
    await page.getByRole('heading', { name: '本机不提供“绩效评价”页面' }).waitFor();
    await page.getByText('本机是预算单位；“绩效评价”在县级财政局办理。', { exact: false }).waitFor();
    // Nothing in the navigation pretends to be the page shown.
    expect(await navigation(page).locator('[aria-current="page"]').count()).toBe(0);
    await screenshot(page, 'unit-not-offered');
    // A prefecture's page across its counties, opened by its address, says where it is offered too.
    await open(page, '#/county-targets');
    await page.getByRole('heading', { name: '本机不提供“各县绩效目标”页面' }).waitFor();
    await page.getByText('“各县绩效目标”在州级财政局（汇总）办理', { exact: false }).waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByRole('heading', { name: '首页' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('a prefecture shows its own pages, points its 首页 to 各县汇总 and never says 本县', async () => {
    const { page } = app;
    await setUp(page, /^州级财政局/, (p) => typeAndChoose(p, '地州市', '652800', '巴音郭楞蒙古自治州（652800）'));
    expect(await navigationLabels(page)).toEqual([
      '首页', '州级汇总', '各县单位与项目', '各县绩效目标', '各县绩效监控', '各县绩效自评', '各县绩效评价', '各县结果应用', '各县整改', '指标库', '数据交换', '设置',
    ]);

    const main = page.getByRole('main');
    await main.getByRole('heading', { name: '各县汇总' }).waitFor();
    const home = await main.innerText();
    for (const county of ['本县', '全县', '预算单位名录', '已登记', '示例数据库']) expect(home).not.toContain(county);
    await screenshot(page, 'prefecture-home');

    // The library the prefecture issues, and 设置: no county wording on those pages either.
    for (const [hash, heading] of [['#/library', '指标库'], ['#/settings', '设置']] as const) {
      await open(page, hash);
      await main.getByRole('heading', { name: heading, exact: true }).waitFor();
      await main.getByText(/\S/).first().waitFor();
      expect(await main.innerText()).not.toContain('本县');
    }
    expect(await main.innerText()).not.toContain('导入州级指标库更新包');

    await open(page, '#/registry');
    await page.getByRole('heading', { name: '本机不提供“单位与项目”页面' }).waitFor();
    await page.getByText('“单位与项目”在县级财政局、预算单位办理', { exact: false }).waitFor();
    expect(await main.getByRole('button', { name: /新增|导入/ }).count()).toBe(0);
    await screenshot(page, 'prefecture-not-offered');

    await open(page, '#/');
    await main.getByRole('link', { name: '查看各县汇总' }).click();
    await main.getByRole('heading', { name: '州级汇总', exact: true }).waitFor();
    await main.getByText(/还没有收到 \d+ 年度的上报包/).waitFor();
    expect(await main.innerText()).not.toContain('本县');
    await screenshot(page, 'prefecture-dashboard');
    expect(app.pageErrors).toEqual([]);
  });
});
