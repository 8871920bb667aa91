// A deliberately small zip writer and a strict zip reader for exchange packages. We read only what we
// write: deflated or stored members, no encryption, no zip64, no directories, no duplicate or unsafe
// names, every size checked against limits before and during inflation. Anything else is refused.
// CRC-32 is zlib's own (Node ≥ 20.15, so every runtime package.json's engines and Electron allow): a
// JavaScript table loop was the slowest step of writing and reading a package (issue 17).
import fs from 'node:fs';
import zlib from 'node:zlib';

export class ZipError extends Error {}

const UTF8_FLAG = 0x0800;
const DOS_DATE_1980 = 0x21; // 1980-01-01: fixed so identical content gives identical bytes
/**
 * zlib's fast matching (levels 1–3) deflates a package's JSON in half the time of its default (6), for a
 * file about a fifth larger: writing was a third of a big county's export (issue 17), a few megabytes more
 * on a USB stick cost nothing. Any level reads back the same.
 */
const DEFLATE_LEVEL = 3;

interface Written {
  name: Buffer;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Writes members to a file one at a time, so memory holds one member, not the whole package. */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  add(name: string, content: Uint8Array): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(content, { level: DEFLATE_LEVEL });
    const useDeflate = deflated.length < content.length;
    const data = useDeflate ? deflated : content;
    const entry: Written = {
      name: nameBytes,
      crc: zlib.crc32(content),
      method: useDeflate ? 8 : 0,
      compressedSize: data.length,
      size: content.length,
      offset: this.offset,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE_1980, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.write(header);
    this.write(nameBytes);
    this.write(data);
    this.written.push(entry);
  }

  close(): void {
    const start = this.offset;
    for (const e of this.written) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(UTF8_FLAG, 8);
      central.writeUInt16LE(e.method, 10);
      central.writeUInt16LE(0, 12);
      central.writeUInt16LE(DOS_DATE_1980, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(e.compressedSize, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      this.write(central);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    fs.closeSync(this.fd);
  }

  private write(bytes: Uint8Array): void {
    try {
      fs.writeSync(this.fd, bytes);
    } catch (error) {
      // A failed write (a full disk) ends the file here: closed, so that the caller can remove it, which
      // Windows refuses for a file still open.
      fs.closeSync(this.fd);
      throw error;
    }
    this.offset += bytes.length;
  }
}

export interface ZipLimits {
  maxMembers: number;
  maxMemberBytes: number;
  maxTotalBytes: number;
}

export interface ZipMember {
  name: string;
  size: number;
  /** Inflates and checks the CRC; throws ZipError when the data does not match its header. */
  read(): Buffer;
}

/** A member name we would have written: relative, forward slashes, no dot segments, plain characters. */
export function safeMemberName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..') && /^[\w./-]+$/.test(name);
}

/**
 * Lists the members of a zip held in memory. Structural problems (truncation, bad offsets, unsafe or
 * duplicate names, oversize members, unsupported features) throw ZipError before anything is inflated.
 */
export function readZip(bytes: Buffer, limits: ZipLimits): ZipMember[] {
  const endAt = bytes.length - 22;
  if (endAt < 0 || bytes.readUInt32LE(endAt) !== 0x06054b50) {
    throw new ZipError('文件不完整或不是数据包（找不到压缩包目录，可能在复制时被截断）');
  }
  const count = bytes.readUInt16LE(endAt + 10);
  const centralSize = bytes.readUInt32LE(endAt + 12);
  const centralStart = bytes.readUInt32LE(endAt + 16);
  if (count > limits.maxMembers) throw new ZipError(`数据包内文件过多（${count} 个，上限 ${limits.maxMembers}）`);
  if (centralStart + centralSize !== endAt) throw new ZipError('数据包目录位置不正确，文件可能已损坏');
  const members: ZipMember[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = centralStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > endAt || bytes.readUInt32LE(at) !== 0x02014b50) throw new ZipError('数据包目录已损坏');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (!safeMemberName(name)) throw new ZipError(`数据包内有不安全的文件名“${name.slice(0, 80)}”`);
    if (names.has(name)) throw new ZipError(`数据包内文件“${name}”重复出现`);
    names.add(name);
    if (flags & 0x0001) throw new ZipError('数据包内文件被加密，无法读取');
    if (method !== 0 && method !== 8) throw new ZipError(`数据包内文件“${name}”的压缩方式不受支持`);
    if (size > limits.maxMemberBytes) throw new ZipError(`数据包内文件“${name}”过大（${size} 字节，上限 ${limits.maxMemberBytes}）`);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipError(`数据包解压后总大小超过上限 ${limits.maxTotalBytes} 字节`);
    if (offset + 30 > centralStart || bytes.readUInt32LE(offset) !== 0x04034b50) throw new ZipError(`数据包内文件“${name}”的位置不正确`);
    const dataStart = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    if (dataStart + compressedSize > centralStart) throw new ZipError(`数据包内文件“${name}”的数据不完整`);
    members.push({
      name,
      size,
      read: () => {
        const raw = bytes.subarray(dataStart, dataStart + compressedSize);
        let data: Buffer;
        try {
          data = method === 8 ? zlib.inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) }) : Buffer.from(raw);
        } catch {
          throw new ZipError(`数据包内文件“${name}”无法解压，文件已损坏`);
        }
        if (data.length !== size || zlib.crc32(data) !== crc) throw new ZipError(`数据包内文件“${name}”校验失败，文件已损坏`);
        return data;
      },
    });
  }
  if (at !== endAt) throw new ZipError('数据包目录长度不正确，文件可能已损坏');
  return members;
}
