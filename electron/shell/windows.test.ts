// Windows specifics, checked with Windows-style paths on any machine: the data folder under %APPDATA%
// for a user with a Chinese name and a space in it, long paths, and one running copy per user.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteFileName } from '../../db/runtime';
import { userDataDir } from '../paths';
import { bringToFront, instanceDecision } from './singleInstance';
import { chooseDbPath } from './startup';

describe('the data folder on Windows', () => {
  it('is jixiao under %APPDATA%, for a Chinese user name with a space', () => {
    const appData = 'C:\\Users\\张 三\\AppData\\Roaming';
    expect(userDataDir('win32', { APPDATA: appData }, 'C:\\Users\\张 三')).toBe('C:\\Users\\张 三\\AppData\\Roaming\\jixiao');
  });

  it('falls back to the profile’s AppData\\Roaming when %APPDATA% is not set', () => {
    expect(userDataDir('win32', {}, 'D:\\用户\\李 四')).toBe('D:\\用户\\李 四\\AppData\\Roaming\\jixiao');
  });

  it('keeps JIXIAO_DATA_DIR first, for a folder on another drive', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming', JIXIAO_DATA_DIR: 'E:\\绩效 数据' })).toBe('E:\\绩效 数据');
  });

  it('takes a --db path with spaces and Chinese as one argument', () => {
    const file = 'C:\\Users\\张 三\\Documents\\轮台县 2026.db';
    expect(chooseDbPath(['jixiao.exe', '--db', file], {}, 'fallback.db')).toBe(file);
  });

  it('gives SQLite a database deep in a long folder with the \\\\?\\ prefix, and a short one unchanged', () => {
    const folder = userDataDir('win32', { APPDATA: 'C:\\Users\\张 三\\AppData\\Roaming' });
    const short = path.win32.join(folder, 'jixiao.db');
    expect(sqliteFileName(short, 'win32')).toBe(short);
    const deep = path.win32.join(folder, ...Array.from({ length: 16 }, (_, n) => `${n + 1} 县级财政局预算绩效管理备份`), 'jixiao.db');
    expect(deep.length).toBeGreaterThan(260);
    expect(sqliteFileName(deep, 'win32')).toBe(`\\\\?\\${deep}`);
  });
});

describe('one copy per user', () => {
  it('runs the first copy and sends a second one away', () => {
    expect(instanceDecision(false, () => true)).toBe('run');
    expect(instanceDecision(false, () => false)).toBe('leave');
  });

  it('never takes the lock for the self-test', () => {
    let asked = false;
    expect(
      instanceDecision(true, () => {
        asked = true;
        return false;
      }),
    ).toBe('self-test');
    expect(asked).toBe(false);
  });

  it.each([
    ['minimised', { minimized: true, visible: true }, ['restore', 'focus']],
    ['hidden', { minimized: false, visible: false }, ['show', 'focus']],
    ['minimised and hidden', { minimized: true, visible: false }, ['restore', 'show', 'focus']],
    ['behind another window', { minimized: false, visible: true }, ['focus']],
  ] as const)('brings a %s first window to the front', (_case, window, steps) => {
    expect(bringToFront(window)).toEqual(steps);
  });

  it('does nothing while the first copy has no window yet', () => {
    expect(bringToFront(null)).toEqual([]);
  });
});
