// 固化指标: the library indicators every target of a project type or a fund kind (衔接资金) must carry.
// The performance office sets them on the 指标库 page; each change is part of what the library publishes,
// so it opens a library version, and the sets travel down in the library update package with the
// indicators they name.
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryIndicators, mandatoryIndicators, projectTypes, sqlNow } from '../../db/schema';
import {
  FUND_KINDS,
  fundKindLabel,
  mandatoryRow,
  mandatoryRule,
  mandatoryScopes,
  type MandatoryIndicator,
  type MandatoryProject,
  type MandatoryScope,
} from '../domain/mandatoryIndicators';
import type { IndicatorOperator } from '../domain/indicators';
import type { TargetIndicator } from '../domain/targets';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { libraryRecordId } from './ids';
import { indicatorColumns, toIndicator, type LibraryIndicator } from './indicators';
import { openLibraryVersion } from './versions';

/** A library indicator as a target row: unweighted, with the library's reference value. */
export const targetRowOf = (i: LibraryIndicator): TargetIndicator => ({
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  operator: i.operator,
  value: i.referenceValue,
  unit: i.unit,
  definition: i.definition,
  basis: i.basis,
  weight: '',
  accrual: i.accrual,
  libraryCode: i.code,
});

/** One entry of a mandatory set, as the 固化指标 tab lists it. */
export interface MandatoryEntry {
  id: string;
  version: number;
  scope: MandatoryScope;
  scopeCode: string;
  /** The project type's name, or the fund kind's (衔接资金). */
  scopeName: string;
  indicatorCode: string;
  operator: IndicatorOperator | '';
  /** The library indicator it names (its name, levels, reference value and status). */
  indicator: LibraryIndicator;
}

export interface MandatoryInput {
  scope: MandatoryScope;
  scopeCode: string;
  indicatorCode: string;
  operator: IndicatorOperator | '';
}

const live = eq(mandatoryIndicators.deleted, false);

/** The live entries `where` chooses, with their library indicators and the names of their scopes. */
function entries(db: Db, where?: SQL): MandatoryEntry[] {
  const rows = db
    .select({ entry: mandatoryIndicators, indicator: indicatorColumns })
    .from(mandatoryIndicators)
    .innerJoin(libraryIndicators, and(eq(libraryIndicators.code, mandatoryIndicators.indicatorCode), eq(libraryIndicators.deleted, false)))
    .where(and(live, where))
    .orderBy(asc(mandatoryIndicators.scope), asc(mandatoryIndicators.scopeCode), asc(mandatoryIndicators.indicatorCode))
    .all();
  const typeCodes = [...new Set(rows.filter((r) => r.entry.scope === 'projectType').map((r) => r.entry.scopeCode))];
  const typeNames = new Map(
    typeCodes.length ? db.select({ code: projectTypes.code, name: projectTypes.name }).from(projectTypes).where(inArray(projectTypes.code, typeCodes)).all().map((t) => [t.code, t.name]) : [],
  );
  return rows.map(({ entry, indicator }) => ({
    id: entry.id,
    version: entry.version,
    scope: entry.scope,
    scopeCode: entry.scopeCode,
    scopeName: entry.scope === 'fund' ? fundKindLabel(entry.scopeCode) : (typeNames.get(entry.scopeCode) ?? entry.scopeCode),
    indicatorCode: entry.indicatorCode,
    operator: entry.operator as IndicatorOperator | '',
    indicator: toIndicator(indicator),
  }));
}

/** Every live entry with its library indicator: fund kinds first ('fund' sorts before 'projectType'), then by code. */
export const listMandatory = (db: Db): MandatoryEntry[] => entries(db);

/**
 * The mandatory indicators of a project: its fund kinds' and its project type's, each once (the first
 * rule naming it), and only those still 已入库 (a retired indicator no longer binds anyone). Read by the
 * sets' own key, as every opening of a target asks.
 */
export function mandatoryFor(db: Db, project: MandatoryProject): MandatoryIndicator[] {
  const scopes = mandatoryScopes(project).map(({ scope, code }) => and(eq(mandatoryIndicators.scope, scope), eq(mandatoryIndicators.scopeCode, code)));
  if (scopes.length === 0) return [];
  const seen = new Set<string>();
  return entries(db, or(...scopes)).flatMap((entry) => {
    if (entry.indicator.status !== 'accepted' || seen.has(entry.indicatorCode)) return [];
    seen.add(entry.indicatorCode);
    return [{ libraryCode: entry.indicatorCode, row: mandatoryRow(targetRowOf(entry.indicator), entry.operator), rule: mandatoryRule(entry.scope, entry.scopeName) }];
  });
}

function requireScope(db: Db, scope: MandatoryScope, code: string): string {
  if (scope === 'fund') {
    if (!FUND_KINDS.some((k) => k.code === code)) throw new AppError('INVALID_INPUT', `资金类型应为：${FUND_KINDS.map((k) => k.label).join('、')}`);
    return fundKindLabel(code);
  }
  const type = db.select({ name: projectTypes.name }).from(projectTypes).where(and(eq(projectTypes.code, code), eq(projectTypes.deleted, false))).get();
  if (!type) throw new AppError('INVALID_INPUT', `项目类型 ${code} 不存在，请从列表中选择`);
  return type.name;
}

function requireAccepted(db: Db, code: string): LibraryIndicator {
  const row = db.select(indicatorColumns).from(libraryIndicators).where(and(eq(libraryIndicators.code, code), eq(libraryIndicators.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', `指标 ${code} 不在指标库中，请刷新后重新选择`);
  const indicator = toIndicator(row);
  if (indicator.status !== 'accepted') throw new AppError('INVALID_INPUT', `“${indicator.name}”还没有确认入库，只有已入库的指标才能设为固化指标`);
  return indicator;
}

const entryKey = (e: Pick<MandatoryInput, 'scope' | 'scopeCode' | 'indicatorCode'>) => `${e.scope}/${e.scopeCode}/${e.indicatorCode}`;

/** Adds an accepted library indicator to a project type's or a fund kind's set (a removed one comes back). */
export function addMandatory(db: Db, actor: Actor, input: MandatoryInput): MandatoryEntry {
  return db.transaction((tx) => {
    const scopeName = requireScope(tx, input.scope, input.scopeCode);
    const indicator = requireAccepted(tx, input.indicatorCode);
    const key = entryKey(input);
    const before = tx.select().from(mandatoryIndicators).where(eq(mandatoryIndicators.id, libraryRecordId('mandatory', key))).get();
    if (before && !before.deleted) throw new AppError('CONFLICT', `“${indicator.name}”已经是${mandatoryRule(input.scope, scopeName)}`);
    const libraryVersion = openLibraryVersion(tx, actor, { note: `${mandatoryRule(input.scope, scopeName)}新增“${indicator.name}”` });
    const values = { scope: input.scope, scopeCode: input.scopeCode, indicatorCode: input.indicatorCode, operator: input.operator };
    if (before) {
      tx.update(mandatoryIndicators).set({ ...values, deleted: false, version: before.version + 1, updatedAt: sqlNow }).where(eq(mandatoryIndicators.id, before.id)).run();
    } else {
      tx.insert(mandatoryIndicators).values({ id: libraryRecordId('mandatory', key), ...values }).run();
    }
    recordAudit(tx, actor, { entity: 'mandatory_indicator', naturalKey: key, action: '设为固化指标', after: { ...values, name: indicator.name, libraryVersion } });
    return listMandatory(tx).find((e) => entryKey(e) === key)!;
  });
}

/** Takes an indicator out of its set (a tombstone, so the removal travels); targets keep the row as an ordinary one. */
export function removeMandatory(db: Db, actor: Actor, input: { id: string; version: number }): void {
  db.transaction((tx) => {
    const entry = listMandatory(tx).find((e) => e.id === input.id);
    if (!entry) throw new AppError('NOT_FOUND', '该固化指标不存在或已取消，请刷新列表');
    if (entry.version !== input.version) throw new AppError('CONFLICT', '该固化指标已被他人修改，请刷新后重新操作');
    const libraryVersion = openLibraryVersion(tx, actor, { note: `${mandatoryRule(entry.scope, entry.scopeName)}取消“${entry.indicator.name}”` });
    tx.update(mandatoryIndicators).set({ deleted: true, version: entry.version + 1, updatedAt: sqlNow }).where(eq(mandatoryIndicators.id, entry.id)).run();
    recordAudit(tx, actor, { entity: 'mandatory_indicator', naturalKey: entryKey(entry), action: '取消固化指标', before: { name: entry.indicator.name }, after: { libraryVersion } });
  });
}
