import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenDatabase, newDatabaseDialog, openDatabaseDialog, switchFailure } from './databaseDialogs';

describe('the 新建数据库 / 打开数据库 dialogs', () => {
  it('start in the current database’s folder and show only .db files', () => {
    expect(newDatabaseDialog('/data')).toEqual({
      title: '新建数据库',
      defaultPath: path.join('/data', '新数据库.db'),
      buttonLabel: '新建',
      filters: [{ name: '绩效数据库（*.db）', extensions: ['db'] }],
    });
    expect(openDatabaseDialog('/data')).toMatchObject({ title: '打开数据库', defaultPath: '/data', buttonLabel: '打开' });
  });

  it.each([
    ['a saved file', { canceled: false, filePath: '/data/新.db' }, '/data/新.db'],
    ['an opened file', { canceled: false, filePaths: ['/data/旧.db'] }, '/data/旧.db'],
    ['a cancelled dialog', { canceled: true, filePath: '/data/新.db' }, null],
    ['an empty choice', { canceled: false, filePaths: [] }, null],
  ])('reads %s', (_name, result, expected) => {
    expect(chosenDatabase(result)).toBe(expected);
  });

  it('shows a refused switch with its own message', () => {
    expect(switchFailure(new Error('“/a.txt”不是数据库文件名'))).toEqual({ title: '无法切换数据库', content: '“/a.txt”不是数据库文件名' });
  });
});
