import { describe, expect, it } from 'vitest';
import { formatWanYuan, formatYuan, parseWanYuan, parseYuan, wanYuanText } from './money';

describe('money', () => {
  it.each([
    ['1,234.5678', 12_345_678_00],
    ['100', 1_000_000_00],
    ['0.0001', 100],
    ['  95.5 ', 955_000_00],
    ['1，000', 10_000_000_00],
  ])('parses %s 万元 exactly into 分', (text, fen) => {
    expect(parseWanYuan(text)).toEqual({ ok: true, fen });
  });

  it('parses 元 with two decimals', () => {
    expect(parseYuan('1,234.56')).toEqual({ ok: true, fen: 123456 });
    expect(parseYuan('0.1')).toEqual({ ok: true, fen: 10 });
  });

  it.each([
    ['', '请填写金额（元）'],
    ['12a', '“12a”不是有效的金额，请只填写数字（元）'],
    ['1.234', '金额“1.234”最多保留 2 位小数（元）'],
  ])('refuses %j with a Chinese message', (text, message) => {
    expect(parseYuan(text)).toEqual({ ok: false, message });
  });

  it('formats 万元 with four decimals and grouping, rounding half away from zero', () => {
    expect(formatWanYuan(12_345_678_00)).toBe('1,234.5678');
    expect(formatWanYuan(50)).toBe('0.0001');
    expect(formatWanYuan(-1_000_000_00)).toBe('-100.0000');
    expect(formatWanYuan(49)).toBe('0.0000');
  });

  it('formats 万元 with two decimals for the summary tables, rounding half away from zero at 100 元', () => {
    expect(formatWanYuan(12_345_678_00, { decimals: 2 })).toBe('1,234.57');
    expect(formatWanYuan(4_999, { decimals: 2, grouping: false })).toBe('0.00');
    expect(formatWanYuan(5_000, { decimals: 2, grouping: false })).toBe('0.01');
    expect(formatWanYuan(-1_234_500_00, { decimals: 2 })).toBe('-123.45');
  });

  it('formats 元 with two decimals', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(5, { grouping: false })).toBe('0.05');
  });

  it('does not drift through binary floats: 0.1 + 0.2 万元', () => {
    const a = parseWanYuan('0.1');
    const b = parseWanYuan('0.2');
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(formatWanYuan(a.fen + b.fen)).toBe('0.3000');
  });
});

describe('wanYuanText', () => {
  it('writes 万元 exactly to the 分, without grouping or trailing zeros', () => {
    expect([wanYuanText(1_200_000_000), wanYuanText(300_500_000), wanYuanText(0), wanYuanText(1), wanYuanText(-2_500_000)]).toEqual([
      '1200',
      '300.5',
      '0',
      '0.000001',
      '-2.5',
    ]);
  });
});
