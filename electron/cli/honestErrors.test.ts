// Each way a file can fail the CLI gets its own Chinese message, no stack trace, and nothing half-written.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testSupport/cli';
import { copySampleCounty2020, tempDir } from '../testSupport/fixtures';

const CHILD = path.resolve('electron/testSupport/cliChild.ts');

/** The CLI in a child process, after a shell prefix that sets its limits (`ulimit`) or its user. */
function cliIn(prefix: string, ...argv: string[]): Promise<{ code: number | null; err: string }> {
  const command = `${prefix} ${JSON.stringify(process.execPath)} --import tsx ${[CHILD, ...argv].map((a) => JSON.stringify(a)).join(' ')}`;
  const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

/** Root ignores folder permissions, so a read-only folder is tried as an unprivileged user. */
const asUnprivileged = process.getuid?.() === 0 ? 'exec setpriv --reuid=65534 --regid=65534 --clear-groups' : 'exec';

function readOnlyFolder(): string {
  const folder = path.join(tempDir(), 'readonly');
  fs.mkdirSync(folder);
  fs.chmodSync(path.dirname(folder), 0o755);
  fs.chmodSync(folder, 0o555);
  return folder;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('honest errors of the command line', () => {
  it('asks for the file when --db is given without a value', async () => {
    for (const argv of [['stats', '--db'], ['--db=', 'stats'], ['--db', '--json', 'stats']]) {
      const result = await runCli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toBe('用法错误：选项 --db 需要数据库文件的路径，例如 --db D:\\绩效\\轮台县.db');
    }
  });

  it('has the bridge ask for the file when --db is given without a value, instead of opening the default', async () => {
    const bridge = spawn(process.execPath, ['--import', 'tsx', path.resolve('electron/bridge/start.ts'), '--db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bridge.stderr.on('data', (chunk) => (err += chunk));
    expect(await new Promise((resolve) => bridge.on('close', resolve))).toBe(2);
    expect(err).toBe('选项 --db 需要一个值（数据库文件的路径，例如 --db D:\\绩效\\轮台县.db）\n');
  }, 30_000);

  it('says a folder given as --db is a folder, and creates nothing in it', async () => {
    const folder = tempDir();
    const result = await runCli('--db', folder, 'stats');
    expect(result.code).toBe(1);
    expect(result.err).toBe(`错误：“${folder}”是一个文件夹，不是数据库文件。请给出数据库文件本身的路径（以 .db 结尾），例如 ${path.join(folder, '轮台县.db')}。`);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a 0-byte file instead of building a new database in it', async () => {
    const file = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(file, '');
    const result = await runCli('--db', file, 'stats');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^错误：“.*empty\.db”是一个空文件（0 字节），不是绩效软件的数据库/);
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['empty.db']);
  });

  it('refuses to restore from a 0-byte backup, keeping the data', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'county.db');
    await runCli('--db', db, 'init', '--region', '652822', '--role', 'county');
    const empty = path.join(dir, 'empty-backup.db');
    fs.writeFileSync(empty, '');
    const result = await runCli('--db', db, 'restore', empty);
    expect(result).toMatchObject({ code: 1, err: expect.stringMatching(/备份文件“.*empty-backup\.db”是空文件（0 字节）/) });
    expect(JSON.parse((await runCli('--db', db, 'stats', '--json')).out).region.code).toBe('652822');
  });

  it('says a read-only folder cannot hold the database, and writes nothing there', async () => {
    const folder = readOnlyFolder();
    const result = await cliIn(asUnprivileged, '--db', path.join(folder, 'county.db'), 'stats');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^错误：无法打开或新建数据库“.*county\.db”：文件夹只读或没有写入权限。/);
    noStackTrace(result.err);
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 30_000);

  it('says a backup into a read-only folder cannot be written, leaving no file there', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    const db = path.join(dir, 'county.db');
    await runCli('--db', db, 'init', '--region', '652822', '--role', 'county');
    for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o666);
    const folder = readOnlyFolder();
    const result = await cliIn(asUnprivileged, '--db', db, 'backup', '--out', path.join(folder, 'backup.db'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^错误：无法写入“.*backup\.db”：文件夹只读或没有写入权限。没有留下不完整的文件/);
    noStackTrace(result.err);
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 30_000);

  it('says the disk is full when a backup cannot be written, leaving no 0-byte file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'county.db');
    copySampleCounty2020(db);
    expect(fs.statSync(db).size).toBeGreaterThan(1024 * 1024);
    const out = path.join(dir, 'backup.db');
    // A file-size limit of 512 KB makes every write past it fail, as a disk that fills up half-way does.
    const result = await cliIn('ulimit -f 512; exec', '--db', db, 'backup', '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`错误：无法写入“${out}”：磁盘已满或写入被拒绝。没有留下不完整的文件；请腾出空间或换一个可写的位置后重试。\n`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('backup'))).toEqual([]);
  }, 30_000);
});
