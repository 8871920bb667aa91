import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { generateDemoCounty } from '../demo/generate';
import type { Light } from '../domain/monitoring';
import { listSheets } from '../monitoring';
import { listRounds } from '../monitoring/rounds';
import { updateSettings } from '../settings/settings';
import { runCli } from '../testSupport/cli';
import { countyStore, sampleCountyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { seedFundCounty } from '../testSupport/funds';
import { addPayment, createDocument, deleteDocument, deletePayment, saveProjectDetails, updateDocument } from './records';
import { fundProjectView, fundsOverview } from './summary';

const WAN = 1_000_000;
const payment = (projectId: string, over: Partial<Parameters<typeof addPayment>[2]> = {}) => ({
  projectId,
  documentId: null,
  paidOn: '2020-05-20',
  amount: '10',
  payeeType: '合作社',
  voucher: 'PZ-001',
  note: '',
  ...over,
});
const details = (projectId: string, category: '产业' | '基础设施' | null, version = 0) => ({
  projectId,
  version,
  category,
  households: 30,
  people: 120,
  povertyHouseholds: 12,
  povertyPeople: 50,
  monitoredHouseholds: 3,
  monitoredPeople: 11,
});

describe('衔接资金 records', () => {
  it('records a document with its allocation and refuses the same 文号 twice, an allocation above the amount and a project without the flag', () => {
    const { db } = countyStore();
    const county = seedFundCounty(db);
    expect(county.document.allocations.map((a) => [a.projectCode, a.amountFen])).toEqual([
      ['XC2020-001', 60 * WAN],
      ['XC2020-002', 40 * WAN],
    ]);
    const again = { year: 2020, docNumber: '新财农〔2020〕8号', level: '县', issuedOn: '2020-04-01', amount: '5', allocations: [] };
    expect(() => createDocument(db, TEST_ACTOR, again)).toThrow('2020 年已登记文号为“新财农〔2020〕8号”的资金文件，请勿重复登记；如需修改请在列表中编辑该文件');
    const other = { ...again, docNumber: '轮财农〔2020〕3号' };
    expect(() => createDocument(db, TEST_ACTOR, { ...other, allocations: [{ projectId: county.road, amount: '6' }] })).toThrow('分配到项目的资金合计 6.0000 万元 超过文件金额 5.0000 万元，请核对');
    expect(() => createDocument(db, TEST_ACTOR, { ...other, allocations: [{ projectId: county.ordinary, amount: '1' }] })).toThrow('项目“农业技术推广”（XC2020-003）未标记为衔接资金项目，请先在“单位与项目”中编辑该项目并勾选“衔接资金”');
    expect(() => createDocument(db, TEST_ACTOR, { ...other, issuedOn: '2021-01-01' })).toThrow('发文日期 2021-01-01 不在 2020 年内');
    expect(listAudit(db, { entity: 'fund-document', limit: 5 }).map((a) => a.action)).toEqual(['登记资金文件']);
  });

  it('changes a document’s amount and allocation, refusing a stale version', () => {
    const { db } = countyStore();
    const { document, industry } = seedFundCounty(db);
    const input = { year: 2020, docNumber: document.docNumber, level: '中央', issuedOn: '2020-03-10', amount: '120', allocations: [{ projectId: industry, amount: '120' }] };
    const changed = updateDocument(db, TEST_ACTOR, { ...input, id: document.id, version: document.version });
    expect([changed.amountFen, changed.allocations.length, changed.version]).toEqual([120 * WAN, 1, 2]);
    expect(() => updateDocument(db, TEST_ACTOR, { ...input, id: document.id, version: 1 })).toThrow('该资金文件已被他人修改，请刷新后重新编辑');
  });

  it('records payments, refuses a voucher twice for one project, and warns a payment beyond the allocation', () => {
    const { db } = countyStore();
    const { road, industry, ordinary, document } = seedFundCounty(db);
    expect(addPayment(db, TEST_ACTOR, payment(road, { amount: '30', documentId: document.id })).warning).toBeNull();
    expect(() => addPayment(db, TEST_ACTOR, payment(road, { amount: '1' }))).toThrow('凭证号“PZ-001”已登记在项目“村道硬化项目”的支付记录中，同一凭证不能重复登记');
    // Another project may carry the same voucher number: vouchers are unique per project.
    expect(addPayment(db, TEST_ACTOR, payment(industry)).payment.voucher).toBe('PZ-001');
    const beyond = addPayment(db, TEST_ACTOR, payment(road, { amount: '10.5', voucher: 'PZ-002' }));
    expect(beyond.warning).toBe('累计支付 40.5000 万元 超过该项目已分配的衔接资金 40.0000 万元，请核对资金文件的分配或支付金额');
    expect(() => addPayment(db, TEST_ACTOR, payment(road, { paidOn: '2021-01-03', voucher: 'PZ-003' }))).toThrow('支付日期 2021-01-03 不在 2020 年内');
    expect(() => addPayment(db, TEST_ACTOR, payment(ordinary))).toThrow(/未标记为衔接资金项目/);
    expect(listAudit(db, { entity: 'fund-payment', limit: 10 })).toHaveLength(3);
  });

  it('saves the category and beneficiaries, refusing an 其中 above its whole and a stale version', () => {
    const { db } = countyStore();
    const { industry } = seedFundCounty(db);
    const saved = saveProjectDetails(db, TEST_ACTOR, details(industry, '产业'));
    expect(saved).toMatchObject({ version: 1, category: '产业', povertyHouseholds: 12 });
    expect(() => saveProjectDetails(db, TEST_ACTOR, { ...details(industry, '产业', 1), povertyPeople: 121 })).toThrow('其中脱贫户人数（121）不能多于受益人数（120）');
    expect(() => saveProjectDetails(db, TEST_ACTOR, details(industry, '基础设施', 0))).toThrow(/已被他人修改/);
    expect(saveProjectDetails(db, TEST_ACTOR, details(industry, '基础设施', 1)).version).toBe(2);
  });
});

describe('衔接资金 county view and loop', () => {
  it('sums allocated and paid by document and level, and judges the industry share against the aim', () => {
    const { db } = countyStore();
    const { industry, road, document } = seedFundCounty(db);
    saveProjectDetails(db, TEST_ACTOR, details(industry, '产业'));
    saveProjectDetails(db, TEST_ACTOR, details(road, '基础设施'));
    addPayment(db, TEST_ACTOR, payment(industry, { amount: '45', documentId: document.id }));
    addPayment(db, TEST_ACTOR, payment(road, { amount: '4' }));
    const o = fundsOverview(db, 2020, '2020-08-15');
    expect(o.documents.map((d) => [d.docNumber, d.amountFen, d.allocatedFen, d.paidFen])).toEqual([['新财农〔2020〕8号', 100 * WAN, 100 * WAN, 45 * WAN]]);
    expect(o.levels).toEqual([{ level: '中央', amountFen: 100 * WAN, allocatedFen: 100 * WAN, paidFen: 45 * WAN }]);
    expect(o.unattributedPaidFen).toBe(4 * WAN);
    expect(o.totals).toEqual({ allocatedFen: 100 * WAN, paidFen: 49 * WAN, progress: '49.00' });
    expect(o.industry).toEqual({ industryFen: 60 * WAN, totalFen: 100 * WAN, share: '60.00', aim: '60.00', verdict: 'met' });
    expect(o.timeProgress).toBe('66.67');
    expect(o.projects.map((p) => [p.code, p.progress, p.behind])).toEqual([
      ['XC2020-001', '75.00', false],
      ['XC2020-002', '10.00', true],
    ]);
    updateSettings(db, TEST_ACTOR, [{ key: 'poverty.industryShareMin', value: '65' }]);
    expect(fundsOverview(db, 2020, '2020-08-15').industry.verdict).toBe('below');
  });

  it('shows a project’s four stages from its target, rounds, self-evaluation and payments', () => {
    const { db } = countyStore();
    const { industry, road } = seedFundCounty(db);
    const view = fundProjectView(db, industry, '2020-08-15');
    expect(view.row.stages.map((s) => s.detail)).toEqual(['绩效目标已批复', '尚无监控填报', '尚未自评', '支出进度 0.00%，落后于序时进度']);
    expect(view.row.links).toEqual({ targetProjectId: industry, monitoringSheetId: null, selfEvaluationId: null });
    expect(view.documents.map((d) => d.allocatedFen)).toEqual([60 * WAN]);
    expect(fundProjectView(db, road, '2020-08-15').row.stages[0]!.detail).toBe('尚未填报绩效目标');
  });
});

describe('jixiao funds summary', () => {
  it('prints the year’s figures as exact decimal strings with --json, and refuses a missing year', async () => {
    const store = countyStore();
    const { industry, road } = seedFundCounty(store.db);
    saveProjectDetails(store.db, TEST_ACTOR, details(industry, '产业'));
    addPayment(store.db, TEST_ACTOR, payment(industry, { amount: '12.3456' }));
    addPayment(store.db, TEST_ACTOR, payment(road, { amount: '40' }));
    const run = await runCli('funds', 'summary', '--year', '2020', '--json', '--db', store.path);
    expect(run.err).toBe('');
    const summary = JSON.parse(run.out);
    expect(summary).toMatchObject({
      year: 2020,
      allocatedByLevel: { 中央: '100' },
      allocated: '100',
      paid: '52.3456',
      spendingProgress: '52.35',
      industryAllocated: '60',
      industryShare: '60.00',
      industryAim: '60.00',
      industryVerdict: 'met',
    });
    const text = await runCli('funds', 'summary', '--year', '2020', '--db', store.path);
    expect(text.out).toContain('产业项目 60 万元，占比 60.00%（要求不低于 60.00%）：达到政策要求');
    const missing = await runCli('funds', 'summary', '--db', store.path);
    expect([missing.code, missing.err]).toEqual([expect.any(Number), expect.stringContaining('缺少 --year')]);
    expect(missing.code).not.toBe(0);
  });
});

describe('deleting 衔接资金 records', () => {
  it('deletes a payment, which then counts for nothing, and lets its voucher be recorded again on the same record', () => {
    const { db, sqlite } = countyStore();
    const county = seedFundCounty(db);
    const first = addPayment(db, TEST_ACTOR, payment(county.road, { amount: '10' })).payment;
    deletePayment(db, TEST_ACTOR, { id: first.id });
    expect(fundProjectView(db, county.road).row.paidFen).toBe(0);
    expect(() => deletePayment(db, TEST_ACTOR, { id: first.id })).toThrow('该支付记录不存在或已删除，请刷新后重试');
    const again = addPayment(db, TEST_ACTOR, payment(county.road, { amount: '12' })).payment;
    expect(again.id).toBe(first.id);
    expect(fundProjectView(db, county.road).payments.map((p) => [p.voucher, p.amountFen])).toEqual([['PZ-001', 12 * WAN]]);
    expect(sqlite.prepare('SELECT count(*) AS n, max(version) AS version FROM fund_payments').get()).toEqual({ n: 1, version: 3 });
    expect(listAudit(db, { entity: 'fund-payment', limit: 5 }).map((a) => a.action)).toEqual(['登记资金支付', '删除资金支付', '登记资金支付']);
  });

  it('refuses to delete a document payments draw on, deletes it once they are gone, and registers its 文号 again', () => {
    const { db } = countyStore();
    const county = seedFundCounty(db);
    const paid = addPayment(db, TEST_ACTOR, payment(county.road, { documentId: county.document.id })).payment;
    expect(() => deleteDocument(db, TEST_ACTOR, { id: county.document.id, version: county.document.version })).toThrow('资金文件“新财农〔2020〕8号”已有 1 笔支付记录注明依据该文件，不能删除；请先删除这些支付记录，或确认文件无误后保留');
    expect(() => deleteDocument(db, TEST_ACTOR, { id: county.document.id, version: county.document.version + 1 })).toThrow('该资金文件已被他人修改，请刷新后重试');
    deletePayment(db, TEST_ACTOR, { id: paid.id });
    deleteDocument(db, TEST_ACTOR, { id: county.document.id, version: county.document.version });
    expect(fundsOverview(db, 2020).documents).toEqual([]);
    expect(fundProjectView(db, county.road).row.allocatedFen).toBe(0);
    const again = createDocument(db, TEST_ACTOR, { year: 2020, docNumber: '新财农〔2020〕8号', level: '中央', issuedOn: '2020-03-10', amount: '50', allocations: [{ projectId: county.road, amount: '50' }] });
    expect(again).toMatchObject({ id: county.document.id, amountFen: 50 * WAN, allocations: [{ projectId: county.road, amountFen: 50 * WAN }] });
    expect(listAudit(db, { entity: 'fund-document', limit: 5 }).map((a) => a.action)).toEqual(['登记资金文件', '删除资金文件', '登记资金文件']);
  });

  it('shows the project’s open notices in its loop, and none once passed', () => {
    const { db, sqlite } = countyStore();
    const county = seedFundCounty(db);
    sqlite
      .prepare("INSERT INTO rectifications (id, region_code, year, seq, source, project_id, unit_code, problems, deadline, status) VALUES ('n1', '652822', 2020, 3, 'monitoring', ?, '201002', '执行进度滞后', '2020-10-31', 'issued')")
      .run(county.road);
    expect(fundProjectView(db, county.road).openNotices).toEqual([{ id: 'n1', seq: 3, status: 'issued', number: '〔2020〕3号', deadline: '2020-10-31' }]);
    expect(fundProjectView(db, county.industry).openNotices).toEqual([]);
    sqlite.prepare("UPDATE rectifications SET status = 'passed'").run();
    expect(fundProjectView(db, county.road).openNotices).toEqual([]);
  });
});

describe('衔接资金 county view over the sample county', () => {
  it('links each fund project to the sheet of the latest round that reported on it, with that sheet’s light, as the rounds’ own lists show', () => {
    const { db } = sampleCountyStore();
    generateDemoCounty(db, TEST_ACTOR, { year: 2020 });
    const expected = new Map<string, { sheetId: string; month: number; light: Light }>();
    // Newest round first: a project's first reported sheet met is its latest.
    for (const round of listRounds(db, 2020)) {
      for (const sheet of listSheets(db, round.id)) if (sheet.reported && !expected.has(sheet.projectId)) expected.set(sheet.projectId, { sheetId: sheet.id, month: round.month, light: sheet.attention });
    }
    const overview = fundsOverview(db, 2020, '2020-12-20');
    const watched = overview.projects.filter((p) => p.links.monitoringSheetId !== null);
    expect(watched.length).toBeGreaterThan(0);
    for (const row of overview.projects) expect(row.links.monitoringSheetId).toBe(expected.get(row.id)?.sheetId ?? null);
    for (const row of watched) {
      const { month, light } = expected.get(row.id)!;
      expect(row.stages[1]!.detail.startsWith(`${month}月监控`)).toBe(true);
      expect(row.stages[1]!.state).toBe(light === 'red' || light === 'yellow' ? 'attention' : 'done');
    }
  });
});
