import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../ratio';
import { parseTier, parseWrittenActual, parseWrittenScore, parseWrittenTarget } from './parse';

const d = (text: string) => parseDecimal(text)!;
const q = (operator: string | null, value: string, unit: string) => ({ kind: 'quantitative', operator, value: d(value), unit });

describe('targets as people write them', () => {
  it.each([
    ['≥266米', q('≥', '266', '米')],
    ['≧95%', q('≥', '95', '%')],
    ['﹦100%', q('=', '100', '%')],
    ['＝100％', q('=', '100', '%')],
    ['≤90万元', q('≤', '90', '万元')],
    ['<= 90 万元', q('≤', '90', '万元')],
    ['＞3次', q('>', '3', '次')],
    ['不低于98%', q('≥', '98', '%')],
    ['95%以上', q('≥', '95', '%')],
    ['90万元以内', q('≤', '90', '万元')],
    ['≥1,200人次', q('≥', '1200', '人次')],
    ['100%', q(null, '100', '%')],
  ])('reads %s', (text, expected) => {
    expect(parseWrittenTarget(text)).toEqual(expected);
  });

  it('reads 达成预期指标 and other text as a qualitative target, and / as not applicable', () => {
    expect(parseWrittenTarget('达成预期指标')).toEqual({ kind: 'qualitative', text: '达成预期指标' });
    expect(parseWrittenTarget('群众满意度明显提高')).toEqual({ kind: 'qualitative', text: '群众满意度明显提高' });
    expect(parseWrittenTarget('/')).toEqual({ kind: 'notApplicable' });
    expect(parseWrittenTarget('／')).toEqual({ kind: 'notApplicable' });
  });

  it('takes the operator from a 指标性质 column and the unit from a 度量单位 column', () => {
    expect(parseWrittenTarget('100', { operator: '=', unit: '%' })).toEqual(q('=', '100', '%'));
    expect(parseWrittenTarget('266', { operator: '大于等于', unit: '米' })).toEqual(q('≥', '266', '米'));
    expect(parseWrittenTarget('≥266米', { operator: '≥', unit: '米' })).toEqual(q('≥', '266', '米'));
    expect(parseWrittenTarget('100%', { operator: '≥' })).toEqual(q('≥', '100', '%'));
    expect(parseWrittenTarget('达成预期目标', { operator: '定性' })).toEqual({ kind: 'qualitative', text: '达成预期目标' });
  });

  it('refuses what contradicts itself or cannot be read, saying why', () => {
    expect(parseWrittenTarget('≥266米', { operator: '≤' })).toEqual({ kind: 'invalid', message: '指标值“≥266米”的符号与指标性质“≤”不一致' });
    expect(parseWrittenTarget('≥266米', { unit: '公里' })).toEqual({ kind: 'invalid', message: '指标值的单位“米”与度量单位“公里”不一致' });
    expect(parseWrittenTarget('≥较好')).toEqual({ kind: 'invalid', message: '指标值“≥较好”在指标性质之后应为数字' });
    expect(parseWrittenTarget('266', { operator: '约' })).toEqual({ kind: 'invalid', message: '指标性质“约”应为 ≥ > = < ≤ 或 定性' });
    expect(parseWrittenTarget('  ')).toEqual({ kind: 'invalid', message: '指标值为空' });
  });
});

describe('actual values as people write them', () => {
  it('reads numbers with or after their unit, with a unit column, and /', () => {
    expect(parseWrittenActual('270米')).toEqual({ kind: 'quantitative', value: d('270'), unit: '米' });
    expect(parseWrittenActual('96.5%')).toEqual({ kind: 'quantitative', value: d('96.5'), unit: '%' });
    expect(parseWrittenActual('88', '万元')).toEqual({ kind: 'quantitative', value: d('88'), unit: '万元' });
    expect(parseWrittenActual('≥98%')).toEqual({ kind: 'quantitative', value: d('98'), unit: '%' });
    expect(parseWrittenActual('/')).toEqual({ kind: 'notApplicable' });
    expect(parseWrittenActual('270米', '公里')).toEqual({ kind: 'invalid', message: '实际完成值的单位“米”与度量单位“公里”不一致' });
  });

  it('reads a qualitative result as its tier', () => {
    expect(parseWrittenActual('达成预期指标')).toEqual({ kind: 'qualitative', tier: 'achieved', text: '达成预期指标' });
    expect(parseWrittenActual('效果一般')).toEqual({ kind: 'qualitative', tier: null, text: '效果一般' });
  });
});

describe('qualitative tiers in every wording', () => {
  it.each([
    ['达成', 'achieved'], ['达成预期指标', 'achieved'], ['达成年度指标', 'achieved'], ['达成目标', 'achieved'], ['已完成', 'achieved'],
    ['部分达成并具有一定效果', 'partial'], ['部分达成年度指标并具有一定效果', 'partial'], ['部分达成目标并具有一定效果', 'partial'],
    ['未达成且效果较差', 'notAchieved'], ['未达成年度指标且效果较差', 'notAchieved'], ['未达成目标且效果较差', 'notAchieved'],
    ['achieved', 'achieved'], ['partial', 'partial'], ['notAchieved', 'notAchieved'], ['较好', null],
  ])('%s is %s', (text, tier) => {
    expect(parseTier(text)).toBe(tier);
  });
});

describe('scores as written', () => {
  it('reads 9.5, full-width digits and a trailing 分', () => {
    expect(parseWrittenScore('9.5')).toEqual(d('9.5'));
    expect(parseWrittenScore('９.５')).toEqual(d('9.5'));
    expect(parseWrittenScore('20分')).toEqual(d('20'));
    expect(parseWrittenScore('满分')).toBeNull();
  });
});
