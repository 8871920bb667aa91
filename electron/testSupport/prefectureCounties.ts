// Test support for the prefecture's summaries: counties of 巴音郭楞 with projects, graded targets and rounds
// over several years, reporting every year in full to the prefecture through the real exchange.
import path from 'node:path';
import type { Store } from '../../db/open';
import { listTemplates } from '../evaluation/templates';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { roundReport } from '../monitoring/report';
import { getSheet, listSheets, saveSheet } from '../monitoring/sheets';
import { initInstallation } from '../registry/setup';
import { seedCounty, type SeedProject, type SeedProjectTarget } from './county';
import { seedEvaluation, WAN } from './evaluationExchange';
import { countyStore, freshStore, prefectureStore, tempDir, TEST_ACTOR } from './fixtures';

export interface SeedYear {
  year: number;
  /** Code, amount in 分, target state and review grade. */
  projects: [code: string, fen: number, status: SeedProjectTarget['status'], grade: string | null][];
}

/** A county's years: projects with one fund each, their targets (graded at review), and a round of August over the approved ones. */
function county(region: string, years: SeedYear[]): Store {
  const store = region === '652822' ? countyStore() : freshStore();
  if (region !== '652822') initInstallation(store.db, { regionCode: region, role: 'county', operatorName: '赵六' });
  years.forEach(({ year, projects }, n) => {
    const seeded = seedCounty(store.db, {
      year,
      units: n === 0 ? [{ code: '101001', name: '交通运输局' }] : [],
      projects: projects.map(([code, fen]): SeedProject => ({ code, name: `项目${code}`, unitCode: '101001', funds: [{ source: '本级财政拨款', initialFen: fen }] })),
      targets: projects.map(([code, , status]) => ({ project: code, status })),
      rounds: [{ year, month: 8, deadline: `${year}-08-31`, scope: 'all' }],
    });
    for (const [code, , , grade] of projects) {
      if (grade) store.sqlite.prepare("UPDATE targets SET review_grade = ? WHERE project_id = ? AND kind = 'project'").run(grade, seeded.projectIds.get(code));
    }
  });
  return store;
}

/** A full report of each year, as the county exports it; the files in the order they are to be imported. */
function reportsOf(store: Store, years: readonly number[]): string[] {
  const dir = tempDir();
  return years.map((year) => exportReport(store, TEST_ACTOR, { year, stage: 'all', full: true, out: path.join(dir, `${year}.zip`) }).file);
}

/** Imports `files` into `prefecture` as a first contact would (trusting the sender). */
export function importReports(prefecture: Store, files: readonly string[]): void {
  for (const file of files) importPackage(prefecture, TEST_ACTOR, file, { dryRun: false, trust: true });
}

/** A county with `years` of projects, targets and rounds, and its report of each year imported into `prefecture`. */
export function reportingCounty(region: string, years: SeedYear[], prefecture: Store): Store {
  const store = county(region, years);
  importReports(prefecture, reportsOf(store, years.map((y) => y.year)));
  return store;
}

/**
 * 轮台县 and 尉犁县 with their 2019 and 2020 reports: 轮台县 1 of 2 targets approved in 2019 and 2 of 3 in 2020,
 * one of its 2020 sheets reported and submitted, an approved 财政评价 (良) of A20-1; 尉犁县 every target approved.
 */
export function twoCountiesReports() {
  const luntai = county('652822', [
    { year: 2019, projects: [['A19-1', 100 * WAN, 'approved', '优'], ['A19-2', 50 * WAN, 'submitted', null]] },
    { year: 2020, projects: [['A20-1', 120 * WAN, 'approved', '优'], ['A20-2', 80 * WAN, 'approved', '良'], ['A20-3', 40 * WAN, 'draft', null]] },
  ]);
  const round2020 = luntai.sqlite.prepare('SELECT id FROM monitoring_rounds WHERE year = 2020').get() as { id: string };
  const sheet = getSheet(luntai.db, listSheets(luntai.db, round2020.id)[0]!.id);
  saveSheet(luntai.db, TEST_ACTOR, {
    sheetId: sheet.id, version: sheet.version, analysis: '', budget: sheet.budget, indicators: sheet.indicators,
    funds: sheet.funds.map((f) => ({ ...f, executedFen: f.adjustedFen / 2 })),
  });
  luntai.sqlite.prepare("UPDATE monitoring_sheets SET status = 'submitted' WHERE id = ?").run(sheet.id);
  const template = listTemplates(luntai.db).find((t) => t.kind === 'project')!;
  const a201 = luntai.sqlite.prepare("SELECT id FROM projects WHERE code = 'A20-1'").get() as { id: string };
  seedEvaluation(luntai.sqlite, template, { id: a201.id, code: 'A20-1', unitCode: '101001' }, { kind: 'finance-evaluation', status: 'approved', total: '86.00', grade: '良' });

  const yuli = county('652823', [
    { year: 2019, projects: [['B19-1', 30 * WAN, 'approved', '中']] },
    { year: 2020, projects: [['B20-1', 60 * WAN, 'approved', '良'], ['B20-2', 20 * WAN, 'approved', '差']] },
  ]);
  return { luntai, luntaiRound: roundReport(luntai.db, round2020.id), files: [...reportsOf(luntai, [2019, 2020]), ...reportsOf(yuli, [2019, 2020])] };
}

/** The prefecture 巴音郭楞 holding both counties' reports of 2019 and 2020 (twoCountiesReports). */
export function prefectureOfTwoCounties() {
  const { files, ...counties } = twoCountiesReports();
  const prefecture = prefectureStore();
  importReports(prefecture, files);
  return { prefecture, ...counties };
}
