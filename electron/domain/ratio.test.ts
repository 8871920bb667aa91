import { describe, expect, it } from 'vitest';
import { compare, div, max, min, parseDecimal, percent, ratio, round, toFixed } from './ratio';

describe('exact ratios', () => {
  it('compares 128/240 ÷ 8/12 with 80% exactly', () => {
    const r = div(ratio(128, 240), ratio(8, 12));
    expect(compare(r, parseDecimal('0.8')!)).toBe(0);
  });

  it('rounds half away from zero', () => {
    expect(toFixed(ratio(2, 3), 2)).toBe('0.67');
    expect(toFixed(ratio(1, 8), 2)).toBe('0.13');
    expect(toFixed(ratio(-1, 8), 2)).toBe('-0.13');
    expect(percent(ratio(5, 12))).toBe('41.67');
  });

  it('parses plain decimals and rejects anything else', () => {
    expect(parseDecimal('12.50')).toEqual(ratio(25, 2));
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('rounds to a ratio the way toFixed shows it, and picks the smaller or larger of two', () => {
    expect(round(ratio(1, 11), 2)).toEqual(ratio(9, 100));
    expect(round(ratio(-1, 8), 2)).toEqual(ratio(-13, 100));
    expect(round(ratio(1, 200), 2)).toEqual(ratio(1, 100));
    expect(min(ratio(1, 3), ratio(1, 2))).toEqual(ratio(1, 3));
    expect(max(ratio(1, 3), ratio(1, 2))).toEqual(ratio(1, 2));
  });

  it('refuses a zero denominator', () => {
    expect(() => ratio(1, 0)).toThrow(RangeError);
  });
});
