// A round's kept light counts (monitoring_round_lights) must never be served stale: each test counts a
// round (which keeps its count), changes what is counted through one write path, and checks that the
// count now read is the round report's, which always judges every sheet from its rows.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { closeDatabase, sqliteOf, type Db, type Store } from '../../db/open';
import { createBackup, restoreBackup } from '../backup/backup';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { appRoot } from '../paths';
import { initInstallation } from '../registry/setup';
import { updateSetting } from '../settings/settings';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { schoolRepairReport } from '../testSupport/schoolRepairSheet';
import { commitMonitoringImport } from './excel';
import { roundReport } from './report';
import { roundLightCounts, type RoundLights } from './roundLights';
import { createRound } from './rounds';
import { getSheet, listSheets, saveSheet, transitionSheet, type SheetDetail } from './sheets';

const WAN = 1_000_000;

function augustRound(store: Store = countyStore()) {
  luntaiApprovedTargets(store.db, 2020);
  const round = createRound(store.db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const sheetOf = (code: string) => getSheet(store.db, listSheets(store.db, round.id).find((s) => s.projectCode === code)!.id);
  return { store, db: store.db, round, sheetOf };
}

/** The school repair project reported with `areaReached` (the August sheet expects 2000 平方米). */
function reportSchoolRepair(db: Db, sheet: SheetDetail, executedWan: number, areaReached: string): SheetDetail {
  return saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, executedWan, areaReached));
}

/** What the round's own report counts, in the shape of `roundLightCounts`. */
function reportedCounts(db: Db, roundId: string): RoundLights {
  const report = roundReport(db, roundId);
  return { lights: report.counts.project, unreported: report.counts.unreported, adjustedFen: report.totals.adjustedFen, executedFen: report.totals.executedFen };
}

const countedNow = (db: Db, roundId: string) => roundLightCounts(db, [roundId]).get(roundId)!;
const keptRounds = (db: Db) => sqliteOf(db).prepare('SELECT round_id FROM monitoring_round_lights ORDER BY round_id').pluck().all() as string[];

/** Counts the round (keeping its count), runs `write`, which must change what is counted, and checks the count after it. */
function expectCountedAgainAfter(db: Db, roundId: string, write: () => void): { before: RoundLights; after: RoundLights } {
  const before = countedNow(db, roundId);
  expect(before).toEqual(reportedCounts(db, roundId));
  expect(keptRounds(db)).toContain(roundId);
  write();
  const after = reportedCounts(db, roundId);
  expect(after, 'the write changes what the report counts').not.toEqual(before);
  expect(countedNow(db, roundId)).toEqual(after);
  return { before, after };
}

describe('a round’s kept light counts', () => {
  it('are counted once and then read from what was kept', () => {
    const { db, round, sheetOf } = augustRound();
    reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '2000');
    const counted = countedNow(db, round.id);
    expect(counted).toEqual(reportedCounts(db, round.id));
    expect(counted.lights.green).toBe(1);
    expect(keptRounds(db)).toEqual([round.id]);
    // Changed behind the triggers' back (no write path does this): what is read is what was kept.
    sqliteOf(db).prepare('UPDATE monitoring_round_lights SET green = 99 WHERE round_id = ?').run(round.id);
    expect(countedNow(db, round.id).lights.green).toBe(99);
  });

  it('are counted again after a sheet is saved, from its new figures and values', () => {
    const { db, round, sheetOf } = augustRound();
    const { before, after } = expectCountedAgainAfter(db, round.id, () => reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '1300'));
    expect(after.unreported).toBe(before.unreported - 1);
    expect(after.lights.yellow).toBe(1);
    // A second save that changes only a value reached turns the same sheet from yellow to green.
    const second = expectCountedAgainAfter(db, round.id, () => reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '2000'));
    expect(second.after.lights).toMatchObject({ yellow: 0, green: 1 });
  });

  it('stay the report’s through a submission, a return, a save of the returned sheet and an approval', () => {
    const { db, round, sheetOf } = augustRound();
    const saved = reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '2000');
    const step = (sheet: SheetDetail, action: 'submit' | 'approve' | 'return') => {
      const next = transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: sheet.version, action, opinion: action === 'return' ? '请核实完成值' : null });
      expect(countedNow(db, round.id), action).toEqual(reportedCounts(db, round.id));
      return next;
    };
    countedNow(db, round.id);
    const returned = step(step(saved, 'submit'), 'return');
    expect(returned.status).toBe('returned');
    expectCountedAgainAfter(db, round.id, () => reportSchoolRepair(db, returned, 128, '1300'));
    expectCountedAgainAfter(db, round.id, () => reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '2000'));
    expect(step(step(sheetOf('LT2020-002'), 'submit'), 'approve').status).toBe('approved');
  });

  it('are counted again after the budget system’s execution figures are imported from Excel', () => {
    const { db, round } = augustRound();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['项目编码', '项目名称', '资金来源', '1-8月执行数（万元）'],
        ['LT2020-001', '学生营养改善计划', '本级财政拨款', '150.5'],
        ['LT2020-002', '校舍维修改造', '', '128'],
      ]),
      '执行情况',
    );
    const file = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    const { before, after } = expectCountedAgainAfter(db, round.id, () => {
      expect(commitMonitoringImport(db, TEST_ACTOR, round.id, 'execution', '执行.xlsx', file).problems).toEqual([]);
    });
    expect(after.unreported).toBe(before.unreported - 2);
    expect(after.executedFen).toBe(before.executedFen + 278.5 * WAN);
  });

  it('are judged again when the bureau changes the indicator thresholds', () => {
    const { db, round, sheetOf } = augustRound();
    reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '1300'); // 65% of the expected 2000: yellow
    const { after } = expectCountedAgainAfter(db, round.id, () => updateSetting(db, TEST_ACTOR, 'monitoring.indicatorRedBelow', '70'));
    expect(after.lights).toMatchObject({ red: 1, yellow: 0 });
    expect(keptRounds(db)).toEqual([round.id]);
  });

  it('are the restored file’s own after a restore from a backup', () => {
    const { store, round, sheetOf } = augustRound();
    reportSchoolRepair(store.db, sheetOf('LT2020-002'), 128, '1300');
    const atBackup = countedNow(store.db, round.id);
    const backup = createBackup(store, TEST_ACTOR).path;
    reportSchoolRepair(store.db, sheetOf('LT2020-002'), 240, '2000');
    expect(countedNow(store.db, round.id)).not.toEqual(atBackup);
    const { store: restored } = restoreBackup(store, TEST_ACTOR, backup);
    try {
      expect(reportedCounts(restored.db, round.id)).toEqual(atBackup);
      expect(countedNow(restored.db, round.id)).toEqual(atBackup);
    } finally {
      closeDatabase(restored);
    }
  });
});

describe('a prefecture’s kept light counts', () => {
  function prefecture(dir: string): Store {
    const store = freshStore(path.join(dir, 'prefecture.db'));
    initInstallation(store.db, { regionCode: '652800', role: 'prefecture' });
    return store;
  }

  it('are counted by the package import that brought the round, and again by a later one that changed or deleted sheets', () => {
    const dir = tempDir();
    const { store: county, db, round, sheetOf } = augustRound();
    reportSchoolRepair(db, sheetOf('LT2020-002'), 128, '1300');
    const first = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'all', full: true, out: path.join(dir, 'first.zip') }).file;
    const pref = prefecture(dir);

    importPackage(pref, TEST_ACTOR, first, { dryRun: true, trust: true });
    expect(keptRounds(pref.db), 'a dry run keeps nothing').toEqual([]);
    importPackage(pref, TEST_ACTOR, first, { dryRun: false, trust: true });
    expect(keptRounds(pref.db), 'kept by the import itself').toEqual([round.id]);
    const kept = countedNow(pref.db, round.id);
    expect(kept).toEqual(reportedCounts(db, round.id));
    expect(kept).toEqual(reportedCounts(pref.db, round.id));

    // The county fills another sheet and withdraws one (a tombstone travels as a deletion).
    reportSchoolRepair(db, sheetOf('LT2020-002'), 240, '2000');
    const withdrawn = sheetOf('LT2020-001');
    sqliteOf(db)
      .prepare("UPDATE monitoring_sheets SET deleted = 1, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
      .run(withdrawn.id);
    const second = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'all', full: false, out: path.join(dir, 'second.zip') }).file;
    const summary = importPackage(pref, TEST_ACTOR, second, { dryRun: false, trust: true });
    expect(summary.records.filter((r) => r.entity === 'monitoring-sheet').map((r) => r.action).sort()).toEqual(expect.arrayContaining(['deleted', 'updated']));
    const now = reportedCounts(db, round.id);
    expect(now).not.toEqual(kept);
    expect(keptRounds(pref.db)).toEqual([round.id]);
    expect(countedNow(pref.db, round.id)).toEqual(now);
    expect(reportedCounts(pref.db, round.id)).toEqual(now);
  });
});

/** The production sources below `folder`, relative to the app's root. */
function sources(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(appRoot(), dir), { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name) && !/\.(test|bench)\.ts$/.test(entry.name) && !file.includes('/testSupport/')) found.push(file);
    }
  };
  walk(folder);
  return found.sort();
}

describe('the writers of a sheet’s funds and indicators', () => {
  it('are the ones known to write the sheet with them: the triggers stand on the sheet alone', () => {
    // Each gives the sheet a new version (or inserts it) in the same transaction: the sheet form and the xlsx
    // import (sheets.ts), opening a round (rounds.ts) and the sample's generator (demo/monitoring.ts). The
    // exchange engine writes them by their declaration, and the import counts the rounds it wrote again. A new
    // writer must do the same, and be added here.
    const writes = /\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+monitoring_(?:funds|indicators)\b|\.(?:insert|update|delete)\(monitoring(?:Funds|Indicators)\)/;
    const writers = sources('electron').filter((file) => writes.test(fs.readFileSync(path.join(appRoot(), file), 'utf8')));
    expect(writers).toEqual(['electron/demo/monitoring.ts', 'electron/monitoring/rounds.ts', 'electron/monitoring/sheets.ts']);
  });
});
