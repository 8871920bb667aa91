// Exact rational numbers for rules and thresholds. Thresholds such as "r ≥ 80%" must compare exactly
// (domain.md §5: executed 128 of 240 in month 8 is exactly 80% and green), so no binary floats here.

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint; // always > 0, reduced
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('ratio with zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { num: n / g, den: d / g };
}

/** Parses a decimal string ("80", "0.6", "12.5") exactly. Returns null when it is not a plain decimal. */
export function parseDecimal(text: string): Ratio | null {
  const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole, frac = ''] = match;
  const num = BigInt(`${sign}${whole}${frac}`);
  return ratio(num, 10n ** BigInt(frac.length));
}

export const compare = (a: Ratio, b: Ratio): number => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);

/** Decimal string rounded half away from zero: toFixed(ratio(2, 3), 2) === "0.67". */
export function toFixed(value: Ratio, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const negative = value.num < 0n;
  const abs = negative ? -value.num : value.num;
  const scaled = (abs * scale * 2n + value.den) / (value.den * 2n);
  const text = scaled.toString().padStart(decimals + 1, '0');
  const body = decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return negative && scaled !== 0n ? `-${body}` : body;
}

/** Percent with the given decimals: percent(ratio(128, 240)) === "53.33". */
export const percent = (value: Ratio, decimals = 2): string => toFixed(mul(value, ratio(100)), decimals);

export const min = (a: Ratio, b: Ratio): Ratio => (compare(a, b) <= 0 ? a : b);
export const max = (a: Ratio, b: Ratio): Ratio => (compare(a, b) >= 0 ? a : b);

/** The value a form shows, as a ratio: rounded half away from zero like toFixed, so a sum of shown values adds up. */
export const round = (value: Ratio, decimals: number): Ratio => parseDecimal(toFixed(value, decimals))!;

/** A number as people write it, rounded to `decimals` (at least 1) without trailing zeros: 85, 85.5, 9.09. */
export const plainDecimal = (value: Ratio, decimals = 2): string => toFixed(value, decimals).replace(/\.?0+$/, '');
