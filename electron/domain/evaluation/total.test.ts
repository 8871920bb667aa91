import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../selfEvaluation';
import { ratio } from '../ratio';
import { EMPTY_LEAF_INPUT, type LeafInput } from './rules';
import type { TemplateNode } from './template';
import { nodeScoreText, scoreEvaluation } from './total';

const third: TemplateNode = { name: '一级', points: '100', children: [
  { name: 'A', points: '10', rule: { type: 'proportional' } },
  { name: 'B', points: '10', rule: { type: 'proportional' } },
  { name: 'C', points: '80', rule: { type: 'manual', min: '0', max: '80' } },
] };
const inputs = (entries: Record<string, Partial<LeafInput>>) => new Map(Object.entries(entries).map(([path, over]) => [path, { ...EMPTY_LEAF_INPUT, ...over }]));

describe('evaluation total', () => {
  it('adds the unrounded leaf scores, then rounds to 2 decimals and grades', () => {
    // 10 × 2/3 twice: 6.666… + 6.666… = 13.33 unrounded, not 6.67 + 6.67 = 13.34.
    const scoring = scoreEvaluation([third], inputs({ '0.0': { value: '2', target: '3' }, '0.1': { value: '2', target: '3' }, '0.2': { score: '76.67' } }), DEFAULT_SCORING);
    expect(scoring.totalText).toBe('90.00');
    expect(scoring.grade).toBe('优');
    expect(scoring.unscored).toBe(0);
    expect(nodeScoreText(scoring, '0.0')).toBe('6.67');
    expect(nodeScoreText(scoring, '0')).toBe('90.00');
  });

  it('grades with the bureau’s labels', () => {
    const renamed = { ...DEFAULT_SCORING, grades: { ...DEFAULT_SCORING.grades, labels: ['优秀', '良好', '中等', '较差'] as const } };
    const scoring = scoreEvaluation([third], inputs({ '0.0': { value: '1', target: '1' }, '0.1': { value: '1', target: '1' }, '0.2': { score: '59.99' } }), renamed);
    expect(scoring.total).toEqual(ratio(7999, 100));
    expect(scoring.grade).toBe('中等');
  });

  it('counts unscored leaves and lists refusals by indicator', () => {
    const scoring = scoreEvaluation([third], inputs({ '0.2': { score: '81' } }), DEFAULT_SCORING);
    expect(scoring.unscored).toBe(3);
    expect(scoring.refusals).toEqual(['一级 › C：得分“81”不在允许范围内，应为 0–80 分']);
    expect(scoring.totalText).toBe('0.00');
  });
});
