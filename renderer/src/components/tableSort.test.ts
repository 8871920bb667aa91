import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './tableSort';

describe('sortRows', () => {
  it('orders codes numerically rather than character by character', () => {
    expect(sortRows(['10', '9', '101001'], (c) => c, 'asc')).toEqual(['9', '10', '101001']);
  });

  it('sorts Chinese names by pinyin, descending on request, keeping ties in their original order', () => {
    const rows = [
      { name: '甲', n: 1 },
      { name: '乙', n: 2 },
      { name: '甲', n: 3 },
    ];
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.n)).toEqual([1, 3, 2]);
    expect(sortRows(rows, (r) => r.name, 'desc').map((r) => r.n)).toEqual([2, 1, 3]);
  });
});

describe('nextSort', () => {
  it('starts ascending on a new column and toggles on the same one', () => {
    expect(nextSort(null, 'code')).toEqual({ key: 'code', direction: 'asc' });
    expect(nextSort({ key: 'code', direction: 'asc' }, 'code')).toEqual({ key: 'code', direction: 'desc' });
    expect(nextSort({ key: 'code', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' });
  });
});
