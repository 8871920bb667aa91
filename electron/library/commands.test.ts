import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testSupport/cli';
import { tempDir } from '../testSupport/fixtures';

const run = runCli;

describe('jixiao library commands', () => {
  it('seeds the starter library once, searches it, and moves a version file from a prefecture to a county', async () => {
    const dir = tempDir();
    const prefecture = path.join(dir, 'bz.db');
    const county = path.join(dir, 'lt.db');
    const file = path.join(dir, '指标库.json');
    await run('--db', prefecture, 'init', '--region', '652800', '--role', 'prefecture');
    await run('--db', county, 'init', '--region', '652822', '--role', 'county');

    expect((await run('--db', prefecture, 'library', 'seed')).out).toMatch(/^已载入初始指标库：\d+ 个项目类型，\d+ 条指标（第 1 版）$/);
    expect((await run('--db', prefecture, 'library', 'seed')).out).toBe('指标库已有内容，未载入初始指标库');
    expect((await run('--db', prefecture, 'library', 'search', '无害化')).out).toBe('HJ01-004\t生活垃圾无害化处理率\t≥95%\t已入库\n共 1 条');

    expect((await run('--db', prefecture, 'library', 'version', 'export', '--out', file)).code).toBe(0);
    const dry = await run('--db', county, 'library', 'version', 'import', file, '--dry-run');
    expect(dry.out).toMatch(/^巴音郭楞蒙古自治州 第 1 版：项目类型 新增 \d+，更新 0，无变化 0；指标 新增 \d+，更新 0，无变化 0$/);
    expect((await run('--db', county, 'library', 'search', '无害化')).out).toBe('共 0 条');
    expect((await run('--db', county, 'library', 'version', 'import', file)).out).toMatch(/已导入，本机指标库第 1 版$/);
    expect((await run('--db', county, 'library', 'search', '无害化')).out).toMatch(/^HJ01-004/);
    const again = await run('--db', county, 'library', 'version', 'import', file);
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/无需重复导入/) });
  });
});
