// `jixiao generate --scale …`: a synthetic database as large as the ones the software is designed for
// (issue 17): the sample county as it is, a big county (1,000 units, 1,500 projects), or a prefecture whose
// counties each come from their own temporary county database through real exchange packages. Everything is
// written by the sample county's generator (the real services and their bulk paths) and the exchange engine,
// never by SQL of its own, and the same seed gives the same data (compare `digest`).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, sqliteOf, type Store } from '../../db/open';
import { databaseCompanions } from '../../db/files';
import { openAppStore } from '../appStore';
import type { Actor } from '../audit/audit';
import { AppError } from '../errors';
import { and, asc, eq } from 'drizzle-orm';
import { regions } from '../../db/schema';
import { exportReport, importPackage } from '../exchange';
import { findRegion } from '../registry';
import { generateDemoCounty, type DemoSummary } from './generate';
import type { CountySize } from './plan';
import { isSampleDatabase, setUpSampleDatabase } from './sampleDatabase';

export const SCALES = ['county', 'big-county', 'prefecture'] as const;
export type Scale = (typeof SCALES)[number];
/** The county sizes a prefecture's counties can have. */
export type CountyScale = Exclude<Scale, 'prefecture'>;

/** The big county of issue 17: 1,000 units, 1,500 projects (about 15,000 indicators with the department-wide targets). */
export const BIG_COUNTY: CountySize = { units: 1000, projects: 1500 };
/** The sample county keeps its own size (108 units, 140 projects). */
const COUNTY_SIZES: Record<CountyScale, CountySize | undefined> = { county: undefined, 'big-county': BIG_COUNTY };

/** 轮台县 in 巴音郭楞 (652800), the sample's usual county; the prefecture's counties are the shipped ones under it. */
export const SCALE_COUNTY = '652822';
export const SCALE_PREFECTURE = '652800';
/** The years end here whatever today is, so that a seed gives the same data on any day. */
export const LAST_SCALE_YEAR = 2025;
const OPERATOR = '示例操作员';

export interface ScaleOptions {
  scale: Scale;
  file: string;
  years: number;
  seed: number;
  /** Replace the file when it is an earlier generated (sample) database; a real one is refused all the same. */
  force?: boolean;
  /** prefecture: how many of its counties (all 9 by default) and the size of each (big-county by default). */
  counties?: number;
  countyScale?: CountyScale;
  /** One line per step, with counts (the CLI writes them to stderr). */
  progress?: (line: string) => void;
}

export interface ScaleCounty {
  regionCode: string;
  name: string;
  years: { year: number; units: number; projects: number; targetIndicators: number; ms: number }[];
}

export interface ScaleSummary {
  scale: Scale;
  file: string;
  seed: number;
  years: number[];
  counties: ScaleCounty[];
  /** Packages imported into a prefecture, one per county and year. */
  packages: number;
  /** Rows of the main tables, as written. */
  rows: Record<string, number>;
  /** SHA-256 of the tables' contents without their random ids: equal for equal seeds. */
  digest: string;
  ms: number;
}

/** The fiscal years of `years` years of history, ending in LAST_SCALE_YEAR. */
export const scaleYears = (years: number): number[] => Array.from({ length: years }, (_, i) => LAST_SCALE_YEAR - years + 1 + i);

/** Each county and year its own stream of the seed, so that adding a year leaves the earlier ones as they were. */
const yearSeed = (seed: number, regionCode: string, year: number) => (Math.imul(seed, 0x9e3779b1) ^ Math.imul(Number(regionCode), 31) ^ year) >>> 0;

export function generateScale(actor: Actor, options: ScaleOptions): ScaleSummary {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  const years = scaleYears(options.years);
  clearFile(options.file, options.force ?? false);
  const store = openAppStore(options.file);
  try {
    let counties: ScaleCounty[];
    let packages = 0;
    if (options.scale === 'prefecture') {
      setUpSampleDatabase(store.db, actor, { regionCode: SCALE_PREFECTURE, role: 'prefecture', operatorName: OPERATOR });
      const result = importCounties(store, actor, options, years, progress);
      counties = result.counties;
      packages = result.packages;
    } else {
      setUpSampleDatabase(store.db, actor, { regionCode: SCALE_COUNTY, operatorName: OPERATOR });
      counties = [fillCounty(store, actor, SCALE_COUNTY, COUNTY_SIZES[options.scale], years, options.seed, progress)];
    }
    return { scale: options.scale, file: path.resolve(options.file), seed: options.seed, years, counties, packages, ...tableDigest(store), ms: Math.round(performance.now() - started) };
  } finally {
    closeDatabase(store);
  }
}

/**
 * Refuses a file that holds anything unless --force names an earlier generated database, which is then
 * removed with its companions (WAL, signing key): a real database is never replaced, with or without it.
 */
function clearFile(file: string, force: boolean): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  if (!force) throw new AppError('CONFLICT', `“${file}”已存在且有内容，生成的测试数据不会写入已有的数据库。请换一个新文件名；若它是以前生成的测试数据库，加 --force 重新生成`);
  const store = openAppStore(file);
  const sample = isSampleDatabase(store.db);
  closeDatabase(store);
  if (!sample) throw new AppError('CONFLICT', `“${file}”是正式数据库，即使加了 --force 也不会被生成的测试数据替换。请换一个新文件名`);
  for (const companion of databaseCompanions(file)) fs.rmSync(companion, { force: true });
}

function fillCounty(store: Store, actor: Actor, regionCode: string, size: CountySize | undefined, years: readonly number[], seed: number, progress: (line: string) => void): ScaleCounty {
  const county: ScaleCounty = { regionCode, name: findRegion(store.db, regionCode)?.name ?? regionCode, years: [] };
  for (const year of years) {
    const started = performance.now();
    const summary: DemoSummary = generateDemoCounty(store.db, actor, { year, seed: yearSeed(seed, regionCode, year), ...(size ? { size } : {}) });
    const ms = Math.round(performance.now() - started);
    county.years.push({ year, units: summary.units, projects: summary.projects, targetIndicators: summary.targetIndicators, ms });
    progress(`${county.name}（${regionCode}）${year} 年度：单位 ${summary.units} 个、项目 ${summary.projects} 个、绩效指标 ${summary.targetIndicators} 条、监控 ${summary.monitoring.rounds} 轮，用时 ${(ms / 1000).toFixed(1)} 秒`);
  }
  return county;
}

/**
 * Each county generated in a temporary database of its own and reported year by year to the prefecture,
 * which imports the packages trusting the sender on first contact, as a bureau does once it has checked
 * the fingerprint by phone.
 */
function importCounties(prefecture: Store, actor: Actor, options: ScaleOptions, years: readonly number[], progress: (line: string) => void) {
  const all = prefecture.db.select().from(regions).where(and(eq(regions.parentCode, SCALE_PREFECTURE), eq(regions.level, 'county'))).orderBy(asc(regions.code)).all();
  const chosen = all.slice(0, options.counties ?? all.length);
  const size = COUNTY_SIZES[options.countyScale ?? 'big-county'];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-generate-'));
  const counties: ScaleCounty[] = [];
  let packages = 0;
  try {
    chosen.forEach((region, n) => {
      progress(`[${n + 1}/${chosen.length}] ${region.name}（${region.code}）：在临时县级数据库中生成`);
      const file = path.join(work, `${region.code}.db`);
      const county = openAppStore(file);
      try {
        setUpSampleDatabase(county.db, actor, { regionCode: region.code, operatorName: OPERATOR });
        counties.push(fillCounty(county, actor, region.code, size, years, options.seed, progress));
        for (const year of years) {
          const started = performance.now();
          const written = exportReport(county, actor, { year, stage: 'all', full: true, out: path.join(work, `${region.code}-${year}.zip`) });
          const summary = importPackage(prefecture, actor, written.file, { dryRun: false, trust: true });
          packages++;
          progress(`${region.name} ${year} 年度数据包已导入州级数据库：新增 ${summary.counts.created} 条、更新 ${summary.counts.updated} 条记录，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
        }
      } finally {
        closeDatabase(county);
      }
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { counties, packages };
}

/** The tables the digest covers, each by its natural content in a fixed order (ids are random UUIDs). */
const DIGEST_QUERIES: Record<string, string> = {
  units: 'SELECT region_code, code, name, department_code, is_department FROM units ORDER BY region_code, code',
  projects: 'SELECT region_code, year, code, name, unit_code, project_type_code, key_project, poverty_fund, start_date, end_date FROM projects ORDER BY region_code, year, code',
  project_funds:
    'SELECT p.region_code, p.year, p.code, f.source, f.initial_fen, f.addition_fen, f.cut_fen FROM project_funds f JOIN projects p ON p.id = f.project_id ORDER BY 1, 2, 3, 4',
  targets: `SELECT region_code, year, kind, owner_code, status, review_grade, midterm_goal, midterm_fiscal_fen, midterm_other_fen, annual_fiscal_fen, annual_other_fen,
      project_basis, schedule, contact_person, contact_phone FROM targets ORDER BY region_code, year, kind, owner_code`,
  target_indicators:
    'SELECT t.region_code, t.year, t.kind, t.owner_code, i.seq, i.name, i.operator, i.value, i.unit, i.weight FROM target_indicators i JOIN targets t ON t.id = i.target_id ORDER BY 1, 2, 3, 4, 5',
  target_midterm_indicators:
    'SELECT t.region_code, t.year, t.kind, t.owner_code, i.seq, i.name, i.operator, i.value, i.unit FROM target_midterm_indicators i JOIN targets t ON t.id = i.target_id ORDER BY 1, 2, 3, 4, 5',
  department_tasks:
    'SELECT t.region_code, t.year, t.owner_code, d.seq, d.task, d.content, d.amount_fen, d.fiscal_fen, d.other_fen FROM department_tasks d JOIN targets t ON t.id = d.target_id ORDER BY 1, 2, 3, 4',
  monitoring_sheets: `SELECT r.region_code, r.year, r.month, p.code, s.status, s.budget_reasons, s.remarks FROM monitoring_sheets s JOIN monitoring_rounds r ON r.id = s.round_id
      JOIN projects p ON p.id = s.project_id ORDER BY 1, 2, 3, 4`,
  monitoring_funds: `SELECT r.region_code, r.year, r.month, p.code, f.source, f.initial_fen, f.adjusted_fen, f.executed_fen, f.forecast_fen FROM monitoring_funds f
      JOIN monitoring_sheets s ON s.id = f.sheet_id JOIN monitoring_rounds r ON r.id = s.round_id JOIN projects p ON p.id = s.project_id ORDER BY 1, 2, 3, 4, 5`,
};

export function tableDigest(store: Store): { rows: Record<string, number>; digest: string } {
  const sqlite = sqliteOf(store.db);
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const [table, query] of Object.entries(DIGEST_QUERIES)) {
    let count = 0;
    for (const row of sqlite.prepare(query).raw().iterate()) {
      hash.update(JSON.stringify(row));
      count++;
    }
    rows[table] = count;
  }
  return { rows, digest: hash.digest('hex') };
}
