// The monitoring sheet as the 136号 annex asks for it, in the browser over the sample county: a clerk types
// the forecast (one above the budget is refused live), sees 预计结余, explains slow spending with its own
// reasons, reports the annual goal's progress and a remark in long sentences at typing speed, saves; the
// print preview is the annex grid and the xlsx export reads back with the annex's columns in order.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { formatWanYuan, wanYuanText } from '../electron/domain/money';
import type { SheetDetail } from '../electron/monitoring/sheets';
import { appsPerTest, retype, startCountyApp, type AppUnderTest } from './harness';
import { comfortableValue } from './monitoringData';

let app: AppUnderTest;
let roundId: string;

appsPerTest(async () => {
  app = await startCountyApp(async (county) => {
    await county.call('database.openSample', { year: 2020 });
    roundId = (await county.call('monitoring.createRound', { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' })).id;
  }, { sampleMade: true });
});

const GOAL_PROGRESS = '截至八月末，已完成年度计划的主要建设内容，剩余工程因政府采购程序尚未完成而推迟，预计十月底前全部完工并通过验收。';
const REMARK = '部分资金预计年底前无法支付，已向财政局申请调减预算，结余资金按规定收回统筹使用。';
const MEASURE = '督促采购代理机构九月中旬前完成招标，中标后按合同约定节点及时支付，并按月报送支付进度。';

/** The first sheet of the round whose fund sources all have a budget: its forecast can leave a balance. */
async function sheetWithBudget(): Promise<SheetDetail> {
  for (const row of await app.call('monitoring.sheets', { roundId })) {
    const sheet = await app.call('monitoring.sheet', { sheetId: row.id });
    if (sheet.funds.length > 0 && sheet.funds.every((f) => f.adjustedFen >= 1_000_000)) return sheet;
  }
  throw new Error('样例县没有带预算的监控表');
}

async function choose(label: string, option: string) {
  await app.page.getByRole('combobox', { name: label, exact: true }).click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

/** Annex headings in reading order, from 财预〔2019〕136号 for an August round. */
const ANNEX_HEADINGS = [
  '项目名称', '主管部门及代码', '实施单位', '项目资金（万元）', '年初预算数', '1-8月执行数', '1-8月执行率', '全年预计执行数', '偏差原因分析',
  '年度资金总额', '其中：财政拨款', '其他资金', '年度总体目标', '年初目标', '1-8月执行情况', '绩效指标', '一级指标', '二级指标', '三级指标',
  '年度指标值', '1-8月执行情况', '全年预计完成情况', '偏差原因分析', '完成目标可能性', '备注', '经费保障', '制度保障', '人员保障', '硬件条件保障',
  '其他', '确定能', '有可能', '完全不可能',
];

/** The first heading of `wanted` that `texts` lacks in that order, or null when all are there. */
function missingInOrder(texts: readonly string[], wanted: readonly string[]): string | null {
  let at = 0;
  for (const heading of wanted) {
    const found = texts.indexOf(heading, at);
    if (found < 0) return heading;
    at = found + 1;
  }
  return null;
}

describe('the 136号 monitoring sheet in the browser', () => {
  it('takes the forecast, shows 预计结余, explains slow spending by its own reasons, prints the annex grid and exports it', async () => {
    const { page } = app;
    const sheet = await sheetWithBudget();
    await page.goto(new URL(`#/monitoring/sheet/${sheet.id}`, app.bridge.url).href);
    await page.getByRole('heading', { name: sheet.project.name }).waitFor();

    // A tenth spent by August is behind 序时进度: the budget light turns red and asks why.
    const spent = sheet.funds.map((f) => Math.round(f.adjustedFen / 10 / 100) * 100);
    for (const [i, fund] of sheet.funds.entries()) await retype(page.getByRole('textbox', { name: `${fund.source}执行数` }), wanYuanText(spent[i]!));
    expect(await page.getByRole('region', { name: '监控结果' }).getByLabel('预算执行灯').innerText()).toBe('红灯');

    // A forecast above the budget is refused while typing, naming both figures.
    const first = sheet.funds[0]!;
    const forecastField = page.getByRole('textbox', { name: `${first.source}全年预计执行数` });
    await retype(forecastField, wanYuanText(first.adjustedFen + 1_000_000));
    await page.getByText(`全年预计执行数 ${formatWanYuan(first.adjustedFen + 1_000_000)} 万元 超过调整后预算 ${formatWanYuan(first.adjustedFen)} 万元`).waitFor();

    // Nine tenths expected by year end: a tenth of each budget will be left over.
    const forecasts = sheet.funds.map((f) => f.adjustedFen - Math.round(f.adjustedFen / 10 / 100) * 100);
    for (const [i, fund] of sheet.funds.entries()) await retype(page.getByRole('textbox', { name: `${fund.source}全年预计执行数` }), wanYuanText(forecasts[i]!));
    await forecastField.blur();
    expect(await page.getByText(/万元 超过调整后预算/).count()).toBe(0);
    const balance = sheet.funds.reduce((sum, f, i) => sum + f.adjustedFen - forecasts[i]!, 0);
    expect(await page.getByLabel('合计预计结余').innerText()).toBe(formatWanYuan(balance));

    // Slow spending has its own reasons, not the indicators' 保障 ones.
    const explanation = page.getByRole('region', { name: '预算执行偏差说明' });
    await explanation.getByText('请选择偏差原因').waitFor();
    expect(await explanation.getByRole('checkbox', { name: '经费保障' }).count()).toBe(0);
    await explanation.getByRole('checkbox', { name: '政府采购程序' }).check();
    await explanation.getByRole('checkbox', { name: '其他' }).check();
    await retype(explanation.getByRole('textbox', { name: '预算执行其他原因说明' }), '工程变更需重新审批');
    await retype(explanation.getByRole('textbox', { name: '预算执行纠偏措施' }), MEASURE);

    for (const indicator of sheet.indicators) {
      if (indicator.operator === '定性') await choose(`${indicator.name}完成值`, '达成目标');
      else await retype(page.getByRole('textbox', { name: `${indicator.name}完成值`, exact: true }), comfortableValue(indicator.operator, indicator.target));
      await choose(`${indicator.name}完成目标可能性`, '确定能');
    }
    // Long sentences at typing speed: every key lands and the page stays up.
    const goal = page.getByRole('textbox', { name: '年度总体目标执行情况' });
    await retype(goal, GOAL_PROGRESS);
    await retype(page.getByRole('textbox', { name: '四、备注' }), REMARK);
    expect(await goal.inputValue()).toBe(GOAL_PROGRESS);
    await page.getByText('已符合送审要求').waitFor();
    await page.screenshot({ path: '/tmp/formmon-sheet.png', fullPage: true });

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(async () => (await app.call('monitoring.sheet', { sheetId: sheet.id })).version).toBeGreaterThan(sheet.version);
    const saved = await app.call('monitoring.sheet', { sheetId: sheet.id });
    expect(saved).toMatchObject({ goalProgress: GOAL_PROGRESS, remarks: REMARK, budget: { reasons: ['政府采购程序', '其他'], reasonOther: '工程变更需重新审批', measures: MEASURE } });
    expect(saved.funds.map((f) => f.forecastFen)).toEqual(forecasts);

    // On paper: the annex grid alone, with its headings in the annex's order and the figures as typed.
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByLabel('项目支出绩效目标执行监控表（打印）');
    await printed.waitFor();
    expect(await page.getByRole('textbox', { name: '四、备注' }).isVisible()).toBe(false);
    const cells = await printed.locator('th, td').allInnerTexts();
    expect(missingInOrder(cells.map((t) => t.trim()), ANNEX_HEADINGS)).toBeNull();
    expect(cells).toContain(formatWanYuan(balance));
    expect(cells).toContain(GOAL_PROGRESS);
    await page.screenshot({ path: '/tmp/formmon-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（136号格式）' }).click()]);
    expect(download.suggestedFilename()).toBe(`2020年8月绩效运行监控（第2次）-项目支出绩效目标执行监控表-${sheet.project.code}.xlsx`);
    const book = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
    expect(missingInOrder(rows.flat().filter((t) => t !== ''), ANNEX_HEADINGS)).toBeNull();
    expect(rows.find((r) => r.includes('年度资金总额'))).toContain(formatWanYuan(balance, { grouping: false }));
    expect(app.pageErrors).toEqual([]);
  });
});
