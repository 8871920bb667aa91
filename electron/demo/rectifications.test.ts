// The sample county's 整改问责 and 衔接资金 over a real sample database: notices from the monitoring rounds,
// a self-evaluation and a spot check; the overdue one on the 问责 list; the one returned and fixed with its
// two rounds and file; `jixiao rectification list --overdue` and `jixiao funds summary` on the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { units } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { fundsOverview, fundsSummary } from '../funds/summary';
import { downloadFeedbackAttachment } from '../rectification/files';
import { accountabilityList, listRectifications, rectificationDetail } from '../rectification/views';
import { runCli } from '../testSupport/cli';
import { copySampleCounty2020, freshStore, TEST_ACTOR } from '../testSupport/fixtures';
import { localDate } from '../domain/clock';
import type { DemoSummary } from './generate';

let sampleFile: string;
let summary: DemoSummary;
let store: Store;

// One sample made and kept in a folder of this file's own (test stores are removed after each test), each
// test reading it through its own connection.
beforeAll(() => {
  sampleFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-sample-')), '示例数据库.db');
  summary = copySampleCounty2020(sampleFile);
});
afterAll(() => fs.rmSync(path.dirname(sampleFile), { recursive: true, force: true }));
beforeEach(() => {
  store = freshStore(sampleFile);
});

const notices = () => listRectifications(store.db, TEST_ACTOR, { year: 2020 }).notices;
const bySource = (source: string) => notices().filter((n) => n.source === source);

describe('整改问责 of the sample county', () => {
  it('has notices from the monitoring rounds, a self-evaluation and a spot check, each naming its record', () => {
    expect(summary.rectifications).toEqual({ notices: 4, bySource: { monitoring: 2, 'self-evaluation': 1, 'spot-check': 1, 'department-evaluation': 0, 'finance-evaluation': 0 }, overdue: 1, measures: 1 });
    expect(notices().map((n) => n.number)).toEqual(['〔2020〕5号', '〔2020〕4号', '〔2020〕3号', '〔2020〕2号', '〔2020〕1号']);
    // The fifth is the one the sample's 财政评价 opened from its finding, after the year's other notices.
    expect(notices()[0]!.source).toBe('finance-evaluation');
    expect(bySource('monitoring').map((n) => n.sourceLabel.split(' · ')[0]).sort()).toEqual(['2020年11月绩效运行监控', '2020年8月绩效运行监控']);
    expect(bySource('self-evaluation')[0]!.sourceLabel).toMatch(/^2020年度自评 · /);
    expect(bySource('spot-check')[0]!.sourceLabel).toMatch(/^2020年度自评抽查 · .*（自评 [\d.]+ 分，复核 [\d.]+ 分）$/);
    // Each notice is on a project of its own: no project carries two of the sample's open problems.
    expect(new Set(notices().map((n) => n.projectId)).size).toBe(notices().length);
  });

  it('puts the August notice past its deadline on the 问责 list with no measure yet, dated on the sample’s calendar', () => {
    const overdue = listRectifications(store.db, TEST_ACTOR, { year: 2020, overdue: true }).notices;
    expect(overdue.map((n) => [n.sourceLabel.split(' · ')[0], n.status, n.deadline, n.createdAt.slice(0, 10), n.issuedAt?.slice(0, 10)])).toEqual([['2020年8月绩效运行监控', 'issued', '2020-10-31', '2020-09-05', '2020-09-05']]);
    const listed = accountabilityList(store.db, TEST_ACTOR, { year: 2020 });
    const late = listed.find((n) => n.id === overdue[0]!.id)!;
    expect(late.reasons).toEqual([`逾期 ${overdue[0]!.daysOverdue} 天未通过`]);
    expect(late.daysOverdue).toBeGreaterThan(365);
    expect(late.measures).toEqual([]);
  });

  it('keeps the self-evaluation notice’s two rounds: the first with its photo returned, the second passed, both entered by the bureau for the unit', () => {
    const fixed = bySource('self-evaluation')[0]!;
    expect(fixed).toMatchObject({ status: 'passed', returnCount: 1, deadlineState: 'done' });
    const detail = rectificationDetail(store.db, TEST_ACTOR, fixed.id);
    expect(detail.rounds.map((r) => [r.round, r.verdict, r.verdictOpinion, r.onBehalf, r.attachments.map((a) => a.name)])).toEqual([
      [1, 'return', '未附验收报告全文，请补充后重新报送', true, ['验收单.png']],
      [2, 'approve', '整改到位', true, []],
    ]);
    const photo = downloadFeedbackAttachment(store.db, TEST_ACTOR, { attachmentId: detail.rounds[0]!.attachments[0]!.id });
    expect(Buffer.from(photo.dataBase64, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('lists the spot-check notice returned twice with the 通报 recorded, and leaves the November one waiting at a 主管部门', () => {
    const repeated = bySource('spot-check')[0]!;
    expect(repeated).toMatchObject({ status: 'answered', holder: 'bureau', returnCount: 2, deadlineState: 'open' });
    const item = accountabilityList(store.db, TEST_ACTOR, { year: 2020 }).find((n) => n.id === repeated.id)!;
    expect(item.reasons).toEqual(['整改反馈被退回 2 次']);
    expect(item.measures.map((m) => [m.measure, m.takenOn, m.recordedBy])).toEqual([['circular', '2020-12-15', '示例审核人']]);

    const waiting = bySource('monitoring').find((n) => n.sourceLabel.startsWith('2020年11月'))!;
    expect(waiting).toMatchObject({ status: 'issued', holder: 'unit', daysOverdue: 0 });
    expect(waiting.deadline > localDate()).toBe(true);
    expect(store.db.select({ isDepartment: units.isDepartment }).from(units).where(eq(units.code, waiting.unitCode)).get()?.isDepartment).toBe(true);
  });

  it('answers `jixiao rectification list --overdue` and `jixiao funds summary` from the sample file', async () => {
    // The CLI reads the file beside this open connection, as it does beside the running app.
    const file = store.path;
    const expectedFunds = fundsSummary(fundsOverview(store.db, 2020));
    const overdue = await runCli('--db', file, 'rectification', 'list', '--year', '2020', '--overdue', '--json');
    expect(overdue.code).toBe(0);
    expect((JSON.parse(overdue.out) as { number: string; source: string; status: string; daysOverdue: number }[]).map((n) => [n.number, n.source, n.status, n.daysOverdue > 365])).toEqual([['〔2020〕1号', 'monitoring', 'issued', true]]);

    const funds = await runCli('--db', file, 'funds', 'summary', '--year', '2020', '--json');
    expect(funds.code).toBe(0);
    const s = JSON.parse(funds.out) as typeof expectedFunds;
    expect(s).toEqual(expectedFunds);
    expect(Object.keys(s.allocatedByLevel)).toEqual(['中央', '县']);
    for (const amount of [...Object.values(s.allocatedByLevel), s.allocated, s.paid, s.industryAllocated]) expect(amount).toMatch(/^\d+(\.\d{1,4})?$/);
    expect(s.industryShare).toMatch(/^\d+\.\d{2}$/);
    expect(s.spendingProgress).toMatch(/^\d+\.\d{2}$/);
    expect(s.projectsBehind.length).toBeGreaterThan(0);
    expect(s.projectsBehind.every((p) => Number(p.progress) < Number(s.timeProgress))).toBe(true);
  });
});
