// Working on more than one database file: create, open and switch in the running process, the
// 最近打开 list, and the sample county in a file of its own. Every transport (web bridge, Electron main
// and its menu) goes through these functions; the decisions themselves are in databaseFiles.ts.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, inspectBackup, removeDatabaseFile, type OpenOptions, type Store } from '../../db/open';
import { actorOf, signInto, type AppContext, type Session } from '../ipc/context';
import { generateDemoCounty, type DemoSummary, demoStatus, isSampleDatabase, setUpSampleDatabase } from '../demo';
import { openAppStore } from '../appStore';
import { AppError } from '../errors';
import { listOperators, requireInstallation } from '../registry';
import {
  databasePathProblem,
  parseRecentList,
  realDatabaseToReturnTo,
  RECENT_FILE_NAME,
  rememberDatabase,
  sampleDatabasePath,
  type PathIntent,
  type RecentDatabase,
} from './databaseFiles';

export interface DatabaseInfo {
  path: string;
  fileName: string;
  sample: boolean;
}

export function databaseInfo(store: Store): DatabaseInfo {
  return { path: store.path, fileName: path.basename(store.path), sample: isSampleDatabase(store.db) };
}

const recentFile = (dataDir: string) => path.join(dataDir, RECENT_FILE_NAME);

export function readRecentDatabases(dataDir: string): RecentDatabase[] {
  const file = recentFile(dataDir);
  return parseRecentList(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
}

/** Adds a store to the 最近打开 list; a list that cannot be written never stops the switch itself. */
export function rememberOpened(dataDir: string, store: Store, now = new Date()): void {
  const list = rememberDatabase(readRecentDatabases(dataDir), { path: store.path, sample: isSampleDatabase(store.db), openedAt: now.toISOString() });
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(recentFile(dataDir), `${JSON.stringify(list, null, 2)}\n`);
  } catch {
    // The list is a convenience: a read-only profile folder only costs the list.
  }
}

function requireUsablePath(file: string, intent: PathIntent): string {
  const resolved = path.resolve(file.trim());
  const problem = databasePathProblem(file, intent, { parentExists: fs.existsSync(path.dirname(resolved)), exists: fs.existsSync(resolved) });
  if (problem) throw new AppError('INVALID_INPUT', problem);
  return resolved;
}

function asStoreProblem<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('STORE', `${(error as Error).message}当前数据库保持打开，未做任何修改。`);
  }
}

/** Opens an existing Jixiao database; a foreign or damaged file is refused without being changed. */
export function openExistingStore(file: string, options: OpenOptions = {}): Store {
  const resolved = requireUsablePath(file, 'open');
  return asStoreProblem(() => {
    inspectBackup(resolved, '数据库');
    return openAppStore(resolved, options);
  });
}

/** Creates a new, empty database file (first-run setup follows); never overwrites a file. */
export function createStore(file: string, options: OpenOptions = {}): Store {
  const resolved = requireUsablePath(file, 'create');
  return asStoreProblem(() => openAppStore(resolved, options));
}

/** The next file is locked by whoever holds the current one (the app, the bridge): the lock follows a switch. */
const sameHolder = (app: AppContext): OpenOptions => {
  const holder = app.store().lock?.holder;
  return holder ? { holder } : {};
};

/**
 * Makes `next` the database of the running app. The caller's sign-in belonged to the previous file,
 * so it ends (sign-in or first-run setup follows); `operator` signs in directly where that is known.
 */
export function switchTo(app: AppContext, session: Session, next: Store, operatorId: string | null = null): DatabaseInfo {
  if (next === app.store()) return databaseInfo(next);
  // The file left goes on the list too, so that 最近打开 always leads back to it.
  rememberOpened(app.dataDir, app.store());
  app.switchStore(next);
  rememberOpened(app.dataDir, next);
  signInto(session, app, operatorId ? (listOperators(next.db).find((o) => o.id === operatorId && o.active) ?? null) : null);
  return databaseInfo(next);
}

const isCurrent = (app: AppContext, file: string) => path.resolve(file) === app.store().path;

export function openDatabaseFile(app: AppContext, session: Session, file: string): DatabaseInfo {
  if (isCurrent(app, file)) return databaseInfo(app.store());
  const next = openExistingStore(file, sameHolder(app));
  session.leftForSample = undefined;
  return switchTo(app, session, next);
}

export function createDatabaseFile(app: AppContext, session: Session, file: string): DatabaseInfo {
  const next = createStore(file, sameHolder(app));
  session.leftForSample = undefined;
  return switchTo(app, session, next);
}

export interface SampleOpened {
  database: DatabaseInfo;
  /** The sample data generated for the year asked, or null when the sample already had it. */
  generated: DemoSummary | null;
}

/** Creates (first time) the sample county's own database for the current county and fills the year. */
function prepareSampleStore(file: string, regionCode: string, operatorName: string, year: number, options: OpenOptions): { store: Store; generated: DemoSummary | null } {
  const fresh = !fs.existsSync(file);
  const store = fresh ? asStoreProblem(() => openAppStore(file, options)) : openExistingStore(file, options);
  try {
    if (fresh) setUpSampleDatabase(store.db, { id: null, name: operatorName }, { regionCode, operatorName });
    if (!isSampleDatabase(store.db)) throw new AppError('CONFLICT', `“${file}”不是示例数据库，为保护其中的数据不会打开它作示例使用。请移走或改名后重试`);
    const generated = demoStatus(store.db).years.includes(year) ? null : generateDemoCounty(store.db, { id: null, name: operatorName }, { year });
    return { store, generated };
  } catch (error) {
    closeDatabase(store);
    if (fresh) removeDatabaseFile(file);
    throw error;
  }
}

/**
 * Opens the sample county in its own file, 示例数据库.db in the user-data folder, signed in under the
 * current operator's name; the real database stays untouched and is remembered for the way back.
 */
export function openSampleCounty(app: AppContext, session: Session, year: number): SampleOpened {
  const current = app.store();
  if (isSampleDatabase(current.db)) throw new AppError('CONFLICT', '当前已经是示例数据库');
  const { region, role } = requireInstallation(current.db);
  if (role !== 'county') throw new AppError('CONFLICT', '示例数据是一个虚构的县，只能从县级财政局的数据库打开');
  const operatorName = actorOf(session).name;
  const { store, generated } = prepareSampleStore(sampleDatabasePath(app.dataDir), region.code, operatorName, year, sameHolder(app));
  const operator = listOperators(store.db).find((o) => o.name === operatorName) ?? listOperators(store.db)[0];
  session.leftForSample = { path: current.path, operatorId: session.operator?.id ?? null };
  return { database: switchTo(app, session, store, operator?.id ?? null), generated };
}

/** Back from the sample to the real database it was opened from (or the last real one used). */
export function leaveSampleCounty(app: AppContext, session: Session): DatabaseInfo {
  const current = app.store();
  if (!isSampleDatabase(current.db)) throw new AppError('CONFLICT', '当前不是示例数据库，无需返回');
  const left = session.leftForSample;
  const target = realDatabaseToReturnTo(readRecentDatabases(app.dataDir), current.path, fs.existsSync, left?.path);
  if (!target) throw new AppError('NOT_FOUND', '找不到要返回的正式数据库，请用“文件 → 打开数据库”选择它');
  const next = openExistingStore(target, sameHolder(app));
  session.leftForSample = undefined;
  return switchTo(app, session, next, left?.path === target ? left.operatorId : null);
}
