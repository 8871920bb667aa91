// Bulk review decisions at the prefecture, with real packages both ways: many targets approved with one
// opinion in one call (one audit entry each), returns with an opinion each, nothing decided on what the
// county has not put forward, and the decisions reaching the county in the reply.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { importPackage } from '../exchange/incoming';
import { exportReply, exportReport } from '../exchange/outgoing';
import { seedCounty } from '../testSupport/county';
import { countyStore, prefectureStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { recordDecisions } from './decisions';
import { countyTargets, targetsDecidedAbove } from './reviewLists';

const YEAR = 2020;
const CODES = ['P001', 'P002', 'P003', 'P004'] as const;

/** 轮台县 with three targets it approved and one still a draft, reported to the prefecture. */
function reported() {
  const county = countyStore();
  seedCounty(county.db, {
    year: YEAR,
    units: [{ code: '101002', name: '轮台县第一中学' }],
    projects: CODES.map((code) => ({ code, name: `项目${code}`, unitCode: '101002', funds: [{ source: '本级财政拨款', initialFen: 1_000_000 }] })),
    targets: CODES.map((project) => ({ project, status: project === 'P004' ? 'draft' : 'approved' })),
  });
  const pref = prefectureStore();
  const out = () => path.join(tempDir(), `${randomUUID()}.zip`);
  importPackage(pref, TEST_ACTOR, exportReport(county, TEST_ACTOR, { year: YEAR, stage: 'targets', full: false, out: out() }).file, { dryRun: false, trust: true });
  const idOf = new Map(countyTargets(pref, '652822', YEAR).map((t) => [t.ownerCode, t.id]));
  const reply = () => exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'targets', full: false, out: out() }).file;
  return { county, pref, idOf, reply };
}

const decisionsAt = (store: Store) => store.sqlite.prepare('SELECT natural_key AS key, action, opinion FROM exchange_decisions ORDER BY natural_key').all();
const auditsAt = (store: Store) => store.sqlite.prepare("SELECT natural_key AS key, opinion FROM audit_log WHERE action = '州级审核通过（待发送）' ORDER BY natural_key").all();

describe('bulk review decisions at the prefecture', () => {
  it('approves three submitted targets with one opinion in one call, one audit entry each, and the county sees them decided', () => {
    const { county, pref, idOf, reply } = reported();
    const three = ['P001', 'P002', 'P003'].map((code) => ({ entity: 'target', recordId: idOf.get(code)!, action: 'approve' as const, opinion: '同意，按计划实施' }));
    expect(recordDecisions(pref, TEST_ACTOR, three)).toHaveLength(3);
    const keys = ['P001', 'P002', 'P003'].map((code) => `652822/2020/project/${code}`);
    expect(decisionsAt(pref)).toEqual(keys.map((key) => ({ key, action: 'approve', opinion: '同意，按计划实施' })));
    expect(auditsAt(pref)).toEqual(keys.map((key) => ({ key, opinion: '同意，按计划实施' })));

    const summary = importPackage(county, TEST_ACTOR, reply(), { dryRun: false, trust: true });
    expect(summary.decisions).toBe(3);
    expect(targetsDecidedAbove(county, YEAR).map((t) => [t.ownerCode, t.status, t.aboveDecision.action, t.aboveDecision.opinion])).toEqual([
      ['P001', 'approved', 'approve', '同意，按计划实施'],
      ['P002', 'approved', 'approve', '同意，按计划实施'],
      ['P003', 'approved', 'approve', '同意，按计划实施'],
    ]);
  });

  it("refuses the whole call when one target is the county's draft, naming it, and writes no decision", () => {
    const { pref, idOf } = reported();
    const withDraft = ['P001', 'P004'].map((code) => ({ entity: 'target', recordId: idOf.get(code)!, action: 'approve' as const, opinion: '' }));
    expect(() => recordDecisions(pref, TEST_ACTOR, withDraft)).toThrow('绩效目标（652822/2020/project/P004）：下级的状态是“草稿”，尚未送审，不能审核；请等下级送审后再报来');
    expect(decisionsAt(pref)).toEqual([]);
    expect(auditsAt(pref)).toEqual([]);
  });

  it('needs an opinion for every return, and takes returns with their own opinions', () => {
    const { county, pref, idOf, reply } = reported();
    const returns = (opinions: string[]) => ['P001', 'P002'].map((code, i) => ({ entity: 'target', recordId: idOf.get(code)!, action: 'return' as const, opinion: opinions[i]! }));
    expect(() => recordDecisions(pref, TEST_ACTOR, returns(['指标偏低', ' ']))).toThrow('退回时必须填写审核意见：请为每一项退回的记录填写意见');
    expect(decisionsAt(pref)).toEqual([]);
    recordDecisions(pref, TEST_ACTOR, returns(['指标偏低', '缺少满意度指标']));
    importPackage(county, TEST_ACTOR, reply(), { dryRun: false, trust: true });
    expect(targetsDecidedAbove(county, YEAR).map((t) => [t.ownerCode, t.status, t.aboveDecision.opinion])).toEqual([
      ['P001', 'returned', '指标偏低'],
      ['P002', 'returned', '缺少满意度指标'],
    ]);
  });
});
