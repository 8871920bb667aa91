// The results list travels to the prefecture in its own stage (结果应用) with its proposals, the budget
// section's decisions and the projects they name; a forged proposal on another county's project is refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { prefectureStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';
import { countyWithResults, WAN } from '../testSupport/results';
import { generateResults, recordDecision } from './proposals';

function decidedCounty() {
  const county = countyWithResults();
  const view = generateResults(county.db, county.office, { year: 2020, replace: false });
  recordDecision(county.db, county.clerk, { id: view.lines.find((l) => l.projectCode === 'LT-03')!.id, decision: 'partly', amountFen: 95 * WAN, reason: '保留续建部分' });
  return county;
}

describe('the results list in exchange packages', () => {
  it('exports the 结果应用 stage (results) at the county and imports it at the prefecture with its proposals, decisions and projects', () => {
    const { store: county } = decidedCounty();
    const exported = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'results', full: true, out: path.join(tempDir(), 'results.zip') });
    const pref = prefectureStore();
    importPackage(pref, TEST_ACTOR, exported.file, { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT region_code, year FROM result_lists').all()).toEqual([{ region_code: '652822', year: 2020 }]);
    expect(pref.sqlite.prepare('SELECT project_code, measure, proposed_fen, decision, decided_fen FROM result_proposals ORDER BY seq').all()).toEqual([
      { project_code: 'LT-01', measure: 'priority', proposed_fen: 150 * WAN, decision: null, decided_fen: null },
      { project_code: 'LT-02', measure: 'asNeeded', proposed_fen: 50 * WAN, decision: null, decided_fen: null },
      { project_code: 'LT-03', measure: 'cut', proposed_fen: 90 * WAN, decision: 'partly', decided_fen: 95 * WAN },
      { project_code: 'LT-04', measure: 'cancel', proposed_fen: 0, decision: null, decided_fen: null },
      { project_code: 'LT-05', measure: 'rectifyFirst', proposed_fen: 30 * WAN, decision: null, decided_fen: null },
    ]);
    expect(pref.sqlite.prepare("SELECT count(*) AS n FROM projects WHERE year = 2020 AND code LIKE 'LT-0%'").get()).toEqual({ n: 6 });
  });

  it("refuses a forged list whose proposal names a project outside the county's year, writing nothing", () => {
    const { store: county } = decidedCounty();
    const exported = exportReport(county, TEST_ACTOR, { year: 2020, stage: 'results', full: true, out: path.join(tempDir(), 'results.zip') }).file;
    const pref = prefectureStore();
    const members = membersOf(exported);
    const lists = packageRecords(members, 'results-list');
    // LT-01's proposal hung on next year's project of the same code, which this package does not carry.
    const nextYear = county.sqlite.prepare("SELECT id FROM projects WHERE code = 'LT-01' AND year = 2021").get() as { id: string };
    lists[0]!.children['result_proposals']!.find((p) => p.project_code === 'LT-01')!.project_id = nextYear.id;
    setPackageRecords(members, 'results-list', lists);
    const forged = signedBy(county, members, { stage: 'results' });
    const before = dump(pref.sqlite);
    expect(() => importPackage(pref, TEST_ACTOR, forged, { dryRun: false, trust: true })).toThrow('的建议所针对的项目 LT-01 不是发送方本地区、本年度的项目');
    expect(dump(pref.sqlite)).toBe(before);
  });
});
