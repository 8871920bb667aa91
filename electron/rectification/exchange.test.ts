// The stage 整改 on real packages: a notice goes up with its feedback rounds, the files of each round and
// its 问责 measures; a forged file or a round hung on another notice refuses the package whole.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../exchange/incoming';
import { initInstallation } from '../registry/setup';
import { freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { countyWithEvaluations, exportStage, prefectureStore, seedNotices } from '../testSupport/evaluationExchange';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';

describe('rectification notices in exchange packages', () => {
  it('carry every feedback round with its verdict, the files of each round and the 问责 measures to the prefecture', () => {
    const { county, projectIds } = countyWithEvaluations();
    const seeded = seedNotices(county.sqlite, projectIds);
    const pref = prefectureStore();
    importPackage(pref, TEST_ACTOR, exportStage(county, 'rectification'), { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT seq, status, return_count FROM rectifications ORDER BY seq').all()).toEqual([
      { seq: 1, status: 'passed', return_count: 1 },
      { seq: 2, status: 'returned', return_count: 1 },
      { seq: 3, status: 'issued', return_count: 0 },
    ]);
    expect(pref.sqlite.prepare('SELECT r.seq, x.round, x.verdict, x.verdict_opinion FROM rectification_rounds x JOIN rectifications r ON r.id = x.rectification_id ORDER BY r.seq, x.round').all()).toEqual([
      { seq: 1, round: 1, verdict: 'return', verdict_opinion: '缺少台账' },
      { seq: 1, round: 2, verdict: 'approve', verdict_opinion: '同意' },
      { seq: 2, round: 1, verdict: 'return', verdict_opinion: '仍未量化' },
    ]);
    expect(pref.sqlite.prepare("SELECT owner_id, name FROM attachments WHERE owner_kind = 'rectification.feedback'").all()).toEqual([{ owner_id: seeded.secondRound, name: '台账.pdf' }]);
    expect(pref.sqlite.prepare('SELECT measure, detail, taken_on FROM accountability_measures').all()).toEqual([{ measure: 'interview', detail: '约谈校长', taken_on: '2021-06-10' }]);
    expect(importPackage(pref, TEST_ACTOR, exportStage(county, 'rectification'), { dryRun: false, trust: true }).counts).toMatchObject({ created: 0, updated: 0, conflict: 0 });
  });

  it('refuses a forged round file or a round moved to another notice, writing nothing', () => {
    const { county, projectIds } = countyWithEvaluations();
    const seeded = seedNotices(county.sqlite, projectIds);
    const exported = exportStage(county, 'rectification');
    const pref = prefectureStore();
    const before = dump(pref.sqlite);
    const forged = (change: (records: ReturnType<typeof packageRecords>) => void) => {
      const members = membersOf(exported);
      const records = packageRecords(members, 'rectification');
      change(records);
      setPackageRecords(members, 'rectification', records);
      return signedBy(county, members, { stage: 'rectification' });
    };
    const attempt = (file: string) => {
      try {
        importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true });
        return 'imported';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const passed = (records: ReturnType<typeof packageRecords>) => records.find((r) => r.id === seeded.passed)!;
    const cut = forged((records) => {
      const file = passed(records).children.attachments![0]!;
      file.content = Buffer.from(String(file.content), 'base64').subarray(0, 40).toString('base64');
    });
    expect(attempt(cut)).toMatch(/整改通知（652822\/2020\/1）的反馈附件“台账\.pdf”的内容长度（40 字节）与声明的大小（\d+ 字节）不一致.*已拒绝整个数据包$/);
    // The overdue notice claims the passed one's approving round.
    const moved = forged((records) => {
      const round = passed(records).children.rectification_rounds!.find((r) => r.round === 2)!;
      records.find((r) => r.id === seeded.overdue)!.children.rectification_rounds!.push({ ...round, rectification_id: seeded.overdue });
    });
    expect(attempt(moved)).toMatch(/明细行.*在数据包内出现了不止一次/);
    const stolen = forged((records) => {
      const round = passed(records).children.rectification_rounds!.find((r) => r.round === 2)!;
      round.rectification_id = seeded.overdue;
    });
    expect(attempt(stolen)).toMatch(/整改通知（652822\/2020\/1）的明细行属于另一条记录/);
    expect(dump(pref.sqlite)).toBe(before);
    expect(attempt(exported)).toBe('imported');
  });

  it('refuses a budget unit’s package that carries a notice’s rounds, verdicts or measures: those are the county’s', () => {
    const { county, projectIds } = countyWithEvaluations();
    const seeded = seedNotices(county.sqlite, projectIds);
    const notice = packageRecords(membersOf(exportStage(county, 'rectification')), 'rectification').find((r) => r.id === seeded.passed)!;
    const unit = freshStore(path.join(tempDir(), 'unit.db'));
    initInstallation(unit.db, { regionCode: '652822', role: 'unit', operatorName: '王站长', unit: { code: '301002', name: '轮台县农村公路管理站' } });
    const sent = (children: Record<string, unknown[]>) =>
      signedBy(unit, new Map([['data/rectification.json', Buffer.from(JSON.stringify([{ ...notice, deleted: false, updatedAt: '2021-04-12T00:00:00.000Z', children }]))]]), {
        kind: 'unit-report',
        sender: { region: '652822', unit: '301002', name: '轮台县农村公路管理站', role: 'unit' },
        receiver: { region: '652822', name: '轮台县' },
        stage: 'rectification',
        sequence: 1,
      });
    const before = dump(county.sqlite);
    const attempt = (file: string) => {
      try {
        importPackage(county, TEST_ACTOR, file, { dryRun: false, trust: true });
        return 'imported';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(attempt(sent({ rectification_rounds: notice.children.rectification_rounds! }))).toMatch(/整改通知（652822\/2020\/1）带有本软件不认识的明细“rectification_rounds”，已拒绝整个数据包$/);
    expect(attempt(sent({ accountability_measures: [] }))).toMatch(/带有本软件不认识的明细“accountability_measures”/);
    expect(dump(county.sqlite)).toBe(before);
  });
});
