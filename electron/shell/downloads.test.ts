import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadFailureMessage, safeFileName, saveDialogOptions } from './downloads';

describe('safeFileName', () => {
  it.each([
    ['keeps a normal Chinese file name', '2025年绩效目标.xlsx', '2025年绩效目标.xlsx'],
    ['drops folders a page put in the name', '../../Windows/system.ini', 'system.ini'],
    ['drops Windows folders too', 'C:\\Users\\x\\备份.db', '备份.db'],
    ['replaces characters Windows refuses', 'a:b*c?"d"<e>|f.xlsx', 'a_b_c__d__e__f.xlsx'],
    ['removes leading dots so nothing is hidden', '..hidden.xlsx', 'hidden.xlsx'],
    ['removes trailing dots and spaces Windows would strip', '报表. ', '报表'],
    ['names an empty suggestion', '', '未命名文件'],
  ])('%s', (_name, input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('shortens an overlong name', () => {
    expect(safeFileName('很'.repeat(500)).length).toBeLessThanOrEqual(180);
  });
});

describe('saveDialogOptions', () => {
  it('titles the dialog 保存文件 and starts in the given folder', () => {
    const options = saveDialogOptions('目标表.xlsx', '/home/user/下载');
    expect(options.title).toBe('保存文件');
    expect(options.buttonLabel).toBe('保存');
    expect(options.defaultPath).toBe(path.join('/home/user/下载', '目标表.xlsx'));
  });

  it('offers the Excel filter first for a workbook', () => {
    expect(saveDialogOptions('目标表.XLSX', '/d').filters).toEqual([
      { name: 'Excel 工作簿', extensions: ['xlsx'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
  });

  it('offers only 所有文件 for an unknown type', () => {
    expect(saveDialogOptions('package.jxpkg', '/d').filters).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });

  it('cannot be steered outside the folder by the suggested name', () => {
    expect(saveDialogOptions('../../etc/passwd', '/d').defaultPath).toBe(path.join('/d', 'passwd'));
  });
});

describe('downloadFailureMessage', () => {
  it('says nothing when the file was saved or the person cancelled', () => {
    expect(downloadFailureMessage('completed', 'a.xlsx')).toBeNull();
    expect(downloadFailureMessage('cancelled', 'a.xlsx')).toBeNull();
  });

  it('explains an interrupted save in Chinese', () => {
    expect(downloadFailureMessage('interrupted', 'a.xlsx')).toMatch(/a\.xlsx.*未能保存/);
  });
});
