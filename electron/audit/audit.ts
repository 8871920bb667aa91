// The audit trail: every workflow transition and import is written here in the same transaction as the
// change itself, so a change never exists without its record.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { auditLog } from '../../db/schema';

export interface Actor {
  id: string | null;
  name: string;
}

/** The actor for changes made by the command line or the system itself. */
export const SYSTEM_ACTOR: Actor = { id: null, name: '系统' };

export interface AuditEntry {
  entity: string;
  naturalKey: string;
  action: string;
  before?: unknown;
  after?: unknown;
  opinion?: string | null;
}

export function recordAudit(db: Db, actor: Actor, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      operatorId: actor.id,
      operatorName: actor.name,
      entity: entry.entity,
      naturalKey: entry.naturalKey,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      opinion: entry.opinion ?? null,
    })
    .run();
}

export interface AuditQuery {
  entity?: string;
  naturalKey?: string;
  limit: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

export function listAudit(db: Db, query: AuditQuery): AuditRow[] {
  const filters: SQL[] = [];
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.naturalKey) filters.push(eq(auditLog.naturalKey, query.naturalKey));
  return db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .all();
}
