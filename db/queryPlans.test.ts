// The hot queries (every list, board and dashboard channel, and a project's pages) read through indexes,
// never by scanning a table that grows with the county's years: issue 17 measured `SCAN targets` in every
// targets⋈projects join, which made the projects list quadratic in projects × all targets ever entered.
// Each channel runs through the real router over the sample county (and a prefecture that imported it);
// every statement it runs is explained on the same connection with the same arguments.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase, type Store } from './open';
import { importPackage } from '../electron/exchange/incoming';
import { exportReport } from '../electron/exchange/outgoing';
import { createAppContext, type CallContext } from '../electron/ipc/context';
import { handlers } from '../electron/ipc/handlers';
import { createRouter } from '../electron/ipc/router';
import { listRounds } from '../electron/monitoring/rounds';
import { listOperators } from '../electron/registry/operators';
import { initInstallation } from '../electron/registry/setup';
import { copySampleCounty2020, TEST_ACTOR } from '../electron/testSupport/fixtures';

const YEAR = 2020;

/**
 * Tables a plan may scan whole: one row of installation and of each setting, a handful of disclosures a
 * year, and the package history, which its page lists in full.
 */
const WHOLE_TABLE_READS = new Set(['installation', 'settings', 'disclosures', 'exchange_packages']);

interface Statement {
  sql: string;
  args: unknown[];
}

/** Every statement `run` executes on `sqlite`, with the arguments it ran with. */
async function statementsOf(sqlite: Database.Database, run: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const prepare = sqlite.prepare;
  sqlite.prepare = function recordingPrepare(source: string) {
    const statement = prepare.call(sqlite, source) as Database.Statement;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        seen.push({ sql: source, args });
        return original.apply(statement, args);
      };
    }
    return statement;
  } as typeof sqlite.prepare;
  try {
    await run();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}

/** The tables a statement names under another name (`FROM "attachments" c`), since a plan says the alias. */
function aliasesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+"?(\w+)"?\s+(?:AS\s+)?(?!ON\b|WHERE\b|USING\b|LEFT\b|INNER\b|JOIN\b|ORDER\b|GROUP\b|LIMIT\b)(\w+)/gi)) aliases.set(alias!, table!);
  return aliases;
}

/** The tables `statement`'s plan reads in full: SQLite says `SCAN t`, or `SCAN t USING INDEX i` when it walks a whole index for its order. */
function scannedTables(sqlite: Database.Database, statement: Statement): { table: string; plan: string }[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.args) as { detail: string }[];
  const said = plan.map((step) => step.detail).join(' | ');
  const aliases = aliasesOf(statement.sql);
  return plan.flatMap(({ detail }) => {
    const scanned = /^SCAN (\w+)(?!\w| VIRTUAL TABLE)/.exec(detail)?.[1];
    return scanned ? [{ table: aliases.get(scanned) ?? scanned, plan: said }] : [];
  });
}

interface Installation {
  store: Store;
  call: (channel: string, input: object) => Promise<unknown>;
}

/** The real router signed in as the installation's administrator, throwing on a refused call. */
function administratorOf(store: Store): Installation {
  const operator = listOperators(store.db)[0]!;
  const ctx: CallContext = { app: createAppContext(store, 'test'), session: { operator, signedInTo: store }, transport: 'test' };
  const router = createRouter(handlers);
  const call = async (channel: string, input: object) => {
    const result = await router.invoke(channel, input, ctx, true);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  return { store, call };
}

/** The growing tables `channel` scans, each with the plan and the first statement that scans it. */
const growingScans = ({ store, call }: Installation, channel: string, input: object) => growingScansOf(store, () => call(channel, input));

async function growingScansOf(store: Store, run: () => Promise<unknown>): Promise<Record<string, string>> {
  const statements = await statementsOf(store.sqlite, run);
  expect(statements.length).toBeGreaterThan(0);
  const scans: Record<string, string> = {};
  for (const statement of statements) {
    for (const { table, plan } of scannedTables(store.sqlite, statement)) if (!WHOLE_TABLE_READS.has(table)) scans[table] ??= `${plan}: ${statement.sql}`;
  }
  return scans;
}

let county: Installation;
let prefecture: Installation;
const inputs: Record<string, Record<string, string>> = {};

// Both databases live for the whole file (the fixtures' stores close after each test): seeding them takes seconds.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-plans-'));
const opened: Store[] = [];
const storeAt = (name: string): Store => opened[opened.push(openDatabase(path.join(folder, name))) - 1]!;
afterAll(() => {
  opened.forEach(closeDatabase);
  fs.rmSync(folder, { recursive: true, force: true });
});

beforeAll(async () => {
  copySampleCounty2020(path.join(folder, 'county.db'));
  const sample = storeAt('county.db');
  county = administratorOf(sample);
  const roundId = listRounds(sample.db, YEAR).at(-1)!.id;
  const projects = (await county.call('projects.list', { year: YEAR })) as { id: string; povertyFund: boolean }[];
  const sheets = (await county.call('monitoring.sheets', { roundId })) as { id: string }[];
  const selfEvaluations = (await county.call('selfEvaluation.list', { year: YEAR })) as { id: string | null }[];
  const notices = (await county.call('rectification.list', { year: YEAR })) as { notices: { id: string }[] };
  const fundProject = projects.find((p) => p.povertyFund)!;
  Object.assign(inputs, {
    round: { roundId },
    project: { projectId: fundProject.id },
    sheet: { sheetId: sheets[0]!.id },
    selfEvaluation: { id: selfEvaluations.find((s) => s.id)!.id },
    notice: { id: notices.notices[0]!.id },
    indicator: { id: (sample.sqlite.prepare('SELECT id FROM library_indicators LIMIT 1').get() as { id: string }).id },
  });

  const file = exportReport(sample, TEST_ACTOR, { year: YEAR, stage: 'all', full: true, out: path.join(folder, 'all.zip') }).file;
  const prefectureDb = storeAt('prefecture.db');
  initInstallation(prefectureDb.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  importPackage(prefectureDb, TEST_ACTOR, file, { dryRun: false, trust: true });
  prefecture = administratorOf(prefectureDb);
  inputs.target = { id: (prefectureDb.sqlite.prepare("SELECT id FROM targets WHERE kind = 'project' LIMIT 1").get() as { id: string }).id };
}, 120_000);

const year = { year: YEAR };
const COUNTY_CHANNELS: [string, () => object][] = [
  ['projects.list', () => year],
  ['projects.cycle', () => inputs.project!],
  ['targets.overview', () => year],
  ['targets.inbox', () => year],
  ['targets.forProject', () => inputs.project!],
  ['coverage.targets', () => year],
  ['monitoring.rounds', () => year],
  ['monitoring.candidates', () => year],
  ['monitoring.sheets', () => inputs.round!],
  ['monitoring.sheet', () => inputs.sheet!],
  ['monitoring.coverage', () => inputs.round!],
  ['monitoring.warnings', () => inputs.round!],
  ['monitoring.report', () => inputs.round!],
  ['monitoring.departmentSheets', () => inputs.round!],
  ['selfEvaluation.list', () => year],
  ['selfEvaluation.get', () => inputs.selfEvaluation!],
  ['selfEvaluation.departmentList', () => year],
  ['evaluation.list', () => year],
  ['evaluation.subjects', () => year],
  ['rectification.list', () => year],
  ['rectification.get', () => inputs.notice!],
  ['funds.overview', () => year],
  ['funds.project', () => inputs.project!],
  ['results.view', () => year],
  ['disclosure.list', () => year],
  ['exchange.history', () => ({})],
  // The library's instant search: a name by the trigram index, a code's start by the code index (LIKE cannot use it).
  ['library.search', () => ({ text: '覆盖率 JT01' })],
  ['library.search', () => ({ text: '率', projectTypeCode: 'JT01', status: 'accepted' })],
  ['library.get', () => inputs.indicator!],
  ['units.lookup', () => ({ query: '' })],
  ['units.lookup', () => ({ query: '教育', include: '101001', activeOnly: true })],
  ['units.lookup', () => ({ query: '', departmentsOnly: true })],
  ['projects.get', () => ({ id: inputs.project!.projectId })],
];

/** A list across the prefecture's counties: all of them (the county filter is a subquery on the regions) or one. */
const allCounties = { county: null, year: YEAR, search: '', offset: 0, limit: 50 };
const oneCounty = { ...allCounties, county: '652822', search: '县' };
const PREFECTURE_CHANNELS: [string, () => object][] = [
  ['exchange.dashboard', () => year],
  // The workbook carries the trend of every measure, so it runs every query a trend can.
  ['exchange.dashboardExport', () => year],
  ['prefecture.trend', () => ({ year: YEAR, measure: 'targets' })],
  ['prefecture.summaryExport', () => year],
  ['exchange.countyTargets', () => ({ county: '652822', year: YEAR })],
  ['exchange.history', () => ({})],
  ...['units', 'projects', 'targets', 'rounds', 'selfEvaluations', 'evaluations', 'results', 'rectifications'].flatMap((list): [string, () => object][] => [
    [`prefecture.${list}`, () => allCounties],
    [`prefecture.${list}`, () => oneCounty],
  ]),
  ['prefecture.sheets', () => ({ roundId: inputs.round!.roundId, search: '', offset: 20, limit: 20 })],
  ['prefecture.departmentSheets', () => ({ roundId: inputs.round!.roundId, search: '', offset: 20, limit: 20 })],
  ['prefecture.departmentSheets', () => ({ roundId: inputs.round!.roundId, search: '教育', offset: 0, limit: 20 })],
  ['prefecture.sheet', () => ({ id: inputs.sheet!.sheetId })],
  ['prefecture.target', () => inputs.target!],
];

describe('query plans of the hot channels', () => {
  it.each(COUNTY_CHANNELS)('a county reads %s through indexes, scanning no growing table', async (channel, input) => {
    expect(await growingScans(county, channel, input())).toEqual({});
  });

  it.each(PREFECTURE_CHANNELS)('a prefecture reads %s through indexes, scanning no growing table', async (channel, input) => {
    expect(await growingScans(prefecture, channel, input())).toEqual({});
  });

  // Each index of migration 0033 with a channel that needs it: without it that channel scans a table again.
  const atCounty = () => county;
  const atPrefecture = () => prefecture;
  const GUARDED: [index: string, table: string, channel: string, input: () => object, at: () => Installation][] = [
    ['targets_project', 'targets', 'projects.list', () => year, atCounty],
    ['units_code', 'units', 'rectification.list', () => year, atCounty],
    // Without it a project's cycle walks every round of every year, looking for the project's sheet in each.
    ['monitoring_sheets_project', 'monitoring_rounds', 'projects.cycle', () => inputs.project!, atCounty],
    ['self_evaluations_project', 'self_evaluations', 'funds.overview', () => year, atCounty],
    ['evaluations_project', 'evaluations', 'projects.cycle', () => inputs.project!, atCounty],
    ['rectifications_year', 'rectifications', 'rectification.list', () => year, atCounty],
    ['rectifications_source', 'rectifications', 'monitoring.warnings', () => inputs.round!, atCounty],
    ['rectifications_project', 'rectifications', 'funds.project', () => inputs.project!, atCounty],
    ['exchange_package_records_record', 'exchange_package_records', 'projects.cycle', () => inputs.project!, atCounty],
    ['exchange_decisions_record', 'exchange_decisions', 'exchange.countyTargets', () => ({ county: '652822', year: YEAR }), atPrefecture],
    ['exchange_decisions_unsent', 'exchange_decisions', 'exchange.dashboard', () => year, atPrefecture],
    ['regions_children', 'regions', 'exchange.dashboard', () => year, atPrefecture],
    // The years a prefecture holds: a step down the year index per year, else every project is read.
    ['projects_unit', 'projects', 'exchange.dashboard', () => year, atPrefecture],
    // A code's start is a range of the code index; without it every search of a word walks the library.
    ['library_indicators_code', 'library_indicators', 'library.search', () => ({ text: '覆盖率 JT01' }), atCounty],
  ];
  // Counting a round's lights reads every indicator and fund row of the round: from the covering indexes
  // of migration 0042 alone, not a table row per indicator (27 rounds, 220,000 rows, on one prefecture screen).
  // Once counted (or counted by the import that brought the round), a screen reads the round's kept row instead.
  it.each([
    ['prefecture.rounds', () => allCounties],
    ['exchange.dashboard', () => year],
  ])('a prefecture counts the lights of %s from covering indexes alone, then reads them kept by the round', async (channel, input) => {
    const { sqlite } = prefecture.store;
    const plans = async () => {
      const statements = await statementsOf(sqlite, () => prefecture.call(channel, input()));
      return statements.flatMap((statement) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.args) as { detail: string }[]).map((step) => step.detail));
    };
    const counting = ['SEARCH i USING COVERING INDEX monitoring_indicators_lights (sheet_id=?)', 'SEARCH f USING COVERING INDEX monitoring_funds_totals (sheet_id=?) LEFT-JOIN'];
    sqlite.exec('DELETE FROM monitoring_round_lights');
    expect(await plans()).toEqual(expect.arrayContaining(counting));
    const kept = await plans();
    expect(kept).toContain('SEARCH monitoring_round_lights USING INDEX sqlite_autoindex_monitoring_round_lights_1 (round_id=?)');
    for (const step of counting) expect(kept).not.toContain(step);
  });

  it.each(GUARDED)('without index %s, %s is scanned again in %s', async (index, table, channel, input, at) => {
    const installation = at();
    const { sqlite } = installation.store;
    const { sql } = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as { sql: string };
    sqlite.exec(`DROP INDEX ${index}`);
    try {
      expect(await growingScans(installation, channel, input())).toHaveProperty(table);
    } finally {
      sqlite.exec(sql);
    }
  });
});

// The exchange engine reads a record's files, and replaces them on import, by their owner_id alone (the
// child table's foreign key): the owner's id leads the attachments index, else every file is read per record.
describe('query plans of the files a package carries', () => {
  let written = 0;
  const exportAgain = () => exportReport(county.store, TEST_ACTOR, { year: YEAR, stage: 'all', full: true, out: path.join(folder, `again-${++written}.zip`) }).file;
  const exportScans = () => growingScansOf(county.store, async () => exportAgain());
  const importScans = (file: string) => growingScansOf(prefecture.store, async () => importPackage(prefecture.store, TEST_ACTOR, file, { dryRun: false, trust: false }));

  it('a county writes its records’ attachments into a package through the owner index', async () => {
    expect(county.store.sqlite.prepare('SELECT count(*) AS n FROM attachments').get()).not.toEqual({ n: 0 });
    expect(await exportScans()).not.toHaveProperty('attachments');
  });

  it('a prefecture reads and replaces the attachments of the records it imports through the owner index', async () => {
    expect(await importScans(exportAgain())).not.toHaveProperty('attachments');
  });

  it('without index attachments_owner, writing and importing a package scan attachments again', async () => {
    const file = exportAgain();
    const withoutIndex = async <T>(store: Store, work: () => Promise<T>): Promise<T> => {
      const { sql } = store.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'attachments_owner'").get() as { sql: string };
      store.sqlite.exec('DROP INDEX attachments_owner');
      try {
        return await work();
      } finally {
        store.sqlite.exec(sql);
      }
    };
    expect(await withoutIndex(county.store, exportScans)).toHaveProperty('attachments');
    expect(await withoutIndex(prefecture.store, () => importScans(file))).toHaveProperty('attachments');
  });
});
