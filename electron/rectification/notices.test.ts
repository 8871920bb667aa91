import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { countyStore, daysFromToday, TEST_ACTOR } from '../testSupport/fixtures';
import { issueRectification, latestNotices, openRectification, type NoticeSource } from './notices';

/** A record of some workflow that opens notices, as that workflow would describe it. */
const sourceRecord = (sourceId: string, year = 2020): NoticeSource => ({
  source: 'monitoring',
  sourceId,
  label: `2020年8月监控 · ${sourceId}`,
  regionCode: '652822',
  year,
  projectId: null,
  unitCode: '101002',
  subject: '校舍维修改造',
  occasion: '本轮',
  audit: { round: '2020年8月绩效运行监控' },
});
const text = { problems: '执行进度滞后', requirements: '', deadline: daysFromToday(30) };

describe('rectification notices', () => {
  it('numbers notices per region and year whatever opened them, and keeps the source in the audit log', () => {
    const { db } = countyStore();
    const first = openRectification(db, TEST_ACTOR, text, () => sourceRecord('sheet-a'));
    const second = openRectification(db, TEST_ACTOR, text, () => sourceRecord('sheet-b'));
    const nextYear = openRectification(db, TEST_ACTOR, text, () => sourceRecord('sheet-c', 2021));
    expect([first.seq, second.seq, nextYear.seq]).toEqual([1, 2, 1]);
    expect(listAudit(db, { entity: 'rectification', limit: 1 })[0]!.naturalKey).toBe('652822/2021/1');
  });

  it('checks its own text before looking at the source, and refuses a second open notice for the same record', () => {
    const { db } = countyStore();
    let looked = false;
    const look = () => {
      looked = true;
      return sourceRecord('sheet-a');
    };
    expect(() => openRectification(db, TEST_ACTOR, { ...text, deadline: '9月30日' }, look)).toThrow(/整改期限应为/);
    expect(() => openRectification(db, TEST_ACTOR, { ...text, deadline: daysFromToday(-1) }, look)).toThrow(`整改期限 ${daysFromToday(-1)} 已经过去，请选择今天（${daysFromToday(0)}）或以后的日期`);
    expect(looked).toBe(false);
    openRectification(db, TEST_ACTOR, text, look);
    expect(() => openRectification(db, TEST_ACTOR, text, look)).toThrow('本轮已对“校舍维修改造”下发第 1 号整改通知（待下达），无需重复');
  });

  it('issues a pending notice once, refusing a stale version and a second issue', () => {
    const { db } = countyStore();
    const notice = openRectification(db, TEST_ACTOR, text, () => sourceRecord('sheet-a'));
    expect(() => issueRectification(db, TEST_ACTOR, { id: notice.id, version: notice.version + 1 })).toThrow(/已被他人修改/);
    const issued = issueRectification(db, TEST_ACTOR, { id: notice.id, version: notice.version });
    expect(issued).toMatchObject({ status: 'issued', version: notice.version + 1 });
    expect(() => issueRectification(db, TEST_ACTOR, { id: notice.id, version: issued.version })).toThrow('该整改通知当前为“已下达”（实施单位办理中），不能下达');
  });

  it('gives the latest notice of each source record, and none for a record without one', () => {
    const { db } = countyStore();
    openRectification(db, TEST_ACTOR, text, () => sourceRecord('sheet-a'));
    const other = openRectification(db, TEST_ACTOR, text, () => sourceRecord('sheet-b'));
    const latest = latestNotices(db, 'monitoring', ['sheet-b', 'sheet-z']);
    expect([...latest.entries()]).toEqual([['sheet-b', { id: other.id, seq: 2, status: 'pending' }]]);
    expect(latestNotices(db, 'self-evaluation', ['sheet-a']).size).toBe(0);
  });
});
