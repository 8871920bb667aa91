// Issue 17 in the browser: the projects list shows its units' names from its own answer, without
// downloading every unit, and 设置 → 本机信息 runs the full integrity check on demand.
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
  it('shows each project’s unit by name and finds projects by it, without downloading the units until the form opens', async () => {
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
    expect(asked).toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('设置 → 本机信息', () => {
  it('runs the full integrity check on demand and says the database is sound', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/installation', app.bridge.url).href);
    const button = page.getByRole('button', { name: '完整性检查' });
    await button.waitFor();
    await page.getByText('逐页、逐条核对数据和索引').waitFor();
    await button.click();
    await page.getByRole('status').filter({ hasText: '数据库完好' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '数据库完好' }).textContent()).toMatch(/检查，用时 \d+\.\d 秒/);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/sf/integrity-check.png' });
    expect(app.pageErrors).toEqual([]);
  });
});
