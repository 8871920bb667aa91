// Small things a clerk hit: the first click in a fresh dialog acts, a required 资金来源 cannot be
// deselected, one bad 分值 gives one message, and a submitted sheet reads as text rather than grey boxes.
import { describe, expect, it } from 'vitest';
import { appsPerTest, retype, startCountyApp, type AppUnderTest } from './harness';
import { reportSheet } from './monitoringData';

let app: AppUnderTest;

appsPerTest(async () => {
  app = await startCountyApp((county) => county.call('database.openSample', { year: 2020 }), { sampleMade: true });
});

describe('a fresh dialog', () => {
  it('acts on the first click of 保存 in 新增单位 after typing the first field', async () => {
    const { page } = app;
    await page.goto(new URL('#/registry/units', app.bridge.url).href);
    await page.getByRole('button', { name: '新增单位' }).click();
    const dialog = page.getByRole('dialog', { name: '新增单位' });
    await dialog.getByRole('textbox', { name: '单位编码' }).pressSequentially('10', { delay: 30 });
    expect(await dialog.getByText('单位编码应为 3–20 位数字或字母').count()).toBe(0);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写单位名称').waitFor();
    await dialog.getByText('单位编码应为 3–20 位数字或字母').waitFor();

    // From then on the messages follow the typing.
    const code = dialog.getByRole('textbox', { name: '单位编码' });
    await code.click();
    await code.press('End');
    await code.pressSequentially('9901', { delay: 30 });
    await dialog.getByText('单位编码应为 3–20 位数字或字母').waitFor({ state: 'detached' });
    await dialog.getByRole('textbox', { name: '单位名称' }).pressSequentially('轮台县档案馆', { delay: 30 });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await app.call('units.list', {})).some((u) => u.code === '109901' && u.name === '轮台县档案馆')).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('acts on the first click of 保存 in 新增项目, and keeps the chosen 资金来源 when it is clicked again', async () => {
    const { page } = app;
    await page.goto(new URL('#/registry/projects/2020', app.bridge.url).href);
    await page.getByRole('button', { name: '新增项目' }).click();
    const dialog = page.getByRole('dialog', { name: '新增 2020 年项目' });
    await dialog.getByRole('textbox', { name: '项目编码' }).pressSequentially('XM2020-T01', { delay: 30 });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写项目名称').waitFor();
    await dialog.getByText('请选择实施单位').waitFor();

    const source = dialog.getByRole('textbox', { name: '第 1 行资金来源' }).or(dialog.getByRole('combobox', { name: '第 1 行资金来源' }));
    const chosen = await source.inputValue();
    expect(chosen).not.toBe('');
    await source.click();
    await page.getByRole('option', { name: chosen, exact: true }).click();
    expect(await source.inputValue()).toBe(chosen);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('the weights of a 申报表', () => {
  it('gives one message for rows left without a weight and one at a bad cell, and counts each once', async () => {
    const { page } = app;
    const open = (await app.call('projects.list', { year: 2020 })).find((p) => p.targetStatus === 'draft' || p.targetStatus === 'returned')!;
    const target = await app.call('targets.forProject', { projectId: open.id });
    expect(target.indicators.length).toBeGreaterThan(2);
    await app.call('targets.save', { projectId: open.id, version: target.version, overallGoal: target.overallGoal, annualGoals: target.annualGoals, indicators: target.indicators.map((i) => ({ ...i, weight: '' })) });
    await page.goto(new URL(`#/targets/project/${open.id}`, app.bridge.url).href);
    const grid = page.getByRole('table', { name: '绩效指标' });
    const weight = grid.getByRole('textbox', { name: '第 1 个指标分值' });
    await page.getByRole('status').getByText('已符合送审要求').waitFor();

    await retype(weight, '10');
    const rows = target.indicators.slice(1).map((_, n) => n + 2).join('、');
    await page.getByRole('alert', { name: '指标问题' }).getByText(`第 ${rows} 个指标还没有分值`, { exact: false }).waitFor();
    expect(await page.getByText('还没有分值', { exact: false }).count()).toBe(1);
    await page.getByRole('status').getByText('送审前还需修改 1 处').waitFor();

    await retype(weight, '1O');
    await grid.getByText('分值应为不小于 0 的数字').waitFor();
    expect(await page.getByText('分值应为不小于 0 的数字').count()).toBe(1);
    expect(await page.getByText('还没有分值', { exact: false }).count()).toBe(0);
    await page.getByRole('status').getByText('送审前还需修改 1 处').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});

describe('a submitted monitoring sheet', () => {
  it('shows its figures and analysis as text, not as disabled inputs', async () => {
    const { page } = app;
    const round = await app.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    const [first] = await app.call('monitoring.sheets', { roundId: round.id });
    const sheet = await reportSheet(app, first!.id, { executed: (adjusted) => adjusted, analysis: '项目按计划推进，资金支付与序时进度基本一致。' });
    await app.call('monitoring.transition', { sheetId: sheet.id, version: sheet.version, action: 'submit' });
    await page.goto(new URL(`#/monitoring/sheet/${sheet.id}`, app.bridge.url).href);
    await page.getByRole('alert', { name: '已送审，等待审核', exact: true }).waitFor();

    const fund = sheet.funds[0]!;
    expect(await page.getByRole('textbox', { name: `${fund.source}执行数` }).count()).toBe(0);
    expect(await page.getByLabel(`${fund.source}执行数`).innerText()).toBe((fund.adjustedFen / 1_000_000).toFixed(4));
    expect(await page.getByLabel('三、情况分析').innerText()).toBe('项目按计划推进，资金支付与序时进度基本一致。');
    const indicator = sheet.indicators.find((i) => i.operator !== '定性')!;
    expect(await page.getByLabel(`${indicator.name}完成值`).innerText()).toBe(indicator.target);
    expect(await page.locator('input:disabled, textarea:disabled').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
