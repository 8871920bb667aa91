// An uploaded backup (设置 → 备份与恢复 → 上传备份文件) is checked before it is kept: a file that is not a
// Jixiao database is refused in Chinese, naming the file the clerk chose, and leaves nothing behind.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupFolder } from '../../db/open';
import { countyStore } from '../testSupport/fixtures';
import { acceptUploadedBackup, listBackups } from './backup';

describe('uploading a backup', () => {
  it('refuses a file that is not a database by the name the clerk chose, with no staging path or SQLite English', () => {
    const store = countyStore();
    const bytes = new TextEncoder().encode('PK 这不是数据库'.repeat(300));
    expect(() => acceptUploadedBackup(store, 'broken.xlsx', bytes)).toThrow('“broken.xlsx”不是绩效软件的数据库文件，或已损坏。');
    expect(listBackups(store)).toEqual([]);
    const folder = backupFolder(store.path);
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  });
});
