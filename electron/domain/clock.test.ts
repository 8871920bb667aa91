import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testSupport/fixtures';

const ROOT = path.resolve(__dirname, '../..');

/** Runs a script in a fresh Node whose clock is on Beijing time, as on the bureau's PCs, and returns what it prints. */
function onBeijingClock(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8' }).trim();
}

// 01:30 on 1 September in Beijing is still 31 August in UTC.
const EARLY_MORNING = '2020-08-31T17:30:00Z';

describe('the bureau’s date on a Beijing clock', () => {
  it('is already the next day at 01:30, where UTC still says yesterday', () => {
    const printed = onBeijingClock(`
      const { localDate } = require('./electron/domain/clock.ts');
      const at = new Date('${EARLY_MORNING}');
      console.log(JSON.stringify([localDate(at), at.toISOString().slice(0, 10)]));`);
    expect(JSON.parse(printed)).toEqual(['2020-09-01', '2020-08-31']);
  });

  it('shows a stored UTC timestamp in local time', () => {
    expect(onBeijingClock(`console.log(require('./electron/domain/clock.ts').localDateTime(new Date('${EARLY_MORNING}')))`)).toBe('2020-09-01 01:30:00');
  });

  it('reads a date cell of an Excel file as the date typed in Excel', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['项目编码', '开始日期'], ['XM001', 44075]]);
    sheet.B2!.z = 'yyyy-mm-dd'; // serial 44075 is 2020-09-01, whatever the clock
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '项目');
    const file = path.join(tempDir(), '项目.xlsx');
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
    const printed = onBeijingClock(`
      const { readTable } = require('./electron/xlsx/sheet.ts');
      const columns = [{ key: 'code', header: '项目编码', required: true }, { key: 'start', header: '开始日期' }];
      console.log(readTable(require('node:fs').readFileSync(${JSON.stringify(file)}), columns)[0].values.start);`);
    expect(printed).toBe('2020-09-01');
  });
});
