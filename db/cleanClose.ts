// The clean-close mark, like a file system's clean flag. `PRAGMA quick_check` reads every page, 23.7 s on a
// prefecture's 1.27 GB file (issue 17); a file this software closed cleanly and nobody touched since needs no
// such read. Closing writes `<db>.clean` holding the file's exact stat; opening takes the mark away at once
// (so a crash of the session now starting leaves none) and trusts the file only when the stat still matches
// and no WAL with content waits to be replayed. A copied, restored or changed file, or one left by a crash,
// has no matching mark and is checked in full as before.
import fs from 'node:fs';
import path from 'node:path';
import { CLEAN_MARK_SUFFIX } from './files';

interface CleanMark {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  closedAt: string;
  appVersion: string;
}

export const cleanMarkPath = (dbPath: string): string => `${path.resolve(dbPath)}${CLEAN_MARK_SUFFIX}`;

type FileIdentity = Pick<CleanMark, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'>;

/**
 * The stat fields a mark must match, as exact strings (nanosecond times and 64-bit inode as bigints). The
 * change time catches a file whose modification time was set back after writing it.
 */
function fileIdentity(file: string): FileIdentity | null {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  return { size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) };
}

const IDENTITY_FIELDS = ['size', 'mtimeNs', 'ctimeNs', 'ino'] as const;

/**
 * Leaves the mark for a database just checkpointed and closed. Written on a temporary name and renamed, so a
 * crash mid-write leaves no half mark; owner-only like the database's other companions. A folder that refuses
 * the write only costs the next opening its quick check, so a failure here never fails the close.
 */
export function writeCleanMark(dbPath: string, appVersion: string): void {
  const identity = fileIdentity(dbPath);
  if (!identity) return;
  const mark: CleanMark = { ...identity, closedAt: new Date().toISOString(), appVersion };
  const target = cleanMarkPath(dbPath);
  const partial = `${target}.part`;
  try {
    // A leftover partial would keep its own mode: the mark is created afresh, owner-only.
    fs.rmSync(partial, { force: true });
    fs.writeFileSync(partial, JSON.stringify(mark), { mode: 0o600 });
    fs.renameSync(partial, target);
  } catch {
    fs.rmSync(partial, { force: true });
  }
}

/** A WAL with frames means the last session did not end by a checkpoint and close: it is replayed, not trusted. */
function walHasContent(dbPath: string): boolean {
  return (fs.statSync(`${path.resolve(dbPath)}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

function readMark(file: string): Partial<CleanMark> | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<CleanMark>) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the file at `dbPath` is exactly as a clean close left it. Removes the mark either way, before the
 * database is opened: from here on the file belongs to a session that may not end cleanly.
 */
export function takeCleanMark(dbPath: string): boolean {
  const file = cleanMarkPath(dbPath);
  const mark = readMark(file);
  fs.rmSync(file, { force: true });
  if (mark === null) return false;
  const identity = fileIdentity(dbPath);
  if (!identity || walHasContent(dbPath)) return false;
  return IDENTITY_FIELDS.every((field) => mark[field] === identity[field]);
}
