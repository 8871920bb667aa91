// The preview shown before a package is written counts records with the same scope and delta rules the
// package is built with: on a real county, full and incremental, up and down, the numbers agree.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueRoundToCounties } from '../monitoring';
import { prefectureStore, sampleCounty2020, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { importPackage } from './incoming';
import { exportReceipt, exportReply, exportReport, previewExport } from './outgoing';

const YEAR = 2020;
const importInto = (store: Parameters<typeof importPackage>[0], file: string) => importPackage(store, TEST_ACTOR, file, { dryRun: false, trust: true });

describe('export preview', () => {
  it('counts what the county report carries, full and after a receipt with local changes since', () => {
    const dir = tempDir();
    const county = sampleCounty2020();
    const pref = prefectureStore();
    const all = { year: YEAR, stage: 'all', full: true } as const;

    const fullPreview = previewExport(county, all);
    const first = exportReport(county, TEST_ACTOR, { ...all, out: path.join(dir, 'first.zip') });
    expect(fullPreview).toEqual(first.counts);
    expect(first.total).toBeGreaterThan(500);

    const imported = importInto(pref, first.file);
    importInto(county, exportReceipt(pref, TEST_ACTOR, imported.packageId, path.join(dir, 'receipt.zip')).file);
    county.sqlite.exec("UPDATE projects SET name = name || '（调整）', version = version + 1 WHERE rowid IN (SELECT rowid FROM projects ORDER BY rowid LIMIT 3)");
    county.sqlite.exec('UPDATE units SET version = version + 1 WHERE rowid = (SELECT min(rowid) FROM units)');

    const delta = { ...all, full: false };
    const deltaPreview = previewExport(county, delta);
    const next = exportReport(county, TEST_ACTOR, { ...delta, out: path.join(dir, 'next.zip') });
    expect(deltaPreview).toEqual(next.counts);
    expect(next.counts).toMatchObject({ project: 3, unit: 1, target: 0 });
    expect(previewExport(county, all)).toEqual(fullPreview);
  });

  it('counts what the prefecture reply carries, decisions included', () => {
    const dir = tempDir();
    const county = sampleCounty2020();
    const pref = prefectureStore();
    importInto(pref, exportReport(county, TEST_ACTOR, { year: YEAR, stage: 'all', full: true, out: path.join(dir, 'report.zip') }).file);
    // A reply carries nothing the county issued itself, so what it has to count is the prefecture's own round.
    issueRoundToCounties(pref.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: `${YEAR}-08-31`, scope: 'all' });
    const options = { county: '652822', year: YEAR, stage: 'monitoring', full: false } as const;
    const preview = previewExport(pref, options);
    const reply = exportReply(pref, TEST_ACTOR, { ...options, out: path.join(dir, 'reply.zip') });
    expect(preview).toEqual(reply.counts);
    expect(reply.total).toBeGreaterThan(0);
  });
});
