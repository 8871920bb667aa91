import { describe, expect, it } from 'vitest';
import { countsText, isOutstanding, packageState } from './packageState';

describe('a package in the history', () => {
  it('a report sent is outstanding until its receipt comes back', () => {
    expect(packageState({ direction: 'out', kind: 'county-report', state: 'written' })).toEqual({ label: '已导出', color: 'blue', outstanding: '对方未确认收到' });
    expect(packageState({ direction: 'out', kind: 'county-report', state: 'acknowledged' })).toMatchObject({ label: '已确认收到', outstanding: null });
  });

  it('a package received is outstanding until a receipt is issued for it', () => {
    expect(packageState({ direction: 'in', kind: 'county-report', state: 'imported' })).toMatchObject({ label: '已导入', outstanding: '未出回执' });
    expect(packageState({ direction: 'in', kind: 'prefecture-reply', state: 'acknowledged' })).toMatchObject({ label: '已出具回执', outstanding: null });
  });

  it('a receipt itself waits for nothing, sent or received', () => {
    expect(isOutstanding({ direction: 'out', kind: 'receipt', state: 'written' })).toBe(false);
    expect(isOutstanding({ direction: 'in', kind: 'receipt', state: 'imported' })).toBe(false);
  });
});

describe('counts of a package', () => {
  it('names the non-zero counts in Chinese, keeping unknown keys as they are', () => {
    expect(countsText({ unit: 0, project: 140, target: 248, extra: 1 }, { unit: '预算单位', project: '项目', target: '绩效目标' })).toBe('项目 140、绩效目标 248、extra 1');
  });

  it('says so when a package carried nothing', () => {
    expect(countsText({ project: 0 }, { project: '项目' })).toBe('无记录');
  });
});
