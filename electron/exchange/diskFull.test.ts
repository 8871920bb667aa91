// A disk that fills up while a package is written (a USB stick, a full system drive): the write fails
// with ENOSPC part-way through the file. The export must say so in Chinese, leave no half-written package
// and record nothing, so the next export after freeing space carries the same records under the same
// sequence number.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { ensureIdentity } from './keys';
import { exportReport } from './outgoing';

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

/** What this process has open, by path (Linux names a removed file "… (deleted)"). */
const filesHeldOpen = () =>
  fs.readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [fs.readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exporting onto a full disk', () => {
  it('says the disk is full, leaves no half-written package behind and records nothing', () => {
    const county = countyStore();
    luntaiApprovedTargets(county.db, 2020);
    ensureIdentity(county);
    const dir = tempDir();
    const out = path.join(dir, '轮台县上报.zip');
    const exportOut = () => exportReport(county, TEST_ACTOR, { year: 2020, stage: 'targets', full: true, out });
    const bookkeeping = () => county.sqlite.prepare('SELECT (SELECT next_sequence FROM exchange_identity) AS sequence, (SELECT count(*) FROM exchange_packages) AS packages, (SELECT count(*) FROM audit_log) AS audit').get();
    const before = bookkeeping();

    // The disk takes the first block of the package, then has no room left.
    const write = fs.writeSync;
    let partialBytes = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (partialBytes > 0) throw diskFull();
      const written = (write as (fd: number, ...args: unknown[]) => number)(fd, ...rest);
      partialBytes = fs.fstatSync(fd).size;
      return written;
    }) as typeof fs.writeSync);
    expect(exportOut).toThrow(`无法写入“${out}”：磁盘空间不足。没有留下不完整的文件；请腾出空间或换一个可写的位置后重试。`);
    vi.restoreAllMocks();

    expect(partialBytes).toBeGreaterThan(0);
    expect(fs.readdirSync(dir)).toEqual([]);
    // Nor is the removed file still held open: on Windows an open file cannot be deleted at all.
    expect(filesHeldOpen().filter((file) => file.startsWith(dir))).toEqual([]);
    expect(bookkeeping()).toEqual(before);
    // With room again, the same export goes through under the sequence number the failed one did not use.
    expect(exportOut().sequence).toBe((before as { sequence: number }).sequence);
    expect(fs.readdirSync(dir)).toEqual(['轮台县上报.zip']);
  });
});
