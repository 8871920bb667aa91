import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../demo/generate';
import { roundReport } from '../monitoring/report';
import { createRound } from '../monitoring/rounds';
import { getSheet, listSheets, saveSheet } from '../monitoring/sheets';
import { initInstallation } from '../registry/setup';
import { freshStore, sampleCountyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dashboardWorkbook, prefectureDashboard } from './dashboard';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';

describe('prefecture dashboard', () => {
  it('shows one row per county with what its packages brought: coverage, the latest round’s lights, target review grades', () => {
    const dir = tempDir();
    const county = sampleCountyStore();
    generateDemoCounty(county.db, TEST_ACTOR, { year: 2020 });
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
    expect(luntai.latestRound).toEqual({ month: 12, lights: countyCounts.project, unreported: countyCounts.unreported });
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
