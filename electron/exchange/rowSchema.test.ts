// The compiled row checks: what each column of a table may hold as it travels, derived from the drizzle
// declaration and the naming conventions, with a workflow's own rules in place of a column's.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { monitoringIndicators, monitoringRounds } from '../../db/schema';
import { childRow, jsonStrings, jsonText, recordRow } from './rowSchema';

const round = {
  region_code: '652822',
  year: 2020,
  month: 6,
  seq: 1,
  title: '2020年6月运行监控',
  deadline: '2020-07-15',
  scope: 'all',
  closed: 0,
  created_at: '2020-06-01T08:00:00.000Z',
};
const rounds = recordRow(monitoringRounds, { month: z.number().int().min(1).max(12) });

describe('row schema of an exchanged record', () => {
  it('lists the columns of its table but the ones the engine manages', () => {
    expect(rounds.columns).toEqual(Object.keys(round));
  });

  it('accepts a row whose every value fits its column', () => {
    expect(rounds.firstBadColumn(round)).toBeNull();
  });

  it.each([
    ['a year outside 2000–2100', { year: 1999 }, 'year'],
    ['a year in text', { year: '2020' }, 'year'],
    ['a sequence number that is not whole', { seq: 1.5 }, 'seq'],
    ['a deadline that is not an ISO date', { deadline: '2020年7月15日' }, 'deadline'],
    ['a scope outside its enum', { scope: 'some' }, 'scope'],
    ['a flag other than 0 or 1', { closed: true }, 'closed'],
    ['a null in a column that is not nullable', { title: null }, 'title'],
    ['text over the length limit', { title: '长'.repeat(100_001) }, 'title'],
    ['a missing column', { region_code: undefined }, 'region_code'],
    ["a value the workflow's own rule refuses", { month: 13 }, 'month'],
  ])('names the column of %s, with its value', (_, change, column) => {
    const row = { ...round, ...change };
    expect(rounds.firstBadColumn(row)).toEqual({ column, value: row[column as keyof typeof row] });
  });

  it('names the first bad column in the order of the table', () => {
    expect(rounds.firstBadColumn({ ...round, scope: 'some', year: 1 })).toEqual({ column: 'year', value: 1 });
  });
});

describe('row schema of a child row', () => {
  const indicators = childRow(monitoringIndicators, { reasons: jsonStrings });
  const indicator = Object.fromEntries(indicators.columns.map((c) => [c, c === 'seq' ? 1 : c === 'reasons' ? '["进度滞后"]' : c === 'accrual' ? 'cumulative' : '']));

  it('includes the foreign key of its parent', () => {
    expect(indicators.columns[0]).toBe('sheet_id');
    expect(indicators.firstBadColumn(indicator)).toBeNull();
  });

  it('takes null only in a nullable column', () => {
    expect(indicators.firstBadColumn({ ...indicator, reached: null })).toBeNull();
    expect(indicators.firstBadColumn({ ...indicator, name: null })).toEqual({ column: 'name', value: null });
  });

  it.each([
    ['text that is not JSON', '进度滞后'],
    ['a JSON object', '{"a":"进度滞后"}'],
    ['a list holding a number', '["进度滞后",3]'],
    ['a list of over 1,000 texts', JSON.stringify(Array.from({ length: 1001 }, () => '原因'))],
    ['a text of over 2,000 characters', JSON.stringify(['长'.repeat(2001)])],
  ])('refuses as a JSON list of texts %s', (_, reasons) => {
    expect(indicators.firstBadColumn({ ...indicator, reasons })).toEqual({ column: 'reasons', value: reasons });
  });
});

describe('a JSON text column of a declared shape', () => {
  const shaped = recordRow(monitoringRounds, { title: jsonText(z.array(z.object({ period: z.string() }).strict())) });

  it('accepts JSON of the shape and refuses any other', () => {
    expect(shaped.firstBadColumn({ ...round, title: '[{"period":"1—3月"}]' })).toBeNull();
    expect(shaped.firstBadColumn({ ...round, title: '[{"period":1}]' })).toEqual({ column: 'title', value: '[{"period":1}]' });
    expect(shaped.firstBadColumn({ ...round, title: '[{"period"' })).toEqual({ column: 'title', value: '[{"period"' });
  });
});
