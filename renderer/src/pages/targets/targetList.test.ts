import { describe, expect, it } from 'vitest';
import { coverage, filterTargetRows } from './targetList';

const rows = [
  { code: 'XM001', name: '农村公路硬化', unitCode: '301002', status: 'approved' as const },
  { code: 'XM002', name: '营养改善计划', unitCode: '302001', status: null },
  { code: 'XM003', name: '校舍维修', unitCode: '302001', status: 'returned' as const },
];
const text = (r: (typeof rows)[number]) => [r.code, r.name];

describe('filterTargetRows', () => {
  it('filters by unit, by status (including not filled in) and by text', () => {
    expect(filterTargetRows(rows, { unitCode: '302001', status: null, query: '' }, text).map((r) => r.code)).toEqual(['XM002', 'XM003']);
    expect(filterTargetRows(rows, { unitCode: null, status: 'none', query: '' }, text).map((r) => r.code)).toEqual(['XM002']);
    expect(filterTargetRows(rows, { unitCode: null, status: null, query: '公路' }, text).map((r) => r.code)).toEqual(['XM001']);
  });
});

describe('coverage', () => {
  it('counts each state and what is filled in', () => {
    expect(coverage(rows)).toEqual({ total: 3, filled: 2, none: 1, draft: 0, submitted: 0, approved: 1, returned: 1 });
  });
});
