// Counts of every entity, for `jixiao stats --json` and the 首页 overview.
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { countRows, type Db } from '../../db/open';
import * as schema from '../../db/schema';
import type { InstallationRole } from '../domain/registry';
import { currentInstallation } from './installation';

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
