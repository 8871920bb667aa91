// What a clerk (经办人) sees of the administrator's pages: the controls are there but disabled, with the
// reason from the permission table, and the page signs back in to a fresh session per browser.
import { describe, expect, it } from 'vitest';
import { appsPerTest, secureAdmin, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await secureAdmin(county);
    const clerk = await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    // The harness shares the page's session, so the page comes up signed in as the clerk.
    await county.call('session.signIn', { operatorId: clerk.id, password: null });
  });
});

describe('a clerk on the administrator’s pages', () => {
  it('finds 添加操作员 disabled and told that only a 系统管理员 manages operators', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/operators', app.bridge.url).href);
    await page.getByRole('table', { name: '操作员' }).getByText('李经办').waitFor();
    expect(await page.getByRole('button', { name: '添加操作员' }).isDisabled()).toBe(true);
    await page.getByText('经办人不能管理操作员，请由系统管理员操作').waitFor();
    await page.screenshot({ path: '/tmp/jixiao-clerk-operators.png' });
    expect(app.pageErrors).toEqual([]);
  });

  it('cannot back up, upload or restore, and sees why', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/backup', app.bridge.url).href);
    await page.getByText('经办人不能备份与恢复，请由系统管理员操作').waitFor();
    expect(await page.getByRole('button', { name: '立即备份' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '上传备份文件' }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/jixiao-clerk-backup.png' });
    expect(app.pageErrors).toEqual([]);
  });
});
