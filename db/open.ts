// The one place that opens SQLite. It sets the pragmas, checks integrity (cheaply after a clean close, else
// quickly; in full before migrating), refuses databases written by a newer version, takes a backup before
// migrating, and migrates. Nothing else opens a database file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { count, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { getTableConfig, SQLiteSyncDialect, SQLiteTable, type BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { appPath, appRoot, appVersion } from '../electron/paths';
import { takeCleanMark, writeCleanMark } from './cleanClose';
import * as schema from './schema';
import { CLEAN_MARK_SUFFIX, databaseCompanions, restrictToOwner, unusedName, writeFailureReason, writeNewFile } from './files';
import { bindingOptions, chooseSqliteBinding, sqliteFileName } from './runtime';
import { lockDatabase, markRestoring, refuseOtherUsers, type DatabaseLock, type LockHolder } from './lock';
import { StoreError } from './storeError';

/** The database or a transaction on it: services accept either, so they compose inside one transaction. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** The raw connection behind a Db, for bulk paths that need prepared statements. */
export function sqliteOf(db: Db): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new Error('sqliteOf needs the database itself, not a transaction');
  return client;
}

export function countRows(db: Db, table: SQLiteTable, where?: SQL): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

export interface Store {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly path: string;
  /** The backup taken before this opening migrated the file, if it did. */
  readonly backupPath: string | null;
  /** Held while the app or the bridge has the file open; short CLI commands hold none. */
  readonly lock: DatabaseLock | null;
  /** The last session closed this file cleanly and nothing touched it since, so opening skipped the quick check. */
  readonly closedCleanly: boolean;
  /** When this opening checked the file (设置 → 本机信息 says when the quick check ran). */
  readonly openedAt: string;
}

export { StoreError };

export const migrationsFolder = (): string => appPath('db', 'migrations');

/** Opens SQLite through the binding built for this runtime (Node's or Electron's), on a long-path-safe name. */
/**
 * How long a write waits for another connection's write to end before giving up. The longest write — the CLI
 * building a sample year in one transaction — takes 6 s on an idle two-core PC and over 40 s on one loaded ten
 * times over; the app, a second window (the web bridge) or the CLI beside them waits that out rather than
 * failing with "database is locked". Past it the caller is told in Chinese (electron/ipc/router.ts).
 */
export const BUSY_TIMEOUT_MS = 120_000;

function connect(file: string, options: Database.Options = {}): Database.Database {
  const binding = chooseSqliteBinding({ versions: process.versions, rootDir: appRoot() });
  // better-sqlite3 sets busy_timeout from `timeout` (5 s by default) before the first statement, so even the
  // pragmas and checks of opening wait as long as every later write.
  return new Database(sqliteFileName(file), { timeout: BUSY_TIMEOUT_MS, ...options, ...bindingOptions(binding) });
}

interface SchemaState {
  known: number;
  applied: number;
  newer: boolean;
}

export interface OpenOptions {
  /** Tests point this at a folder of their own migrations; the app always uses db/migrations. */
  migrationsFolder?: string;
  /** Who keeps the file open for the long run: locks it, refusing when another process holds it. */
  holder?: LockHolder;
  /** False for a copy that is itself a backup (a restore trying it aside): migrating it needs no second one. */
  backupBeforeMigrating?: boolean;
  /** Told of each check opening runs on the file; tests see through it which one ran. */
  onCheck?: (check: OpeningCheck) => void;
}

function schemaState(sqlite: Database.Database, folder: string): SchemaState {
  const known = readMigrationFiles({ migrationsFolder: folder });
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return { known: known.length, applied: 0, newer: false };
  const rows = sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as {
    hash: string;
    createdAt: number;
  }[];
  const lastKnown = known.at(-1)?.folderMillis ?? 0;
  const knownHashes = new Set(known.map((m) => m.hash));
  const newer = rows.some((r) => Number(r.createdAt) > lastKnown || !knownHashes.has(r.hash));
  return { known: known.length, applied: rows.length, newer };
}

/** What stops `file` from being opened as a database before SQLite tries: a folder, an empty file. */
function databaseFileProblem(file: string): StoreError | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    return new StoreError('NOT_A_DATABASE', `“${file}”是一个文件夹，不是数据库文件。请给出数据库文件本身的路径（以 .db 结尾），例如 ${path.join(file, '轮台县.db')}。`);
  }
  if (stat?.isFile() && stat.size === 0) {
    // SQLite would treat it as a new empty database and build our tables in it, hiding a copy that failed.
    return new StoreError('NOT_A_DATABASE', `“${file}”是一个空文件（0 字节），不是绩效软件的数据库，可能是复制或备份中途失败留下的。请从备份恢复，或删除这个空文件后重新打开（将新建一个空数据库）。`);
  }
  return null;
}

const READ_ONLY_CODES = /^(SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_IOERR_WRITE|SQLITE_FULL|EACCES|EPERM|EROFS|ENOSPC)/;

/** A folder the database cannot be written in: said as such, never as a damaged file. */
function unwritable(file: string, error: unknown): StoreError | null {
  if (!READ_ONLY_CODES.test((error as { code?: string }).code ?? '')) return null;
  return new StoreError(
    'NOT_WRITABLE',
    `无法打开或新建数据库“${file}”：${writeFailureReason(error)}。数据库所在的文件夹须可以写入（软件要在旁边写日志文件）。请换一个有写入权限、空间充足的位置，或请管理员开放文件夹“${path.dirname(file)}”的写入权限。`,
  );
}

// SQLite's own words (file is not a database) say nothing more to a clerk than the sentence itself.
const notADatabase = (file: string) => new StoreError('NOT_A_DATABASE', `“${file}”不是绩效软件的数据库文件，或已损坏。`);

/**
 * `quick_check` on opening a file not marked closed cleanly (db/cleanClose.ts): it reads every page and record
 * but skips matching each index against its table, which made the full `integrity_check` cost a second per
 * open on a prefecture's file (issue 17); the quick check itself still took 23.7 s on 1.27 GB, hence the mark.
 * The full check runs where a copy is about to be made or trusted: before migrating's backup, and on a
 * backup or another database file before it is restored or switched to.
 */
type IntegrityCheck = 'quick_check' | 'integrity_check';
/** `sanity`: the cheap check of a file a clean close left untouched (see sane below). */
export type OpeningCheck = IntegrityCheck | 'sanity';

function checkIntegrity(sqlite: Database.Database, file: string, check: IntegrityCheck, onCheck?: (check: OpeningCheck) => void): void {
  onCheck?.(check);
  let result: string;
  try {
    result = sqlite.pragma(check, { simple: true }) as string;
  } catch {
    throw notADatabase(file);
  }
  if (result !== 'ok') {
    throw new StoreError('CORRUPT', `数据库“${file}”完整性检查未通过：${result}。请从备份恢复（设置 → 备份与恢复）。`);
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is left to check of a file a clean close left untouched: its header is SQLite's, its schema reads, and
 * its pages fill the file exactly (a truncated or extended file is not what was closed).
 */
function sane(sqlite: Database.Database, file: string): boolean {
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (!header.equals(SQLITE_HEADER)) return false;
    sqlite.pragma('schema_version', { simple: true });
    const pages = Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
    return pages === fs.statSync(file).size;
  } catch {
    return false;
  }
}

/** The quick check on opening, unless the file is as a clean close left it and passes the cheap check. */
function checkOnOpening(sqlite: Database.Database, file: string, closedCleanly: boolean, onCheck?: (check: OpeningCheck) => void): boolean {
  if (closedCleanly) {
    onCheck?.('sanity');
    if (sane(sqlite, file)) return true;
  }
  checkIntegrity(sqlite, file, 'quick_check', onCheck);
  return false;
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** Copies a live database consistently (VACUUM INTO), never by copying the file under WAL. */
export function backupDatabase(sqlite: Database.Database, target: string): string {
  return writeNewFile(target, (partial) => sqlite.prepare('VACUUM INTO ?').run(sqliteFileName(partial)), sqlite.name);
}

export function backupFolder(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

export function defaultBackupPath(dbPath: string, reason: string): string {
  const base = path.basename(dbPath).replace(/\.db$/, '');
  return unusedName(path.join(backupFolder(dbPath), `${base}-${reason}-${timestamp()}.db`));
}

/**
 * Runs the migrations with foreign keys off. drizzle runs them inside one transaction, where the
 * migration's own `PRAGMA foreign_keys=OFF` does nothing; a table rebuild (CREATE __new_x, copy, DROP x)
 * would then cascade the DROP into the child rows. The keys are checked once the rebuild is done.
 */
function migrateWithoutCascades(sqlite: Database.Database, folder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new Error(`数据表“${first.table}”第 ${first.rowid} 行引用的“${first.parent}”记录不存在（共 ${broken.length} 处）`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** For a migration refused by a CHECK constraint: the first existing row that breaks it, in words. */
function rowBreakingCheck(sqlite: Database.Database, reason: string): string | null {
  const name = /CHECK constraint failed: (\w+)/.exec(reason)?.[1];
  if (!name) return null;
  for (const table of Object.values(schema)) {
    if (!(table instanceof SQLiteTable)) continue;
    const config = getTableConfig(table);
    const constraint = config.checks.find((c) => c.name === name);
    if (!constraint) continue;
    const condition = new SQLiteSyncDialect().sqlToQuery(constraint.value).sql;
    const row = sqlite.prepare(`SELECT rowid AS "#", * FROM "${config.name}" WHERE NOT (${condition}) LIMIT 1`).get() as Record<string, unknown> | undefined;
    if (!row) return null;
    return `数据表“${config.name}”第 ${row['#']} 行不符合约束 ${name}（${JSON.stringify({ ...row, '#': undefined })}）`;
  }
  return null;
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
}

/**
 * Makes every transaction on `db` begin IMMEDIATE unless it asks otherwise. A deferred transaction that
 * read first and then writes fails at once with "database is locked" when another process (the CLI, the
 * bridge, the app) wrote meanwhile; an immediate one takes the write lock up front and so waits up to the
 * busy timeout for its turn instead.
 */
function writesWaitTheirTurn(db: Db): Db {
  const deferredByDefault = db.transaction.bind(db);
  db.transaction = (transaction, config) => deferredByDefault(transaction, { behavior: 'immediate', ...config });
  return db;
}

/**
 * Opens (creating if needed) and migrates the database at `file`.
 * Throws StoreError with a Chinese message when the file is corrupt, newer, or a migration fails.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Store {
  const folder = options.migrationsFolder ?? migrationsFolder();
  const resolved = path.resolve(file);
  const problem = databaseFileProblem(resolved);
  if (problem) throw problem;
  let sqlite: Database.Database;
  let lock: DatabaseLock | null = null;
  let markedClean = false;
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    if (options.holder) lock = lockDatabase(resolved, options.holder);
    // Taken before connecting: SQLite may replay a WAL into the file as soon as it is open.
    markedClean = takeCleanMark(resolved);
    sqlite = connect(resolved);
  } catch (error) {
    lock?.release();
    if (error instanceof StoreError) throw error;
    throw unwritable(resolved, error) ?? notADatabase(resolved);
  }
  try {
    try {
      // Before the WAL exists: SQLite gives it and the shared memory the database file's own mode.
      restrictToOwner(databaseCompanions(resolved).slice(0, 3));
      applyPragmas(sqlite);
    } catch (error) {
      throw unwritable(resolved, error) ?? notADatabase(resolved);
    }
    const closedCleanly = checkOnOpening(sqlite, resolved, markedClean, options.onCheck);
    const state = schemaState(sqlite, folder);
    if (state.newer) {
      throw new StoreError(
        'NEWER_VERSION',
        `数据库“${resolved}”由更新版本的绩效软件写入（数据结构 ${state.applied} 版，本软件只认识到 ${state.known} 版）。为保护数据，本软件不会打开它，请安装最新版本后再打开。`,
      );
    }
    let backupPath: string | null = null;
    if (state.applied < state.known) {
      if (state.applied > 0) checkIntegrity(sqlite, resolved, 'integrity_check', options.onCheck);
      if (state.applied > 0 && options.backupBeforeMigrating !== false) backupPath = backupDatabase(sqlite, defaultBackupPath(resolved, `before-v${state.known}`));
      try {
        migrateWithoutCascades(sqlite, folder);
      } catch (error) {
        const where = backupPath ? `升级前的备份在“${backupPath}”。` : '';
        // drizzle names the statement; the cause says what SQLite refused.
        const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
        const row = rowBreakingCheck(sqlite, reason);
        throw new StoreError('MIGRATION_FAILED', `数据库升级失败：${row ?? reason}。${where}${row ? '请改正这一行（或从备份恢复）后再打开，' : ''}请联系技术支持。`);
      }
    }
    return { sqlite, db: writesWaitTheirTurn(drizzle(sqlite, { schema })), path: resolved, backupPath, lock, closedCleanly, openedAt: new Date().toISOString() };
  } catch (error) {
    sqlite.close();
    lock?.release();
    throw error;
  }
}

/**
 * Flushes the WAL into the main file and closes, so the file alone is complete; then marks it closed cleanly,
 * which spares the next opening its quick check. Every close path (the app quitting, the bridge stopping, a
 * CLI command ending, a switch to another file, a restore) comes through here.
 */
export function closeDatabase(store: Store): void {
  if (!store.sqlite.open) return;
  try {
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.sqlite.close();
    writeCleanMark(store.path, appVersion());
  } finally {
    store.lock?.release();
  }
}

/**
 * Checks that `candidate` is a Jixiao database this version can open, without changing it.
 * Used before a restore replaces the live file, and before switching to another database file (where
 * opening a foreign SQLite file would otherwise migrate our tables into it). `noun` names it in messages.
 */
export function inspectBackup(candidate: string, noun: '备份' | '数据库' = '备份'): { applied: number; known: number } {
  if (!fs.existsSync(candidate)) throw new StoreError('NOT_A_DATABASE', `找不到${noun}文件“${candidate}”。`);
  const stat = fs.statSync(candidate);
  if (stat.isDirectory()) throw new StoreError('NOT_A_DATABASE', `“${candidate}”是一个文件夹，请选择${noun}文件本身（以 .db 结尾）。`);
  if (stat.size === 0) throw new StoreError('NOT_A_DATABASE', `${noun}文件“${candidate}”是空文件（0 字节），可能是复制或备份中途失败留下的，不能使用。请选择另一个${noun}文件。`);
  let sqlite: Database.Database;
  try {
    sqlite = connect(candidate, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError('NOT_A_DATABASE', `“${candidate}”无法作为数据库打开（${(error as Error).message}）。`);
  }
  try {
    checkIntegrity(sqlite, candidate, 'integrity_check');
    const state = schemaState(sqlite, migrationsFolder());
    if (state.applied === 0) throw new StoreError('NOT_A_DATABASE', `“${candidate}”不是绩效软件的${noun === '备份' ? '数据库备份' : '数据库文件'}。`);
    if (state.newer) {
      throw new StoreError('NEWER_VERSION', `${noun}“${candidate}”由更新版本的绩效软件写入，请先升级本软件。`);
    }
    return { applied: state.applied, known: state.known };
  } finally {
    sqlite.close();
  }
}

/** The steps of a restore, in order; a crash test stops a restore at each. */
export const RESTORE_STEPS = ['locked', 'copied', 'tried', 'backedUp', 'closed', 'swapped'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface RestoreOptions {
  /** Opens a file the way the caller's app does (migrating, seeding); `holder` is passed for the live file. */
  reopen?: (file: string, options?: OpenOptions) => Store;
  /** Copies what belongs to the installation rather than to the data (its signing identity) into the restored file. */
  carryOver?: (from: Store, into: Store) => void;
  onStep?: (step: RestoreStep) => void;
}

/** What is beside a database file that belongs to that one file's state and must never outlive or follow it. */
const STATE_FILES = ['-wal', '-shm', CLEAN_MARK_SUFFIX];

/** Removes a database file and what SQLite and its last close keep beside it (never the signing key). */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-journal', ...STATE_FILES]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Replaces the database at `current.path` with `candidate`. The candidate is copied aside, opened and
 * migrated there first (with the installation's identity carried over); only when that worked is the
 * current file backed up, closed and swapped for it by one rename. Killed at any step, the live path holds
 * either the old database or the new one. A restore holds the lock throughout: refused while another
 * process (the app, the bridge) has the file open; and it says it restores, so a command started meanwhile
 * is refused naming who restores. Returns the reopened store and the safety backup.
 */
export function restoreDatabase(current: Store, candidate: string, options: RestoreOptions = {}): { store: Store; safetyBackup: string } {
  const { reopen = openDatabase, carryOver, onStep } = options;
  inspectBackup(candidate);
  const dbPath = current.path;
  const holder = current.lock?.holder;
  const restoring = lockDatabase(dbPath, holder ?? '命令行', '不能恢复备份');
  const announced = markRestoring(dbPath, holder ?? '命令行');
  try {
    refuseOtherUsers(dbPath, '不能恢复备份');
    onStep?.('locked');
    const staging = `${dbPath}.restoring`;
    removeDatabaseFile(staging);
    fs.copyFileSync(candidate, staging);
    onStep?.('copied');
    tryRestoredCopy(current, staging, candidate, reopen, carryOver);
    onStep?.('tried');
    const safetyBackup = backupDatabase(current.sqlite, defaultBackupPath(dbPath, 'before-restore'));
    onStep?.('backedUp');
    closeDatabase(current);
    // The WAL was checkpointed into the file on closing; a stale one must not be replayed onto the new file,
    // and neither the old file's clean mark nor the trial's may vouch for it: a restored file is checked.
    for (const suffix of STATE_FILES) fs.rmSync(dbPath + suffix, { force: true });
    onStep?.('closed');
    fs.renameSync(staging, dbPath);
    for (const suffix of STATE_FILES) fs.rmSync(staging + suffix, { force: true });
    onStep?.('swapped');
    return { store: reopen(dbPath, holder ? { holder } : {}), safetyBackup };
  } finally {
    announced.release();
    restoring.release();
  }
}

/** Opens and migrates the copy at `staging`; a failure removes it and leaves the live database untouched. */
function tryRestoredCopy(current: Store, staging: string, candidate: string, reopen: (file: string, options?: OpenOptions) => Store, carryOver?: (from: Store, into: Store) => void): void {
  try {
    const trial = reopen(staging, { backupBeforeMigrating: false });
    try {
      carryOver?.(current, trial);
    } finally {
      closeDatabase(trial);
    }
  } catch (error) {
    removeDatabaseFile(staging);
    const reason = (error as Error).message.replaceAll(staging, candidate);
    throw new StoreError('RESTORE_FAILED', `备份“${candidate}”无法恢复：${reason} 当前数据库“${current.path}”未做任何改动，仍可照常使用。`);
  }
}
