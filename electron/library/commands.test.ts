import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testSupport/cli';
import { tempDir } from '../testSupport/fixtures';

const run = runCli;

describe('jixiao library commands', () => {
  it('seeds the starter library once, searches it, and moves the library from a prefecture to a county as a signed package', async () => {
    const dir = tempDir();
    const prefecture = path.join(dir, 'bz.db');
    const county = path.join(dir, 'lt.db');
    const update = path.join(dir, '指标库更新包.zip');
    await run('--db', prefecture, 'init', '--region', '652800', '--role', 'prefecture');
    await run('--db', county, 'init', '--region', '652822', '--role', 'county');

    expect((await run('--db', prefecture, 'library', 'seed')).out).toMatch(/^已载入初始指标库：\d+ 个项目类型，\d+ 条指标（第 1 版）$/);
    expect((await run('--db', prefecture, 'library', 'seed')).out).toBe('指标库已有内容，未载入初始指标库');
    expect((await run('--db', prefecture, 'library', 'search', '无害化')).out).toBe('HJ01-004\t生活垃圾无害化处理率\t≥95%\t已入库\n共 1 条');

    const written = JSON.parse((await run('--db', prefecture, 'package', 'export', '--county', '652822', '--stage', 'library', '--out', update)).out);
    expect(written.kind).toBe('library-update');
    const dry = JSON.parse((await run('--db', county, 'package', 'import', update, '--dry-run', '--trust')).out);
    expect(dry).toMatchObject({ kind: 'library-update', dryRun: true, counts: { created: written.total, conflict: 0 } });
    expect((await run('--db', county, 'library', 'search', '无害化')).out).toBe('共 0 条');
    expect((await run('--db', county, 'package', 'import', update, '--trust')).code).toBe(0);
    expect((await run('--db', county, 'library', 'search', '无害化')).out).toMatch(/^HJ01-004/);
    const again = JSON.parse((await run('--db', county, 'package', 'import', update)).out);
    expect(again).toMatchObject({ repeat: true, counts: { created: 0, unchanged: written.total } });
  });

  it('has no command that takes a bare library file any more', async () => {
    const dir = tempDir();
    const county = path.join(dir, 'lt.db');
    const file = path.join(dir, '指标库.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'jixiao-library', formatVersion: 1, version: 9007199254740991, source: '652800', projectTypes: [], indicators: [] }));
    await run('--db', county, 'init', '--region', '652822', '--role', 'county');
    const refused = await run('--db', county, 'library', 'version', 'import', file);
    expect(refused.code).toBe(2);
  });
});
