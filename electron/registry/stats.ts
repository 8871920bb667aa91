// Counts of every entity, for `jixiao stats --json` and the 首页 overview.
import { eq } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { countRows, type Db } from '../../db/open';
import type { InstallationRole } from '../domain/registry';
import type { WorkflowDeclaration } from '../workflow';
import { countedTables, WORKFLOWS } from '../workflows';
import { currentInstallation } from './installation';

export interface Stats {
  region: { code: string; name: string } | null;
  role: InstallationRole | null;
  counts: Record<string, number>;
}

/** Counts of the tables every workflow declares, for `jixiao stats --json` and the 首页 overview. */
export function stats(db: Db, workflows: readonly WorkflowDeclaration[] = WORKFLOWS): Stats {
  const installation = currentInstallation(db);
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(countedTables(workflows))) {
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
