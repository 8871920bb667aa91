// 衔接资金 travels to the prefecture in its own stage: documents with their allocation, each project's
// category and beneficiaries, and its payments, with the projects they name. A forged package naming a
// project that is not one of the county's 衔接资金 projects, in a record or in an allocation row, is refused whole.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../exchange/incoming';
import { exportReport } from '../exchange/outgoing';
import { initInstallation } from '../registry/setup';
import { countyStore, freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';
import { seedFundCounty } from '../testSupport/funds';
import { addPayment, saveProjectDetails } from './records';

function fundCounty() {
  const county = countyStore();
  const seeded = seedFundCounty(county.db);
  saveProjectDetails(county.db, TEST_ACTOR, { projectId: seeded.industry, version: 0, category: '产业', households: 30, people: 120, povertyHouseholds: 12, povertyPeople: 50, monitoredHouseholds: 3, monitoredPeople: 11 });
  addPayment(county.db, TEST_ACTOR, { projectId: seeded.industry, documentId: seeded.document.id, paidOn: '2020-05-20', amount: '10', payeeType: '合作社', voucher: 'PZ-001', note: '' });
  return { county, ...seeded };
}

function prefecture() {
  const store = freshStore(path.join(tempDir(), 'prefecture.db'));
  initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  return store;
}

const exportFunds = (county: ReturnType<typeof countyStore>) => exportReport(county, TEST_ACTOR, { year: 2020, stage: 'funds', full: true, out: path.join(tempDir(), 'funds.zip') }).file;

describe('衔接资金 in exchange packages', () => {
  it('carries documents, allocations, categories and payments with their projects to the prefecture', () => {
    const { county } = fundCounty();
    const pref = prefecture();
    importPackage(pref, TEST_ACTOR, exportFunds(county), { dryRun: false, trust: true });
    expect(pref.sqlite.prepare('SELECT doc_number, level, amount_fen FROM fund_documents').all()).toEqual([{ doc_number: '新财农〔2020〕8号', level: '中央', amount_fen: 100_000_000 }]);
    expect(pref.sqlite.prepare('SELECT p.code, a.amount_fen FROM fund_allocations a JOIN projects p ON p.id = a.project_id ORDER BY p.code').all()).toEqual([
      { code: 'XC2020-001', amount_fen: 60_000_000 },
      { code: 'XC2020-002', amount_fen: 40_000_000 },
    ]);
    expect(pref.sqlite.prepare('SELECT category, poverty_households FROM fund_projects').all()).toEqual([{ category: '产业', poverty_households: 12 }]);
    expect(pref.sqlite.prepare('SELECT voucher, amount_fen FROM fund_payments').all()).toEqual([{ voucher: 'PZ-001', amount_fen: 10_000_000 }]);
  });

  it('refuses a forged package whose payment or allocation names a project outside the county’s 衔接资金 projects, writing nothing', () => {
    const { county, ordinary } = fundCounty();
    const exported = exportFunds(county);
    const pref = prefecture();
    const before = dump(pref.sqlite);
    const forged = (entity: string, change: (record: ReturnType<typeof packageRecords>[number]) => void) => {
      const members = membersOf(exported);
      const records = packageRecords(members, entity);
      change(records[0]!);
      setPackageRecords(members, entity, records);
      return signedBy(county, members, { stage: 'funds' });
    };
    const refusedWith = (file: string) => {
      try {
        importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true });
      } catch (error) {
        return (error as Error).message;
      }
      return 'imported';
    };
    expect(refusedWith(forged('fund-payment', (r) => void (r.row.project_id = ordinary)))).toMatch(/不是发送方本地区、本年度（单位上报时为本单位）的衔接资金项目，已拒绝整个数据包$/);
    expect(refusedWith(forged('fund-document', (r) => void (r.children.fund_allocations![0]!.project_id = ordinary)))).toMatch(/的资金分配指向项目 .+，它不是发送方本地区、本年度的衔接资金项目，已拒绝整个数据包$/);
    // A project of the package that does not carry the fund flag cannot carry fund records either.
    const unflagged = (r: ReturnType<typeof packageRecords>[number]) => void (r.row.code === 'XC2020-001' && (r.row.poverty_fund = 0));
    const members = membersOf(exported);
    const projectRecords = packageRecords(members, 'project');
    projectRecords.forEach(unflagged);
    setPackageRecords(members, 'project', projectRecords);
    expect(refusedWith(signedBy(county, members, { stage: 'funds' }))).toMatch(/XC2020-001“庭院经济发展项目”.*不是发送方本地区、本年度.*的衔接资金项目，已拒绝整个数据包$/);
    expect(dump(pref.sqlite)).toBe(before);
    expect(refusedWith(exported)).toBe('imported');
  });

  it('refuses 衔接资金 in a budget unit’s package, even for the unit’s own project, writing nothing', () => {
    const { county } = fundCounty();
    const unit = freshStore(path.join(tempDir(), 'unit.db'));
    initInstallation(unit.db, { regionCode: '652822', role: 'unit', operatorName: '王站长', unit: { code: '201002', name: '轮台县乡村振兴服务中心' } });
    // The county's own funds records, signed by one of its units as if that unit had paid them.
    const members = membersOf(exportFunds(county));
    // Only what a unit could claim as its own: its project's category and payments (no unit register, no
    // document of the bureau's), so the funds records themselves are in question.
    members.delete('data/unit.json');
    members.delete('data/fund-document.json');
    setPackageRecords(members, 'fund-payment', packageRecords(members, 'fund-payment').map((r) => ({ ...r, row: { ...r.row, document_id: null } })));
    const forged = signedBy(unit, members, { kind: 'unit-report', sender: { region: '652822', unit: '201002', name: '轮台县乡村振兴服务中心', role: 'unit' }, receiver: { region: '652822', name: '轮台县' }, stage: 'funds', sequence: 1 });
    const receiver = fundCounty().county;
    const before = dump(receiver.sqlite);
    expect(() => importPackage(receiver, TEST_ACTOR, forged, { dryRun: false, trust: true })).toThrow(/单位上报包不能包含衔接资金/);
    expect(dump(receiver.sqlite)).toBe(before);
  });
});
