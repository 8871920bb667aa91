import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { updateSetting } from '../settings/settings';
import { readIndicators, writeIndicators } from '../targets/store';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { defaultDeadline } from '../domain/monitoring';
import { createDefaultRounds, createRound, listRounds, roundCandidates } from './rounds';
import { loadSheets } from './store';

function luntai2020() {
  const store = countyStore();
  const ids = luntaiApprovedTargets(store.db, 2020);
  return { db: store.db, ids };
}

describe('opening a monitoring round', () => {
  it('opens one sheet per approved project target, never for a target still in review', () => {
    const { db } = luntai2020();
    const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    expect(round).toMatchObject({ title: '2020年8月绩效运行监控', seq: 1, counts: { sheets: 4, draft: 4, submitted: 0 } });
    const codes = loadSheets(db, round.id).map((s) => s.project.code);
    expect(codes).toEqual(['LT2020-001', 'LT2020-002', 'LT2020-003', 'LT2020-004']);
  });

  it('snapshots the initial and adjusted budget per fund source, no forecast yet, and a row per approved indicator', () => {
    const { db } = luntai2020();
    const round = createRound(db, TEST_ACTOR, { year: 2020, month: 5, deadline: '2020-05-31', scope: 'all' });
    const nutrition = loadSheets(db, round.id).find((s) => s.project.code === 'LT2020-001')!;
    expect(nutrition.funds).toEqual([
      { source: '本级财政拨款', initialFen: 200_000_000, adjustedFen: 240_000_000, executedFen: 0, forecastFen: null },
      { source: '上级补助（自治区）', initialFen: 60_000_000, adjustedFen: 50_000_000, executedFen: 0, forecastFen: null },
    ]);
    expect(nutrition.indicators.map((i) => [i.seq, i.name, i.operator, i.target, i.reached])).toEqual([
      [1, '受益学生人次', '≥', '1200', ''],
      [2, '食品安全事故', '=', '0', ''],
      [3, '学生营养状况', '定性', '明显改善', ''],
    ]);
    expect(nutrition.project).toMatchObject({ unitName: '轮台县教育局', keyProject: true });
  });

  it('limits the round to key projects or to the chosen list', () => {
    const { db, ids } = luntai2020();
    const key = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'key' });
    expect(loadSheets(db, key.id).map((s) => s.project.code)).toEqual(['LT2020-001', 'LT2020-004']);
    const list = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-09-10', scope: 'list', projectIds: [ids.get('LT2020-003')!] });
    expect(list).toMatchObject({ seq: 2, title: '2020年8月绩效运行监控（第2次）', counts: { sheets: 1 } });
  });

  it('refuses a chosen project whose target is not approved, an empty list, and a year without approved targets', () => {
    const { db, ids } = luntai2020();
    const base = { year: 2020, month: 8, deadline: '2020-08-31' } as const;
    expect(() => createRound(db, TEST_ACTOR, { ...base, scope: 'list', projectIds: [ids.get('LT2020-005')!] })).toThrow(/1 个没有 2020 年批复的绩效目标/);
    expect(() => createRound(db, TEST_ACTOR, { ...base, scope: 'list', projectIds: [] })).toThrow(/请至少选择一个项目/);
    expect(() => createRound(db, TEST_ACTOR, { ...base, year: 2021, deadline: '2021-08-31', scope: 'all' })).toThrow(/2021 年还没有批复/);
    expect(() => createRound(db, TEST_ACTOR, { ...base, deadline: '2020-02-30', scope: 'all' })).toThrow(/截止日期应为/);
    // A deadline before the reporting month began is a slip of the keyboard, refused with the usual date.
    expect(() => createRound(db, TEST_ACTOR, { ...base, deadline: '2020-01-01', scope: 'all' })).toThrow('截止日期 2020-01-01 早于报告月份（8 月）：请填写 2020-08-01 或以后的日期，一般为 2020-08-31');
    expect(listRounds(db, 2020)).toEqual([]);
    // The month's first day is the earliest deadline that stands.
    expect(createRound(db, TEST_ACTOR, { ...base, deadline: '2020-08-01', scope: 'all' }).deadline).toBe('2020-08-01');
  });

  it('records who opened the round and which projects it covers', () => {
    const { db } = luntai2020();
    createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'key' });
    const [entry] = listAudit(db, { entity: 'monitoring-round', limit: 5 });
    expect(entry).toMatchObject({ operatorName: '测试员', action: '开启监控轮次', naturalKey: '652822/2020/8-1' });
    expect(JSON.parse(entry!.after!).projects).toEqual(['LT2020-001', 'LT2020-004']);
  });

  it('lists the approved projects a list-scoped round can choose from', () => {
    const { db } = luntai2020();
    expect(roundCandidates(db, 2020).map((c) => `${c.code} ${c.unitName}`)).toEqual([
      'LT2020-001 轮台县教育局',
      'LT2020-002 轮台县第一中学',
      'LT2020-003 轮台县卫生健康委员会',
      'LT2020-004 轮台县卫生健康委员会',
    ]);
  });
});

describe('a round and later target adjustments', () => {
  it('keeps measuring against the indicators in force when it opened, while the next round takes the adjusted ones', () => {
    const { db, ids } = luntai2020();
    const may = createRound(db, TEST_ACTOR, { year: 2020, month: 5, deadline: '2020-05-31', scope: 'all' });
    const [school] = loadSheets(db, may.id).filter((s) => s.project.id === ids.get('LT2020-002'));
    const adjusted = readIndicators(db, school!.project.targetId!).map((i) => (i.name === '维修校舍面积' ? { ...i, value: '2500' } : i));
    db.transaction((tx) => writeIndicators(tx, school!.project.targetId!, adjusted)); // what an approved adjustment does
    expect(loadSheets(db, may.id).find((s) => s.id === school!.id)!.indicators[0]).toMatchObject({ name: '维修校舍面积', target: '3000' });
    const august = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    expect(loadSheets(db, august.id).find((s) => s.project.code === 'LT2020-002')!.indicators[0]!.target).toBe('2500');
  });
});

describe('default rounds', () => {
  it('opens May, August and November with the month’s last day as deadline, once', () => {
    const { db } = luntai2020();
    const created = createDefaultRounds(db, TEST_ACTOR, 2020);
    expect(created.map((r) => [r.month, r.deadline, r.counts.sheets])).toEqual([
      [5, '2020-05-31', 4],
      [8, '2020-08-31', 4],
      [11, '2020-11-30', 4],
    ]);
    expect(() => createDefaultRounds(db, TEST_ACTOR, 2020)).toThrow(/都已开启/);
  });

  it('follows the bureau’s monitoring months and skips the months already open', () => {
    const { db } = luntai2020();
    updateSetting(db, TEST_ACTOR, 'monitoring.months', [6, 8]);
    createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-09-05', scope: 'key' });
    expect(createDefaultRounds(db, TEST_ACTOR, 2020).map((r) => r.month)).toEqual([6]);
    expect(listRounds(db, 2020).map((r) => r.month)).toEqual([8, 6]);
  });

  it('gives February of a leap year its 29th', () => {
    expect(defaultDeadline(2020, 2)).toBe('2020-02-29');
    expect(defaultDeadline(2021, 12)).toBe('2021-12-31');
  });
});

describe('round deadline state', () => {
  it('shows due soon within the setting’s days and 已超时 after the deadline (§13 #16)', () => {
    const { db } = luntai2020();
    createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
    expect(listRounds(db, 2020, '2020-08-27')[0]!.deadlineState).toBe('dueSoon');
    expect(listRounds(db, 2020, '2020-09-01')[0]!.deadlineState).toBe('overdue');
    expect(listRounds(db, 2020, '2020-08-20')[0]!.deadlineState).toBe('open');
  });
});
