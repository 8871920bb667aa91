// 部门整体绩效监控 in the browser over the sample county: a round opened over the year's approved targets
// lists each unit's whole-budget sheet under 部门整体; a clerk types what was executed of 基本支出 and 项目支出
// and an indicator's value reached key by key, sees the lights follow, saves, and the list shows them.
import { describe, expect, it } from 'vitest';
import { budgetPartsOf } from '../electron/domain/departmentMonitoring';
import { wanYuanText } from '../electron/domain/money';
import { assessSheet, LIGHT_LABELS, sheetRules } from '../electron/domain/monitoring';
import type { DepartmentSheetDetail } from '../electron/monitoring/departmentSheets';
import { appsPerTest, retype, startCountyApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let roundId: string;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    roundId = (await county.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' })).id;
  }, { sampleMade: true });
});

/** The first department sheet with a budget in both parts and a quantitative indicator. */
async function departmentSheet(): Promise<DepartmentSheetDetail> {
  for (const row of await app.call('monitoring.departmentSheets', { roundId })) {
    const sheet = await app.call('monitoring.departmentSheet', { sheetId: row.id });
    if (sheet.basicBudgetFen >= 1_000_000 && sheet.projectBudgetFen >= 1_000_000 && sheet.indicators.some((i) => i.operator === '≥')) return sheet;
  }
  throw new Error('样例县没有带预算和定量指标的部门整体监控表');
}

/** Seven tenths of a budget part, in whole 百元 so the 万元 text is exact. */
const sevenTenths = (fen: number) => Math.round((fen * 7) / 10 / 10_000) * 10_000;

describe('department-wide monitoring in the browser', () => {
  it('fills the whole budget and an indicator under 部门整体, saves, and shows the lights', async () => {
    const { page } = app;
    const sheet = await departmentSheet();
    await page.goto(new URL(`#/monitoring/round/${roundId}`, app.bridge.url).href);
    await page.getByRole('tab', { name: '部门整体' }).click();
    const list = page.getByRole('table', { name: '部门整体监控表' });
    await list.getByRole('link', { name: sheet.unitName }).click();
    await page.getByRole('heading', { name: `${sheet.unitName} · 部门整体绩效监控` }).waitFor();

    const basic = sevenTenths(sheet.basicBudgetFen);
    const project = sevenTenths(sheet.projectBudgetFen);
    await retype(page.getByRole('textbox', { name: '基本支出执行数' }), wanYuanText(basic));
    await retype(page.getByRole('textbox', { name: '项目支出执行数' }), wanYuanText(project));
    const index = sheet.indicators.findIndex((i) => i.operator === '≥');
    const indicator = sheet.indicators[index]!;
    await retype(page.getByRole('textbox', { name: `${indicator.name}完成值`, exact: true }), indicator.target);

    // The lights the domain gives these figures by the round's rules: the page must show the same.
    const typed = sheet.indicators.map((i, n) => ({ ...i, reached: n === index ? indicator.target : i.reached }));
    const expected = assessSheet(
      { funds: budgetPartsOf({ ...sheet, basicExecutedFen: basic, projectExecutedFen: project }), submitted: false, budget: sheet.budget, indicators: typed },
      sheetRules(sheet.rules),
    );
    const result = page.getByRole('region', { name: '监控结果' });
    expect(await result.getByLabel('预算执行灯').innerText()).toBe(LIGHT_LABELS[expected.budgetLight]);
    expect(await page.getByLabel(`${indicator.name}灯色`).innerText()).toBe(LIGHT_LABELS[expected.indicators[index]!.light]);

    // An executed 基本支出 above its budget is refused while typing.
    await retype(page.getByRole('textbox', { name: '基本支出执行数' }), wanYuanText(sheet.basicBudgetFen + 1_000_000));
    await page.getByRole('alert').filter({ hasText: '执行数超过预算（超支）' }).waitFor();
    await retype(page.getByRole('textbox', { name: '基本支出执行数' }), wanYuanText(basic));

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(async () => (await app.call('monitoring.departmentSheet', { sheetId: sheet.id })).basicExecutedFen).toBe(basic);
    const saved = await app.call('monitoring.departmentSheet', { sheetId: sheet.id });
    expect(saved).toMatchObject({ projectExecutedFen: project, figures: { budgetLight: expected.budgetLight } });
    expect(saved.indicators[index]!.reached).toBe(indicator.target);
    await page.screenshot({ path: '/tmp/deptmon-sheet.png', fullPage: true });

    await page.getByRole('link', { name: /部门整体$/ }).click();
    const row = page.getByRole('table', { name: '部门整体监控表' }).getByRole('row').filter({ hasText: sheet.unitName });
    expect(await row.getByLabel(`${sheet.unitName}预算执行灯`).innerText()).toBe(LIGHT_LABELS[expected.budgetLight]);
    await page.screenshot({ path: '/tmp/deptmon-list.png' });
    expect(app.pageErrors).toEqual([]);
  });
});
