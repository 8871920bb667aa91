// Decisions about which database file the app works on: checking a path a person typed or picked,
// the 最近打开 list, where the sample county lives and which real database to go back to. Pure (no
// file system access: callers pass what they found), so each rule has a table test.
import path from 'node:path';

export interface RecentDatabase {
  path: string;
  /** A 示例 database holds the fictitious sample county, never real data. */
  sample: boolean;
  openedAt: string;
}

export const RECENT_FILE_NAME = 'recent-databases.json';
export const SAMPLE_FILE_NAME = '示例数据库.db';
const RECENT_LIMIT = 8;

export type PathIntent = 'create' | 'open';

/** What the file system says about a candidate path, looked up by the caller. */
export interface PathFacts {
  parentExists: boolean;
  exists: boolean;
}

/** The problem with a path a person typed or picked, in Chinese; null when it can be used. */
export function databasePathProblem(file: string, intent: PathIntent, facts: PathFacts): string | null {
  const trimmed = file.trim();
  if (trimmed === '') return '请填写数据库文件的完整路径，例如 D:\\绩效\\轮台县.db';
  if (!path.isAbsolute(trimmed)) return `“${trimmed}”不是完整路径，请从盘符或根目录写起，例如 D:\\绩效\\轮台县.db`;
  if (!/\.db$/i.test(trimmed)) return `“${path.basename(trimmed)}”不是数据库文件名：数据库文件须以 .db 结尾`;
  if (!facts.parentExists) return `文件夹“${path.dirname(trimmed)}”不存在，请先建好文件夹或换一个位置`;
  if (intent === 'create' && facts.exists) return `“${trimmed}”已存在。新建数据库不会覆盖已有文件：请换一个文件名，或用“打开数据库”打开它`;
  if (intent === 'open' && !facts.exists) return `找不到“${trimmed}”，请检查路径，或用“新建数据库”新建`;
  return null;
}

/** The recent list after opening `opened`: newest first, each file once, at most eight. */
export function rememberDatabase(list: readonly RecentDatabase[], opened: RecentDatabase): RecentDatabase[] {
  const key = samePath(opened.path);
  return [opened, ...list.filter((entry) => samePath(entry.path) !== key)].slice(0, RECENT_LIMIT);
}

/** Windows paths compare without regard to case or slash direction. */
const samePath = (file: string) => (/^[a-z]:[\\/]/i.test(file) ? path.win32.normalize(file).toLowerCase() : path.normalize(file));

/** Reads the stored list leniently: a damaged or hand-edited file loses bad entries, never the app. */
export function parseRecentList(text: string | null): RecentDatabase[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (entry): entry is RecentDatabase =>
        typeof entry === 'object' && entry !== null && typeof entry.path === 'string' && typeof entry.sample === 'boolean' && typeof entry.openedAt === 'string',
    )
    .map(({ path: file, sample, openedAt }) => ({ path: file, sample, openedAt }))
    .slice(0, RECENT_LIMIT);
}

/** The sample county has one file of its own in the user-data folder, beside the recent list. */
export const sampleDatabasePath = (dataDir: string): string => path.join(dataDir, SAMPLE_FILE_NAME);

/**
 * The real database to go back to from the sample: the one left for it if known, else the most recent
 * real one that still exists. Null when there is none (the person must open one).
 */
export function realDatabaseToReturnTo(
  list: readonly RecentDatabase[],
  current: string,
  exists: (file: string) => boolean,
  leftFor?: string,
): string | null {
  if (leftFor && exists(leftFor)) return leftFor;
  return list.find((entry) => !entry.sample && samePath(entry.path) !== samePath(current) && exists(entry.path))?.path ?? null;
}

/** The database the desktop app opens without --db: the last real one used, else the default. */
export function startupDatabase(list: readonly RecentDatabase[], exists: (file: string) => boolean, fallback: string): string {
  return list.find((entry) => !entry.sample && exists(entry.path))?.path ?? fallback;
}
