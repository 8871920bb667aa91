// 固化指标 and 目标质量提示 in the browser: the bureau sets the 衔接资金 set on the 指标库 page, a 衔接资金
// project's 申报表 starts with it locked (no delete, no rename — the service refuses both too), a vague word
// typed into an indicator is warned while typing, and the reviewer's grade form lists the warnings.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, appsPerTest, ARTIFACTS_DIR, retype, secureAdmin, signInAs, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let projectId: string;

const PROJECT = '脱贫村通村公路建设';
const WAN = 1_000_000;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('units.create', { code: '301001', name: '轮台县交通运输局', departmentCode: null, isDepartment: true });
    await county.call('units.create', { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001', isDepartment: false });
    await secureAdmin(county);
    await county.call('operators.create', { name: '王审核', role: 'reviewer', password: null });
    await county.call('library.seedStarter', {});
    const project = await county.call('projects.create', {
      year: 2020, code: 'XM2020-XC01', name: PROJECT, departmentCode: '301001', unitCode: '301002', category: '本级支出', attribute: '新增',
      keyProject: false, povertyFund: true, confidential: false, projectTypeCode: 'JT01', startDate: null, endDate: null, personInCharge: '',
      funds: [{ source: '上级补助（中央）', initialFen: 300 * WAN, additionFen: 0, cutFen: 0 }],
    });
    projectId = project.id;
  });
});

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await app.page.mouse.move(1, 899);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Picks a library indicator by typing part of its name, key by key. */
async function addMandatory(typed: string, option: string) {
  const { page } = app;
  const input = page.getByRole('combobox', { name: '添加已入库指标', exact: true });
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('button', { name: '添加固化指标' }).click();
  await page.getByRole('table', { name: '衔接资金的固化指标' }).getByRole('cell', { name: option.replace(/（.*）$/, ''), exact: true }).waitFor();
}

describe('mandatory indicators and target-quality warnings', () => {
  it('starts a 衔接资金 project with its locked mandatory indicators, warns of a vague word while typing, and lists the warnings for the reviewer', async () => {
    const { page } = app;

    // 指标库 → 固化指标: the bureau makes two library indicators mandatory for every 衔接资金 project.
    await page.goto(new URL('#/library/mandatory', app.bridge.url).href);
    await page.getByRole('heading', { name: '还没有固化指标' }).waitFor();
    await addMandatory('带动脱贫', '带动脱贫户和监测户户数（XC01-002）');
    await addMandatory('产业发展比例', '衔接资金用于产业发展比例（XC01-004）');
    console.log(`固化指标：${await screenshot('target-quality-mandatory-tab')}`);

    // The project's new 申报表 starts with them, badged 固化, names read-only, no delete.
    await page.goto(new URL(`#/targets/project/${projectId}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
    const grid = page.getByRole('table', { name: '绩效指标' });
    expect(await grid.getByRole('textbox', { name: '第 1 个指标三级指标' }).inputValue()).toBe('带动脱贫户和监测户户数');
    expect(await grid.getByRole('textbox', { name: '第 2 个指标三级指标' }).inputValue()).toBe('衔接资金用于产业发展比例');
    expect(await grid.getByRole('textbox', { name: '第 3 个指标三级指标' }).inputValue()).toBe('新建（改建）农村公路里程');
    expect(await grid.getByText('固化', { exact: true }).count()).toBe(2);
    expect(await grid.getByRole('button', { name: '第 1 个指标删除' }).count()).toBe(0);
    expect(await grid.getByRole('button', { name: '第 2 个指标删除' }).count()).toBe(0);
    await grid.getByRole('button', { name: '第 3 个指标删除' }).waitFor();
    expect(await grid.getByRole('textbox', { name: '第 1 个指标三级指标' }).getAttribute('readonly')).not.toBeNull();

    // The library's own qualitative 有效降低 is warned already; a vague word typed into a name is warned as it is typed.
    const warnings = page.getByRole('region', { name: '目标质量提示' });
    await warnings.getByText('第 9 个指标“沿线农产品运输成本”的指标值含有“有效”').waitFor();
    expect(await warnings.getByText(/第 3 个指标/).count()).toBe(0);
    await retype(grid.getByRole('textbox', { name: '第 3 个指标三级指标' }), '进一步提高农村公路里程');
    await warnings.getByText('第 3 个指标“进一步提高农村公路里程”的名称含有“进一步”', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: '总体目标' }).pressSequentially('新建改建通村公路 50 公里，带动脱贫户和监测户 800 户增收', { delay: 30 });
    await page.getByRole('textbox', { name: '总体目标' }).blur();
    await page.getByRole('status').getByText('已符合送审要求').waitFor();
    console.log(`填报提示：${await screenshot('target-quality-editor')}`);

    // The service refuses a save that drops a mandatory indicator, whatever a page sends.
    const started = await app.call('targets.forProject', { projectId });
    const without = started.indicators.filter((i) => i.libraryCode !== 'XC01-002');
    await expect(app.call('targets.save', { projectId, version: null, overallGoal: '目标', annualGoals: [], indicators: without })).rejects.toThrow(
      /“带动脱贫户和监测户户数”（衔接资金项目的固化指标）是指标库设定的固化指标，不能删除/,
    );

    await page.getByRole('button', { name: '送审' }).click();
    await page.getByText('已送审，等待审核', { exact: true }).first().waitFor();

    // The reviewer's grade form lists the warnings of what was submitted.
    await signInAs(page, '王审核', '王审核（审核人）');
    await page.goto(new URL('#/targets/inbox/2020', app.bridge.url).href);
    await page.getByRole('table', { name: '待审核' }).getByRole('link', { name: `审核 ${PROJECT}` }).click();
    const review = page.getByRole('region', { name: '目标审核' });
    const listed = review.getByRole('region', { name: '目标质量提示' });
    await listed.getByText('目标质量提示（2 条）').waitFor();
    await listed.getByText('第 3 个指标“进一步提高农村公路里程”的名称含有“进一步”', { exact: false }).waitFor();
    await listed.getByText('第 9 个指标“沿线农产品运输成本”的指标值含有“有效”', { exact: false }).waitFor();
    console.log(`审核提示：${await screenshot('target-quality-review')}`);

    await signInAs(page, '张三', '张三（系统管理员）', ADMIN_PASSWORD);
    expect(app.pageErrors).toEqual([]);
  });
});
