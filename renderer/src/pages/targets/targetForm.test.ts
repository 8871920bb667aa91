import { describe, expect, it } from 'vitest';
import { emptyIndicator, type TargetProblem } from '../../../../electron/domain/targets';
import { areaMessages, budgetOf, contentOf, contentState, fieldProblems, moneyField, newSuggestions, tasksOf, withFreshKeys } from './targetForm';

const problems: TargetProblem[] = [
  { area: 'indicators', row: 1, field: 'unit', message: '定量指标请填写计量单位' },
  { area: 'indicators', row: 1, field: 'unit', message: '第二条同一字段的消息' },
  { area: 'indicators', message: '至少需要一个效益指标' },
  { area: 'weights', message: '指标分值合计 80 分' },
  { area: 'overallGoal', message: '请填写总体目标' },
];

describe('problem lookup', () => {
  it('finds the first message of each field of a row, and nothing for other rows', () => {
    expect(fieldProblems(problems, 'indicators', 1)).toEqual({ unit: '定量指标请填写计量单位' });
    expect(fieldProblems(problems, 'indicators', 0)).toEqual({});
    expect(fieldProblems(problems, 'overallGoal')).toEqual({ '': '请填写总体目标' });
  });

  it('lists the problems of whole areas for the alert above the grid', () => {
    expect(areaMessages(problems, ['indicators', 'weights'])).toEqual(['至少需要一个效益指标', '指标分值合计 80 分']);
  });
});

describe('editor rows', () => {
  it('gives a restored draft keys of this session, keeping its content', () => {
    const kept = contentState({ overallGoal: '目标', annualGoals: [], indicators: [emptyIndicator('产出指标'), emptyIndicator('效益指标')] });
    const restored = withFreshKeys(JSON.parse(JSON.stringify(kept)));
    expect(contentOf(restored)).toEqual(contentOf(kept));
    expect(restored.indicators.map((i) => i.key).filter((key) => kept.indicators.some((k) => k.key === key))).toEqual([]);
  });

  it('keys rows locally and strips the keys before saving', () => {
    const content = { overallGoal: '目标', annualGoals: ['一'], indicators: [emptyIndicator('产出指标', '数量指标')] };
    const state = contentState(content);
    expect(state.indicators[0]!.key).toMatch(/^row-/);
    expect(contentOf(state)).toEqual(content);
  });

  it('offers only library suggestions not already on the form', () => {
    const onForm = [{ ...emptyIndicator(), name: '师生满意度', libraryCode: null }, { ...emptyIndicator(), name: '甲', libraryCode: 'L1' }];
    const suggestions = [
      { ...emptyIndicator(), name: '改个名字', libraryCode: 'L1' },
      { ...emptyIndicator(), name: '师生满意度', libraryCode: 'L2' },
      { ...emptyIndicator(), name: '维修面积', libraryCode: 'L3' },
    ];
    expect(newSuggestions(onForm, suggestions).map((s) => s.libraryCode)).toEqual(['L3']);
  });
});

describe('money in the department form', () => {
  it('reads typed 万元 exactly, empty as 0, and a bad amount as 0 with its message', () => {
    expect(moneyField('1,234.5')).toEqual({ text: '1,234.5', fen: 1_234_500_000 });
    expect(moneyField(' ')).toEqual({ text: ' ', fen: 0 });
    expect(moneyField('一百')).toMatchObject({ fen: 0, error: '“一百”不是有效的金额，请只填写数字（万元）' });
    expect(budgetOf({ basicFen: '1', projectFen: '2', fiscalFen: '3', otherFen: '' })).toEqual({ basicFen: 1_000_000, projectFen: 2_000_000, fiscalFen: 3_000_000, otherFen: 0 });
    expect(tasksOf([{ key: 'k', function: '职能', task: '任务', content: '内容', projectCodes: ['P1'], fiscal: '0.5', other: '0.25' }])).toEqual([
      { function: '职能', task: '任务', content: '内容', projectCodes: ['P1'], amountFen: 750_000, fiscalFen: 500_000, otherFen: 250_000 },
    ]);
  });
});
