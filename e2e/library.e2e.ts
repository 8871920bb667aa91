// 指标库 in the browser: load the starter library, find indicators by part of their Chinese name, add one
// with an inline rule error fixed on the spot, propose it and confirm it into the library.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp();
});

/** Picks an option of a (not searchable) Mantine Select inside `scope` by its label, as a user would with the mouse. */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openLibraryWithStarter(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '指标库' }).click();
  await page.getByRole('heading', { name: '指标库还是空的' }).waitFor();
  await page.getByRole('button', { name: '载入初始指标库' }).click();
  const table = page.getByRole('table', { name: '指标' });
  await table.waitFor();
  return table;
}

describe('指标库 in the browser', () => {
  it('loads the starter library and finds indicators by a few characters from the middle of their names', async () => {
    const { page } = app;
    const table = await openLibraryWithStarter(page);
    const search = page.getByRole('textbox', { name: '搜索指标' });

    await search.fill('硬化路');
    await page.getByText('共 1 条指标').waitFor();
    expect(await table.getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).toBe('具备条件的行政村通硬化路率');

    await search.fill('厕所');
    await page.getByText('共 2 条指标').waitFor();
    expect(await table.getByRole('row').filter({ hasText: '厕所' }).count()).toBe(2);

    await search.fill('不存在的指标名');
    await page.getByRole('heading', { name: '没有找到指标' }).waitFor();
    await page.getByRole('button', { name: '清除搜索' }).click();
    await page.getByText(/^共 \d{3} 条指标$/).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('adds an indicator with an inline error fixed on the spot, proposes it, and confirms it into the library', async () => {
    const { page } = app;
    await openLibraryWithStarter(page);
    await page.getByRole('navigation', { name: '项目类型' }).getByRole('button', { name: /农村公路建设/ }).click();
    await page.getByText('共 11 条指标').waitFor();

    await page.getByRole('button', { name: '新增指标' }).first().click();
    const form = page.getByRole('dialog', { name: '新增指标' });
    await pick(page, form, '二级指标', '数量指标');
    await form.getByRole('textbox', { name: '三级指标' }).fill('安装波形护栏长度');
    await pick(page, form, '指标性质', '≥');
    await form.getByRole('textbox', { name: '参考值' }).fill('三公里');
    await form.getByRole('textbox', { name: '计量单位' }).fill('公里');
    await form.getByText('定量指标的参考值应为数字').waitFor();

    await form.getByRole('textbox', { name: '参考值' }).fill('3');
    await form.getByText('定量指标的参考值应为数字').waitFor({ state: 'hidden' });
    await form.getByRole('button', { name: '保存并提交入库申请' }).click();
    await form.waitFor({ state: 'hidden' });

    const table = page.getByRole('table', { name: '指标' });
    const row = table.getByRole('row').filter({ hasText: '安装波形护栏长度' });
    await row.getByText('待确认').waitFor();
    expect(await row.getByRole('cell').first().innerText()).toBe('JT01-652822-001');

    await row.getByRole('button', { name: '确认入库 安装波形护栏长度' }).click();
    const confirm = page.getByRole('dialog', { name: '确认入库：安装波形护栏长度' });
    await confirm.getByRole('button', { name: '确认入库' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('已入库').waitFor();
    await page.getByText('指标库更新为第 2 版').waitFor();

    await page.getByRole('tab', { name: '版本' }).click();
    const versions = page.getByRole('table', { name: '指标库版本' });
    await versions.getByRole('row').filter({ hasText: '第 2 版' }).getByText('确认入库 1 条指标：安装波形护栏长度').waitFor();
    await versions.getByRole('row').filter({ hasText: '第 1 版' }).getByText('随软件提供的初始指标库').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('opens a row of the search as the whole indicator, read when opened, and saves a change to it', async () => {
    const { page } = app;
    const table = await openLibraryWithStarter(page);
    await page.getByRole('textbox', { name: '搜索指标' }).pressSequentially('硬化路', { delay: 30 });
    await page.getByText('共 1 条指标').waitFor();
    await table.getByRole('button', { name: '修改 具备条件的行政村通硬化路率' }).click();

    // The row carries what the list shows; the basis (not the default one) comes with the indicator itself.
    const form = page.getByRole('dialog', { name: '修改指标：具备条件的行政村通硬化路率' });
    await form.getByRole('textbox', { name: '参考值' }).waitFor();
    expect(await form.getByRole('combobox', { name: '设定依据' }).inputValue()).toBe('行业标准');
    expect(await form.getByRole('textbox', { name: '指标解释' }).inputValue()).toBe('通硬化路的具备条件行政村数÷具备条件的行政村总数×100%。');
    const reference = form.getByRole('textbox', { name: '参考值' });
    await reference.selectText();
    await reference.pressSequentially('98', { delay: 30 });
    await page.screenshot({ path: '/tmp/firstscreen-library-opened.png' });
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = table.getByRole('row').filter({ hasText: '具备条件的行政村通硬化路率' });
    await row.getByText('草稿').waitFor();
    await row.getByText('=98%').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('takes no bare version file on the 版本 tab: the prefecture’s library comes as a signed package through 数据交换', async () => {
    const { page } = app;
    await openLibraryWithStarter(page);
    await page.getByRole('tab', { name: '版本' }).click();
    await page.getByRole('table', { name: '指标库版本' }).getByText('随软件提供的初始指标库').waitFor();
    expect(await page.getByRole('button', { name: /导入上级下发的版本|导出当前版本/ }).count()).toBe(0);
    await page.getByText(/导出签名的指标库更新包下发各县/).waitFor();
    await page.screenshot({ path: '/tmp/exchange-library-versions.png' });
    await page.getByRole('button', { name: '前往数据交换' }).click();
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
