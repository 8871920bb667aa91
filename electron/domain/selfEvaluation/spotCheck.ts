// 抽查: the bureau draws a share of the approved self-evaluations at random to recheck. The draw must be
// reproducible — anyone holding the seed, the share and the list of approved tables gets the same tables
// — so it is a seeded shuffle here, not the platform's random numbers.
import { compare, parseDecimal, ratio, toFixed } from '../ratio';

/** FNV-1a of the seed's UTF-16 code units: a 32-bit starting state from any text. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small, well-known generator; integer arithmetic only, so every platform agrees. */
function generator(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `total` tables a share (percent) draws: rounded up, so any share of a non-empty list draws one. */
export const drawCount = (total: number, share: number): number => Math.min(total, Math.ceil((total * share) / 100));

/** The reviewer's recheck score as the record keeps it (2 decimals), or why it cannot be: the form shows it while typing. */
export function adjustedScoreOf(text: string): { score: string } | { problem: string } {
  const score = parseDecimal(text.trim());
  if (!score || score.num < 0n || compare(score, ratio(100)) > 0) return { problem: '复核得分应为 0–100 之间的数字，如 86.5' };
  return { score: toFixed(score, 2) };
}

export function shareProblem(share: number): string | null {
  return Number.isInteger(share) && share >= 1 && share <= 100 ? null : '抽查比例应为 1–100 之间的整数（百分比）';
}

/**
 * The drawn candidates, in the order drawn. Candidates must come in a fixed order (by natural key), so
 * the same seed over the same tables draws the same ones.
 */
export function drawSample<T>(candidates: readonly T[], share: number, seed: string): T[] {
  const next = generator(seed);
  const pool = [...candidates];
  // Fisher–Yates, stopped once the draw is complete.
  const count = drawCount(pool.length, share);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}
