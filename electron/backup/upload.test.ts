// An uploaded backup (设置 → 备份与恢复 → 上传备份文件) is checked before it is kept: a file that is not a
// Jixiao database is refused in Chinese, naming the file the clerk chose, and leaves nothing behind.
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupFolder } from '../../db/open';
import { countyStore } from '../testSupport/fixtures';
import { acceptUploadedBackup, listBackups } from './backup';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('uploading a backup', () => {
  it('refuses a file that is not a database by the name the clerk chose, with no staging path or SQLite English', () => {
    const store = countyStore();
    const bytes = new TextEncoder().encode('PK 这不是数据库'.repeat(300));
    expect(() => acceptUploadedBackup(store, 'broken.xlsx', bytes)).toThrow('“broken.xlsx”不是绩效软件的数据库文件，或已损坏。');
    expect(listBackups(store)).toEqual([]);
    const folder = backupFolder(store.path);
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  });

  it('says the disk is full when the upload cannot be written whole, and leaves no half-written file', () => {
    const store = countyStore();
    const bytes = fs.readFileSync(store.path);
    // The disk takes half the upload, then has no room left (ENOSPC, as Node reports a full disk).
    const writeFile = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, data: Uint8Array) => {
      writeFile(file, data.subarray(0, data.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }) as typeof fs.writeFileSync);
    expect(() => acceptUploadedBackup(store, '轮台县备份.db', bytes)).toThrow('无法保存上传的备份“轮台县备份.db”：磁盘空间不足。没有留下不完整的文件；请腾出空间后重试。');
    vi.restoreAllMocks();
    expect(listBackups(store)).toEqual([]);
    expect(fs.readdirSync(backupFolder(store.path))).toEqual([]);
  });
});
