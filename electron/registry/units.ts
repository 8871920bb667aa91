// 预算单位: the county's budget units under their supervising departments.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/open';
import { sqlNow, units } from '../../db/schema';
import { checkUnit, duplicateUnitName, type UnitDraft } from '../domain/registry';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation } from './installation';

export interface Unit {
  id: string;
  code: string;
  name: string;
  departmentCode: string | null;
  isDepartment: boolean;
  active: boolean;
  version: number;
  updatedAt: string;
}

const columns = {
  id: units.id,
  code: units.code,
  name: units.name,
  departmentCode: units.departmentCode,
  isDepartment: units.isDepartment,
  active: units.active,
  version: units.version,
  updatedAt: units.updatedAt,
};

const naturalKey = (regionCode: string, code: string) => `${regionCode}/${code}`;

/** All units of this installation's region, sorted by code; the renderer filters and virtualises. */
export function listUnits(db: Db): Unit[] {
  const { region } = requireInstallation(db);
  return db
    .select(columns)
    .from(units)
    .where(and(eq(units.regionCode, region.code), eq(units.deleted, false)))
    .orderBy(asc(units.code))
    .all();
}

/** What a unit picker shows and fills in: the unit and where it sits, its department named for the form. */
export interface UnitChoice extends Pick<Unit, 'code' | 'name' | 'departmentCode' | 'isDepartment' | 'active'> {
  /** The name of its 主管部门 (departmentCode), or null when it has none registered. */
  departmentName: string | null;
}

export interface UnitLookup {
  /** At most UNIT_LOOKUP_LIMIT matches, by code. */
  units: UnitChoice[];
  /** How many units match in all, so a picker can ask for a narrower search. */
  total: number;
  /** The unit named by `include` (the one already chosen), matching or not, so the picker can name it. */
  chosen: UnitChoice | null;
}

export const UNIT_LOOKUP_LIMIT = 50;

/**
 * The units whose code starts with `query` or whose name contains it, a page at a time, for pickers: a county
 * has up to a thousand units, which no page downloads to fill one field. `activeOnly` leaves out deactivated
 * units, `departmentsOnly` the units that are no 主管部门.
 */
export function lookupUnits(db: Db, input: { query: string; include?: string | null; activeOnly?: boolean; departmentsOnly?: boolean }): UnitLookup {
  const { region } = requireInstallation(db);
  const query = input.query.trim();
  // instr() rather than LIKE: a unit's name may hold % or _, and nothing needs escaping.
  const conditions = [eq(units.regionCode, region.code), eq(units.deleted, false)];
  if (query !== '') conditions.push(or(sql`instr(${units.code}, ${query}) = 1`, sql`instr(${units.name}, ${query}) > 0`)!);
  if (input.activeOnly) conditions.push(eq(units.active, true));
  if (input.departmentsOnly) conditions.push(eq(units.isDepartment, true));
  const where = and(...conditions);
  const page = choices(db).where(where).orderBy(asc(units.code)).limit(UNIT_LOOKUP_LIMIT).all();
  const { total } = db.select({ total: sql<number>`count(*)` }).from(units).where(where).get()!;
  return { units: page, total, chosen: input.include ? choiceIn(db, region.code, input.include) : null };
}

/** One unit of this installation's register as a picker shows it, or null when no live unit has the code. */
export function unitChoice(db: Db, code: string): UnitChoice | null {
  return choiceIn(db, requireInstallation(db).region.code, code);
}

const choiceIn = (db: Db, regionCode: string, code: string): UnitChoice | null =>
  choices(db).where(and(eq(units.regionCode, regionCode), eq(units.code, code), eq(units.deleted, false))).get() ?? null;

const departments = alias(units, 'departments');

/** Units as pickers show them, each with its department's name joined in (the same region, never a deleted one). */
const choices = (db: Db) =>
  db
    .select({ code: units.code, name: units.name, departmentCode: units.departmentCode, isDepartment: units.isDepartment, active: units.active, departmentName: departments.name })
    .from(units)
    .leftJoin(departments, and(eq(departments.regionCode, units.regionCode), eq(departments.code, units.departmentCode), eq(departments.deleted, false)));

/** The live budget unit with this code in a region's register, if there is one. */
export function findUnit(db: Db, regionCode: string, code: string) {
  return db
    .select(columns)
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.code, code), eq(units.deleted, false)))
    .get();
}

function normalise(draft: UnitDraft): UnitDraft {
  const errors = checkUnit(draft);
  if (hasErrors(errors)) throw new AppError('INVALID_INPUT', Object.values(errors).join('；'));
  const code = draft.code.trim();
  const department = draft.departmentCode?.trim() || null;
  return { code, name: draft.name.trim(), departmentCode: department, isDepartment: draft.isDepartment };
}

/** `self`: the unit being edited, which may change its own code. */
function requireDistinctName(db: Db, draft: UnitDraft, self?: string): void {
  const message = duplicateUnitName(draft, listUnits(db).filter((u) => u.id !== self));
  if (message) throw new AppError('INVALID_INPUT', message);
}

function requireDepartment(db: Db, regionCode: string, draft: UnitDraft): void {
  if (!draft.departmentCode || draft.departmentCode === draft.code) return;
  const department = findUnit(db, regionCode, draft.departmentCode);
  if (!department) throw new AppError('INVALID_INPUT', `主管部门编码 ${draft.departmentCode} 不存在，请先录入该主管部门`);
  if (!department.isDepartment) throw new AppError('INVALID_INPUT', `${department.name}（${department.code}）不是主管部门`);
}

export function createUnit(db: Db, actor: Actor, input: UnitDraft): Unit {
  const { region } = requireInstallation(db);
  const draft = normalise(input);
  return db.transaction((tx) => {
    const existing = tx
      .select({ deleted: units.deleted })
      .from(units)
      .where(and(eq(units.regionCode, region.code), eq(units.code, draft.code)))
      .get();
    if (existing && !existing.deleted) throw new AppError('CONFLICT', `单位编码 ${draft.code} 已被使用，请检查是否重复录入`);
    requireDepartment(tx, region.code, draft);
    requireDistinctName(tx, draft);
    if (existing) {
      // A tombstoned unit with this code comes back to life as a new version, keeping its identity.
      tx.update(units)
        .set({ ...draft, active: true, deleted: false, version: sql`${units.version} + 1`, updatedAt: sqlNow })
        .where(and(eq(units.regionCode, region.code), eq(units.code, draft.code)))
        .run();
    } else {
      tx.insert(units).values({ id: randomUUID(), regionCode: region.code, ...draft }).run();
    }
    const created = findUnit(tx, region.code, draft.code)!;
    recordAudit(tx, actor, { entity: 'unit', naturalKey: naturalKey(region.code, draft.code), action: '新增单位', after: created });
    return created;
  });
}

export interface UnitUpdate extends UnitDraft {
  id: string;
  /** The version the user edited, so a concurrent change is not silently overwritten. */
  version: number;
}

export function updateUnit(db: Db, actor: Actor, input: UnitUpdate): Unit {
  const { region } = requireInstallation(db);
  const draft = normalise(input);
  return db.transaction((tx) => {
    const before = tx.select(columns).from(units).where(and(eq(units.id, input.id), eq(units.deleted, false))).get();
    if (!before) throw new AppError('NOT_FOUND', '该单位不存在或已删除，请刷新列表');
    if (before.version !== input.version) throw new AppError('CONFLICT', '该单位已被他人修改，请刷新后重新编辑');
    if (draft.code !== before.code && findUnit(tx, region.code, draft.code)) {
      throw new AppError('CONFLICT', `单位编码 ${draft.code} 已被使用`);
    }
    requireDepartment(tx, region.code, draft);
    requireDistinctName(tx, draft, before.id);
    tx.update(units)
      .set({ ...draft, version: before.version + 1, updatedAt: sqlNow })
      .where(eq(units.id, input.id))
      .run();
    const after = tx.select(columns).from(units).where(eq(units.id, input.id)).get()!;
    recordAudit(tx, actor, { entity: 'unit', naturalKey: naturalKey(region.code, after.code), action: '修改单位', before, after });
    return after;
  });
}

/** Deactivating keeps the unit and its history; it only stops new work being assigned to it. */
export function setUnitActive(db: Db, actor: Actor, input: { id: string; active: boolean }): Unit {
  const { region } = requireInstallation(db);
  return db.transaction((tx) => {
    const before = tx.select(columns).from(units).where(and(eq(units.id, input.id), eq(units.deleted, false))).get();
    if (!before) throw new AppError('NOT_FOUND', '该单位不存在或已删除，请刷新列表');
    if (before.active === input.active) return before;
    tx.update(units)
      .set({ active: input.active, version: before.version + 1, updatedAt: sqlNow })
      .where(eq(units.id, input.id))
      .run();
    const after = tx.select(columns).from(units).where(eq(units.id, input.id)).get()!;
    recordAudit(tx, actor, {
      entity: 'unit',
      naturalKey: naturalKey(region.code, before.code),
      action: input.active ? '启用单位' : '停用单位',
      before: { active: before.active },
      after: { active: after.active },
    });
    return after;
  });
}
