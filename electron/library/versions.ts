// 指标库版本: each change to what the library publishes (indicators confirmed into it or retired from
// it, a package applied from the prefecture) opens a new version, numbered locally; an imported one
// also keeps its issuer and the issuer's own number.
import { desc, max } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryVersions } from '../../db/schema';
import { LOCAL_SOURCE } from '../domain/library';
import { recordAudit, type Actor } from '../audit/audit';

export type LibraryVersion = typeof libraryVersions.$inferSelect;

export function listLibraryVersions(db: Db): LibraryVersion[] {
  return db.select().from(libraryVersions).orderBy(desc(libraryVersions.version)).all();
}

/** The latest version number, 0 for a library that has never published anything. */
export function currentLibraryVersion(db: Db): number {
  return db.select({ v: max(libraryVersions.version) }).from(libraryVersions).get()?.v ?? 0;
}

export interface VersionOrigin {
  note: string;
  source?: string;
  sourceVersion?: number | null;
}

/** Records the next version; call inside the transaction that makes the change it stands for. */
export function openLibraryVersion(db: Db, actor: Actor, origin: VersionOrigin): number {
  const version = currentLibraryVersion(db) + 1;
  const row = { version, publishedBy: actor.name, note: origin.note, source: origin.source ?? LOCAL_SOURCE, sourceVersion: origin.sourceVersion ?? null };
  db.insert(libraryVersions).values(row).run();
  recordAudit(db, actor, { entity: 'library_version', naturalKey: String(version), action: '发布指标库版本', after: row });
  return version;
}
