// The full integrity check (PRAGMA integrity_check): every page, record and index matched against its
// table. Opening runs only the quick check (db/open.ts), so the full one runs where it matters: before a
// backup is taken, and when someone asks for it (设置 → 本机信息 → 完整性检查).
import path from 'node:path';
import type { Store } from '../../db/open';
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

/** A backup of a damaged database would only keep the damage, and later pass for a good copy. */
export function requireIntact(store: Store): void {
  const report = checkIntegrity(store);
  if (report.ok) return;
  throw new AppError(
    'STORE',
    `数据库“${path.basename(store.path)}”完整性检查未通过（${report.problems[0]}${report.problems.length > 1 ? ` 等 ${report.problems.length} 处` : ''}），本次没有备份，以免把损坏的数据存成备份。请从最近一次完好的备份恢复（设置 → 备份与恢复），或联系技术支持。`,
  );
}
