// The pages that name or pick budget units (绩效目标, 指标库, 数据交换) never download the county's units
// register: their lists come with the names joined in, and the 提出单位 picker searches the register on the
// server (units.lookup) 50 units at a time, as a big county with a thousand units needs.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appsPerTest, startCountyApp, type AppUnderTest } from './harness';

const SCHOOLS = 120;
const PROJECT = '村级道路硬化工程';

let app: AppUnderTest;
let projectId: string;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '101001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    for (let n = 1; n <= SCHOOLS; n++) {
      await county.call('units.create', { code: `102${String(n).padStart(3, '0')}`, name: `轮台县第${n}村委会`, departmentCode: '101001', isDepartment: false });
    }
    const project = await county.call('projects.create', {
      year: 2020, code: 'XM2020001', name: PROJECT, departmentCode: '101001', unitCode: '102117', category: '本级支出', attribute: '新增',
      keyProject: false, povertyFund: false, confidential: false, projectTypeCode: null, startDate: '2020-03-01', endDate: '2020-11-30',
      personInCharge: '李四', funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }],
    });
    projectId = project.id;
  });
});

/** Every channel the page calls from now on, in order. */
function channelsCalled(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke')) calls.push((JSON.parse(request.postData() ?? '{}') as { channel: string }).channel);
  });
  return calls;
}

const goTo = (page: Page, route: string) => page.goto(new URL(`#/${route}`, app.bridge.url).href);

describe('pages that name or pick units without the units list', () => {
  it('picks a library indicator’s 提出单位 by typing part of its name, from a server search of the register', async () => {
    const { page } = app;
    const calls = channelsCalled(page);
    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '指标库' }).click();
    await page.getByRole('button', { name: '载入初始指标库' }).click();
    await page.getByRole('table', { name: '指标' }).waitFor();
    await page.getByRole('navigation', { name: '项目类型' }).getByRole('button', { name: /农村公路建设/ }).click();
    await page.getByRole('button', { name: '新增指标' }).first().click();
    const form = page.getByRole('dialog', { name: '新增指标' });
    await form.getByRole('combobox', { name: '二级指标', exact: true }).click();
    await page.getByRole('option', { name: '数量指标', exact: true }).click();
    await form.getByRole('textbox', { name: '三级指标' }).pressSequentially('新建会车平台数量', { delay: 30 });
    await form.getByRole('combobox', { name: '指标性质', exact: true }).click();
    await page.getByRole('option', { name: '≥', exact: true }).click();
    await form.getByRole('textbox', { name: '参考值' }).pressSequentially('12', { delay: 30 });
    await form.getByRole('textbox', { name: '计量单位' }).pressSequentially('个', { delay: 30 });

    const picker = form.getByRole('combobox', { name: '提出单位', exact: true });
    await picker.click();
    // The first page of the register, and how many more a search would reach.
    await page.getByRole('option', { name: '轮台县交通运输局（101001）', exact: true }).waitFor();
    await page.getByRole('option', { name: `还有 ${SCHOOLS + 1 - 50} 个单位，请输入名称或编码缩小范围` }).waitFor();
    await picker.pressSequentially('第117', { delay: 30 });
    const found = page.getByRole('option', { name: '轮台县第117村委会（102117）', exact: true });
    await found.waitFor();
    expect(await page.getByRole('option').count()).toBe(1);
    await page.screenshot({ path: '/tmp/unit-lookup-library.png' });
    await found.click();
    expect(await picker.inputValue()).toBe('轮台县第117村委会（102117）');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: '指标' }).getByRole('row').filter({ hasText: '新建会车平台数量' });
    await row.waitFor();
    await row.getByRole('button', { name: /新建会车平台数量/ }).first().click();
    const reopened = page.getByRole('dialog', { name: /新建会车平台数量/ });
    await reopened.waitFor();
    await expect.poll(() => reopened.getByRole('combobox', { name: '提出单位', exact: true }).inputValue()).toBe('轮台县第117村委会（102117）');
    expect(calls).toContain('units.lookup');
    expect(calls).not.toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });

  it('names the project’s unit on the targets list and the 申报表, and the parties on 数据交换, without the units list', async () => {
    const { page } = app;
    const calls = channelsCalled(page);
    await goTo(page, 'targets/projects/2020');
    const row = page.getByRole('row').filter({ hasText: PROJECT });
    await row.getByText('轮台县第117村委会').waitFor();

    await goTo(page, `targets/project/${projectId}`);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
    await page.getByText('轮台县第117村委会').first().waitFor();
    await page.getByText('轮台县交通运输局').first().waitFor();
    await page.screenshot({ path: '/tmp/unit-lookup-target.png' });

    await goTo(page, 'exchange/history');
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    await page.getByRole('tab', { name: /往来记录/ }).waitFor();
    expect(calls).toEqual(expect.arrayContaining(['targets.overview', 'targets.forProject', 'exchange.history']));
    expect(calls).not.toContain('units.list');
    expect(app.pageErrors).toEqual([]);
  });
});
