// The trend over the years and the 汇总表 for the 自治区, on a prefecture that imported two counties'
// packages of two years through the real exchange.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testSupport/cli';
import { WAN } from '../testSupport/evaluationExchange';
import { prefectureStore, tempDir } from '../testSupport/fixtures';
import { prefectureOfTwoCounties, reportingCounty } from '../testSupport/prefectureCounties';
import { dashboardWorkbook, prefectureDashboard, yearDashboard } from './dashboard';
import { countyTrend, trendsOfEveryMeasure, trendYears } from './dashboardTrend';
import { prefectureSummary, summaryWorkbook } from './summary';

describe('the trend of a dashboard measure over the years', () => {
  it('gives each county its figure year by year, and switches to another measure in one call', () => {
    const { prefecture } = prefectureOfTwoCounties();
    const trend = countyTrend(prefecture, 'targets', 2020, '2021-01-15');
    expect(trend).toMatchObject({ measure: 'targets', label: '目标批复率', unit: '%', years: [2019, 2020] });
    expect(trend.counties).toHaveLength(9);
    const values = Object.fromEntries(trend.counties.map((c) => [c.name, c.values]));
    // 轮台县: 1 of 2 approved in 2019, 2 of 3 in 2020; 尉犁县: 1 of 1, then 2 of 2; a county that sent nothing has nothing to divide by.
    expect(values['轮台县']).toEqual(['50.00', '66.67']);
    expect(values['尉犁县']).toEqual(['100.00', '100.00']);
    expect(values['库尔勒市']).toEqual([null, null]);

    const monitoring = countyTrend(prefecture, 'monitoring', 2020, '2021-01-15');
    expect(monitoring.label).toBe('监控报送率');
    // 2020: 轮台县's round covers its 2 approved targets, one submitted; 2019 covers 1, none submitted.
    expect(monitoring.counties.find((c) => c.code === '652822')!.values).toEqual(['0.00', '50.00']);
    expect(countyTrend(prefecture, 'evaluation', 2020).counties.find((c) => c.code === '652822')!.values).toEqual(['0.00', '33.33']);
    expect(trend.measures.map((m) => m.value)).toEqual(['targets', 'monitoring', 'redLights', 'selfEvaluation', 'evaluation', 'adoption', 'overdue', 'industry']);
  });

  it('ends at the chosen year and looks back at most five years the prefecture holds', () => {
    const { prefecture } = prefectureOfTwoCounties();
    expect(trendYears(prefecture, 2019)).toEqual([2019]);
    // Older years a county brought (written straight in: the count of years is the point here).
    const insert = prefecture.sqlite.prepare("INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES (?, '652822', ?, ?, '旧项目', '101001', '101001')");
    for (const year of [2014, 2015, 2016, 2017, 2018]) insert.run(`old-${year}`, year, `OLD-${year}`);
    expect(trendYears(prefecture, 2020)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(trendYears(prefecture, 2021)).toEqual([2017, 2018, 2019, 2020, 2021]);
  });
});

describe('the dashboard of the year with its trend', () => {
  it('gives the charts each county’s coverages as exact percents, and its workbook a sheet of every measure’s trend', () => {
    const { prefecture } = prefectureOfTwoCounties();
    const rows = prefectureDashboard(prefecture, 2020, '2021-01-15');
    // The page's one call opens on the newest year a county reported, and offers every year held.
    expect(yearDashboard(prefecture, undefined, '2021-01-15')).toEqual({ year: 2020, years: [2021, 2020, 2019], counties: rows });
    expect(rows.find((r) => r.code === '652822')!.coverage).toEqual({ targets: '66.67', monitoring: '50.00', selfEvaluation: '0.00', evaluation: '33.33' });
    expect(rows.find((r) => r.code === '652801')!.coverage).toEqual({ targets: null, monitoring: null, selfEvaluation: null, evaluation: null });

    const book = XLSX.read(dashboardWorkbook(rows, 2020, trendsOfEveryMeasure(prefecture, 2020, '2021-01-15')));
    expect(book.SheetNames).toEqual(['2020年各县汇总', '2019-2020年趋势']);
    const trend = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['2019-2020年趋势']!);
    expect(trend).toHaveLength(8 * 9);
    expect(trend.find((r) => r['县市'] === '轮台县' && r['指标'] === '目标批复率')).toMatchObject({ 单位: '%', '2019年': '50.00', '2020年': '66.67' });
    expect(trend.find((r) => r['县市'] === '库尔勒市' && r['指标'] === '目标批复率')).toMatchObject({ '2019年': '—', '2020年': '—' });
    expect(trend.find((r) => r['县市'] === '尉犁县' && r['指标'] === '逾期整改通知')).toMatchObject({ 单位: '份', '2019年': '0', '2020年': '0' });
  });
});

const HEADERS = {
  绩效目标汇总表: [
    ['区划代码', '县市', '项目数', '项目资金', '绩效目标已批复', null, null, '目标审核等级', null, null, null, '部门整体目标已批复（个单位）'],
    [null, null, null, null, '项目数', '资金', '批复率（%）', '优', '良', '中', '差', null],
  ],
  绩效监控汇总表: [
    ['区划代码', '县市', '监控表', '已报送', '报送率（%）', '最近一轮监控', null, null, null, '最近一轮项目灯', null, null, null, null],
    [null, null, null, null, null, '月份', '调整后预算', '执行数', '执行率（%）', '红灯', '黄灯', '绿灯', '蓝灯', '未填报'],
  ],
  绩效评价汇总表: [
    ['区划代码', '县市', '项目支出绩效自评', null, null, null, '自评等级', null, null, null, '部门评价和财政评价', null, null, null, null, null, '财政评价等级', null, null, null, '部门评价等级', null, null, null],
    [null, null, '目标已批复项目', '已自评', '自评覆盖率（%）', '自评已通过', '优', '良', '中', '差', '项目数', '已评价项目', '覆盖率（数量，%）', '项目资金', '已评价资金', '覆盖率（金额，%）', '优', '良', '中', '差', '优', '良', '中', '差'],
  ],
} as const;

const grid = (sheet: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null, raw: true });

describe('the 汇总表 for the 自治区', () => {
  it('gives each county its targets, monitoring and evaluation of the year, and a 合计 of their sums', () => {
    const { prefecture, luntaiRound } = prefectureOfTwoCounties();
    const summary = prefectureSummary(prefecture, 2020);
    expect(summary).toMatchObject({ prefectureName: '巴音郭楞蒙古自治州', year: 2020 });
    const luntai = summary.counties.find((c) => c.code === '652822')!;
    expect(luntai.targets).toEqual({ projects: 3, projectFen: 240 * WAN, approved: 2, approvedFen: 200 * WAN, grades: { 优: 1, 良: 1, 中: 0, 差: 0 }, departmentApproved: 0 });
    // The county's own round report says the same of its latest round.
    expect(luntai.monitoring).toEqual({
      sheets: 2, submitted: 1, month: 8, adjustedFen: luntaiRound.totals.adjustedFen, executedFen: luntaiRound.totals.executedFen,
      lights: { red: luntaiRound.counts.project.red, yellow: luntaiRound.counts.project.yellow, green: luntaiRound.counts.project.green, blue: luntaiRound.counts.project.blue },
      unreported: luntaiRound.counts.unreported,
    });
    expect(luntai.monitoring.unreported).toBe(1);
    expect(luntai.evaluation).toMatchObject({ approvedTargets: 2, selfEvaluated: 0, projects: 3, projectFen: 240 * WAN, evaluated: 1, evaluatedFen: 120 * WAN, finance: { 优: 0, 良: 1, 中: 0, 差: 0 } });
    const yuli = summary.counties.find((c) => c.code === '652823')!;
    expect(yuli.targets).toMatchObject({ projects: 2, projectFen: 80 * WAN, approved: 2, approvedFen: 80 * WAN, grades: { 优: 0, 良: 1, 中: 0, 差: 1 } });
    expect(summary.total.targets).toEqual({ projects: 5, projectFen: 320 * WAN, approved: 4, approvedFen: 280 * WAN, grades: { 优: 1, 良: 2, 中: 0, 差: 1 }, departmentApproved: 0 });
    expect(summary.total.monitoring).toMatchObject({ sheets: 4, submitted: 1, month: null });
    expect(summary.counties.filter((c) => c.targets.projects === 0)).toHaveLength(7);
  });

  it('writes one sheet per table with its title, every header in order, a row per county and a 合计 equal to the rows’ sum', () => {
    const { prefecture } = prefectureOfTwoCounties();
    const book = XLSX.read(summaryWorkbook(prefectureSummary(prefecture, 2020)), { cellNF: true });
    expect(book.SheetNames).toEqual(['绩效目标汇总表', '绩效监控汇总表', '绩效评价汇总表']);
    for (const [name, headers] of Object.entries(HEADERS)) {
      const rows = grid(book.Sheets[name]!);
      expect(rows[0]![0]).toBe(`巴音郭楞蒙古自治州2020年度${name}`);
      expect(rows[1]!.at(-1)).toBe('金额单位：万元');
      expect([rows[2], rows[3]]).toEqual(headers);
      const counties = rows.slice(4, 13);
      expect(counties.map((r) => r[1])).toEqual(['库尔勒市', '轮台县', '尉犁县', '若羌县', '且末县', '焉耆回族自治县', '和静县', '和硕县', '博湖县']);
      const total = rows[13]!;
      expect(total[1]).toBe('合计');
      expect(rows).toHaveLength(14);
      // Every count and amount of the 合计 is the sum of the counties' (percent columns are ratios of the sums instead).
      headers[1].forEach((sub, c) => {
        const header = sub ?? headers[0][c];
        if (c < 2 || String(header).includes('%') || header === '月份') return;
        const sum = counties.reduce((s, r) => s + Number(r[c] ?? 0), 0);
        expect(Number(total[c]), `${name} ${header}`).toBeCloseTo(sum, 6);
      });
    }
    const targets = grid(book.Sheets['绩效目标汇总表']!);
    const luntai = targets.find((r) => r[1] === '轮台县')!;
    expect(luntai.slice(2, 7)).toEqual([3, 240, 2, 200, 66.67]);
    expect(targets[13]!.slice(2, 7)).toEqual([5, 320, 4, 280, 80]);
    expect(book.Sheets['绩效目标汇总表']!.D6).toMatchObject({ t: 'n', z: '0.00', w: '240.00' });
    expect(targets.find((r) => r[1] === '库尔勒市')!.slice(2, 7)).toEqual([0, 0, 0, 0, '—']);
    const monitoring = grid(book.Sheets['绩效监控汇总表']!);
    expect(monitoring.find((r) => r[1] === '轮台县')!.slice(2, 6)).toEqual([2, 1, 50, '8月']);
    expect(monitoring[13]![5]).toBe('');
  });

  it('rounds each amount to 0.01 万元 from its 分, the 合计 from the exact sum', () => {
    const prefecture = prefectureStore();
    // 1.234567 万元 each: 1.23 per county, and 2.469134 → 2.47 in all.
    for (const region of ['652822', '652823'] as const) reportingCounty(region, [{ year: 2020, projects: [['P-1', 1_234_567, 'approved', null]] }], prefecture);
    const rows = grid(XLSX.read(summaryWorkbook(prefectureSummary(prefecture, 2020))).Sheets['绩效目标汇总表']!);
    expect(rows.filter((r) => r[1] === '轮台县' || r[1] === '尉犁县').map((r) => r[3])).toEqual([1.23, 1.23]);
    expect(rows[13]![3]).toBe(2.47);
  });
});

describe('jixiao prefecture summary', () => {
  it('writes the year’s 汇总表 to --out, never over an existing file, and only on a prefecture', async () => {
    const { prefecture, luntai } = prefectureOfTwoCounties();
    const out = path.join(tempDir(), '汇总表.xlsx');
    const run = await runCli('--db', prefecture.path, 'prefecture', 'summary', '--year', '2020', '--out', out);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe(`已导出巴音郭楞蒙古自治州 2020年度绩效汇总表（9 个县市）到 ${out}`);
    const rows = grid(XLSX.read(fs.readFileSync(out)).Sheets['绩效评价汇总表']!);
    expect(rows.find((r) => r[1] === '轮台县')!.slice(10, 13)).toEqual([3, 1, 33.33]);
    const again = await runCli('--db', prefecture.path, 'prefecture', 'summary', '--year', '2020', '--out', out);
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('已存在，未覆盖')]);
    expect((await runCli('--db', prefecture.path, 'prefecture', 'summary', '--year', '20x0', '--out', out)).code).toBe(2);
    const county = await runCli('--db', luntai.path, 'prefecture', 'summary', '--year', '2020', '--out', path.join(tempDir(), 'x.xlsx'));
    expect([county.code, county.err]).toEqual([1, expect.stringContaining('汇总表只在州级财政局使用')]);
  });
});
