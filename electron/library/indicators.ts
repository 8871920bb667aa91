// 指标库 indicators: reading, the instant search, and writing drafts. The maker/checker moves (propose,
// confirm, return, retire) are in review.ts; versions and packages in versions.ts.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { sqliteOf, type Db } from '../../db/open';
import { libraryRecordId } from './ids';
import { libraryIndicators, projectTypes, sqlNow, units } from '../../db/schema';
import { defaultAccrual, framework, OPERATORS, type Framework, type IndicatorOperator } from '../domain/indicators';
import {
  checkLibraryIndicator,
  editRefusal,
  nextIndicatorCode,
  sameIndicatorContent,
  type LibraryIndicatorDraft,
  type LibraryStatus,
} from '../domain/library';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation } from '../registry';
import { settingValue } from '../settings';

export interface LibraryIndicator extends LibraryIndicatorDraft {
  id: string;
  code: string;
  status: LibraryStatus;
  /** The library version in which it was last accepted or changed (0: never accepted). */
  libraryVersion: number;
  proposingUnitCode: string | null;
  proposedBy: string | null;
  /** The record's own version, for optimistic concurrency and exchange. */
  version: number;
  updatedAt: string;
}

export const indicatorColumns = {
  id: libraryIndicators.id,
  code: libraryIndicators.code,
  projectTypeCode: libraryIndicators.projectTypeCode,
  level1: libraryIndicators.level1,
  level2: libraryIndicators.level2,
  name: libraryIndicators.name,
  operator: libraryIndicators.operator,
  referenceValue: libraryIndicators.referenceValue,
  unit: libraryIndicators.unit,
  definition: libraryIndicators.definition,
  basis: libraryIndicators.basis,
  accrual: libraryIndicators.accrual,
  status: libraryIndicators.status,
  libraryVersion: libraryIndicators.libraryVersion,
  proposingUnitCode: libraryIndicators.proposingUnitCode,
  proposedBy: libraryIndicators.proposedBy,
  version: libraryIndicators.version,
  updatedAt: libraryIndicators.updatedAt,
};

/** Operators are checked on every write; an unknown one read back (e.g. from an old import) shows as unset. */
const knownOperator = (operator: string): IndicatorOperator | '' => ((OPERATORS as readonly string[]).includes(operator) ? (operator as IndicatorOperator) : '');

export const toIndicator = (row: Omit<LibraryIndicator, 'operator'> & { operator: string }): LibraryIndicator => ({ ...row, operator: knownOperator(row.operator) });

const live = eq(libraryIndicators.deleted, false);

export function findIndicator(db: Db, id: string): LibraryIndicator | undefined {
  const row = db.select(indicatorColumns).from(libraryIndicators).where(and(eq(libraryIndicators.id, id), live)).get();
  return row && toIndicator(row);
}

export function requireIndicator(db: Db, id: string): LibraryIndicator {
  const found = findIndicator(db, id);
  if (!found) throw new AppError('NOT_FOUND', '该指标不存在或已删除，请刷新列表');
  return found;
}

/** Every indicator (all statuses) in library order: for exports and for planning imports. */
export function allIndicators(db: Db): LibraryIndicator[] {
  return db
    .select(indicatorColumns)
    .from(libraryIndicators)
    .where(live)
    .orderBy(asc(libraryIndicators.projectTypeCode), asc(libraryIndicators.code))
    .all()
    .map(toIndicator);
}

/**
 * The accepted (已入库) indicators of a project type, in library order: what a target form starts from
 * when a project type is picked.
 */
export function suggestedIndicators(db: Db, projectTypeCode: string): LibraryIndicator[] {
  return db
    .select(indicatorColumns)
    .from(libraryIndicators)
    .where(and(eq(libraryIndicators.projectTypeCode, projectTypeCode), eq(libraryIndicators.status, 'accepted'), live))
    .orderBy(asc(libraryIndicators.code))
    .all()
    .map(toIndicator);
}

export interface IndicatorQuery {
  /** Any part of the name (or the start of the code); words separated by spaces must all match. */
  text?: string;
  projectTypeCode?: string | null;
  status?: LibraryStatus | null;
  limit?: number;
}

/**
 * What a row of the library's list shows, and what its review moves need (the proposing unit); the whole
 * indicator (basis, accrual, version for saving) is read when a row is opened.
 */
export type LibraryIndicatorRow = Pick<
  LibraryIndicator,
  'id' | 'code' | 'projectTypeCode' | 'level1' | 'level2' | 'name' | 'operator' | 'referenceValue' | 'unit' | 'definition' | 'status' | 'libraryVersion' | 'proposingUnitCode'
>;

export interface IndicatorSearchResult {
  /** How many indicators match; `indicators` holds the first `limit` of them. */
  total: number;
  indicators: LibraryIndicatorRow[];
}

export const SEARCH_LIMIT = 2000;

/** The FTS5 trigram index needs three characters; shorter words are matched with LIKE instead. */
const TRIGRAM = 3;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** One word as an FTS5 phrase restricted to the name column: quotes inside are doubled. */
const ftsPhrase = (word: string) => `name : "${word.replace(/"/g, '""')}"`;
/**
 * Codes that start with `prefix`, as a range the code index serves (LIKE 'X%' cannot use it: LIKE ignores
 * case, the index does not). Codes are capitals, digits and hyphens, so no code continues past U+10FFFF.
 */
const codePrefixRange = (prefix: string) => [prefix, `${prefix}\u{10FFFF}`];

interface Condition {
  sql: string;
  args: unknown[];
}

/** A word matches in the name (the trigram index, or LIKE for one or two characters) or at the start of the code. */
function wordCondition(word: string): Condition {
  const inName: Condition =
    [...word].length >= TRIGRAM
      ? { sql: 'rowid IN (SELECT rowid FROM library_indicators_fts WHERE library_indicators_fts MATCH ?)', args: [ftsPhrase(word)] }
      : { sql: "name LIKE ? ESCAPE '\\'", args: [`%${escapeLike(word)}%`] };
  return { sql: `(${inName.sql} OR (code >= ? AND code < ?))`, args: [...inName.args, ...codePrefixRange(word.toUpperCase())] };
}

const ROW_COLUMNS = `id, code, project_type_code AS projectTypeCode, level1, level2, name, operator, reference_value AS referenceValue, unit,
  definition, status, library_version AS libraryVersion, proposing_unit_code AS proposingUnitCode`;

/**
 * Finds indicators by any part of their Chinese name, within a project type and status when given. Called
 * on every keystroke (after a pause) over a library of 10,000: one prepared statement for the rows, objects
 * built by SQLite under their own names, and a count only when the rows fill the limit.
 */
export function searchIndicators(db: Db, query: IndicatorQuery): IndicatorSearchResult {
  const conditions: Condition[] = [{ sql: 'deleted = 0', args: [] }];
  for (const word of (query.text ?? '').trim().split(/\s+/).filter(Boolean)) conditions.push(wordCondition(word));
  if (query.projectTypeCode) conditions.push({ sql: 'project_type_code = ?', args: [query.projectTypeCode] });
  if (query.status) conditions.push({ sql: 'status = ?', args: [query.status] });
  const where = conditions.map((c) => c.sql).join(' AND ');
  const args = conditions.flatMap((c) => c.args);
  const limit = query.limit ?? SEARCH_LIMIT;
  const sqlite = sqliteOf(db);
  const rows = sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM library_indicators WHERE ${where} ORDER BY project_type_code, code LIMIT ?`).all(...args, limit) as (LibraryIndicatorRow & { operator: string })[];
  for (const row of rows) row.operator = knownOperator(row.operator);
  const total = rows.length < limit ? rows.length : (sqlite.prepare(`SELECT count(*) FROM library_indicators WHERE ${where}`).pluck().get(...args) as number);
  return { total, indicators: rows };
}

/** The dictionary version new library indicators are written in: the year's forms setting. */
export const libraryFramework = (db: Db): Framework => framework(settingValue<string>(db, 'targets.framework'));

/** A draft as callers send it; without an accrual kind it gets the default from its unit and level 2. */
export interface IndicatorInput extends Omit<LibraryIndicatorDraft, 'accrual'> {
  accrual?: LibraryIndicatorDraft['accrual'];
  proposingUnitCode?: string | null;
}

function normalise(db: Db, given: IndicatorInput): LibraryIndicatorDraft & { proposingUnitCode: string | null } {
  const input = { ...given, accrual: given.accrual ?? defaultAccrual(given) };
  const problems = checkLibraryIndicator(input, libraryFramework(db));
  if (hasErrors(problems)) throw new AppError('INVALID_INPUT', Object.values(problems).join('；'));
  const qualitative = input.operator === '定性';
  return {
    projectTypeCode: input.projectTypeCode.trim(),
    level1: input.level1,
    level2: input.level2,
    name: input.name.trim(),
    operator: input.operator,
    referenceValue: input.referenceValue.trim(),
    unit: qualitative ? '' : input.unit.trim(),
    definition: input.definition.trim(),
    basis: input.basis,
    accrual: input.accrual,
    proposingUnitCode: input.proposingUnitCode?.trim() || null,
  };
}

function requireProjectType(db: Db, code: string): void {
  const found = db.select({ code: projectTypes.code }).from(projectTypes).where(and(eq(projectTypes.code, code), eq(projectTypes.deleted, false))).get();
  if (!found) throw new AppError('INVALID_INPUT', `项目类型 ${code} 不存在，请先新增该项目类型`);
}

/** A proposing unit must be one of this county's registered units. */
export function requireProposingUnit(db: Db, unitCode: string | null): void {
  if (!unitCode) return;
  const { region } = requireInstallation(db);
  const found = db
    .select({ code: units.code })
    .from(units)
    .where(and(eq(units.regionCode, region.code), eq(units.code, unitCode), eq(units.deleted, false)))
    .get();
  if (!found) throw new AppError('INVALID_INPUT', `提出单位编码 ${unitCode} 不存在，请从单位列表中选择`);
}

/** The codes already used by a type's indicators (tombstones too: a code is never reused). */
export function codesOfType(db: Db, projectTypeCode: string): string[] {
  return db
    .select({ code: libraryIndicators.code })
    .from(libraryIndicators)
    .where(eq(libraryIndicators.projectTypeCode, projectTypeCode))
    .all()
    .map((r) => r.code);
}

/** A new indicator starts as a draft; its code carries this installation's region so it never collides. */
export function createIndicator(db: Db, actor: Actor, input: IndicatorInput): LibraryIndicator {
  const { region } = requireInstallation(db);
  const draft = normalise(db, input);
  return db.transaction((tx) => {
    requireProjectType(tx, draft.projectTypeCode);
    requireProposingUnit(tx, draft.proposingUnitCode);
    const code = nextIndicatorCode(draft.projectTypeCode, region.code, codesOfType(tx, draft.projectTypeCode));
    const id = libraryRecordId('indicator', code);
    tx.insert(libraryIndicators).values({ id, code, ...draft, status: 'draft' }).run();
    const created = requireIndicator(tx, id);
    recordAudit(tx, actor, { entity: 'library_indicator', naturalKey: code, action: '新增指标（草稿）', after: created });
    return created;
  });
}

export interface IndicatorUpdate extends IndicatorInput {
  id: string;
  /** The record version the person edited, so a concurrent change is not silently overwritten. */
  version: number;
}

/**
 * Saves an edit as a draft. Editing an accepted indicator takes it out of the suggestions until the
 * change is proposed and confirmed again, so nothing unreviewed reaches the target forms.
 */
export function updateIndicator(db: Db, actor: Actor, input: IndicatorUpdate): LibraryIndicator {
  const draft = normalise(db, input);
  return db.transaction((tx) => {
    const before = requireIndicator(tx, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '该指标已被他人修改，请刷新后重新编辑');
    const refusal = editRefusal(before.status);
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (draft.projectTypeCode !== before.projectTypeCode) {
      throw new AppError('INVALID_INPUT', '指标编码按项目类型编排，已有指标不能更换项目类型；请在新的项目类型下新增指标');
    }
    requireProposingUnit(tx, draft.proposingUnitCode);
    if (sameIndicatorContent(draft, before) && draft.proposingUnitCode === before.proposingUnitCode) return before;
    tx.update(libraryIndicators)
      .set({ ...draft, status: 'draft', version: before.version + 1, updatedAt: sqlNow })
      .where(eq(libraryIndicators.id, before.id))
      .run();
    const after = requireIndicator(tx, before.id);
    const action = before.status === 'accepted' ? '修改已入库指标（转为草稿）' : '修改指标';
    recordAudit(tx, actor, { entity: 'library_indicator', naturalKey: before.code, action, before, after });
    return after;
  });
}

/** Indicators by id, for the moves that act on several at once; unknown ids are refused by name. */
export function requireIndicators(db: Db, ids: readonly string[]): LibraryIndicator[] {
  const rows = db.select(indicatorColumns).from(libraryIndicators).where(and(inArray(libraryIndicators.id, [...ids]), live)).all().map(toIndicator);
  if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', '部分指标不存在或已删除，请刷新列表后重试');
  return rows;
}
