// What every list of the prefecture's counties shares: the counties under this prefecture (one or all),
// a year, a search, a page of rows counted in SQL, and beside each row the package that brought it. The
// county filter is a subquery on the prefecture's regions, so that 全部县市 still reads each table through
// its (region_code, year, …) natural key instead of scanning every county's rows.
import type Database from 'better-sqlite3';
import { sqliteOf, type Store } from '../../../db/open';
import { AppError } from '../../errors';
import { requireInstallation } from '../../registry';
import type { CountyListInput } from '../contract';

export interface CountyOption {
  code: string;
  name: string;
}

/** The package whose import last wrote a record; null on the row: it came before packages were noted (早期导入). */
export interface SourcePackage {
  id: string;
  fileName: string;
  sequence: number;
  receivedAt: string;
}

export interface CountyPage<Row> {
  rows: Row[];
  total: number;
  /** The year shown: the one asked for, or else the latest a county reported. */
  year: number;
  counties: CountyOption[];
  years: number[];
}

/** The county filter of a list, as SQL on `alias.region_code`; binds @prefecture and @county. */
export const inCounties = (alias: string) =>
  `${alias}.region_code IN (SELECT code FROM regions WHERE parent_code = @prefecture AND level = 'county' AND (@county IS NULL OR code = @county))`;

/** The package that brought `alias`'s row of `entity` from its county (the county is the peer that sent it). */
export const sourceJoin = (alias: string, entity: string, peer = `${alias}.region_code`) =>
  `LEFT JOIN exchange_sync src ON src.peer = ${peer} AND src.entity = '${entity}' AND src.record_id = ${alias}.id
   LEFT JOIN exchange_packages pkg ON pkg.id = src.package_id`;

export const SOURCE_COLUMNS = 'pkg.id AS sourceId, pkg.file_name AS sourceFile, pkg.sequence AS sourceSequence, pkg.recorded_at AS sourceReceivedAt';

export interface SourceColumns {
  sourceId: string | null;
  sourceFile: string | null;
  sourceSequence: number | null;
  sourceReceivedAt: string | null;
}

/** A raw row with its source columns folded into `source`. */
export function withSource<Raw extends SourceColumns>(raw: Raw): Omit<Raw, keyof SourceColumns> & { source: SourcePackage | null } {
  const { sourceId, sourceFile, sourceSequence, sourceReceivedAt, ...row } = raw;
  const source = sourceId === null ? null : { id: sourceId, fileName: sourceFile ?? '', sequence: sourceSequence ?? 0, receivedAt: sourceReceivedAt ?? '' };
  return { ...row, source };
}

/** A LIKE pattern matching `search` literally anywhere (its % and _ are not wildcards). */
export const containing = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `columns` contain @search; nothing when no search was typed. */
export const searchCondition = (search: string, columns: readonly string[]) =>
  search === '' ? '' : `AND (${columns.map((c) => `${c} LIKE @search ESCAPE '\\'`).join(' OR ')})`;

export interface CountyScope {
  sqlite: Database.Database;
  /** The named parameters every list binds: the prefecture, the county (null: all), the year, the search, the page. */
  params: { prefecture: string; county: string | null; year: number; search: string; limit: number; offset: number };
  page: Omit<CountyPage<never>, 'rows' | 'total'>;
}

/** The counties, years and parameters of a list; refused outside a prefecture and for a county not under it. */
export function countyScope(store: Store, input: CountyListInput): CountyScope {
  const installation = requireInstallation(store.db);
  if (installation.role !== 'prefecture') throw new AppError('INVALID_INPUT', '各县数据只在州级财政局查看；本机的数据请在各业务页面查看');
  const sqlite = sqliteOf(store.db);
  const counties = sqlite
    .prepare("SELECT code, name FROM regions WHERE parent_code = ? AND level = 'county' ORDER BY code")
    .all(installation.region.code) as CountyOption[];
  if (input.county !== null && !counties.some((c) => c.code === input.county)) {
    throw new AppError('INVALID_INPUT', `区划 ${input.county} 不是本州（${installation.region.name}）下辖的县市，请在“县市”中重新选择`);
  }
  const years = (sqlite.prepare("SELECT DISTINCT year FROM exchange_packages WHERE direction = 'in' AND kind = 'county-report' ORDER BY year DESC").all() as { year: number }[]).map(
    (r) => r.year,
  );
  const year = input.year ?? years[0] ?? new Date().getFullYear();
  return {
    sqlite,
    params: { prefecture: installation.region.code, county: input.county, year, search: input.search === '' ? '' : containing(input.search), limit: input.limit, offset: input.offset },
    page: { year, counties, years },
  };
}

/** Runs a list's count and its page with the same conditions (a statement ignores the parameters it does not name). */
export function pageOf<Raw, Row>(scope: CountyScope, sql: { count: string; rows: string }, toRow: (raw: Raw) => Row): CountyPage<Row> {
  const total = (scope.sqlite.prepare(sql.count).get(scope.params) as { n: number }).n;
  const rows = (scope.sqlite.prepare(`${sql.rows} LIMIT @limit OFFSET @offset`).all(scope.params) as Raw[]).map(toRow);
  return { rows, total, ...scope.page };
}
