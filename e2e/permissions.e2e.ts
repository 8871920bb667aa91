// What a clerk (经办人) sees of the administrator's pages: the controls are there but disabled, with the
// reason from the permission table, and the page signs back in to a fresh session per browser.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, appsPerTest, secureAdmin, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await secureAdmin(county);
    const clerk = await county.call('operators.create', { name: '李经办', role: 'clerk', password: null });
    // The harness shares the page's session, so the page comes up signed in as the clerk.
    await county.call('session.signIn', { operatorId: clerk.id, password: null });
  }, { sampleMade: true });
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

const MAY_NOT_ENTER = '主管部门审核人不能填报和送审，请由系统管理员、绩效办、审核人或经办人操作';

describe('a 主管部门审核人 on filled pages', () => {
  it('is offered no 新增 or 导入 on the sample county’s units, projects, targets, library, monitoring, self-evaluation and exchange pages, and told who may', async () => {
    const { page } = app;
    const admin = (await app.call('operators.list', {})).find((o) => o.role === 'admin')!;
    await app.call('session.signIn', { operatorId: admin.id, password: ADMIN_PASSWORD });
    await app.call('database.openSample', { year: 2020 });
    await app.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });
    if ((await app.call('monitoring.rounds', { year: 2020 })).length === 0) await app.call('monitoring.createDefaultRounds', { year: 2020 });
    const [round] = await app.call('monitoring.rounds', { year: 2020 });
    const department = (await app.call('units.list', {})).find((u) => u.isDepartment)!;
    const reviewer = await app.call('operators.create', { name: '马部门', role: 'department', password: null, departmentCode: department.code });
    await app.call('session.signIn', { operatorId: reviewer.id, password: null });
    await page.reload();

    // Each page with its list (or the exchange page's import card) filled, and the buttons that would be refused.
    const pages: { url: string; ready: Locator; hidden: string[] }[] = [
      { url: '#/registry/units', ready: page.getByRole('table', { name: '预算单位' }), hidden: ['新增单位', '从 Excel 导入'] },
      { url: '#/registry/projects/2020', ready: page.getByRole('table', { name: '项目' }), hidden: ['新增项目', '从预算系统导入'] },
      { url: '#/targets/projects/2020', ready: page.getByRole('table', { name: '项目绩效目标' }), hidden: ['导入填好的模板'] },
      { url: '#/library', ready: page.getByRole('table', { name: '指标' }), hidden: ['新增指标', 'Excel 导入'] },
      { url: `#/monitoring/round/${round!.id}/sheets`, ready: page.getByRole('table', { name: '监控表' }), hidden: ['导入预算执行数', '导入单位填报表'] },
      { url: '#/exchange', ready: page.getByRole('heading', { name: '导入州级反馈包或回执' }), hidden: ['选择数据包文件（.zip）'] },
    ];
    for (const shown of pages) {
      await page.goto(new URL(shown.url, app.bridge.url).href);
      await shown.ready.waitFor();
      await page.getByText(MAY_NOT_ENTER).first().waitFor();
      for (const name of shown.hidden) expect({ page: shown.url, name, count: await page.getByRole('button', { name }).count() }).toEqual({ page: shown.url, name, count: 0 });
    }
    // Nor do the registers' rows offer to change a unit or a project; a project still leads to its targets.
    for (const [url, table] of [['#/registry/units', '预算单位'], ['#/registry/projects/2020', '项目']] as const) {
      await page.goto(new URL(url, app.bridge.url).href);
      await page.getByRole('table', { name: table }).getByRole('row').nth(1).waitFor();
      expect({ url, count: await page.getByRole('button', { name: /^(修改|删除|停用|启用) / }).count() }).toEqual({ url, count: 0 });
    }
    expect(await page.getByRole('link', { name: /的绩效目标$/ }).count()).toBeGreaterThan(0);
    // Project types belong to whoever confirms library entries.
    await page.goto(new URL('#/library', app.bridge.url).href);
    await page.getByText('主管部门审核人不能确认指标库条目，请由系统管理员、绩效办或审核人操作').first().waitFor();
    expect(await page.getByRole('button', { name: '新增项目类型' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/jixiao-department-library.png' });

    // The year's self-evaluations: only its own department's, none to start.
    await page.goto(new URL('#/selfEvaluation/2020', app.bridge.url).href);
    await page.getByRole('table', { name: '自评列表' }).waitFor();
    await page.getByText(MAY_NOT_ENTER).first().waitFor();
    expect(await page.getByRole('button', { name: /^开始自评/, disabled: false }).count()).toBe(0);
    const listed = await app.call('selfEvaluation.list', { year: 2020 });
    const projects = new Map((await app.call('targets.overview', { year: 2020 })).projects.map((p) => [p.projectId, p.departmentCode]));
    expect(listed.length).toBeGreaterThan(0);
    expect([...new Set(listed.map((r) => projects.get(r.projectId)))]).toEqual([department.code]);
    await page.screenshot({ path: '/tmp/jixiao-department-self-evaluations.png' });

    // A draft of its own department's unit: readable, but 保存草稿 and 送审 are the unit's.
    const draft = (await app.call('targets.overview', { year: 2020 })).projects.find((p) => p.status === 'draft' || p.status === null)!;
    await page.goto(new URL(`#/targets/project/${draft.projectId}`, app.bridge.url).href);
    await page.getByRole('heading', { name: '项目支出绩效目标申报表', exact: true }).waitFor();
    await page.getByText(MAY_NOT_ENTER).first().waitFor();
    expect(await page.getByRole('button', { name: '送审' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存草稿' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
