import { describe, expect, it } from 'vitest';
import { parseDecimal, toFixed } from '../ratio';
import { EMPTY_LEAF_INPUT, scoreLeaf, type LeafInput } from './rules';
import type { Rule } from './template';

const input = (over: Partial<LeafInput>): LeafInput => ({ ...EMPTY_LEAF_INPUT, ...over });
const scoreText = (rule: Rule, points: string, over: Partial<LeafInput>) => {
  const result = scoreLeaf(rule, parseDecimal(points)!, input(over));
  return result.score ? toFixed(result.score, 2) : result.problem;
};

describe('proportional rule', () => {
  const rule: Rule = { type: 'proportional' };
  it('gives points × value ÷ target below the target, exactly', () => {
    expect(scoreText(rule, '10', { value: '2', target: '3' })).toBe('6.67');
    expect(scoreLeaf(rule, parseDecimal('10')!, input({ value: '2', target: '3' })).score).toEqual({ num: 20n, den: 3n });
  });
  it('caps at the points once the target is reached or passed', () => {
    expect(scoreText(rule, '10', { value: '95', target: '95' })).toBe('10.00');
    expect(scoreText(rule, '10', { value: '130', target: '95' })).toBe('10.00');
  });
  it('gives 0 for a value of 0', () => expect(scoreText(rule, '4', { value: '0', target: '100' })).toBe('0.00'));
  it('refuses a target of 0 or below, and a value that is not a number', () => {
    expect(scoreText(rule, '4', { value: '3', target: '0' })).toBe('目标值“0”应为大于 0 的数字');
    expect(scoreText(rule, '4', { value: 'abc', target: '5' })).toBe('完成值“abc”应为不小于 0 的数字');
    expect(scoreText(rule, '4', { value: '-1', target: '5' })).toBe('完成值“-1”应为不小于 0 的数字');
  });
  it('leaves a leaf without its two figures unscored, without refusing it', () => {
    expect(scoreLeaf(rule, parseDecimal('4')!, input({ value: '3' }))).toEqual({ score: null, problem: null });
  });
});

describe('step-table rule', () => {
  const rule: Rule = {
    type: 'step-table',
    steps: [
      { from: '0', to: '60', points: '0' },
      { from: '60', to: '80', points: '5' },
      { from: '80', to: '', points: '10' },
    ],
  };
  it('takes the step whose range holds the value, the lower bound included and the upper excluded', () => {
    expect(scoreText(rule, '10', { value: '0' })).toBe('0.00');
    expect(scoreText(rule, '10', { value: '59.99' })).toBe('0.00');
    expect(scoreText(rule, '10', { value: '60' })).toBe('5.00');
    expect(scoreText(rule, '10', { value: '79.9' })).toBe('5.00');
    expect(scoreText(rule, '10', { value: '80' })).toBe('10.00');
    expect(scoreText(rule, '10', { value: '1000' })).toBe('10.00');
  });
  it('refuses a value outside every step, naming the ranges', () => {
    expect(scoreText(rule, '10', { value: '-1' })).toBe('实际值 -1 不在分档范围内（[0, 60)、[60, 80)、80 及以上）');
  });
  it('refuses text where the value belongs', () => expect(scoreText(rule, '10', { value: '良好' })).toBe('实际值“良好”应为数字'));
});

describe('deduct-per-unit rule', () => {
  const rule: Rule = { type: 'deduct-per-unit', perUnit: '1.5', floor: '1' };
  it('deducts per unit counted', () => {
    expect(scoreText(rule, '5', { count: '0' })).toBe('5.00');
    expect(scoreText(rule, '5', { count: '2' })).toBe('2.00');
  });
  it('never goes below the floor', () => {
    expect(scoreText(rule, '5', { count: '3' })).toBe('1.00');
    expect(scoreText(rule, '5', { count: '40' })).toBe('1.00');
  });
  it('refuses a count that is not a whole number', () => {
    expect(scoreText(rule, '5', { count: '1.5' })).toBe('扣分次数“1.5”应为不小于 0 的整数');
    expect(scoreText(rule, '5', { count: '-1' })).toBe('扣分次数“-1”应为不小于 0 的整数');
  });
});

describe('manual rule', () => {
  const rule: Rule = { type: 'manual', min: '1', max: '3' };
  it('keeps an entered score inside its range, both ends included', () => {
    expect(scoreText(rule, '3', { score: '1' })).toBe('1.00');
    expect(scoreText(rule, '3', { score: '2.5' })).toBe('2.50');
    expect(scoreText(rule, '3', { score: '3' })).toBe('3.00');
  });
  it('refuses a score outside the range, naming the allowed range', () => {
    expect(scoreText(rule, '3', { score: '3.01' })).toBe('得分“3.01”不在允许范围内，应为 1–3 分');
    expect(scoreText(rule, '3', { score: '0.5' })).toBe('得分“0.5”不在允许范围内，应为 1–3 分');
    expect(scoreText(rule, '3', { score: '好' })).toBe('得分“好”不在允许范围内，应为 1–3 分');
  });
});
