// The files that make up one installation's data beside the database file, and the rules for writing new
// files next to them: nothing the software writes (a backup, a package, an upload) may replace an existing
// file, the database, its WAL or its signing key, and a failed write leaves no half-written file behind.
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from './storeError';

/** The Ed25519 private key lives beside the database, never inside it, so backups and packages cannot carry it. */
export const signingKeyPath = (dbPath: string): string => `${path.resolve(dbPath)}.signing-key.pem`;

/** The mark a clean close leaves beside the database (db/cleanClose.ts); the next opening removes it. */
export const CLEAN_MARK_SUFFIX = '.clean';

/** Every file SQLite and the software keep for the database at `dbPath`. */
export function databaseCompanions(dbPath: string): string[] {
  const resolved = path.resolve(dbPath);
  return [resolved, `${resolved}-wal`, `${resolved}-shm`, `${resolved}-journal`, `${resolved}.lock`, signingKeyPath(resolved), `${resolved}${CLEAN_MARK_SUFFIX}`];
}

const samePath = (a: string, b: string) => path.resolve(a) === path.resolve(b);

/** Refuses a target that would replace an existing file or one of the database's own files (even absent ones). */
export function refuseOverwrite(target: string, dbPath?: string): void {
  if (dbPath && databaseCompanions(dbPath).some((own) => samePath(own, target))) {
    throw new StoreError('FILE', `“${target}”是数据库本身或它的附属文件（日志、锁文件、签名私钥），不能写到这里。请换一个文件名。`);
  }
  if (fs.existsSync(target)) throw new StoreError('FILE', `“${target}”已存在，未覆盖。请换一个文件名，或先移走原文件。`);
}

/** `file`, or the first of `name-2.ext`, `name-3.ext`, … that does not exist yet: names made in the same second differ. */
export function unusedName(file: string): string {
  if (!fs.existsSync(file)) return file;
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** The Chinese reason a write into `file` failed, from the error's code (Node errno or SQLite result code). */
export function writeFailureReason(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code === 'EFBIG' || code === 'SQLITE_IOERR_WRITE') return '磁盘已满或写入被拒绝';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') return '文件夹只读或没有写入权限';
  if (code === 'EROFS') return '所在磁盘是只读的';
  return (error as Error).message ?? String(error);
}

/**
 * Keeps the database, its WAL and shared memory, backups and exports readable by their owner only on Linux and macOS: county data
 * on a shared PC must not be readable by every account. Windows has no such bits (its ACLs come from the
 * user's profile folder).
 */
export function restrictToOwner(files: readonly string[], platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  for (const file of files) {
    try {
      fs.chmodSync(file, 0o600);
    } catch (error) {
      // Absent (no WAL yet) or not ours (a file shared by an administrator): nothing to tighten.
      if (!['ENOENT', 'EPERM'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

/** Links the finished file into place; where the disk has no hard links (FAT USB sticks) it renames instead. */
function publish(partial: string, target: string): void {
  try {
    fs.linkSync(partial, target);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST' || fs.existsSync(target) || !['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS'].includes(code ?? '')) throw error;
    fs.renameSync(partial, target);
  }
}

/**
 * Writes a new file at `target` through `write(partial)` on a temporary name beside it, then links it into
 * place, which fails rather than replace a file that appeared meanwhile. On any failure the partial file is
 * removed, so a failed write never leaves a 0-byte or truncated file.
 */
export function writeNewFile(target: string, write: (partial: string) => void, dbPath?: string): string {
  refuseOverwrite(target, dbPath);
  const partial = `${target}.part`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.rmSync(partial, { force: true });
    write(partial);
    restrictToOwner([partial]);
    publish(partial, target);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new StoreError('FILE', `“${target}”已存在，未覆盖。请换一个文件名，或先移走原文件。`);
    throw new StoreError('FILE', `无法写入“${target}”：${writeFailureReason(error)}。没有留下不完整的文件；请腾出空间或换一个可写的位置后重试。`);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return target;
}
