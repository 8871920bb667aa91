// What a clerk (经办人) sees of the administrator's pages: the controls are there but disabled, with the
// reason from the permission table, and the page signs back in to a fresh session per browser.
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, appsPerTest, secureAdmin, startCountyApp, type AppUnderTest } from './harness';

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
    // The empty list does not tell the clerk to press a button they may not press.
    await page.getByText('备份和恢复由系统管理员办理：需要备份或从备份恢复时，请联系系统管理员。从备份恢复之前，程序也会先自动备份当前数据。').waitFor();
    expect(await page.getByText('点“立即备份”').count()).toBe(0);
    expect(await page.getByRole('button', { name: '立即备份' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '上传备份文件' }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/jixiao-clerk-backup.png' });
    expect(app.pageErrors).toEqual([]);
  });

  it('is told on 首页 whom to ask for settings, colleagues and backups', async () => {
    const { page } = app;
    await page.goto(new URL('#/', app.bridge.url).href);
    await page.getByText('参数设置、操作员和数据备份由系统管理员办理；需要修改参数、添加同事或备份、恢复数据时，请联系系统管理员。', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: '添加操作员' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('a 主管部门审核人 on empty registers', () => {
  it('is not offered 新增 or 导入 on an empty project list, and told who enters projects', async () => {
    const { page } = app;
    await app.call('session.signIn', { operatorId: (await app.call('operators.list', {})).find((o) => o.role === 'admin')!.id, password: ADMIN_PASSWORD });
    await app.call('units.create', { code: '301001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    const reviewer = await app.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: '301001' });
    await app.call('session.signIn', { operatorId: reviewer.id, password: null });
    await page.goto(new URL('#/registry/projects/2020', app.bridge.url).href);
    await page.reload();
    await page.getByRole('heading', { name: '还没有 2020 年的项目' }).waitFor();
    await page.getByText('主管部门审核人不能填报和送审，请由系统管理员、绩效办、审核人或经办人操作').waitFor();
    expect(await page.getByRole('button', { name: '新增项目' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/jixiao-department-empty-projects.png' });
    expect(app.pageErrors).toEqual([]);
  });
});
