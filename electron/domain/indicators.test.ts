import { describe, expect, it } from 'vitest';
import { checkIndicator, defaultAccrual, followDefaultAccrual, displayTarget, framework, level1Kind, LEVEL_UNITS, parseAccrual, parseOperator, type Accrual, type IndicatorRow } from './indicators';

const classic = framework('classic');
const fw2021 = framework('2021');

const row = (over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '新建农村公路里程',
  operator: '≥',
  value: '50',
  unit: '公里',
  weight: '20',
  ...over,
});

describe('checkIndicator (domain.md §3–§4)', () => {
  it('accepts a well-formed quantitative row and a well-formed qualitative one', () => {
    expect(checkIndicator(row(), classic)).toEqual({});
    expect(checkIndicator(row({ level1: '效益指标', level2: '社会效益指标', operator: '定性', value: '明显改善', unit: '' }), classic)).toEqual({});
  });

  it.each([
    ['a level 1 outside the dictionary', { level1: '过程指标' }, 'level1', /一级指标应为：产出指标、效益指标、满意度指标/],
    ['a level 2 that belongs to another level 1', { level2: '社会效益指标' }, 'level2', /“产出指标”下的二级指标应为：数量指标、质量指标、时效指标、成本指标/],
    ['an empty name', { name: '  ' }, 'name', /请填写三级指标名称/],
    ['a name over 100 characters', { name: '长'.repeat(101) }, 'name', /不能超过 100 个字/],
    ['no operator', { operator: '' as const }, 'operator', /请选择指标性质/],
    ['a quantitative value that is not a number', { value: '五十' }, 'value', /应为数字/],
    ['a negative quantitative value', { value: '-1' }, 'value', /不能为负数/],
    ['a percentage of 1e23', { value: '100000000000000000000000', unit: '%' }, 'value', /^以“%”计的指标值应在 0 到 1000 之间$/],
    ['a full-width percentage above 1000', { value: '1000.5', unit: '％' }, 'value', /^以“％”计的指标值应在 0 到 1000 之间$/],
    ['a count of 13 digits', { value: '1000000000000' }, 'value', /^指标值最多 12 位整数、6 位小数$/],
    ['a value with 7 decimals', { value: '0.1234567' }, 'value', /^指标值最多 12 位整数、6 位小数$/],
    ['a quantitative row without a unit', { unit: '' }, 'unit', /请填写计量单位/],
    ['a qualitative row without its text', { operator: '定性' as const, value: '', unit: '' }, 'value', /定性指标请填写指标值/],
    ['a qualitative row with a unit', { operator: '定性' as const, value: '达成预期目标', unit: '%' }, 'unit', /定性指标不填计量单位/],
    ['a weight that is not a number', { weight: '十' }, 'weight', /分值应为不小于 0 的数字/],
    ['a negative weight', { weight: '-5' }, 'weight', /分值应为不小于 0 的数字/],
  ] as const)('refuses %s', (_name, over, field, message) => {
    const problems = checkIndicator(row(over), classic);
    expect(problems[field]).toMatch(message);
    expect(Object.keys(problems)).toEqual([field]);
  });

  it('accepts zero targets (=0起) and decimals, and an empty weight on an unweighted row', () => {
    expect(checkIndicator(row({ operator: '=', value: '0', unit: '起' }), classic)).toEqual({});
    expect(checkIndicator(row({ value: '0.5', unit: '等' }), classic)).toEqual({});
    expect(checkIndicator(row({ weight: '' }), classic)).toEqual({});
  });

  it('accepts the largest targets the forms take: a growth rate of 1000%, 12 digits, 6 decimals', () => {
    expect(checkIndicator(row({ value: '1000', unit: '%' }), classic)).toEqual({});
    expect(checkIndicator(row({ value: '999999999999.123456', unit: '人' }), classic)).toEqual({});
    expect(checkIndicator(row({ value: '000050', unit: '公里' }), classic)).toEqual({});
  });

  it('checks levels against the framework in use: 成本指标 is a level 1 only in the 2021 version', () => {
    const cost = row({ level1: '成本指标', level2: '经济成本指标', name: '每公里建设成本', operator: '≤', value: '80', unit: '万元/公里' });
    expect(checkIndicator(cost, fw2021)).toEqual({});
    expect(checkIndicator(cost, classic).level1).toMatch(/一级指标应为/);
    expect(checkIndicator(row({ level2: '成本指标' }), fw2021).level2).toMatch(/数量指标、质量指标、时效指标$/);
  });
});

describe('the dictionary', () => {
  it('knows the kind of each level 1 and nothing else', () => {
    expect(level1Kind(classic, '满意度指标')).toBe('satisfaction');
    expect(level1Kind(fw2021, '成本指标')).toBe('cost');
    expect(level1Kind(classic, '成本指标')).toBeUndefined();
  });

  it('falls back to the classic framework for an unknown id', () => {
    expect(framework('1999').id).toBe('classic');
  });
});

describe('displayTarget', () => {
  it('reads as operator, value and unit, or as the qualitative text', () => {
    expect(displayTarget({ operator: '≥', value: '50', unit: '个' })).toBe('≥50个');
    expect(displayTarget({ operator: '定性', value: ' 达成预期目标 ', unit: '' })).toBe('达成预期目标');
  });
});

describe('parseOperator', () => {
  it('reads operators as typed in Excel, in signs or words', () => {
    expect(['≥', '>=', ' ≧ ', '大于等于', '不低于'].map(parseOperator)).toEqual(['≥', '≥', '≥', '≥', '≥']);
    expect(['<=', '不超过', '＜', '＝', '定性'].map(parseOperator)).toEqual(['≤', '≤', '<', '=', '定性']);
  });

  it('refuses anything else', () => {
    expect(parseOperator('约等于')).toBeNull();
    expect(parseOperator('')).toBeNull();
  });
});

describe('accrual kind (累计型 / 状态型, domain.md §5)', () => {
  it.each(['%', '％', '‰', '百分比', '分', '星', '级', '年'])('defaults a 数量指标 in %s to 状态型', (unit) => {
    expect(defaultAccrual({ unit, level2: '数量指标' })).toBe('level');
    expect(defaultAccrual({ unit: ` ${unit} `, level2: '数量指标' })).toBe('level');
  });

  it('covers every level unit of the list', () => {
    expect(LEVEL_UNITS.map((unit) => defaultAccrual({ unit, level2: '数量指标' }))).toEqual(LEVEL_UNITS.map(() => 'level'));
  });

  it('defaults 质量指标 and 满意度指标 (服务对象满意度指标) to 状态型 whatever the unit', () => {
    expect(defaultAccrual({ unit: '平方米', level2: '质量指标' })).toBe('level');
    expect(defaultAccrual({ unit: '人', level2: '服务对象满意度指标' })).toBe('level');
    expect(defaultAccrual({ unit: '人', level2: '满意度指标' })).toBe('level');
  });

  it.each(['元/生·年', '元/人·年', '元／平方米', '人/班'])('defaults a standard per something (%s) to 状态型', (unit) => {
    expect(defaultAccrual({ unit, level2: '成本指标' })).toBe('level');
  });

  it.each(['人次', '公里', '所', '户', '万元', '个', '年度', '分钟'])('defaults a count or amount in %s to 累计型', (unit) => {
    expect(defaultAccrual({ unit, level2: '数量指标' })).toBe('cumulative');
  });

  it('reads the stored values and the labels people type, and nothing else', () => {
    expect(['cumulative', 'level', '累计型', '状态型', '累计', '状态', ' 状态型 '].map(parseAccrual)).toEqual([
      'cumulative', 'level', 'cumulative', 'level', 'cumulative', 'level', 'level',
    ]);
    expect(parseAccrual('')).toBeNull();
    expect(parseAccrual('时点型')).toBeNull();
  });

  it('follows the default when the unit changes, unless someone chose otherwise', () => {
    const row: { unit: string; level2: string; accrual: Accrual } = { unit: '人', level2: '数量指标', accrual: 'cumulative' };
    expect(followDefaultAccrual(row, { ...row, unit: '%' }).accrual).toBe('level');
    const chosen = { ...row, accrual: 'level' as Accrual };
    expect(followDefaultAccrual(chosen, { ...chosen, unit: '户' }).accrual).toBe('level');
    const percent = { unit: '%', level2: '数量指标', accrual: 'level' as Accrual };
    expect(followDefaultAccrual(percent, { ...percent, accrual: 'cumulative' }).accrual).toBe('cumulative');
    expect(followDefaultAccrual(percent, { ...percent, unit: '人次' }).accrual).toBe('cumulative');
  });
});
