// `npm run bench` (electron/tooling/bench.mjs runs this with tsx): the figures of issue 17, each the median
// of several runs and, where a limit exists, its ratio to that limit measured in the same run. The databases
// come from `jixiao generate` (generateScale) into a temp folder kept for the run only. Every figure is printed
// as it is taken; the LAST line is one JSON object with all of them (ratios in fields named *ratio*).
// `--quick` measures the same things at a tiny size, once each, for the test that the line is produced.
// The last stage opens the list pages in Chromium through the web bridge (browser.ts); without Chromium it
// is skipped with a line saying so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { databaseCompanions } from '../../../db/files';
import { closeDatabase, openDatabase, sqliteOf, type Store } from '../../../db/open';
import { openAppStore } from '../../appStore';
import { generateScale, SCALE_COUNTY, type ScaleOptions } from '../../demo/generateScale';
import { generateDemoCounty } from '../../demo/generate';
import { setUpSampleDatabase } from '../../demo/sampleDatabase';
import { assessSelfEvaluation, scoringSettingsFrom } from '../../domain/selfEvaluation';
import { importPackage } from '../../exchange/incoming';
import { exportReport } from '../../exchange/outgoing';
import { EXCHANGE_ENTITIES } from '../../exchange/registry';
import { readZip } from '../../exchange/zip';
import { decodeRecords } from '../../exchange/layout';
import { FORMAT_VERSION, formatMajorOf } from '../../exchange/manifest';
import { initInstallation } from '../../registry';
import type { SelfEvaluationDetail } from '../../selfEvaluation';
import type { Actor } from '../../audit/audit';
import { generateLibrary } from '../library';
import { CHROMIUM, chromiumInstalled } from '../chromium';
import { browserFigures, countyListPages, LIBRARY_PAGES, PREFECTURE_LIST_PAGES, type BrowserSite, type ListPage } from './browser';
import { administratorCall, median, medianMs, medianMsAsync, rounded, timed, type Call } from './measure';

export interface BenchPlan {
  quick: boolean;
  /** Runs per figure; per figure that takes seconds (generating, importing a package, a round with its import); per list channel. */
  runs: number;
  heavyRuns: number;
  listRuns: number;
  prefecture: { counties: number; years: number; countyScale: 'county' | 'big-county' };
  bigCounty: boolean;
  libraryEntries: number;
  xlsxRows: number;
  scoredIndicators: number;
  searchRuns: number;
  /** A page that shows neither its first row nor its empty state within this long fails the run. */
  browserTimeoutMs: number;
  /** An existing generated prefecture database to measure instead of generating one (`--prefecture-db`). */
  prefectureFile?: string;
  /** `--only browser`: the browser stage alone, on `countyFile` (or a big county generated for it) and `prefectureFile` when given. */
  only?: 'browser';
  /** An existing generated big county to measure instead of generating one (`--county-db`, with `--only browser`). */
  countyFile?: string;
  /** `--pages a,b`: only these pages of the browser stage (their names in the figures, e.g. self_evaluation). */
  pages?: string[];
}

export const FULL: BenchPlan = {
  quick: false,
  runs: 5,
  heavyRuns: 3,
  listRuns: 3,
  // Nine counties over five years; each a sample-sized county, so that the whole bench stays near ten minutes
  // on a 2-core machine (a big county's year takes ~30 s to generate; `--prefecture-big` for nine of those).
  prefecture: { counties: 9, years: 5, countyScale: 'county' },
  bigCounty: true,
  libraryEntries: 10_000,
  xlsxRows: 5_000,
  scoredIndicators: 10_000,
  searchRuns: 50,
  browserTimeoutMs: 60_000,
};

export const QUICK: BenchPlan = {
  quick: true,
  runs: 1,
  heavyRuns: 1,
  listRuns: 1,
  prefecture: { counties: 2, years: 1, countyScale: 'county' },
  bigCounty: false,
  libraryEntries: 500,
  xlsxRows: 300,
  scoredIndicators: 1_000,
  searchRuns: 3,
  browserTimeoutMs: 30_000,
};

type Figures = Record<string, number | string>;

/** The bench's operator (fixtures.ts has the tests' one, but loads vitest). */
const BENCH_ACTOR: Actor = { id: null, name: '基准测试' };

const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Ratios keep three significant digits (a cold open at 0.0026 of the raw one is not 0); other figures as `rounded`. */
function record(figures: Figures, name: string, value: number | string): void {
  figures[name] = typeof value !== 'number' ? value : name.includes('ratio') ? Number(value.toPrecision(3)) : rounded(value);
  say(`${name} ${figures[name]}`);
}

/** A ratio of speeds: 1 is the limit's own speed, 0.5 half of it. */
const speedRatio = (limitMs: number, oursMs: number) => limitMs / oursMs;

// ——— databases of the run ———

function generated(folder: string, name: string, options: Omit<ScaleOptions, 'file' | 'seed' | 'progress'>) {
  const file = path.join(folder, name);
  const summary = generateScale(BENCH_ACTOR, { ...options, file, seed: 17, progress });
  return { file, summary };
}

/** The previous run's database at this path, with its WAL and signing key. */
const removeDatabase = (file: string) => databaseCompanions(file).forEach((companion) => fs.rmSync(companion, { force: true }));

/** A copy of a database file to change in one run, leaving the original for the next. */
function copyOf(file: string, folder: string, name: string): string {
  const copy = path.join(folder, name);
  removeDatabase(copy);
  fs.copyFileSync(file, copy);
  return copy;
}

function emptyPrefecture(folder: string, name: string): Store {
  const file = path.join(folder, name);
  removeDatabase(file);
  const store = openAppStore(file);
  initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  return store;
}

// ——— open ———

const OPEN_CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'openChild.ts');

/** One open in a fresh process (its own SQLite cache and module loads; the file itself is in the OS cache). */
function coldOpen(file: string): { appMs: number; rawMs: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', OPEN_CHILD, file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`打开数据库的子进程失败：${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

function openFigures(figures: Figures, plan: BenchPlan, file: string): void {
  const cold = Array.from({ length: plan.runs }, () => coldOpen(file));
  const coldMs = median(cold.map((c) => c.appMs));
  const coldRaw = median(cold.map((c) => c.rawMs));
  record(figures, 'open_prefecture_cold_ms', coldMs);
  record(figures, 'open_prefecture_cold_raw_ms', coldRaw);
  record(figures, 'open_prefecture_cold_ratio_to_raw', speedRatio(coldRaw, coldMs));
  closeDatabase(openAppStore(file));
  const warm = medianMs(plan.runs, () => closeDatabase(openAppStore(file)));
  const warmRaw = medianMs(plan.runs, () => {
    const raw = new Database(file);
    raw.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    raw.close();
  });
  record(figures, 'open_prefecture_warm_ms', warm);
  record(figures, 'open_prefecture_warm_raw_ms', warmRaw);
  record(figures, 'open_prefecture_warm_ratio_to_raw', speedRatio(warmRaw, warm));
}

// ——— packages ———

/** Every row a package carries (records and their child rows), by table, as its data members hold them. */
function packageRows(file: string): Map<string, Record<string, unknown>[]> {
  const tables = new Map<string, Record<string, unknown>[]>();
  const add = (table: string, row: Record<string, unknown>) => (tables.get(table) ?? tables.set(table, []).get(table)!).push(row);
  for (const member of readZip(fs.readFileSync(file), { maxMembers: 10_000, maxMemberBytes: 2 ** 31, maxTotalBytes: 2 ** 32 })) {
    const entity = EXCHANGE_ENTITIES.find((e) => member.name === `data/${e.name}.json`);
    if (!entity) continue;
    for (const r of decodeRecords(entity, member.read(), member.name, formatMajorOf(FORMAT_VERSION))) {
      add(entity.table, { ...r.row, id: r.id, version: r.version, updated_at: r.updatedAt, deleted: r.deleted ? 1 : 0 });
      for (const child of entity.children ?? []) {
        for (const row of r.children[child.table] ?? []) add(child.table, child.via ? row : { ...row, [child.foreignKey]: r.id });
      }
    }
  }
  return tables;
}

/** The limit of an import: the same rows by raw better-sqlite3 prepared inserts into an empty database, one transaction. */
function rawInsertMs(rows: Map<string, Record<string, unknown>[]>, folder: string): number {
  const store = openDatabase(path.join(folder, `raw-${process.hrtime.bigint()}.db`));
  const sqlite = store.sqlite;
  const statements = new Map<string, Database.Statement>();
  const statementFor = (table: string, columns: string[]) => {
    const key = `${table}(${columns.join(',')})`;
    if (!statements.has(key)) statements.set(key, sqlite.prepare(`INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`));
    return statements.get(key)!;
  };
  // The rows name parents a county's package does not carry (its installation's regions), and a few travel in
  // their package form (an attachment's bytes as base64): the limit is the inserts alone, without the checks.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  const { ms } = timed(() =>
    sqlite.transaction(() => {
      for (const [table, list] of rows) for (const row of list) statementFor(table, Object.keys(row)).run(...Object.values(row));
    })(),
  );
  closeDatabase(store);
  return ms;
}

function packageFigures(figures: Figures, plan: BenchPlan, county: Store, year: number, folder: string): void {
  let n = 0;
  const out = () => path.join(folder, `big-county-${n++}.zip`);
  const exportMs = medianMs(plan.runs, () => exportReport(county, BENCH_ACTOR, { year, stage: 'all', full: true, out: out() }));
  const file = exportReport(county, BENCH_ACTOR, { year, stage: 'all', full: true, out: out() }).file;
  const rows = packageRows(file);
  const rowCount = [...rows.values()].reduce((sum, list) => sum + list.length, 0);
  record(figures, 'package_export_ms', exportMs);
  record(figures, 'package_rows', rowCount);
  record(figures, 'package_bytes', fs.statSync(file).size);

  const verifyMs = medianMs(plan.heavyRuns, (store: Store) => {
    importPackage(store, BENCH_ACTOR, file, { dryRun: true, trust: true });
    closeDatabase(store);
  }, () => emptyPrefecture(folder, 'verify.db'));
  record(figures, 'package_verify_ms', verifyMs);

  const firsts: number[] = [];
  const repeats: number[] = [];
  for (let run = 0; run < plan.heavyRuns; run++) {
    const prefecture = emptyPrefecture(folder, 'import.db');
    firsts.push(timed(() => importPackage(prefecture, BENCH_ACTOR, file, { dryRun: false, trust: true })).ms);
    repeats.push(timed(() => importPackage(prefecture, BENCH_ACTOR, file, { dryRun: false, trust: true })).ms);
    closeDatabase(prefecture);
  }
  const importMs = median(firsts);
  const rawMs = median(Array.from({ length: plan.heavyRuns }, () => rawInsertMs(rows, folder)));
  record(figures, 'package_import_ms', importMs);
  record(figures, 'package_import_rows_per_s', (rowCount / importMs) * 1000);
  record(figures, 'raw_insert_ms', rawMs);
  record(figures, 'raw_insert_rows_per_s', (rowCount / rawMs) * 1000);
  record(figures, 'package_import_ratio_to_raw_insert', speedRatio(rawMs, importMs));
  record(figures, 'package_repeat_import_ms', median(repeats));
  record(figures, 'package_repeat_ratio_to_first_import', median(repeats) / importMs);
}

// ——— a county's work ———

/** The budget system's execution export for a round: a row per project and source, then other projects' rows up to `rows`. */
function executionWorkbook(sheets: { projectCode: string; projectName: string }[], sources: Map<string, string[]>, rows: number): Uint8Array {
  const lines: (string | number)[][] = [['项目编码', '项目名称', '资金来源', '1-11月执行数（万元）']];
  for (const sheet of sheets) for (const source of sources.get(sheet.projectCode) ?? ['本级财政拨款']) if (lines.length <= rows) lines.push([sheet.projectCode, sheet.projectName, source, ((lines.length * 37) % 900) / 10 + 1]);
  // Projects the county has outside this round (the budget system exports them all): reported, not applied.
  for (let n = 0; lines.length <= rows; n++) lines.push([`${SCALE_COUNTY}OTHER${String(n).padStart(5, '0')}`, `其他项目${n}`, '本级财政拨款', 10]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['项目支出执行情况'], ...lines]), '执行情况');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

async function roundAndImportFigures(figures: Figures, plan: BenchPlan, countyFile: string, year: number, folder: string): Promise<void> {
  const creates: number[] = [];
  const previews: number[] = [];
  const applies: number[] = [];
  let projects = 0;
  for (let run = 0; run < plan.heavyRuns; run++) {
    const store = openAppStore(copyOf(countyFile, folder, 'round.db'));
    const call = administratorCall(store);
    const createStarted = performance.now();
    const round = (await call('monitoring.createRound', { year, month: 12, deadline: `${year}-12-31`, scope: 'all' })) as { id: string };
    creates.push(performance.now() - createStarted);
    const sheets = (await call('monitoring.sheets', { roundId: round.id })) as { projectCode: string; projectName: string }[];
    projects = sheets.length;
    const sources = new Map<string, string[]>();
    for (const row of sqliteOf(store.db).prepare('SELECT p.code AS code, f.source AS source FROM project_funds f JOIN projects p ON p.id = f.project_id WHERE p.year = ?').all(year) as { code: string; source: string }[]) {
      sources.set(row.code, [...(sources.get(row.code) ?? []), row.source]);
    }
    const input = { roundId: round.id, kind: 'execution', fileName: '执行.xlsx', dataBase64: Buffer.from(executionWorkbook(sheets, sources, plan.xlsxRows)).toString('base64') };
    const started = performance.now();
    await call('monitoring.importPreview', input);
    previews.push(performance.now() - started);
    const applied = performance.now();
    await call('monitoring.importCommit', input);
    applies.push(performance.now() - applied);
    closeDatabase(store);
  }
  record(figures, 'round_create_ms', median(creates));
  record(figures, 'round_projects', projects);
  record(figures, 'xlsx_rows', plan.xlsxRows);
  record(figures, 'xlsx_import_preview_ms', median(previews));
  record(figures, 'xlsx_import_apply_ms', median(applies));
}

/** The library search through the router, and its database (`library_entries` indicators) for the browser stage. */
async function libraryFigures(figures: Figures, plan: BenchPlan, folder: string): Promise<string> {
  const file = path.join(folder, 'library.db');
  const store = openAppStore(file);
  initInstallation(store.db, { regionCode: SCALE_COUNTY, role: 'county', operatorName: '张三' });
  generateLibrary(store.db, plan.libraryEntries);
  const call = administratorCall(store);
  const searchMs = await medianMsAsync(plan.searchRuns, () => call('library.search', { text: '供水管网' }));
  const raw = sqliteOf(store.db).prepare(
    `SELECT i.* FROM library_indicators i WHERE i.rowid IN (SELECT rowid FROM library_indicators_fts WHERE library_indicators_fts MATCH 'name : "供水管网"') ORDER BY i.code LIMIT 200`,
  );
  const rawMs = medianMs(plan.searchRuns, () => raw.all());
  record(figures, 'library_entries', plan.libraryEntries);
  record(figures, 'library_search_ms', searchMs);
  record(figures, 'library_search_raw_fts_ms', rawMs);
  record(figures, 'library_search_ratio_to_raw_fts', speedRatio(rawMs, searchMs));
  closeDatabase(store);
  return file;
}

/** Self-evaluation scoring (the domain's assessment of every table) over `count` indicator rows of the county's own tables. */
async function scoringFigures(figures: Figures, plan: BenchPlan, call: Call, year: number): Promise<void> {
  const list = (await call('selfEvaluation.list', { year })) as { id: string | null }[];
  const details: SelfEvaluationDetail[] = [];
  for (const row of list) if (row.id) details.push((await call('selfEvaluation.get', { id: row.id })) as SelfEvaluationDetail);
  const forms: SelfEvaluationDetail[] = [];
  for (let rows = 0, n = 0; rows < plan.scoredIndicators && details.length; n++) {
    const detail = details[n % details.length]!;
    forms.push(detail);
    rows += detail.indicators.length;
  }
  const scored = forms.reduce((sum, d) => sum + d.indicators.length, 0);
  const ms = medianMs(plan.runs, () => {
    for (const d of forms) {
      const settings = scoringSettingsFrom((key) => d.rules.values[key]!);
      assessSelfEvaluation({ funds: d.funds, budgetReason: d.budgetReason, goalAchieved: d.goalAchieved, indicators: d.indicators }, d.rules.budgetWeight, settings);
    }
  });
  record(figures, 'self_evaluation_scored_indicators', scored);
  record(figures, 'self_evaluation_scoring_ms', ms);
}

// ——— lists and boards ———

interface ListInputs {
  year: number;
  roundId: string;
  projectId: string;
  sheetId: string;
  selfEvaluationId: string;
  noticeId: string;
  county: string;
}

/** The county's last round of the year: the one whose sheets the 监控表 page lists. */
function lastRoundId(store: Store, year: number, county: string): string {
  const row = sqliteOf(store.db).prepare('SELECT id FROM monitoring_rounds WHERE region_code = ? AND year = ? ORDER BY month DESC, seq DESC').get(county, year) as { id: string } | undefined;
  if (!row) throw new Error(`基准测试的县级数据库中没有 ${year} 年的监控轮次`);
  return row.id;
}

/** The records a page opens (the county's last round, a 衔接资金 project, a sheet …), read from the tables, as a prefecture holds them too. */
function listInputs(store: Store, year: number, county: string): ListInputs {
  const sqlite = sqliteOf(store.db);
  const id = (query: string, ...args: unknown[]) => {
    const row = sqlite.prepare(query).get(...args) as { id: string } | undefined;
    if (!row) throw new Error(`基准测试的数据库中缺少记录：${query}`);
    return row.id;
  };
  const roundId = lastRoundId(store, year, county);
  return {
    year,
    roundId,
    projectId: id('SELECT id FROM projects WHERE region_code = ? AND year = ? ORDER BY poverty_fund DESC, code', county, year),
    sheetId: id('SELECT id FROM monitoring_sheets WHERE round_id = ? ORDER BY id', roundId),
    selfEvaluationId: id("SELECT id FROM self_evaluations WHERE region_code = ? AND year = ? AND kind = 'project' ORDER BY project_code", county, year),
    noticeId: id('SELECT id FROM rectifications WHERE region_code = ? AND year = ? ORDER BY seq', county, year),
    county,
  };
}

/** Every list channel and board a county's pages open, with the input a page sends. */
const COUNTY_PAGES: [string, (i: ListInputs) => object][] = [
  ['projects.list', (i) => ({ year: i.year })],
  ['projects.cycle', (i) => ({ projectId: i.projectId })],
  ['targets.overview', (i) => ({ year: i.year })],
  ['targets.inbox', (i) => ({ year: i.year })],
  ['coverage.targets', (i) => ({ year: i.year })],
  ['monitoring.rounds', (i) => ({ year: i.year })],
  ['monitoring.candidates', (i) => ({ year: i.year })],
  ['monitoring.sheets', (i) => ({ roundId: i.roundId })],
  ['monitoring.sheet', (i) => ({ sheetId: i.sheetId })],
  ['monitoring.coverage', (i) => ({ roundId: i.roundId })],
  ['monitoring.warnings', (i) => ({ roundId: i.roundId })],
  ['monitoring.report', (i) => ({ roundId: i.roundId })],
  ['selfEvaluation.list', (i) => ({ year: i.year })],
  ['selfEvaluation.get', (i) => ({ id: i.selfEvaluationId })],
  ['selfEvaluation.departmentList', (i) => ({ year: i.year })],
  ['evaluation.list', (i) => ({ year: i.year })],
  ['evaluation.subjects', (i) => ({ year: i.year })],
  ['rectification.list', (i) => ({ year: i.year })],
  ['rectification.get', (i) => ({ id: i.noticeId })],
  ['funds.overview', (i) => ({ year: i.year })],
  ['results.view', (i) => ({ year: i.year })],
  ['disclosure.list', (i) => ({ year: i.year })],
  ['units.list', () => ({})],
  ['exchange.history', () => ({})],
];

/** A prefecture sees its counties through 数据交换 (WORKFLOW_INSTALLATIONS): these are its pages' calls. */
const PREFECTURE_PAGES: [string, (i: ListInputs) => object][] = [
  ['exchange.dashboard', (i) => ({ year: i.year })],
  ['exchange.countyTargets', (i) => ({ county: i.county, year: i.year })],
  ['exchange.history', () => ({})],
  ['exchange.peers', () => ({})],
];

const fieldName = (channel: string) => channel.replace(/\./g, '_');

/** Each page's call at this size; a channel this installation refuses (a county's page at a prefecture) is left out and named. */
async function listFigures(figures: Figures, plan: BenchPlan, call: Call, size: string, pages: typeof COUNTY_PAGES, inputs: ListInputs): Promise<void> {
  const refused: string[] = [];
  for (const [channel, input] of pages) {
    try {
      await call(channel, input(inputs));
    } catch (error) {
      refused.push(`${channel}（${(error as Error).message.slice(0, 60)}）`);
      continue;
    }
    record(figures, `list_${size}_${fieldName(channel)}_ms`, await medianMsAsync(plan.listRuns, () => call(channel, input(inputs))));
  }
  if (refused.length) progress(`${size}：不适用或被拒绝的接口：${refused.join('；')}`);
}

// ——— in Chromium ———

/** The list pages of the big county, the 10,000-entry library and the prefecture, in Chromium through the bridge. */
async function browserStage(figures: Figures, plan: BenchPlan, sites: BrowserSite[], folder: string): Promise<void> {
  if (!chromiumInstalled()) {
    record(figures, 'browser_skipped', `未找到Chromium（${CHROMIUM}），浏览器中的首屏、滚动和经HTTP的指标库检索未测量`);
    progress('安装 Chromium 和中文字体后即可测量：apt-get install -y chromium fonts-noto-cjk');
    return;
  }
  await browserFigures(sites, { runs: plan.listRuns, timeoutMs: plan.browserTimeoutMs }, folder, (name, value) => record(figures, name, value), progress);
}

/** The big county's, the library's and (when there is one) the prefecture's pages, those of `--pages` alone when given. */
function browserSites(plan: BenchPlan, county: { file: string; year: number; roundId: string }, library: string, prefectureFile: string | null): BrowserSite[] {
  const chosen = (pages: ListPage[]) => pages.filter((page) => !plan.pages || plan.pages.includes(page.name));
  const sites: BrowserSite[] = [
    { size: 'big_county', file: county.file, pages: chosen(countyListPages(county.year, county.roundId)) },
    { size: `library_${plan.libraryEntries}`, file: library, pages: chosen(LIBRARY_PAGES), search: { text: '供水管网', runs: plan.searchRuns } },
  ];
  if (prefectureFile) sites.push({ size: 'prefecture', file: prefectureFile, pages: chosen(PREFECTURE_LIST_PAGES) });
  return sites;
}

/**
 * `--only browser`: the browser stage alone (and the router's library search beside its HTTP figure), on a
 * county made earlier (`--county-db`, copied into the run's folder) or a big county generated for it, and on
 * the prefecture of `--prefecture-db` when given: a page's figures before and after a change, in minutes.
 */
async function browserOnly(figures: Figures, plan: BenchPlan, folder: string): Promise<void> {
  const countyFile = plan.countyFile ? copyOf(existing(plan.countyFile, '--county-db'), folder, 'big-county.db') : generated(folder, 'big-county.db', { scale: 'big-county', years: 1 }).file;
  const county = openAppStore(countyFile);
  const sqlite = sqliteOf(county.db);
  const region = (sqlite.prepare('SELECT region_code FROM installation').pluck().get() as string | undefined) ?? SCALE_COUNTY;
  const year = sqlite.prepare('SELECT max(year) FROM monitoring_rounds WHERE region_code = ? AND deleted = 0').pluck().get(region) as number | null;
  if (year === null) throw new Error(`县级数据库“${plan.countyFile ?? countyFile}”中没有监控轮次：请用 jixiao generate --scale big-county 生成`);
  const roundId = lastRoundId(county, year, region);
  closeDatabase(county);
  const library = await libraryFigures(figures, plan, folder);
  const prefecture = plan.prefectureFile ? prefectureOf(figures, plan, folder).file : null;
  if (!prefecture) progress('未指定 --prefecture-db：不测州级页面');
  await browserStage(figures, plan, browserSites(plan, { file: countyFile, year, roundId }, library, prefecture), folder);
}

// ——— the prefecture ———

interface PrefectureDatabase {
  file: string;
  years: number[];
  counties: number;
  units: number;
  projects: number;
}

/** A database file an option names, which must be there. */
function existing(file: string, option: string): string {
  if (!fs.existsSync(file)) throw new Error(`找不到 ${option} 指定的数据库“${file}”`);
  return file;
}

/** The prefecture of the run: generated (its time recorded), or an earlier generated one copied into the run's folder. */
function prefectureOf(figures: Figures, plan: BenchPlan, folder: string): PrefectureDatabase {
  if (!plan.prefectureFile) {
    const generatedOne = generated(folder, 'prefecture.db', { scale: 'prefecture', years: plan.prefecture.years, counties: plan.prefecture.counties, countyScale: plan.prefecture.countyScale });
    record(figures, 'generate_prefecture_ms', generatedOne.summary.ms);
    const { summary } = generatedOne;
    return { file: generatedOne.file, years: summary.years, counties: summary.counties.length, units: summary.rows.units!, projects: summary.rows.projects! };
  }
  const file = copyOf(existing(plan.prefectureFile, '--prefecture-db'), folder, 'prefecture.db');
  progress(`使用已生成的州级数据库 ${plan.prefectureFile}（复制到本次运行的临时目录，不计生成用时）`);
  const raw = new Database(file, { readonly: true });
  try {
    const count = (query: string) => (raw.prepare(query).pluck().get() as number) ?? 0;
    return {
      file,
      years: raw.prepare('SELECT DISTINCT year FROM projects ORDER BY year').pluck().all() as number[],
      counties: count('SELECT COUNT(DISTINCT region_code) FROM projects'),
      units: count('SELECT COUNT(*) FROM units'),
      projects: count('SELECT COUNT(*) FROM projects'),
    };
  } finally {
    raw.close();
  }
}

// ——— the run ———

function machine(): Figures {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model ?? '';
  return { machine: os.machine(), cpu: cpu.trim(), cores: os.cpus().length, node: process.version, date: new Date().toISOString().slice(0, 10), load_1min: rounded(os.loadavg()[0]!) };
}

/** The value after `name`, or undefined when the option is absent; `needs` says what it must be when missing. */
function optionValue(args: readonly string[], name: string, needs: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} 需要一个值：${needs}`);
  return value;
}

/**
 * `--quick`, `--prefecture-big` (nine big counties), `--prefecture-db <file>` (an earlier generated prefecture),
 * `--only browser` with `--county-db <file>` (an earlier generated big county) and `--pages <name,name>`.
 */
export function planOf(args: readonly string[]): BenchPlan {
  const base = args.includes('--quick') ? QUICK : args.includes('--prefecture-big') ? { ...FULL, prefecture: { ...FULL.prefecture, countyScale: 'big-county' as const } } : FULL;
  const prefectureFile = optionValue(args, '--prefecture-db', '以前用 jixiao generate --scale prefecture 生成的数据库文件');
  const only = optionValue(args, '--only', 'browser（只测浏览器中的页面）');
  if (only !== undefined && only !== 'browser') throw new Error(`--only 只能是 browser（只测浏览器中的页面），不能是“${only}”`);
  const countyFile = optionValue(args, '--county-db', '以前用 jixiao generate --scale big-county 生成的数据库文件');
  if (countyFile && !only) throw new Error('--county-db 只与 --only browser 一起使用');
  const pages = optionValue(args, '--pages', '逗号分隔的页面名，例如 self_evaluation,monitoring_sheets')?.split(',').filter(Boolean);
  return {
    ...base,
    ...(prefectureFile ? { prefectureFile: path.resolve(prefectureFile) } : {}),
    ...(only ? { only } : {}),
    ...(countyFile ? { countyFile: path.resolve(countyFile) } : {}),
    ...(pages ? { pages } : {}),
  };
}

/** Every stage: the databases generated, then opens, packages, lists, the round, the library, the prefecture and the browser. */
async function allStages(figures: Figures, plan: BenchPlan, folder: string): Promise<void> {
  const generateCountyYear = medianMs(plan.heavyRuns, (store: Store) => generateDemoCounty(store.db, BENCH_ACTOR, { year: 2025, seed: 17 }), () => {
    const store = openAppStore(path.join(folder, `county-year-${process.hrtime.bigint()}.db`));
    setUpSampleDatabase(store.db, BENCH_ACTOR, { regionCode: SCALE_COUNTY, operatorName: '张三' });
    return store;
  });
  record(figures, 'generate_county_year_ms', generateCountyYear);

  const big = generated(folder, 'big-county.db', { scale: plan.bigCounty ? 'big-county' : 'county', years: 1 });
  const year = big.summary.years[0]!;
  record(figures, 'generate_big_county_year_ms', big.summary.counties[0]!.years[0]!.ms);
  record(figures, 'big_county_units', big.summary.rows.units!);
  record(figures, 'big_county_projects', big.summary.rows.projects!);
  record(figures, 'big_county_indicators', big.summary.rows.target_indicators!);

  const prefecture = prefectureOf(figures, plan, folder);
  record(figures, 'prefecture_counties', prefecture.counties);
  record(figures, 'prefecture_years', prefecture.years.length);
  record(figures, 'prefecture_units', prefecture.units);
  record(figures, 'prefecture_projects', prefecture.projects);
  record(figures, 'prefecture_bytes', fs.statSync(prefecture.file).size);

  openFigures(figures, plan, prefecture.file);

  const county = openAppStore(big.file);
  const countyCall = administratorCall(county);
  record(figures, 'export_preview_ms', await medianMsAsync(plan.runs, () => countyCall('exchange.exportPreview', { year, stage: 'all', full: true })));
  packageFigures(figures, plan, county, year, folder);
  const countyInputs = listInputs(county, year, SCALE_COUNTY);
  await listFigures(figures, plan, countyCall, 'big_county', COUNTY_PAGES, countyInputs);
  await scoringFigures(figures, plan, countyCall, year);
  closeDatabase(county);
  await roundAndImportFigures(figures, plan, big.file, year, folder);
  const library = await libraryFigures(figures, plan, folder);

  const pref = openAppStore(prefecture.file);
  const prefCall = administratorCall(pref);
  const lastYear = prefecture.years.at(-1)!;
  await listFigures(figures, plan, prefCall, 'prefecture', PREFECTURE_PAGES, listInputs(pref, lastYear, SCALE_COUNTY));
  const dashboards = await medianMsAsync(plan.runs, async () => {
    for (const y of prefecture.years) await prefCall('exchange.dashboard', { year: y });
  });
  record(figures, 'prefecture_dashboard_all_years_ms', dashboards);
  closeDatabase(pref);

  await browserStage(figures, plan, browserSites(plan, { file: big.file, year, roundId: countyInputs.roundId }, library, prefecture.file), folder);
}

export async function runBench(plan: BenchPlan): Promise<Figures> {
  const started = performance.now();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  const figures: Figures = { ...machine(), quick: plan.quick ? 1 : 0 };
  try {
    await (plan.only === 'browser' ? browserOnly : allStages)(figures, plan, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  figures.total_ms = Math.round(performance.now() - started);
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runBench(planOf(process.argv.slice(2))).then((figures) => say(JSON.stringify(figures)));
}
