// First-run setup: which county (or prefecture) this installation serves, in which role, and its first
// operator. Until this is done, the app shows only the setup screen.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { countRows, type Db } from '../../db/open';
import * as schema from '../../db/schema';
import { checkUnit, hasErrors, regionLevelForRole, REGION_LEVEL_LABELS, ROLE_LABELS, type InstallationRole, type UnitDraft } from '../domain/registry';
import { AppError } from '../errors';
import { SYSTEM_ACTOR, recordAudit, type Actor } from '../audit/audit';
import { findRegion, seedRegions, type Region } from './regions';
import { createOperator, listOperators, type Operator } from './operators';
import { createUnit } from './units';

export interface Installation {
  installationId: string;
  region: Region;
  role: InstallationRole;
  /** For role unit: the budget unit this installation is, within its county. */
  unit: { code: string; name: string } | null;
  createdAt: string;
}

export function currentInstallation(db: Db): Installation | null {
  const row = db.select().from(schema.installation).get();
  if (!row) return null;
  const region = findRegion(db, row.regionCode);
  if (!region) throw new AppError('INTERNAL', `本机区划 ${row.regionCode} 不在区划表中`);
  const unit = row.unitCode
    ? { code: row.unitCode, name: db.select({ name: schema.units.name }).from(schema.units).where(eq(schema.units.code, row.unitCode)).get()?.name ?? row.unitCode }
    : null;
  return { installationId: row.installationId, region, role: row.role, unit, createdAt: row.createdAt };
}

export function requireInstallation(db: Db): Installation {
  const installation = currentInstallation(db);
  if (!installation) throw new AppError('NOT_INITIALIZED', '本机尚未完成初始设置，请先选择区划和角色');
  return installation;
}

export interface SetupStatus {
  installation: Installation | null;
  operators: Operator[];
}

export function setupStatus(db: Db): SetupStatus {
  return { installation: currentInstallation(db), operators: listOperators(db) };
}

export interface InitInput {
  regionCode: string;
  role: InstallationRole;
  operatorName?: string;
  password?: string | null;
  /** Role unit only: the unit's code and name as the county registers it, and whether it is a 主管部门. */
  unit?: { code: string; name: string; isDepartment?: boolean } | null;
}

/** A unit installation must say which unit it is (the code the county registers it under). */
function unitOfInstallation(input: InitInput): UnitDraft | null {
  if (input.role !== 'unit') return null;
  const draft = { code: input.unit?.code.trim() ?? '', name: input.unit?.name.trim() ?? '', departmentCode: null, isDepartment: input.unit?.isDepartment ?? false };
  const problems = checkUnit(draft);
  if (hasErrors(problems)) throw new AppError('INVALID_INPUT', `预算单位安装须填写本单位的编码和名称：${Object.values(problems).join('；')}`);
  return draft;
}

/** Sets up an empty database for its county, prefecture or budget unit; refuses to set up twice. */
export function initInstallation(db: Db, input: InitInput, actor: Actor = SYSTEM_ACTOR): Installation {
  seedRegions(db);
  if (currentInstallation(db)) throw new AppError('ALREADY_INITIALIZED', '本机已完成初始设置，区划和角色不能重复设置');
  const region = findRegion(db, input.regionCode);
  if (!region) throw new AppError('INVALID_INPUT', `区划代码 ${input.regionCode} 不存在，请从区划列表中选择`);
  const level = regionLevelForRole(input.role);
  if (region.level !== level) {
    throw new AppError(
      'INVALID_INPUT',
      `${ROLE_LABELS[input.role]}应选择${REGION_LEVEL_LABELS[level]}级区划，${region.name}（${region.code}）是${REGION_LEVEL_LABELS[region.level]}`,
    );
  }
  const unit = unitOfInstallation(input);
  db.transaction((tx) => {
    tx.insert(schema.installation).values({ id: 1, installationId: randomUUID(), regionCode: region.code, role: input.role, unitCode: unit?.code ?? null }).run();
    recordAudit(tx, actor, { entity: 'installation', naturalKey: region.code, action: '初始设置', after: { region: region.code, role: input.role, unit: unit?.code ?? null } });
    if (unit) createUnit(tx, actor, unit);
    if (input.operatorName) createOperator(tx, actor, { name: input.operatorName, role: 'admin', password: input.password });
  });
  return requireInstallation(db);
}

const COUNTED: Record<string, SQLiteTable> = {
  regions: schema.regions,
  fiscalYears: schema.fiscalYears,
  units: schema.units,
  operators: schema.operators,
  settings: schema.settings,
  auditLog: schema.auditLog,
  projectTypes: schema.projectTypes,
  /** Level-3 indicators of the library, whatever their status. */
  libraryIndicators: schema.libraryIndicators,
  projects: schema.projects,
  /** Project and department-wide targets. */
  targets: schema.targets,
  /** Indicator rows of those targets. */
  targetIndicators: schema.targetIndicators,
};

export interface Stats {
  region: { code: string; name: string } | null;
  role: InstallationRole | null;
  counts: Record<string, number>;
}

/** Counts of every entity, for `jixiao stats --json` and the 首页 overview. */
export function stats(db: Db): Stats {
  const installation = currentInstallation(db);
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(COUNTED)) {
    // Exchanged records count unless tombstoned.
    const deleted = (table as Partial<Record<'deleted', SQLiteColumn>>).deleted;
    counts[name] = countRows(db, table, deleted ? eq(deleted, false) : undefined);
  }
  return {
    region: installation ? { code: installation.region.code, name: installation.region.name } : null,
    role: installation?.role ?? null,
    counts,
  };
}

