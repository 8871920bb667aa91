// 州级汇总 in the browser: 巴音郭楞 holding 轮台县's and 尉犁县's reports of 2019 and 2020 (made with the
// fixtures, imported through the contract as the 导入 page does) shows its counties as charts — bars per
// county, lights and grades stacked —, a trend whose measure can be switched, and the tables; its Excel and
// the 汇总表 for the 自治区 download and parse; printed, the navigation stays off the page.
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { twoCountiesReports } from '../electron/testSupport/prefectureCounties';
import { downloadBy } from './exchangeSteps';
import { appsPerTest, startApp, type AppUnderTest } from './harness';
import type { Locator } from 'playwright-core';

let prefecture: AppUnderTest;

appsPerTest(async () => {
  prefecture = await startApp({ label: '州' });
});

/** The bars a chart draws with a size (recharts keeps an empty rectangle for a zero or missing value). */
const drawnBars = (chart: Locator) =>
  chart.locator('.recharts-bar-rectangle path').evaluateAll((paths) =>
    paths.filter((path) => {
      const box = (path as SVGPathElement).getBBox();
      return box.width > 0 && box.height > 0;
    }).length,
  );

const COUNTIES = ['库尔勒市', '轮台县', '尉犁县', '若羌县', '且末县', '焉耆回族自治县', '和静县', '和硕县', '博湖县'];

/** The prefecture set up, with both counties' reports imported (trusted on first contact). */
async function prefectureHoldingTwoCounties() {
  await prefecture.call('setup.init', { role: 'prefecture', regionCode: '652800', operatorName: '李四', password: null });
  for (const file of twoCountiesReports().files) {
    await prefecture.call('exchange.import', { file: { fileName: 'report.zip', dataBase64: fs.readFileSync(file).toString('base64') }, trust: true });
  }
  await prefecture.page.reload();
}

describe('州级汇总', () => {
  it('draws each county’s coverage, lights and grades, switches the trend’s measure, exports both workbooks and prints without the navigation', async () => {
    await prefectureHoldingTwoCounties();
    const p = prefecture.page;
    await p.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '州级汇总' }).click();
    const main = p.getByRole('main');
    await main.getByRole('heading', { name: '州级汇总', exact: true }).waitFor();
    await main.getByRole('status').filter({ hasText: '所辖 9 个县市，2 个已交来 2020 年度数据包。' }).waitFor();

    // Coverage: a bar per county and measure with a figure, each county named on the axis.
    const coverage = main.getByRole('img', { name: '各县覆盖情况柱状图' });
    // 轮台县 66.67 / 50 / 0 / 33.33 and 尉犁县 100 / 0 / 0 / 0: the non-zero ones are drawn.
    await expect.poll(() => drawnBars(coverage)).toBe(4);
    expect(await coverage.locator('.recharts-cartesian-axis-tick-value').allTextContents()).toEqual(expect.arrayContaining(COUNTIES));
    expect(await coverage.locator('[class*="legendItemName"]').allTextContents()).toEqual(['目标批复率', '监控报送率', '自评覆盖率', '评价覆盖率']);

    // Lights stacked per county: 轮台县 has one reported sheet (funds only: 无灯) and one 未填报, 尉犁县 two 未填报.
    await expect.poll(() => drawnBars(main.getByRole('img', { name: '各县最近一轮监控项目灯堆积图' }))).toBe(3);
    // Grades stacked: target review grades first (轮台县 优 1 良 1, 尉犁县 良 1 差 1), then another kind.
    await expect.poll(() => drawnBars(main.getByRole('img', { name: '各县目标审核等级堆积图' }))).toBe(4);
    await main.getByText('财政评价', { exact: true }).click();
    await expect.poll(() => drawnBars(main.getByRole('img', { name: '各县财政评价等级堆积图' }))).toBe(1);

    // The trend: a line per county that has figures, over 2019 and 2020; another measure redraws it.
    const trend = main.getByRole('img', { name: '各县目标批复率历年趋势图' });
    await trend.locator('.recharts-line-curve').first().waitFor();
    expect(await trend.locator('.recharts-line-curve').count()).toBe(2);
    expect(await trend.locator('.recharts-cartesian-axis-tick-value').allTextContents()).toEqual(expect.arrayContaining(['2019年', '2020年']));
    await main.getByRole('heading', { name: '历年趋势：目标批复率（2019—2020 年）' }).waitFor();
    await p.screenshot({ path: '/tmp/prefecture-dashboard.png', fullPage: true });
    await main.getByRole('combobox', { name: '趋势指标' }).click();
    await p.getByRole('option', { name: '监控报送率' }).click();
    await main.getByRole('heading', { name: '历年趋势：监控报送率（2019—2020 年）' }).waitFor();
    const monitoring = main.getByRole('img', { name: '各县监控报送率历年趋势图' });
    await monitoring.locator('.recharts-line-curve').first().waitFor();
    expect(await monitoring.locator('.recharts-line-curve').count()).toBe(2);
    await monitoring.scrollIntoViewIfNeeded();
    await p.screenshot({ path: '/tmp/prefecture-dashboard-trend.png' });

    // The tables below the charts.
    const table = main.getByRole('table', { name: '各县汇总' });
    expect(await table.getByRole('row').filter({ hasText: '轮台县' }).innerText()).toContain('2 / 3');

    // Excel: the dashboard with its trend sheet, and the 汇总表 for the 自治区.
    const workbook = await downloadBy(p, () => main.getByRole('button', { name: '导出 Excel' }).click());
    expect(workbook.name).toBe('各县绩效汇总-2020.xlsx');
    const book = XLSX.read(workbook.buffer);
    expect(book.SheetNames).toEqual(['2020年各县汇总', '2019-2020年趋势']);
    const trendRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['2019-2020年趋势']!);
    expect(trendRows.find((r) => r['县市'] === '轮台县' && r['指标'] === '监控报送率')).toMatchObject({ '2019年': '0.00', '2020年': '50.00' });
    const summary = await downloadBy(p, () => main.getByRole('button', { name: '导出报自治区汇总表' }).click());
    expect(summary.name).toBe('巴音郭楞蒙古自治州2020年度绩效汇总表.xlsx');
    const summaryBook = XLSX.read(summary.buffer);
    expect(summaryBook.SheetNames).toEqual(['绩效目标汇总表', '绩效监控汇总表', '绩效评价汇总表']);
    const targets = XLSX.utils.sheet_to_json<unknown[]>(summaryBook.Sheets['绩效目标汇总表']!, { header: 1, defval: null });
    expect(targets.at(-1)!.slice(1, 7)).toEqual(['合计', 5, 320, 4, 280, 80]);

    // On paper: the charts and tables, no navigation or buttons. The printable width of A4 landscape with the
    // page's 10 mm margins is 1047 px at 96 px to the inch: the charts fit it as drawn on this wide screen, since
    // the browser may print before they measure the paper.
    const paper = 1047;
    const chartWidths = await main.locator('svg.recharts-surface').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(chartWidths.length).toBe(4);
    for (const width of chartWidths) expect(width).toBeLessThanOrEqual(paper);
    await p.emulateMedia({ media: 'print' });
    await p.setViewportSize({ width: paper, height: 794 });
    expect(await p.getByRole('navigation', { name: '功能导航' }).isVisible()).toBe(false);
    await expect.poll(() => main.locator('svg.recharts-surface').evaluateAll((svgs) => Math.max(...svgs.map((svg) => svg.getBoundingClientRect().right)))).toBeLessThanOrEqual(paper);
    expect(await main.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await coverage.isVisible()).toBe(true);
    expect(await table.isVisible()).toBe(true);
    await p.screenshot({ path: '/tmp/prefecture-dashboard-print.png', fullPage: true });
    // Printed as the page asks: A4 landscape (842 × 595 pt), the charts on the first pages, the tables after.
    const pdf = (await p.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    fs.writeFileSync('/tmp/prefecture-dashboard.pdf', pdf, 'latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const box of boxes) expect(box).toEqual([842, 595]);
    await p.emulateMedia({ media: 'screen' });
    expect(prefecture.pageErrors).toEqual([]);
  });

  it('opens on the year chosen, and says so when no county has reported it', async () => {
    await prefectureHoldingTwoCounties();
    const p = prefecture.page;
    await p.goto(new URL('#/dashboard', prefecture.bridge.url).href);
    const main = p.getByRole('main');
    await main.getByRole('combobox', { name: '年度' }).click();
    const thisYear = new Date().getFullYear();
    await p.getByRole('option', { name: `${thisYear} 年度` }).click();
    await main.getByText(`还没有收到 ${thisYear} 年度的上报包`).waitFor();
    expect(await main.getByRole('img', { name: '各县覆盖情况柱状图' }).count()).toBe(0);
    await p.getByRole('heading', { name: /^历年趋势：目标批复率/ }).waitFor();
    await p.screenshot({ path: '/tmp/prefecture-dashboard-empty.png', fullPage: true });
    expect(prefecture.pageErrors).toEqual([]);
  });
});
