import { describe, expect, it } from 'vitest';
import {
  databasePathProblem,
  parseRecentList,
  realDatabaseToReturnTo,
  rememberDatabase,
  sampleDatabasePath,
  startupDatabase,
  type RecentDatabase,
} from './databaseFiles';

const entry = (path: string, sample = false, openedAt = '2026-12-01T08:00:00.000Z'): RecentDatabase => ({ path, sample, openedAt });
const usable = { parentExists: true, exists: false };

describe('databasePathProblem', () => {
  it.each([
    ['an empty path', '  ', 'create', usable, /^请填写数据库文件的完整路径/],
    ['a relative path', '轮台县.db', 'create', usable, /不是完整路径/],
    ['a name without .db', '/data/轮台县.xlsx', 'open', { parentExists: true, exists: true }, /“轮台县.xlsx”不是数据库文件名：数据库文件须以 \.db 结尾/],
    ['a missing folder', '/没有/轮台县.db', 'create', { parentExists: false, exists: false }, /文件夹“\/没有”不存在/],
    ['an existing file to create', '/data/轮台县.db', 'create', { parentExists: true, exists: true }, /已存在。新建数据库不会覆盖已有文件/],
    ['a missing file to open', '/data/轮台县.db', 'open', usable, /找不到“\/data\/轮台县.db”/],
  ] as const)('refuses %s', (_name, file, intent, facts, message) => {
    expect(databasePathProblem(file, intent, facts)).toMatch(message);
  });

  it.each([
    ['a new file in an existing folder', '/data/新.db', 'create', usable],
    ['an existing file, .DB in capitals', '/data/旧.DB', 'open', { parentExists: true, exists: true }],
  ] as const)('accepts %s', (_name, file, intent, facts) => {
    expect(databasePathProblem(file, intent, facts)).toBeNull();
  });
});

describe('the 最近打开 list', () => {
  it('puts the opened file first, once, and keeps eight', () => {
    const list = Array.from({ length: 8 }, (_, i) => entry(`/data/${i}.db`));
    const next = rememberDatabase(list, entry('/data/3.db', false, '2026-12-02T08:00:00.000Z'));
    expect(next.map((e) => e.path)).toEqual(['/data/3.db', '/data/0.db', '/data/1.db', '/data/2.db', '/data/4.db', '/data/5.db', '/data/6.db', '/data/7.db']);
    expect(next[0]!.openedAt).toBe('2026-12-02T08:00:00.000Z');
    expect(rememberDatabase(list, entry('/data/新.db')).map((e) => e.path)).toHaveLength(8);
    expect(rememberDatabase(list, entry('/data/新.db'))[7]!.path).toBe('/data/6.db');
  });

  it('treats Windows paths that differ only in case or slashes as one file', () => {
    const next = rememberDatabase([entry('D:\\绩效\\Luntai.db')], entry('d:/绩效/LUNTAI.db'));
    expect(next).toHaveLength(1);
  });

  it('reads a damaged or hand-edited file as far as it is sound', () => {
    expect(parseRecentList(null)).toEqual([]);
    expect(parseRecentList('{不是 JSON')).toEqual([]);
    expect(parseRecentList('{"path": "/a.db"}')).toEqual([]);
    expect(parseRecentList(JSON.stringify([entry('/a.db'), { path: 3 }, 'x', { ...entry('/b.db', true), extra: 1 }]))).toEqual([entry('/a.db'), entry('/b.db', true)]);
  });
});

describe('which database to open', () => {
  const list = [entry('/u/示例数据库.db', true), entry('/data/轮台县.db'), entry('/data/旧.db')];
  const existing = (...files: string[]) => (file: string) => files.includes(file);

  it('keeps the sample in the user-data folder', () => {
    expect(sampleDatabasePath('/u')).toBe('/u/示例数据库.db');
  });

  it('goes back from the sample to the database it was opened from', () => {
    expect(realDatabaseToReturnTo(list, '/u/示例数据库.db', existing('/data/轮台县.db', '/data/旧.db'), '/data/旧.db')).toBe('/data/旧.db');
  });

  it('else to the most recent real database that still exists, never to a sample', () => {
    expect(realDatabaseToReturnTo(list, '/u/示例数据库.db', existing('/data/轮台县.db', '/data/旧.db'))).toBe('/data/轮台县.db');
    expect(realDatabaseToReturnTo(list, '/u/示例数据库.db', existing('/data/旧.db'), '/data/没了.db')).toBe('/data/旧.db');
    expect(realDatabaseToReturnTo([entry('/u/示例数据库.db', true)], '/x.db', existing('/u/示例数据库.db'))).toBeNull();
  });

  it('starts the app on the last real database used, else on the default file', () => {
    expect(startupDatabase(list, existing('/u/示例数据库.db', '/data/轮台县.db'), '/u/jixiao.db')).toBe('/data/轮台县.db');
    expect(startupDatabase(list, existing('/u/示例数据库.db'), '/u/jixiao.db')).toBe('/u/jixiao.db');
  });
});
