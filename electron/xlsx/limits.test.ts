// Excel files are bounded before SheetJS parses them: inflated size, rows and columns, each refused with a
// Chinese message naming the limit.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testSupport/fixtures';
import { readWorkbook, WORKBOOK_LIMITS, writeWorkbook } from './sheet';

interface Part {
  name: string;
  deflated: Buffer;
  crc: number;
  /** The uncompressed size written into the zip's headers. */
  declaredSize: number;
}

const part = (name: string, text: string): Part => {
  const bytes = Buffer.from(text, 'utf8');
  return { name, deflated: zlib.deflateRawSync(bytes), crc: zlib.crc32(bytes), declaredSize: bytes.length };
};

/** A worksheet of `rows` identical rows, deflated as it streams, so the test never holds it inflated. */
async function sheetPart(rows: number): Promise<Part> {
  const row = Buffer.from('<row><c t="inlineStr"><is><t>轮台县第一中学校舍维修改造项目</t></is></c><c><v>1234567</v></c></row>'.repeat(1000), 'utf8');
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = zlib.crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let written = 0; written < rows; written += 1000) {
    crc = zlib.crc32(row, crc);
    size += row.length;
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(chunks), crc, declaredSize: size };
}

/** The smallest workbook Excel opens: one sheet, whose part the caller gives. */
function workbookZip(sheet: Part): Buffer {
  const parts = [
    part('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    part('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    sheet,
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads `file` in a child process: the time taken, its peak memory and the message shown. */
function readInChild(file: string): { ms: number; peakRssBytes: number; error: string | null } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('electron/testSupport/readWorkbookChild.ts'), file], { encoding: 'utf8' });
  return JSON.parse(output);
}

const MB = 1024 * 1024;

describe('Excel limits', () => {
  it('refuses a workbook inflating to 300 MB within a second and under 200 MB of memory', async () => {
    const sheet = await sheetPart(2_800_000);
    expect(sheet.declaredSize).toBeGreaterThan(300 * MB);
    const file = path.join(tempDir(), 'bomb.xlsx');
    fs.writeFileSync(file, workbookZip(sheet));
    expect(fs.statSync(file).size).toBeLessThan(5 * MB);

    const result = readInChild(file);

    expect(result.error).toBe(
      `Excel 文件解压后超过 100MB，超过本软件的上限（解压后 100MB、每张表 ${WORKBOOK_LIMITS.rows} 行、${WORKBOOK_LIMITS.columns} 列），未导入。请删去多余的行、列或工作表，或拆成几个文件后再导入`,
    );
    expect(result.ms).toBeLessThan(1000);
    expect(result.peakRssBytes).toBeLessThan(200 * MB);
  }, 60_000);

  it('refuses a sheet whose data inflates past the size its directory declares', () => {
    const honest = part('xl/worksheets/sheet1.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c><v>1</v></c></row>'.repeat(50_000)}</sheetData></worksheet>`);
    const bytes = workbookZip({ ...honest, declaredSize: 1000 });
    expect(() => readWorkbook(bytes)).toThrow(/Excel 文件内的数据比其目录声明的大（可能是恶意构造的文件），超过本软件的上限/);
  });

  it('refuses a sheet of more rows than the limit, naming the sheet and its rows', () => {
    const rows = Array.from({ length: WORKBOOK_LIMITS.rows + 5 }, (_, i) => [`P${i}`]);
    const bytes = writeWorkbook([{ name: '项目', headers: ['项目编码'], rows }]);
    expect(() => readWorkbook(bytes)).toThrow(`Excel 文件的工作表“项目”有 ${WORKBOOK_LIMITS.rows + 6} 行，超过本软件的上限`);
  });

  it('refuses a sheet of more columns than the limit', () => {
    const headers = Array.from({ length: WORKBOOK_LIMITS.columns + 1 }, (_, i) => `列${i + 1}`);
    const bytes = writeWorkbook([{ name: '单位', headers, rows: [] }]);
    expect(() => readWorkbook(bytes)).toThrow(`Excel 文件的工作表“单位”有 ${WORKBOOK_LIMITS.columns + 1} 列，超过本软件的上限`);
  });

  it('reads sheets at the limits', () => {
    const headers = Array.from({ length: WORKBOOK_LIMITS.columns }, (_, i) => `列${i + 1}`);
    const rows = Array.from({ length: WORKBOOK_LIMITS.rows - 1 }, (_, i) => [`P${i}`]);
    const workbook = readWorkbook(writeWorkbook([{ name: '宽表', headers, rows: [] }, { name: '长表', headers: ['项目编码'], rows }]));
    expect(workbook.SheetNames).toEqual(['宽表', '长表']);
  });
});
