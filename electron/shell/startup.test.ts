import { describe, expect, it } from 'vitest';
import { StoreError } from '../../db/open';
import { chooseDbPath, startupFailure } from './startup';

describe('chooseDbPath', () => {
  const fallback = '/home/u/.config/jixiao/jixiao.db';

  it.each([
    ['uses --db from the command line', ['electron', '.', '--db', '/tmp/a.db'], {}, '/tmp/a.db'],
    ['accepts --db=<file>', ['electron', '.', '--db=/tmp/b.db'], {}, '/tmp/b.db'],
    ['prefers the command line over JIXIAO_DB', ['electron', '.', '--db', '/tmp/a.db'], { JIXIAO_DB: '/tmp/env.db' }, '/tmp/a.db'],
    ['uses JIXIAO_DB without a flag', ['electron', '.'], { JIXIAO_DB: '/tmp/env.db' }, '/tmp/env.db'],
    ['falls back to the per-user database', ['electron', '.'], {}, fallback],
    ['ignores a dangling --db', ['electron', '.', '--db'], {}, fallback],
  ])('%s', (_name, argv, env, expected) => {
    expect(chooseDbPath(argv, env, fallback)).toBe(expected);
  });
});

describe('startupFailure', () => {
  it('shows a store error’s own message, which says what to do', () => {
    const error = new StoreError('NEWER_VERSION', '数据库由更新版本的绩效软件写入，请安装最新版本后再打开。');
    expect(startupFailure(error)).toEqual({ title: '绩效无法启动', content: error.message });
  });

  it('wraps an unexpected error with reassurance and the detail', () => {
    const failure = startupFailure(new Error('EACCES'));
    expect(failure.title).toBe('绩效无法启动');
    expect(failure.content).toContain('EACCES');
    expect(failure.content).toContain('数据未做修改');
  });
});
