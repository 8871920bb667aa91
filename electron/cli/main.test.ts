import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installationRefusal, PERMISSION_NAMES } from '../domain/permissions';
import { commandsOf, PLUGS } from '../plugs';
import { WORKFLOWS } from '../workflows';
import type { CommandTable } from './command';
import { tempDir } from '../testSupport/fixtures';
import { runCli } from '../testSupport/cli';

const run = runCli;

/** The commands on a database that declare no permission the router knows, which the CLI could not refuse. */
const undeclaredPermissions = (commands: CommandTable): string[] =>
  Object.entries(commands)
    .filter(([, command]) => command.database && !(PERMISSION_NAMES as readonly unknown[]).includes((command as { permission?: unknown }).permission))
    .map(([name]) => name);

describe('the permission every command declares', () => {
  it('is declared, as a permission of the table, by every command of every workflow that opens a database', () => {
    const commands = commandsOf(WORKFLOWS, PLUGS);
    expect(Object.values(commands).filter((command) => command.database).length).toBeGreaterThan(15);
    expect(undeclaredPermissions(commands)).toEqual([]);
  });

  it('is missing from a command that says none or names an unknown one, which the check names', () => {
    const silent = { usage: 'inspection close', summary: '关闭检查', database: true, run: () => {} } as unknown as CommandTable[string];
    const misspelt = { ...silent, permission: 'enters' } as unknown as CommandTable[string];
    expect(undeclaredPermissions({ ...commandsOf(WORKFLOWS, PLUGS), 'inspection close': silent, 'inspection open': misspelt })).toEqual(['inspection close', 'inspection open']);
  });
});

describe('jixiao CLI', () => {
  it('sets up a county and reports it in stats --json', async () => {
    const db = path.join(tempDir(), 'a.db');
    expect((await run('--db', db, 'init', '--region', '652822', '--role', 'county')).code).toBe(0);
    const stats = await run('--db', db, 'stats', '--json');
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.out);
    expect(parsed.region).toEqual({ code: '652822', name: '轮台县' });
    expect(parsed.role).toBe('county');
    expect(parsed.counts).toMatchObject({ units: 0, regions: 126, operators: 0 });
  });

  it('prints its version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8'));
    expect(await run('--version')).toEqual({ code: 0, out: pkg.version, err: '' });
  });

  it('refuses a county code for the prefecture role, on stderr with a non-zero exit', async () => {
    const db = path.join(tempDir(), 'b.db');
    const result = await run('--db', db, 'init', '--region', '652822', '--role', 'prefecture');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/州级财政局（汇总）应选择地州市级区划/);
  });

  it('refuses to set up the same database twice', async () => {
    const db = path.join(tempDir(), 'c.db');
    await run('--db', db, 'init', '--region', '652800', '--role', 'prefecture');
    const again = await run('--db', db, 'init', '--region', '652822', '--role', 'county');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/已完成初始设置/);
  });

  it('reports usage errors with exit code 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const missing = await run('--db', path.join(tempDir(), 'd.db'), 'init', '--role', 'county');
    expect(missing).toMatchObject({ code: 2, err: '用法错误：缺少 --region（6 位区划代码）' });
  });

  it('backs up and restores a database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'e.db');
    const backup = path.join(dir, 'e-backup.db');
    await run('--db', db, 'init', '--region', '652822', '--role', 'county');
    expect((await run('--db', db, 'backup', '--out', backup)).code).toBe(0);
    fs.rmSync(db);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
    await run('--db', db, 'init', '--region', '652823', '--role', 'county');
    const restored = await run('--db', db, 'restore', backup);
    expect(restored.code).toBe(0);
    expect(JSON.parse((await run('--db', db, 'stats', '--json')).out).region.code).toBe('652822');
  });

  it('refuses to restore from a file that is not a backup, keeping the data', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'f.db');
    await run('--db', db, 'init', '--region', '652822', '--role', 'county');
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'junk');
    const result = await run('--db', db, 'restore', junk);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^错误：/);
    expect(JSON.parse((await run('--db', db, 'stats', '--json')).out).region.code).toBe('652822');
  });

  it('refuses a command that writes a workflow’s records on an installation without that workflow, as the IPC router does, and still reads', async () => {
    const db = path.join(tempDir(), 'prefecture.db');
    await run('--db', db, 'init', '--region', '652800', '--role', 'prefecture');
    const refused = await run('--db', db, 'demo', '--year', '2020');
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toBe(`错误：${installationRefusal('prefecture', 'demo', 'enter')}`);
    expect(JSON.parse((await run('--db', db, 'stats', '--json')).out).counts).toMatchObject({ units: 0, projects: 0, targets: 0 });
    // Reading a county workflow's records (here none) stays open, as its 'view' channels do.
    expect(await run('--db', db, 'rectification', 'list', '--year', '2020', '--json')).toMatchObject({ code: 0, err: '' });
    // The library is the prefecture's too: seeding it is not refused.
    expect((await run('--db', db, 'library', 'seed')).code).toBe(0);
  });
});
