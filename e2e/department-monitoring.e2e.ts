// 部门整体绩效监控 in the browser over the sample county: a round opened over the year's approved targets
// lists each unit's whole-budget sheet under 部门整体; a clerk types what was executed of 基本支出 and 项目支出,
// what was done of the 年度总体目标 and an indicator's value reached key by key, sees the lights follow, saves,
// the printed grid shows the goal beside its progress, and the list shows the lights. The
// round's header counts the sheets, a sheet exports as its xlsx grid and prints as it, and after a real
// package the prefecture's 各县绩效监控 shows the county's sheet with its lights.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { budgetPartsOf } from '../electron/domain/departmentMonitoring';
import { formatWanYuan, wanYuanText } from '../electron/domain/money';
import { assessSheet, LIGHT_LABELS, sheetRules } from '../electron/domain/monitoring';
import type { DepartmentSheetDetail } from '../electron/monitoring/departmentSheets';
import { appsPerTest, retype, startApp, startCountyApp, type AppUnderTest } from './harness';

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
  it('fills the whole budget, the goal’s progress and an indicator under 部门整体, saves, prints them, and shows the lights', async () => {
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

    // 年度总体目标: the approved target's goal beside what the unit reports of it to date.
    expect(sheet.goal.trim()).not.toBe('');
    expect(await page.getByLabel('年度总体目标', { exact: true }).innerText()).toBe(sheet.goal.trim());
    const progress = '1—8月完成主要任务的七成，基础教育巩固率保持稳定';
    await page.getByRole('textbox', { name: '年度总体目标执行情况' }).pressSequentially(progress, { delay: 30 });

    // An executed 基本支出 above its budget is refused while typing.
    await retype(page.getByRole('textbox', { name: '基本支出执行数' }), wanYuanText(sheet.basicBudgetFen + 1_000_000));
    await page.getByRole('alert').filter({ hasText: '执行数超过预算（超支）' }).waitFor();
    await retype(page.getByRole('textbox', { name: '基本支出执行数' }), wanYuanText(basic));

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(async () => (await app.call('monitoring.departmentSheet', { sheetId: sheet.id })).basicExecutedFen).toBe(basic);
    const saved = await app.call('monitoring.departmentSheet', { sheetId: sheet.id });
    expect(saved).toMatchObject({ projectExecutedFen: project, figures: { budgetLight: expected.budgetLight } });
    expect(saved.indicators[index]!.reached).toBe(indicator.target);
    expect(saved.goalProgress).toBe(progress);
    await page.screenshot({ path: '/tmp/deptmon-sheet.png', fullPage: true });

    // Printed, the 136号 grid carries the goal and its progress in their own rows.
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByLabel('部门整体支出绩效目标执行监控表（打印）');
    await printed.getByText('年度总体目标', { exact: true }).waitFor();
    await printed.getByText('1-8月执行情况', { exact: true }).first().waitFor();
    await printed.getByText(progress, { exact: true }).waitFor();
    await printed.getByText(sheet.goal.trim().split('\n')[0]!).first().waitFor();
    await page.screenshot({ path: '/tmp/formleft-department-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: /部门整体$/ }).click();
    const row = page.getByRole('table', { name: '部门整体监控表' }).getByRole('row').filter({ hasText: sheet.unitName });
    expect(await row.getByLabel(`${sheet.unitName}预算执行灯`).innerText()).toBe(LIGHT_LABELS[expected.budgetLight]);
    await page.screenshot({ path: '/tmp/deptmon-list.png' });
    expect(app.pageErrors).toEqual([]);
  });

  it('counts the sheets on the round page, exports and prints a sheet’s grid, and shows it at the prefecture after a package', async () => {
    const { page } = app;
    const sheet = await departmentSheet();
    const basic = sevenTenths(sheet.basicBudgetFen);
    const saved = await app.call('monitoring.saveDepartmentSheet', {
      sheetId: sheet.id,
      version: sheet.version,
      basicExecutedFen: basic,
      projectExecutedFen: 0,
      budget: { reasons: ['政府采购程序'], reasonOther: '', measures: '九月完成采购' },
      remarks: '',
      indicators: sheet.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: '', expectedFullYear: '', likelihood: '' as const, reasons: [], reasonOther: '', measures: '' })),
    });
    const round = await app.call('monitoring.round', { roundId });
    expect(round.departmentCounts.sheets).toBeGreaterThan(20);
    await page.goto(new URL(`#/monitoring/round/${roundId}`, app.bridge.url).href);
    await page.getByText(`${round.counts.sheets} 个项目 · 部门整体 ${round.departmentCounts.sheets} 张`).waitFor();
    await page.getByText(`；部门整体：未报送 ${round.departmentCounts.draft + round.departmentCounts.returned}`).waitFor();
    await page.screenshot({ path: '/tmp/deptex-round.png' });

    await page.goto(new URL(`#/monitoring/department/${sheet.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: `${sheet.unitName} · 部门整体绩效监控` }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（监控表格式）' }).click()]);
    expect(download.suggestedFilename()).toBe(`${round.title}-部门整体支出绩效目标执行监控表-${sheet.unitName}.xlsx`);
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames).toEqual([`部门整体-${sheet.unitCode}`]);
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
    const texts = rows.flat().filter((t) => t !== '');
    const headings = ['部门整体支出绩效目标执行监控表', '部门（单位）名称', '主管部门及代码', '部门预算资金（万元）', '全年预算数', '1-8月执行数', '1-8月执行率', '偏差原因分析', '年度资金总额', '其中：基本支出', '项目支出', '绩效指标', '一级指标', '三级指标', '年度指标值', '完成目标可能性', '备注'];
    let at = 0;
    for (const heading of headings) {
      const found = texts.indexOf(heading, at);
      expect(found, heading).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(rows.find((r) => r.includes('其中：基本支出'))!.filter((t) => t !== '').slice(1, 3)).toEqual([formatWanYuan(sheet.basicBudgetFen, { grouping: false }), formatWanYuan(basic, { grouping: false })]);
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByLabel('部门整体支出绩效目标执行监控表（打印）');
    await printed.getByText('其中：基本支出').waitFor();
    await printed.getByText('原因：政府采购程序；措施：九月完成采购').waitFor();
    await page.screenshot({ path: '/tmp/deptex-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(saved.version).toBeGreaterThan(sheet.version);

    // The county's report reaches the prefecture; its 各县绩效监控 shows the sheet read-only with its lights.
    const prefecture = await startApp({ label: '州' });
    await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
    const { file } = await app.call('exchange.export', { year: 2020, stage: 'monitoring', full: true });
    await prefecture.call('exchange.import', { file, trust: true });
    const p = prefecture.page;
    await p.reload();
    await p.goto(new URL('#/county-monitoring', prefecture.bridge.url).href);
    const rounds = p.getByRole('table', { name: '各县监控轮次' });
    const august = rounds.getByRole('row').filter({ hasText: round.title });
    await august.waitFor();
    expect(await august.innerText()).toContain(String(round.departmentCounts.sheets));
    await august.getByRole('button', { name: /^查看 轮台县/ }).click();
    await p.getByRole('tab', { name: `部门整体（${round.departmentCounts.sheets}）` }).click();
    await p.getByRole('textbox', { name: '搜索部门整体监控表' }).pressSequentially(sheet.unitName, { delay: 30 });
    const list = p.getByRole('table', { name: `轮台县${round.title}部门整体监控表` });
    const row = list.getByRole('row').filter({ hasText: sheet.unitName });
    await row.waitFor();
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    const shown = (await row.innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain(sheet.unitCode);
    expect(shown).toContain(LIGHT_LABELS[saved.figures.budgetLight]);
    await p.screenshot({ path: '/tmp/deptex-prefecture.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
    expect(prefecture.pageErrors).toEqual([]);
  });
});
