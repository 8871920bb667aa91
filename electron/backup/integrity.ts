// The full integrity check (PRAGMA integrity_check): every page, record and index matched against its
// table. Opening runs only the quick check (db/open.ts), so the full one runs where it matters: before a
// backup is taken, and when someone asks for it (设置 → 本机信息 → 完整性检查).
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Store } from '../../db/open';
import { auditLog } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { AppError } from '../errors';

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own findings, at most MAX_PROBLEMS of them; empty when the database is sound. */
  problems: string[];
  checkedAt: string;
  durationMs: number;
}

const MAX_PROBLEMS = 20;

export function checkIntegrity(store: Store): IntegrityReport {
  const started = performance.now();
  const rows = store.sqlite.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  return { ok: problems.length === 0, problems, checkedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
}

const CHECKED = '完整性检查';
/** 立即备份 runs the full check first and writes nothing unless it passes. */
const BACKED_UP = '手动备份';

/** The full check on demand, kept in the log with who asked, so 本机信息 can say when the file was last checked. */
export function checkIntegrityFor(store: Store, actor: Actor): IntegrityReport {
  const report = checkIntegrity(store);
  try {
    recordAudit(store.db, actor, { entity: 'database', naturalKey: path.basename(store.path), action: CHECKED, after: { ok: report.ok, problems: report.problems.length } });
  } catch {
    // A damaged file may refuse the write: the report still says what is wrong, which matters more than its log line.
  }
  return report;
}

/** The last full check this file had, on demand or before a backup, as the log recorded it. */
export interface FullCheck {
  at: string;
  by: string;
  ok: boolean;
  /** How many problems SQLite reported (0 when sound). */
  problems: number;
  beforeBackup: boolean;
}

/** What 本机信息 says of the file's checks: how the last session ended, when this one opened it, the last full check. */
export interface DatabaseChecks {
  /** True: the last session closed the file cleanly and opening only checked its header and size; false: opening ran the quick check. */
  closedCleanly: boolean;
  openedAt: string;
  lastFullCheck: FullCheck | null;
}

export function databaseChecks(store: Store): DatabaseChecks {
  const last = store.db
    .select({ at: auditLog.at, by: auditLog.operatorName, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'database'), inArray(auditLog.action, [CHECKED, BACKED_UP])))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  return { closedCleanly: store.closedCleanly, openedAt: store.openedAt, lastFullCheck: last ? fullCheckOf(last) : null };
}

function fullCheckOf(entry: { at: string; by: string; action: string; after: string | null }): FullCheck {
  if (entry.action === BACKED_UP) return { at: entry.at, by: entry.by, ok: true, problems: 0, beforeBackup: true };
  const after = JSON.parse(entry.after ?? '{}') as { ok?: boolean; problems?: number };
  return { at: entry.at, by: entry.by, ok: after.ok === true, problems: after.problems ?? 0, beforeBackup: false };
}

/** A backup of a damaged database would only keep the damage, and later pass for a good copy. */
export function requireIntact(store: Store): void {
  const report = checkIntegrity(store);
  if (report.ok) return;
  throw new AppError(
    'STORE',
    `数据库“${path.basename(store.path)}”完整性检查未通过（${report.problems[0]}${report.problems.length > 1 ? ` 等 ${report.problems.length} 处` : ''}），本次没有备份，以免把损坏的数据存成备份。请从最近一次完好的备份恢复（设置 → 备份与恢复），或联系技术支持。`,
  );
}
