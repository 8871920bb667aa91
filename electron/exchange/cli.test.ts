// End to end through the CLI, as prefecture IT staff would run it: two databases, county 652822 with the
// demo data and prefecture 652800; export → verify → dry run → import → receipt → county applies it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { runCli } from '../testSupport/cli';
import { tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { recordDecision } from '../prefecture/decisions';

const jixiao = runCli;

async function ok(...argv: string[]) {
  const result = await jixiao(...argv);
  if (result.code !== 0) throw new Error(`jixiao ${argv.join(' ')} failed: ${result.err}`);
  return result;
}

/** County 652822 with the demo data and prefecture 652800, each in its own database file. */
async function demoCountyAndPrefecture() {
    const dir = tempDir();
    const county = path.join(dir, 'county.db');
    const prefecture = path.join(dir, 'prefecture.db');
    await ok('--db', county, 'demo', '--region', '652822', '--year', '2020');
    await ok('--db', prefecture, 'init', '--region', '652800', '--role', 'prefecture');
  return { dir, county, prefecture };
}

describe('jixiao package (CLI)', () => {
  it('carries the demo county to the prefecture and back with a receipt', async () => {
    const { dir, county, prefecture } = await demoCountyAndPrefecture();

    const report = path.join(dir, 'report.zip');
    const exported = JSON.parse((await ok('--db', county, 'package', 'export', '--out', report, '--stage', 'targets', '--year', '2020')).out);
    expect(exported.total).toBeGreaterThan(200);

    const verified = JSON.parse((await ok('--db', prefecture, 'package', 'verify', report)).out);
    expect(verified).toMatchObject({ valid: true, sender: '652822', receiver: '652800', senderKnown: false });

    const refused = await jixiao('--db', prefecture, 'package', 'import', report);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/尚未登记。其公钥指纹为/);
    expect(refused.out).toBe('');

    const dry = JSON.parse((await ok('--db', prefecture, 'package', 'import', report, '--dry-run', '--trust')).out);
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.created).toBe(exported.total);
    const stats = JSON.parse((await ok('--db', prefecture, 'stats', '--json')).out);
    expect(stats.counts.units).toBe(0);

    const imported = await ok('--db', prefecture, 'package', 'import', report, '--trust');
    expect(imported.err).toMatch(/已信任新的发送方 轮台县（652822），公钥指纹：/);
    expect(JSON.parse(imported.out).counts.created).toBe(exported.total);

    const receipt = path.join(dir, 'receipt.zip');
    await ok('--db', prefecture, 'package', 'receipt', report, '--out', receipt);
    const applied = JSON.parse((await ok('--db', county, 'package', 'import', receipt, '--trust')).out);
    expect(applied.acknowledged).toBe(exported.total);

    const next = path.join(dir, 'next.zip');
    const incremental = JSON.parse((await ok('--db', county, 'package', 'export', '--out', next, '--stage', 'targets', '--year', '2020')).out);
    expect(incremental.total).toBe(0);
    expect(fs.existsSync(next)).toBe(true);
  });

  it('writes a full county-year package of the demo county', async () => {
    const dir = tempDir();
    const county = path.join(dir, 'county.db');
    await ok('--db', county, 'demo', '--region', '652822', '--year', '2020');
    const result = await ok('--db', county, 'package', 'export', '--out', path.join(dir, 'all.zip'), '--full', '--year', '2020');
    expect(JSON.parse(result.out).total).toBeGreaterThan(200);
  });

  it('package export --full re-sends a return whose first reply was lost, after the receipt was imported first', async () => {
    const { dir, county, prefecture } = await demoCountyAndPrefecture();
    const report = path.join(dir, 'report.zip');
    await ok('--db', county, 'package', 'export', '--out', report, '--stage', 'targets', '--year', '2020');
    await ok('--db', prefecture, 'package', 'import', report, '--trust');

    // The reviewer returns one target in the app (there is no command for reviewing).
    const store = openDatabase(prefecture);
    const target = store.sqlite.prepare("SELECT id, owner_code AS code FROM targets WHERE kind = 'project' AND status IN ('submitted', 'approved') ORDER BY owner_code LIMIT 1").get() as { id: string; code: string };
    recordDecision(store, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'return', opinion: '请细化数量指标' });
    closeDatabase(store);

    const exportReply = async (out: string, ...full: string[]) =>
      JSON.parse((await ok('--db', prefecture, 'package', 'export', '--county', '652822', '--out', out, '--stage', 'targets', '--year', '2020', ...full)).out);
    const lost = path.join(dir, 'reply-lost.zip');
    expect((await exportReply(lost)).counts.decisions).toBe(1);
    const full = path.join(dir, 'reply-full.zip');
    expect((await exportReply(full, '--full')).counts.decisions).toBe(1);
    const receipt = path.join(dir, 'receipt.zip');
    await ok('--db', prefecture, 'package', 'receipt', report, '--out', receipt);

    await ok('--db', county, 'package', 'import', receipt, '--trust');
    const applied = JSON.parse((await ok('--db', county, 'package', 'import', full)).out);
    expect(applied.decisions).toBe(1);
    const countyStore = openDatabase(county);
    expect(countyStore.sqlite.prepare('SELECT status, review_opinion AS opinion FROM targets WHERE id = ?').get(target.id)).toEqual({
      status: 'returned',
      opinion: '州级审核：请细化数量指标',
    });
    closeDatabase(countyStore);

    const stale = await jixiao('--db', county, 'package', 'import', lost);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/更旧，已拒绝/);
  });
});
