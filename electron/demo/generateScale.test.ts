import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, sqliteOf } from '../../db/open';
import { openAppStore } from '../appStore';
import { frameworkFor } from '../targets';
import { seedStarterLibrary } from '../library';
import { initInstallation } from '../registry';
import { runCli } from '../testSupport/cli';
import { freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { readLibrary } from './generate';
import { BIG_COUNTY, generateScale, LAST_SCALE_YEAR, tableDigest } from './generateScale';
import { planDemoCounty } from './plan';

const WEIGHTS = { budget: 10, output: 50, benefit: 30, satisfaction: 10 };

describe('planning a big county', () => {
  it('has 1,000 units and 1,500 projects, each code and name once, a department-wide target for every unit', () => {
    const { db } = freshStore();
    initInstallation(db, { regionCode: '652822', role: 'county', operatorName: '张三' });
    seedStarterLibrary(db, TEST_ACTOR);
    const plan = planDemoCounty({ size: BIG_COUNTY, regionCode: '652822', countyName: '轮台县', year: 2024, seed: 5, library: readLibrary(db), framework: frameworkFor(db, 2024), weights: WEIGHTS, povertyMandatory: [] });
    expect(plan.units).toHaveLength(1000);
    expect(plan.projects).toHaveLength(1500);
    expect(new Set(plan.units.map((u) => u.code)).size).toBe(1000);
    expect(new Set(plan.units.map((u) => u.name)).size).toBe(1000);
    expect(new Set(plan.projects.map((p) => p.name)).size).toBe(1500);
    expect(plan.departmentTargets).toHaveLength(1000);
    expect(plan.units.some((u) => u.name === '轮台县第一中学（二部）')).toBe(true);
    // Every project's unit is one of the county's; more 重点项目 in a larger county, still one per department.
    const unitCodes = new Set(plan.units.map((u) => u.code));
    expect(plan.projects.every((p) => unitCodes.has(p.unitCode))).toBe(true);
    const keyDepartments = plan.projects.filter((p) => p.keyProject).map((p) => p.departmentCode);
    expect(keyDepartments.length).toBeGreaterThan(3);
    expect(new Set(keyDepartments).size).toBe(keyDepartments.length);
    const indicators = [...plan.projects.map((p) => p.target), ...plan.departmentTargets].reduce((sum, t) => sum + t.indicators.length, 0);
    expect(indicators).toBeGreaterThan(14_000);
  });
});

describe('jixiao generate', () => {
  it('gives the same county for the same seed, and --force replaces a generated database instead of adding to it', async () => {
    const file = path.join(tempDir(), '县.db');
    const first = await runCli('--db', file, 'generate', '--scale', 'county', '--seed', '7');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out);
    expect(summary).toMatchObject({ scale: 'county', seed: 7, years: [LAST_SCALE_YEAR], packages: 0, rows: { units: 108, projects: 140 } });
    expect(summary.rows.target_indicators).toBeGreaterThan(1000);
    expect(summary.rows.monitoring_sheets).toBeGreaterThan(0);
    // One progress line per county-year, with its counts.
    expect(first.err).toMatch(new RegExp(`轮台县（652822）${LAST_SCALE_YEAR} 年度：单位 108 个、项目 140 个`));

    const again = await runCli('--db', file, 'generate', '--scale', 'county', '--seed', '7', '--force');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ rows: summary.rows, digest: summary.digest });

    // The digest is of the data, the annexes and monitoring figures included: one changed 联系电话, one
    // changed forecast, one renamed unit each change it.
    expect(summary.rows).toMatchObject({ target_midterm_indicators: expect.any(Number), department_tasks: expect.any(Number), monitoring_funds: expect.any(Number) });
    expect(summary.rows.target_midterm_indicators).toBeGreaterThan(100);
    const store = openAppStore(file);
    const sqlite = sqliteOf(store.db);
    const changed = (sql: string) => {
      const before = tableDigest(store).digest;
      sqlite.prepare(sql).run();
      expect(tableDigest(store).digest).not.toBe(before);
    };
    changed("UPDATE targets SET contact_phone = '0996-4600000' WHERE rowid = (SELECT min(rowid) FROM targets WHERE kind = 'project')");
    changed('UPDATE monitoring_funds SET forecast_fen = executed_fen WHERE rowid = (SELECT min(rowid) FROM monitoring_funds WHERE forecast_fen > executed_fen)');
    changed("UPDATE units SET name = name || '（改）' WHERE code = '101001'");
    expect(tableDigest(store).digest).not.toBe(summary.digest);
    closeDatabase(store);
  }, 180_000);

  it('writes nothing into an existing database, and never replaces a real one even with --force', async () => {
    const file = path.join(tempDir(), '正式.db');
    const real = openAppStore(file);
    initInstallation(real.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
    closeDatabase(real);
    const size = fs.statSync(file).size;
    const refused = await runCli('--db', file, 'generate', '--scale', 'county');
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(/已存在且有内容，生成的测试数据不会写入已有的数据库/);
    const forced = await runCli('--db', file, 'generate', '--scale', 'county', '--force');
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/是正式数据库，即使加了 --force 也不会被生成的测试数据替换/);
    expect(fs.statSync(file).size).toBe(size);
  });

  it.each([
    [['generate', '--scale', 'county'], /须用 --db 指定一个新的数据库文件/],
    [['generate', '--db', 'x.db'], /缺少 --scale（规模，可选：county、big-county、prefecture）/],
    [['generate', '--db', 'x.db', '--scale', 'city'], /--scale “city”不正确，可选：county、big-county、prefecture/],
    [['generate', '--db', 'x.db', '--scale', 'county', '--years', '0'], /年数 “0”不正确，应为 1–20 之间的整数/],
    [['generate', '--db', 'x.db', '--scale', 'county', '--seed', '-1'], /随机种子 “-1”不正确/],
    [['generate', '--db', 'x.db', '--scale', 'county', '--counties', '2'], /--counties 和 --county-scale 只用于 --scale prefecture/],
    [['generate', '--db', 'x.db', '--scale', 'prefecture', '--counties', '10'], /县市个数 “10”不正确，应为 1–9 之间的整数/],
    [['generate', '--db', 'x.db', '--scale', 'prefecture', '--county-scale', 'prefecture'], /--county-scale “prefecture”不正确，可选：county、big-county/],
  ])('refuses %j with a usage error in Chinese, creating no file', async (argv, message) => {
    const dir = tempDir();
    const result = await runCli(...argv.map((arg) => (arg === 'x.db' ? path.join(dir, arg) : arg)));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
  });

  it('brings a prefecture’s counties in through real exchange packages, one per county and year', () => {
    const file = path.join(tempDir(), '州.db');
    const lines: string[] = [];
    const summary = generateScale(TEST_ACTOR, { scale: 'prefecture', file, years: 1, seed: 3, counties: 2, countyScale: 'county', progress: (line) => lines.push(line) });
    expect(summary.counties.map((c) => c.name)).toEqual(['库尔勒市', '轮台县']);
    expect(summary.packages).toBe(2);
    expect(lines.filter((line) => /数据包已导入州级数据库：新增 \d+ 条/.test(line))).toHaveLength(2);
    const store = openAppStore(file);
    const sqlite = sqliteOf(store.db);
    const packages = sqlite.prepare("SELECT sender, kind, year FROM exchange_packages WHERE direction = 'in' ORDER BY sender").all();
    expect(packages).toEqual([
      { sender: '652801', kind: 'county-report', year: LAST_SCALE_YEAR },
      { sender: '652822', kind: 'county-report', year: LAST_SCALE_YEAR },
    ]);
    expect(sqlite.prepare('SELECT region_code AS region, COUNT(*) AS n FROM projects GROUP BY region_code ORDER BY region_code').all()).toEqual([
      { region: '652801', n: 140 },
      { region: '652822', n: 140 },
    ]);
    // Every record the prefecture holds for a county arrived in that county's package.
    const synced = sqlite.prepare("SELECT COUNT(*) AS n FROM exchange_sync WHERE peer IN ('652801', '652822') AND entity = 'project'").get() as { n: number };
    expect(synced.n).toBe(280);
    closeDatabase(store);
  }, 180_000);
});
