// Databases: the sample county opens in a file of its own, clearly marked, and the real county stays
// free of sample data; new and other databases are created and opened by path, and reopened from 最近打开.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp();
});

const unitCount = async () => (await app.call('stats.get', {})).counts.units;

describe('the sample county', () => {
  it('opens from a fresh real county in its own marked database, and going back leaves the real county without sample units', async () => {
    const { page } = app;
    const realDatabase = await app.call('database.current', {});
    expect(realDatabase.sample).toBe(false);

    await page.getByRole('heading', { name: '先看看软件用起来的样子？' }).waitFor();
    await page.getByRole('button', { name: '打开示例数据库' }).click();

    const banner = page.getByRole('status', { name: '示例数据库' });
    await banner.getByText('示例数据库 · 仅供练习，数据是虚构的，请勿上报').waitFor();
    await banner.getByText('当前文件：示例数据库.db').waitFor();
    await page.getByRole('banner').getByText('示例', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/jixiao-sample-banner.png' });

    // The sample data is there, in the UI and through the API.
    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '单位与项目' }).click();
    await page.getByRole('cell', { name: '轮台县教育局', exact: true }).first().waitFor();
    expect(await unitCount()).toBe(108);
    const sample = await app.call('database.current', {});
    expect(sample).toMatchObject({ fileName: '示例数据库.db', sample: true });
    expect(sample.path).not.toBe(realDatabase.path);

    // 设置 → 本机信息 names the file and its kind.
    await page.goto(new URL('#/settings/installation', app.bridge.url).href);
    const info = page.getByRole('table');
    await info.getByText(sample.path).waitFor();
    await info.getByText('示例数据库（虚构数据，仅供练习）').waitFor();
    await page.screenshot({ path: '/tmp/jixiao-installation.png' });

    await banner.getByRole('button', { name: '返回正式数据库' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('banner').getByText('操作员：张三').waitFor();
    expect(await page.getByRole('banner').getByText('示例', { exact: true }).count()).toBe(0);
    expect(await app.call('database.current', {})).toEqual(realDatabase);
    expect(await unitCount()).toBe(0);
    expect(await app.call('demo.status', {})).toEqual({ present: false, years: [], sample: false });
    expect(app.pageErrors).toEqual([]);
  });
});

describe('文件 › 新建数据库 / 打开数据库', () => {
  it('refuses a bad path in Chinese and stays, creates a new database for first-run setup, and reopens the first one from 最近打开', async () => {
    const { page } = app;
    const realDatabase = await app.call('database.current', {});
    const folder = path.dirname(realDatabase.path);

    await page.getByRole('banner').getByRole('button', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '新建数据库…' }).click();
    const dialog = page.getByRole('dialog', { name: '新建数据库' });
    const field = dialog.getByRole('textbox', { name: '数据库文件路径' });
    await field.clear();
    await field.pressSequentially(path.join(folder, '2027年.xlsx'), { delay: 30 });
    await dialog.getByRole('button', { name: '新建并打开' }).click();
    await dialog.getByText('“2027年.xlsx”不是数据库文件名：数据库文件须以 .db 结尾').waitFor();
    await page.screenshot({ path: '/tmp/jixiao-new-database.png' });
    expect(await app.call('database.current', {})).toEqual(realDatabase);

    await field.clear();
    await field.pressSequentially(path.join(folder, '2027年.db'), { delay: 30 });
    await dialog.getByRole('button', { name: '新建并打开' }).click();
    await page.getByText('首次使用：请完成以下三步设置。').waitFor();
    expect(await app.call('database.current', {})).toMatchObject({ fileName: '2027年.db', sample: false });

    await page.getByRole('button', { name: '切换数据库' }).click();
    await page.getByRole('menuitem', { name: `打开 ${realDatabase.path}` }).waitFor();
    await page.screenshot({ path: '/tmp/jixiao-setup-switch.png' });
    await page.getByRole('menuitem', { name: `打开 ${realDatabase.path}` }).click();
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('banner').getByText('操作员：张三').waitFor();
    expect(await app.call('database.current', {})).toEqual(realDatabase);
    expect(app.pageErrors).toEqual([]);
  });
});
