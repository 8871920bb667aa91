import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { roundReport } from '../monitoring/report';
import { createRound } from '../monitoring/rounds';
import { getSheet, listSheets, saveSheet } from '../monitoring/sheets';
import { initInstallation } from '../registry/setup';
import { freshStore, sampleCounty2020, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dashboardWorkbook, prefectureDashboard } from './dashboard';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { RECTIFICATION_LABELS } from '../domain/rectification';
import { listTemplates } from '../evaluation/templates';
import { fundsOverview, saveProjectDetails } from '../funds';
import { generateResults, recordDecision, resultsView } from '../results/proposals';
import { exportStage, prefectureStore, seedEvaluation, seedNotices } from '../testSupport/evaluationExchange';
import { seedFundCounty } from '../testSupport/funds';
import { countyWithResults, WAN } from '../testSupport/results';

describe('prefecture dashboard', () => {
  it('shows one row per county with what its packages brought: coverage, the latest round’s lights, target review grades', () => {
    const dir = tempDir();
    const county = sampleCounty2020();
    // A round after the sample's May, August and November ones, so that it is the county's latest.
    const round = createRound(county.db, TEST_ACTOR, { year: 2020, month: 12, deadline: '2020-12-31', scope: 'all' });
    // Three sheets reported (two fully spent, one with 0.01 元 spent), the rest 未填报.
    const reported = listSheets(county.db, round.id).slice(0, 3).map((row) => getSheet(county.db, row.id));
    reported.forEach((sheet, n) =>
      saveSheet(county.db, TEST_ACTOR, {
        sheetId: sheet.id, version: sheet.version, analysis: '', budget: sheet.budget, indicators: sheet.indicators,
        funds: sheet.funds.map((f) => ({ ...f, executedFen: n < 2 ? f.adjustedFen : 1 })),
      }),
    );
    const countyCounts = roundReport(county.db, round.id).counts;
    expect(countyCounts.unreported).toBe(round.counts.sheets - 3);
    expect(countyCounts.budget.red).toBe(1);
    const file = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'all', full: true, out: path.join(dir, 'all.zip') }).file;

    const prefecture = freshStore(path.join(dir, 'prefecture.db'));
    initInstallation(prefecture.db, { regionCode: '652800', role: 'prefecture' });
    importPackage(prefecture, TEST_ACTOR, file, { dryRun: false, trust: true });

    const rows = prefectureDashboard(prefecture, 2020, '2020-09-15');
    expect(rows.map((r) => r.code)).toEqual(['652801', '652822', '652823', '652824', '652825', '652826', '652827', '652828', '652829']);
    const luntai = rows.find((r) => r.code === '652822')!;
    const approved = county.sqlite.prepare("SELECT count(*) AS n FROM targets WHERE kind = 'project' AND status = 'approved'").get() as { n: number };
    const sheets = county.sqlite.prepare("SELECT count(*) AS n, sum(status IN ('submitted', 'approved')) AS submitted FROM monitoring_sheets").get() as { n: number; submitted: number };
    expect(luntai).toMatchObject({ packagesReceived: 1, unacknowledged: 1, projects: 140, approvedTargets: approved.n, monitoringSheets: sheets.n, monitoringSubmitted: sheets.submitted });
    expect(luntai.latestRound?.month).toBe(12);
    const lights = luntai.latestRound!.lights;
    // The prefecture sees the county's round exactly as the county's own board does.
    const countyTotals = roundReport(county.db, round.id).totals;
    expect(luntai.latestRound).toEqual({ month: 12, lights: countyCounts.project, unreported: countyCounts.unreported, adjustedFen: countyTotals.adjustedFen, executedFen: countyTotals.executedFen });
    expect(lights.red + lights.yellow + lights.green + lights.blue + lights.none + luntai.latestRound!.unreported).toBe(round.counts.sheets);
    const graded = county.sqlite.prepare("SELECT review_grade AS g, count(*) AS n FROM targets WHERE kind = 'project' AND review_grade IS NOT NULL GROUP BY review_grade").all() as { g: '优' | '良' | '中' | '差'; n: number }[];
    expect(graded.length).toBeGreaterThan(0);
    for (const { g, n } of graded) expect(luntai.grades[g]).toBe(n);
    expect(rows.find((r) => r.code === '652823')).toMatchObject({ packagesReceived: 0, projects: 0, latestRound: null, grades: { 优: 0, 良: 0, 中: 0, 差: 0 } });

    const sheet = XLSX.read(dashboardWorkbook(rows, 2020)).Sheets['2020年各县汇总']!;
    const table = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    expect(table.find((r) => r['县市'] === '轮台县')).toMatchObject({ 项目数: 140, 最近监控月份: '12月', 红灯: lights.red, 未填报: countyCounts.unreported, 目标审核优: luntai.grades.优 });
  });
});

describe('prefecture dashboard: evaluations, results, notices and 衔接资金', () => {
  /** A county whose 2020 has graded self-evaluations with a results list decided in part, evaluations, notices and 衔接资金. */
  function reportingCounty() {
    const { store, db, projectIds, office } = countyWithResults();
    generateResults(db, office, { year: 2020, replace: false });
    const lines = resultsView(db, 2020).lines;
    recordDecision(db, TEST_ACTOR, { id: lines[0]!.id, decision: 'adopted', amountFen: null, reason: '' });
    recordDecision(db, TEST_ACTOR, { id: lines[1]!.id, decision: 'partly', amountFen: lines[1]!.baseFen - 1, reason: '压减' });
    recordDecision(db, TEST_ACTOR, { id: lines[2]!.id, decision: 'rejected', amountFen: null, reason: '政策性项目' });
    const template = listTemplates(db).find((t) => t.kind === 'project')!;
    const subject = (code: string) => ({ id: projectIds.get(code)!, code, unitCode: '101001' });
    seedEvaluation(store.sqlite, template, subject('LT-01'), { kind: 'finance-evaluation', status: 'approved', total: '86.00', grade: '良' });
    seedEvaluation(store.sqlite, template, subject('LT-02'), { kind: 'department-evaluation', status: 'approved', total: '91.00', grade: '优' });
    // Submitted only: it travels, but neither covers its project nor counts among the grades yet.
    seedEvaluation(store.sqlite, template, subject('LT-03'), { kind: 'finance-evaluation', status: 'submitted', total: '70.00', grade: '中' });
    seedNotices(store.sqlite, projectIds, { first: { code: 'LT-01', unit: '101001' }, second: { code: 'LT-02', unit: '101001' } });
    const funds = seedFundCounty(db);
    saveProjectDetails(db, TEST_ACTOR, { projectId: funds.industry, version: 0, category: '产业', households: 30, people: 120, povertyHouseholds: 12, povertyPeople: 50, monitoredHouseholds: 3, monitoredPeople: 11 });
    return { county: store, db };
  }

  it('shows a county’s evaluation coverage, evaluation grades, adopted share, overdue notices, 问责 list and industry share from its packages', () => {
    const { county, db } = reportingCounty();
    const pref = prefectureStore();
    for (const stage of ['evaluation', 'results', 'rectification', 'funds']) importPackage(pref, TEST_ACTOR, exportStage(county, stage), { dryRun: false, trust: true });

    const luntai = prefectureDashboard(pref, 2020, '2021-06-30').find((r) => r.code === '652822')!;
    // 9 projects of 2020: LT-01…06 (120 + 50 + 80 + 40 + 30 + 10 万元) and the three 衔接资金 ones (60 + 40 + 10); LT-01 and LT-02 evaluated.
    expect(luntai.evaluation).toEqual({
      projects: 9,
      projectFen: 440 * WAN,
      evaluated: 2,
      evaluatedFen: 170 * WAN,
      countShare: '22.22',
      amountShare: '38.64',
      grades: { finance: { 优: 0, 良: 1, 中: 0, 差: 0 }, department: { 优: 1, 良: 0, 中: 0, 差: 0 } },
    });
    // The county's own results page and 衔接资金 view say the same.
    const own = resultsView(db, 2020);
    expect(luntai.adoption).toEqual({ proposals: own.lines.length, decided: 3, share: own.adoption.lineShare, percent: '66.67' });
    expect(luntai.adoption.share).toBe('66.67%');
    const industry = fundsOverview(db, 2020).industry;
    expect(luntai.industry).toMatchObject({ industryFen: industry.industryFen, totalFen: industry.totalFen, share: industry.share, aim: industry.aim, verdict: '达到政策要求' });
    expect(luntai.industry.share).toBe('60.00');
    // The notice returned once and due on 2021-05-31 is 30 days overdue and on the 问责 list with its 约谈;
    // LT-05's monitoring notice (countyWithResults), due on 2021-03-31, is 91 days overdue.
    expect(luntai.overdueRectifications).toBe(2);
    expect(luntai.accountable).toBe(2);
    expect(luntai.notices.map((n) => [n.number, n.statusLabel, n.daysOverdue, n.measures])).toEqual([
      // The seeded notices are numbered after the county's own.
      ['〔2020〕4号', RECTIFICATION_LABELS.issued, 91, 0],
      ['〔2020〕5号', RECTIFICATION_LABELS.passed, 0, 0],
      ['〔2020〕6号', RECTIFICATION_LABELS.returned, 30, 1],
      ['〔2020〕7号', RECTIFICATION_LABELS.issued, 0, 0],
    ]);

    const table = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(dashboardWorkbook([luntai], 2020)).Sheets['2020年各县汇总']!);
    expect(table[0]).toMatchObject({ 已评价项目: 2, '评价覆盖（数量）': '22.22%', '评价覆盖（金额）': '38.64%', 财政评价等级: '优 0，良 1，中 0，差 0', 建议采纳率: '66.67%', 问责清单: 2, 产业资金占比: '60.00%' });
  });
});
