// Issue 17 in the browser: the projects list shows its units' names from its own answer, without
// downloading every unit, and 设置 → 本机信息 says how the file was last closed and checked, and runs the
// full integrity check on demand.
import { describe, expect, it } from 'vitest';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp((county) => county.call('database.openSample', { year: 2020 }), { sampleMade: true });
});

/** The contract channels the page asks for from now on. */
function channelsAsked(app: AppUnderTest): string[] {
  const asked: string[] = [];
  app.page.on('request', (request) => {
    if (!request.url().endsWith('/api/invoke')) return;
    const channel = (JSON.parse(request.postData() ?? '{}') as { channel?: string }).channel;
    if (channel) asked.push(channel);
  });
  return asked;
}

describe('the projects list', () => {
  it('shows each project’s unit by name and finds projects by it, without downloading the units, even for the form', async () => {
    const { page } = app;
    const asked = channelsAsked(app);
    await page.goto(new URL('#/registry/projects/2020', app.bridge.url).href);
    const table = page.getByRole('table', { name: '项目' });
    await page.getByText(/共 \d+ 个项目/).waitFor();
    await table.getByText('轮台县教育局').first().waitFor();
    expect(asked).toContain('projects.list');
    expect(asked).not.toContain('units.list');

    await page.getByRole('textbox', { name: '搜索项目' }).pressSequentially('轮台县教育局', { delay: 30 });
    await page.getByText(/筛选出 \d+ 个/).waitFor();
    await page.screenshot({ path: '/tmp/sf/projects-by-unit-name.png' });

    await page.getByRole('button', { name: '新增项目' }).click();
    await page.getByRole('dialog', { name: '新增 2020 年项目' }).waitFor();
    await page.getByRole('combobox', { name: '实施单位', exact: true }).click();
    await page.getByRole('option', { name: /还有 \d+ 个单位，请输入名称或编码缩小范围/ }).waitFor();
    expect(asked).toContain('units.lookup');
    expect(asked).not.toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('设置 → 本机信息', () => {
  it('says a copied file was quick-checked on opening and a cleanly closed one was not, and runs and remembers the full check', async () => {
    const { page } = app;
    // The sample is a copy made for this test: no clean close of it was ever recorded.
    await page.goto(new URL('#/settings/installation', app.bridge.url).href);
    const row = (label: string) => page.getByRole('row').filter({ hasText: label });
    await row('上次关闭').getByText('上次未正常关闭，打开时已做快速检查，未发现问题').waitFor();
    await row('上次关闭').getByText(/^快速检查于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 打开时完成/).waitFor();
    await row('数据库完整性').getByText('此文件还没有做过完整性检查（立即备份前也会检查）。').waitFor();

    const button = page.getByRole('button', { name: '完整性检查' });
    await page.getByText('逐页、逐条核对数据和索引').waitFor();
    await button.click();
    await page.getByRole('status').filter({ hasText: '数据库完好' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '数据库完好' }).textContent()).toMatch(/检查，用时 \d+\.\d 秒/);
    await row('数据库完整性').getByText(/^上次完整性检查：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，张三，完好。$/).waitFor();
    // The button's label slides back in after its loader: the screenshot waits for it.
    await expect.poll(() => button.getAttribute('data-loading')).toBeNull();
    await page.waitForTimeout(300);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/sf/integrity-check.png', fullPage: true });

    // Back to the real database, which the switch to the sample closed cleanly: opening it only checked its header.
    await page.getByRole('button', { name: '返回正式数据库' }).click();
    await page.getByRole('button', { name: '返回正式数据库' }).waitFor({ state: 'detached' });
    await page.goto(new URL('#/settings/installation', app.bridge.url).href);
    await row('上次关闭').getByText('正常', { exact: true }).waitFor();
    await row('上次关闭').getByText(/只核对了文件头和大小/).waitFor();
    await row('数据库完整性').getByText('此文件还没有做过完整性检查（立即备份前也会检查）。').waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/sf/installation-clean.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });
});
