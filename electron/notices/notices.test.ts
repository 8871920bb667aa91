// 上级通知 with real packages: the prefecture's notice and its file reach the county in its reply, the
// county's read mark comes back up, and a county's package that rewrites a notice or brings one the
// prefecture never issued is refused, writing nothing.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { importPackage } from '../exchange/incoming';
import { exportReply, exportReport } from '../exchange/outgoing';
import { smallPdf, payload } from '../testSupport/attachments';
import { countyStore, prefectureStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';
import { issuedNotices, issueNotice, markNoticeRead, noticeFile, noticesFromAbove, unreadNotices } from './notices';

const YEAR = 2020;
const out = () => path.join(tempDir(), `${randomUUID()}.zip`);
const importInto = (store: Store, file: string, dryRun = false) => importPackage(store, TEST_ACTOR, file, { dryRun, trust: true });
const replyTo = (pref: Store) => exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'notices', full: false, out: out() }).file;
const reportOf = (county: Store) => exportReport(county, TEST_ACTOR, { year: YEAR, stage: 'notices', full: false, out: out() }).file;

function noticeReceived() {
  const pref = prefectureStore();
  const county = countyStore();
  const pdf = smallPdf('Monitoring plan');
  const issued = issueNotice(pref.db, TEST_ACTOR, {
    year: YEAR,
    title: '关于开展2020年8月绩效运行监控的通知',
    body: '请各县市于8月31日前报送监控表。',
    issuedOn: '2020-08-03',
    files: [payload('监控工作方案.pdf', pdf)],
  });
  importInto(county, replyTo(pref));
  return { pref, county, issued, pdf };
}

function expectRefused(store: Store, file: string, message: string) {
  const before = dump(store.sqlite);
  expect(() => importInto(store, file)).toThrow(message);
  expect(dump(store.sqlite)).toBe(before);
}

describe('上级通知 from the prefecture to its counties', () => {
  it('goes to every county with its file, and arrives at the county in its reply, unread, with the file downloadable', () => {
    const { pref, county, issued, pdf } = noticeReceived();
    expect(issued).toHaveLength(9);
    expect(issued.every((n) => n.files.length === 1 && n.files[0]!.name === '监控工作方案.pdf')).toBe(true);
    expect(issuedNotices(pref.db, YEAR)).toHaveLength(9);
    const [received] = noticesFromAbove(county.db, YEAR);
    expect(received).toMatchObject({ title: '关于开展2020年8月绩效运行监控的通知', issuedOn: '2020-08-03', readAt: null, from: '巴音郭楞蒙古自治州' });
    expect(Buffer.from(noticeFile(county.db, received!.files[0]!.id).dataBase64, 'base64').equals(pdf)).toBe(true);
    expect(unreadNotices(county.db)).toBe(1);
  });

  it("brings the county's read mark back up to the prefecture", () => {
    const { pref, county } = noticeReceived();
    const [received] = noticesFromAbove(county.db, YEAR);
    markNoticeRead(county.db, TEST_ACTOR, { id: received!.id, version: received!.version });
    expect(unreadNotices(county.db)).toBe(0);
    expect(importInto(pref, reportOf(county)).records.map((r) => [r.entity, r.action])).toEqual([['notice', 'updated']]);
    expect(issuedNotices(pref.db, YEAR).find((n) => n.county === '652822')).toMatchObject({ readBy: TEST_ACTOR.name });
  });

  it("refuses a county's package that rewrites the notice or brings one the prefecture never issued, writing nothing", () => {
    const { pref, county } = noticeReceived();
    const [received] = noticesFromAbove(county.db, YEAR);
    markNoticeRead(county.db, TEST_ACTOR, { id: received!.id, version: received!.version });
    const genuine = reportOf(county);
    const forged = (change: (record: ReturnType<typeof packageRecords>[number]) => void) => {
      const members = membersOf(genuine);
      const records = packageRecords(members, 'notice');
      change(records[0]!);
      setPackageRecords(members, 'notice', records);
      return signedBy(county, members, { stage: 'notices', sequence: 7 });
    };
    expectRefused(pref, forged((r) => (r.row.title = '关于暂停监控的通知')), '数据包内上级通知（652822/2020/1）由本机下发，对方只能填写答复（read_at、read_by），不能更改它的“title”，已拒绝整个数据包');
    expectRefused(
      pref,
      forged((r) => {
        r.id = randomUUID();
        r.row.seq = 2;
        r.children = {};
      }),
      '上级通知（652822/2020/2）不是本州下发的：县市的上报包只能带回本州下发给它的通知，已拒绝整个数据包',
    );
    expect(importInto(pref, genuine).counts).toMatchObject({ updated: 1, conflict: 0 });
  });

  it('is written only by a prefecture, with a title and a date in its year', () => {
    const draft = { year: YEAR, title: '通知', body: '', issuedOn: '2020-08-03', files: [] };
    expect(() => issueNotice(countyStore().db, TEST_ACTOR, draft)).toThrow('只有州级财政局向所辖县市下发通知');
    const pref = prefectureStore();
    expect(() => issueNotice(pref.db, TEST_ACTOR, { ...draft, title: ' ' })).toThrow('请填写通知标题');
    expect(() => issueNotice(pref.db, TEST_ACTOR, { ...draft, issuedOn: '2021-01-05' })).toThrow('发文日期 2021-01-05 不在 2020 年度内');
    expect(issueNotice(pref.db, TEST_ACTOR, { ...draft, counties: ['652822', '652823'] }).map((n) => n.county)).toEqual(['652822', '652823']);
  });
});
