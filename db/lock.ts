// Who has a database open. The app and the web bridge hold a lock file beside the database while it is
// open (a restore holds it too, whoever runs it), so that a restore or a second app on the same file is
// refused with a message naming the holder. CLI commands take no lock: they work beside a running app,
// each write waiting its turn (transactions begin IMMEDIATE). They do say that they use the file, each
// with a file of its own beside it, because a restore renames a new file over the old one: a command
// still writing into the old one would lose its work. So only `restore` must have the file to itself. A
// lock whose process is gone (a crash, a power cut) is stale and taken over. The other direction: a
// restore marks itself for its duration, and a command started meanwhile is refused naming who restores
// (the app's lock alone does not say so: the app holds it whether it restores or not).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from './storeError';

export type LockHolder = '应用' | '网页桥' | '命令行';

interface LockFile {
  pid: number;
  holder: LockHolder;
  host: string;
  since: string;
}

export interface DatabaseLock {
  readonly holder: LockHolder;
  release(): void;
}

export const lockPath = (dbPath: string): string => `${path.resolve(dbPath)}.lock`;

/** This process may hold one database several times (the open store and a restore on it). */
const heldHere = new Map<string, { holder: LockHolder; count: number }>();

function readLock(file: string): LockFile | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockFile>;
    return typeof parsed.pid === 'number' && typeof parsed.holder === 'string' ? (parsed as LockFile) : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** The process holding the database now, or null when the lock is absent, unreadable or stale. */
export function liveHolder(dbPath: string): LockFile | null {
  const lock = readLock(lockPath(dbPath));
  if (!lock) return null;
  // A process on another computer (a shared folder) cannot be checked: its lock is taken as live.
  if (lock.host === os.hostname() && (lock.pid === process.pid ? !heldHere.has(lockPath(dbPath)) : !processAlive(lock.pid))) return null;
  return lock;
}

/** Where and since when a process has the file: 「电脑 X，进程 N，自 2026-12-01 16:00:00 起」. */
const whereAndSince = (lock: LockFile) => `${lock.host === os.hostname() ? '' : `电脑 ${lock.host}，`}进程 ${lock.pid}，自 ${lock.since.replace('T', ' ').slice(0, 19)} 起`;

const heldMessage = (dbPath: string, lock: LockFile, action: string) =>
  `数据库“${path.resolve(dbPath)}”正由${lock.holder}使用（${whereAndSince(lock)}），${action}。请先关闭${lock.holder}后再试。`;

/**
 * Takes the lock on `dbPath` for `holder`, or throws StoreError LOCKED naming who holds it. `action`
 * says what was refused ("不能同时打开", "不能恢复").
 */
export function lockDatabase(dbPath: string, holder: LockHolder, action = '不能同时打开'): DatabaseLock {
  const file = lockPath(dbPath);
  const mine = heldHere.get(file);
  if (mine) mine.count++;
  else {
    const content = lockContent(holder);
    for (;;) {
      try {
        fs.writeFileSync(file, content, { flag: 'wx' });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
        const lock = liveHolder(dbPath);
        if (lock) throw new StoreError('LOCKED', heldMessage(dbPath, lock, action));
        fs.rmSync(file, { force: true });
      }
    }
    heldHere.set(file, { holder, count: 1 });
  }
  return releasedOnce(mine?.holder ?? holder, () => {
    const entry = heldHere.get(file);
    if (!entry || --entry.count > 0) return;
    heldHere.delete(file);
    if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  });
}

/** A lock whose `release` undoes it once, however often it is called (a finally and an error path may both). */
function releasedOnce(holder: LockHolder, undo: () => void): DatabaseLock {
  let released = false;
  return {
    holder,
    release() {
      if (released) return;
      released = true;
      undo();
    },
  };
}

/** Where one process that only uses the database (a CLI command) says so: beside the lock, one file each. */
const userPrefix = (dbPath: string) => `${path.basename(path.resolve(dbPath))}.user-`;
const userPath = (dbPath: string, host: string, pid: number) =>
  path.join(path.dirname(path.resolve(dbPath)), `${userPrefix(dbPath)}${host}-${pid}.lock`);

/** Records that this process uses `dbPath` beside whoever holds it, until released. */
export function useDatabase(dbPath: string, holder: LockHolder): DatabaseLock {
  const file = userPath(dbPath, os.hostname(), process.pid);
  try {
    fs.writeFileSync(file, lockContent(holder));
  } catch {
    // A folder that cannot take the file (missing, read-only) cannot take a restore's rename either;
    // opening the database then says what is wrong with it.
    return { holder, release() {} };
  }
  return releasedOnce(holder, () => fs.rmSync(file, { force: true }));
}

/** Other live processes using `dbPath` (CLI commands); the files of dead ones are removed. */
function otherUsers(dbPath: string): LockFile[] {
  const folder = path.dirname(path.resolve(dbPath));
  const prefix = userPrefix(dbPath);
  const live: LockFile[] = [];
  for (const name of fs.readdirSync(folder).filter((n) => n.startsWith(prefix) && n.endsWith('.lock'))) {
    const file = path.join(folder, name);
    const user = readLock(file);
    const here = user?.host === os.hostname();
    if (user && here && user.pid === process.pid) continue;
    if (!user || (here && !processAlive(user.pid))) fs.rmSync(file, { force: true });
    else live.push(user);
  }
  return live;
}

/** Throws StoreError LOCKED naming another process that uses `dbPath`, e.g. a CLI command still running. */
export function refuseOtherUsers(dbPath: string, action: string): void {
  const [user] = otherUsers(dbPath);
  if (user) throw new StoreError('LOCKED', heldMessage(dbPath, user, action));
}

const restoringPath = (dbPath: string): string => `${path.resolve(dbPath)}.restore.lock`;

const lockContent = (holder: LockHolder) => JSON.stringify({ pid: process.pid, holder, host: os.hostname(), since: new Date().toISOString() } satisfies LockFile);

/**
 * Marks a restore of `dbPath` by `holder` as under way, until released. Written before the restore looks
 * for commands using the file (refuseOtherUsers), as a command writes its own mark before looking for a
 * restore (refuseWhileRestoring): whichever comes second sees the other.
 */
export function markRestoring(dbPath: string, holder: LockHolder): DatabaseLock {
  const file = restoringPath(dbPath);
  fs.writeFileSync(file, lockContent(holder));
  return releasedOnce(holder, () => {
    if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  });
}

/** Throws StoreError LOCKED naming who restores `dbPath` while another live process does; a dead one's mark is removed. */
export function refuseWhileRestoring(dbPath: string, action: string): void {
  const file = restoringPath(dbPath);
  const restore = readLock(file);
  if (!restore || restore.pid === process.pid) return;
  if (restore.host === os.hostname() && !processAlive(restore.pid)) {
    fs.rmSync(file, { force: true });
    return;
  }
  throw new StoreError('LOCKED', `数据库“${path.resolve(dbPath)}”正由${restore.holder}恢复备份（${whereAndSince(restore)}），${action}。请等恢复完成后再试。`);
}
