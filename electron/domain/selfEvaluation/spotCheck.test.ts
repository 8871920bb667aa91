import { describe, expect, it } from 'vitest';
import { adjustedScoreOf, drawCount, drawSample, shareProblem } from './spotCheck';

const tables = Array.from({ length: 40 }, (_, i) => `LT-${String(i + 1).padStart(3, '0')}`);

describe('抽查 draws', () => {
  it('draws the same tables again from the same seed, share and list, and other tables from another seed', () => {
    const first = drawSample(tables, 20, '2020-抽查-1');
    expect(first).toHaveLength(8);
    expect(drawSample(tables, 20, '2020-抽查-1')).toEqual(first);
    expect(new Set(first).size).toBe(8);
    expect(first.every((t) => tables.includes(t))).toBe(true);
    expect(drawSample(tables, 20, '2020-抽查-2')).not.toEqual(first);
  });

  it('rounds the count up, so a small share of a short list still draws one, and 100% draws all', () => {
    expect([drawCount(40, 20), drawCount(3, 10), drawCount(0, 50), drawCount(7, 100)]).toEqual([8, 1, 0, 7]);
    expect(drawSample(tables, 100, 'x').toSorted()).toEqual(tables);
    expect(drawSample([], 30, 'x')).toEqual([]);
  });

  it('spreads draws over the whole list rather than its first rows', () => {
    const drawnLate = Array.from({ length: 50 }, (_, n) => drawSample(tables, 10, `seed-${n}`)).flat().filter((t) => t > 'LT-020').length;
    // 200 draws, half of the list after LT-020: far from none and far from all
    expect(drawnLate).toBeGreaterThan(60);
    expect(drawnLate).toBeLessThan(140);
  });

  it('refuses a share that is not a whole percent from 1 to 100', () => {
    expect([0, 101, 12.5].map(shareProblem)).toEqual(Array(3).fill('抽查比例应为 1–100 之间的整数（百分比）'));
    expect(shareProblem(15)).toBeNull();
  });

  it('reads a recheck score from 0 to 100 and refuses text, a negative or a score past 100 with one message', () => {
    expect(['abc', '-1', '100.01', '1e3', ''].map((t) => adjustedScoreOf(t))).toEqual(Array(5).fill({ problem: '复核得分应为 0–100 之间的数字，如 86.5' }));
    expect(adjustedScoreOf(' 86.5 ')).toEqual({ score: '86.50' });
    expect(adjustedScoreOf('100')).toEqual({ score: '100.00' });
  });
});
