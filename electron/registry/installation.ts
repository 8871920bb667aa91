// The installation identity: which county (or prefecture, or budget unit) this database serves and in
// which role. Nearly every service asks for it, so it depends on nothing but the store and the regions.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as schema from '../../db/schema';
import type { InstallationRole } from '../domain/registry';
import { AppError } from '../errors';
import { findRegion, type Region } from './regions';

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
