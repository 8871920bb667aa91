// The package zip's checksums: what the writer records is the standard CRC-32 of the content, so any
// zip reader accepts the package, and the reader refuses a member whose bytes no longer match it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testSupport/fixtures';
import { readZip, ZipError, ZipWriter } from './zip';

const LIMITS = { maxMembers: 10, maxMemberBytes: 1 << 20, maxTotalBytes: 1 << 20 };
// The published check value of CRC-32 (ISO-HDLC, as zip uses): the checksum of the ASCII digits 1–9.
const CHECK_INPUT = '123456789';
const CHECK_VALUE = 0xcbf43926;
const LOCAL_HEADER_CRC = 14;
const LOCAL_HEADER_SIZE = 30;

function writtenZip(members: Record<string, string>): Buffer {
  const file = path.join(tempDir(), 'package.zip');
  const zip = new ZipWriter(file);
  for (const [name, content] of Object.entries(members)) zip.add(name, Buffer.from(content, 'utf8'));
  zip.close();
  return fs.readFileSync(file);
}

describe('package zip checksums', () => {
  it('records the standard CRC-32 of a member in its header', () => {
    const bytes = writtenZip({ 'check.txt': CHECK_INPUT });
    expect(bytes.readUInt32LE(LOCAL_HEADER_CRC)).toBe(CHECK_VALUE);
  });

  it('reads back stored and deflated members whose checksums match', () => {
    const deflatable = '绩效目标'.repeat(500);
    const members = readZip(writtenZip({ 'check.txt': CHECK_INPUT, 'records.json': deflatable }), LIMITS);
    expect(members.map((m) => [m.name, m.read().toString('utf8')])).toEqual([
      ['check.txt', CHECK_INPUT],
      ['records.json', deflatable],
    ]);
  });

  it('refuses a member whose bytes were changed after it was written', () => {
    const bytes = writtenZip({ 'check.txt': CHECK_INPUT });
    // Stored, not deflated (deflating nine bytes does not shrink them): its data follows the header and name.
    const dataStart = LOCAL_HEADER_SIZE + 'check.txt'.length;
    expect(bytes.subarray(dataStart, dataStart + CHECK_INPUT.length).toString()).toBe(CHECK_INPUT);
    bytes[dataStart + 4] = '0'.charCodeAt(0);
    const [member] = readZip(bytes, LIMITS);
    expect(() => member!.read()).toThrow(ZipError);
    expect(() => member!.read()).toThrow('数据包内文件“check.txt”校验失败，文件已损坏');
  });
});
