// 设置 → 操作员 as the administrator: change one's own password and sign in with it, give a clerk
// another role and deactivate them; the last administrator cannot be demoted.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, appsPerTest, chooseOption, secureAdmin, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await secureAdmin(county);
    await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
  });
});

describe('设置 → 操作员', () => {
  it('changes the administrator’s own password, which the next sign-in then asks for', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/operators', app.bridge.url).href);
    await page.getByRole('button', { name: '修改我的密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改我的密码' });
    await dialog.getByLabel('当前密码', { exact: true }).pressSequentially(ADMIN_PASSWORD, { delay: 30 });
    await dialog.getByLabel('登录密码', { exact: true }).pressSequentially('张三的新密码', { delay: 30 });
    await dialog.getByLabel('确认密码', { exact: true }).pressSequentially('张三的新密码', { delay: 30 });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: '操作员' }).getByRole('row').filter({ hasText: '张三' }).getByText('已设置').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await chooseOption(page, '操作员', '张三', '张三（系统管理员）');
    await page.getByLabel('密码', { exact: true }).pressSequentially('猜错了', { delay: 30 });
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('密码不正确，请重新输入').waitFor();
    await page.getByLabel('密码', { exact: true }).clear();
    await page.getByLabel('密码', { exact: true }).pressSequentially('张三的新密码', { delay: 30 });
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('banner').getByText('操作员：张三').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('asks a password-less administrator of an older database, beside other operators, to set a password while signing in', async () => {
    const { page } = app;
    // Such a database predates the rule; only a write to the file itself can make one now.
    const { path: file } = await app.call('database.current', {});
    const older = new Database(file);
    older.prepare("UPDATE operators SET password_hash = NULL WHERE name = '张三'").run();
    older.close();

    await page.getByRole('button', { name: '退出登录' }).click();
    await chooseOption(page, '操作员', '张三', '张三（系统管理员）');
    await page.getByText('已有其他操作员，系统管理员必须设置登录密码：请设置密码后登录。设置后，以后登录都需要输入这个密码。').waitFor();
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请设置登录密码', { exact: true }).waitFor();
    // The field is marked required, so its name carries the asterisk.
    await page.getByLabel(/^登录密码/).pressSequentially('张三的新密码', { delay: 30 });
    await page.getByLabel('确认密码', { exact: true }).pressSequentially('张三的新密码', { delay: 30 });
    await page.screenshot({ path: '/tmp/jixiao-sign-in-set-password.png' });
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('banner').getByText('操作员：张三').waitFor();
    expect((await app.call('operators.list', {})).find((o) => o.name === '张三')?.hasPassword).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('gives a clerk the reviewer role, deactivates them, and refuses to demote the only administrator', async () => {
    const { page } = app;
    await page.goto(new URL('#/settings/operators', app.bridge.url).href);
    const table = page.getByRole('table', { name: '操作员' });
    await table.getByRole('combobox', { name: '李经办的角色' }).click();
    await page.getByRole('option', { name: '审核人', exact: true }).click();
    await page.getByText('已变更角色').waitFor();
    await page.getByRole('table', { name: '操作员' }).getByRole('button', { name: '停用 李经办' }).click();
    await page.getByRole('table', { name: '操作员' }).getByRole('button', { name: '启用 李经办' }).waitFor();

    await page.getByRole('table', { name: '操作员' }).getByRole('combobox', { name: '张三的角色' }).click();
    await page.getByRole('option', { name: '经办人', exact: true }).click();
    await page.getByText('“张三”是唯一在用的系统管理员，不能停用或改为其他角色；请先指定另一位系统管理员').waitFor();
    await page.screenshot({ path: '/tmp/jixiao-operators-manage.png' });
    const operators = await app.call('operators.list', {});
    expect(operators.map((o) => [o.name, o.role, o.active])).toEqual([['张三', 'admin', true], ['李经办', 'reviewer', false]]);
    expect(app.pageErrors).toEqual([]);
  });
});
