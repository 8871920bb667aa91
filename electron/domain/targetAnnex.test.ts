import { describe, expect, it } from 'vitest';
import { framework } from './indicators';
import {
  belowLastYearActual,
  checkProjectAnnex,
  contactPhoneProblem,
  emptyAnnex,
  hasMidterm,
  lastYearActualLabel,
  lastYearActualPhrase,
  lastYearOf,
  projectTermText,
  proposedAnnualSplit,
  type LastYearIndicator,
  type ProjectAnnex,
} from './targetAnnex';
import { emptyIndicator } from './targets';

const classic = framework('classic');
const WAN = 1_000_000;
const annex = (over: Partial<ProjectAnnex> = {}): ProjectAnnex => ({ ...emptyAnnex(), ...over });
const check = (a: ProjectAnnex, midterm = true) => checkProjectAnnex(a, { annualTotalFen: 120 * WAN, midterm }, classic).map((p) => p.message);

describe('the 中期 parts of 88号 annex 1', () => {
  it('belong to continuing projects and to projects whose 期限 runs over more than one year', () => {
    expect(hasMidterm({ attribute: '延续', startDate: null, endDate: null })).toBe(true);
    expect(hasMidterm({ attribute: '新增', startDate: '2020-03-01', endDate: '2022-12-31' })).toBe(true);
    expect(hasMidterm({ attribute: '新增', startDate: '2020-03-01', endDate: '2020-12-31' })).toBe(false);
    expect(projectTermText({ startDate: '2020-03-01', endDate: '2022-12-31' })).toBe('2020-03-01 至 2022-12-31（3 年）');
  });

  it('need a 中期资金总额 that covers the year, and 中期指标 that are valid rows', () => {
    expect(check(annex({ midtermFunds: { fiscalFen: 300 * WAN, otherFen: 60 * WAN } }))).toEqual([]);
    expect(check(annex({ midtermFunds: { fiscalFen: 100 * WAN, otherFen: 0 } }))).toEqual(['中期资金总额 100.0000 万元 少于年度资金总额 120.0000 万元：中期资金应包含本年度资金']);
    const badRow = { ...emptyIndicator('产出指标', '数量指标'), name: '三年新建道路', operator: '≥' as const, value: '三十六', unit: '公里' };
    expect(checkProjectAnnex(annex({ midtermIndicators: [badRow] }), { annualTotalFen: 0, midterm: true }, classic)).toEqual([
      { area: 'midtermIndicators', row: 0, field: 'value', message: expect.stringContaining('数') },
    ]);
  });

  it('are not checked where they do not apply', () => {
    expect(check(annex({ midtermFunds: { fiscalFen: 1, otherFen: 0 } }), false)).toEqual([]);
  });
});

describe('the year’s funds as 财政拨款 / 其他资金', () => {
  it('are proposed from the fund sources: the year’s appropriations, own and from above, are 财政拨款', () => {
    const funds = [
      { source: '本级财政拨款', initialFen: 80 * WAN, additionFen: 10 * WAN, cutFen: 0 },
      { source: '上级补助（中央）', initialFen: 20 * WAN, additionFen: 0, cutFen: 0 },
      { source: '单位资金', initialFen: 10 * WAN, additionFen: 0, cutFen: 0 },
    ];
    expect(proposedAnnualSplit(funds)).toEqual({ fiscalFen: 110 * WAN, otherFen: 10 * WAN });
  });

  it('must add up to the year’s total once entered by hand', () => {
    expect(check(annex({ annualFunds: { fiscalFen: 100 * WAN, otherFen: 20 * WAN } }))).toEqual([]);
    expect(check(annex({ annualFunds: { fiscalFen: 100 * WAN, otherFen: 10 * WAN } }))).toEqual([
      '年度资金总额 120.0000 万元，财政拨款 100.0000 万元 + 其他资金 10.0000 万元 = 110.0000 万元，两者应相等',
    ]);
  });
});

describe('联系电话', () => {
  it('accepts an 11-digit mobile number and a landline with its area code', () => {
    for (const phone of ['13912345678', '139 1234 5678', '0996-4621234', '09964621234', '010-12345678-801', '']) expect(contactPhoneProblem(phone)).toBeNull();
  });

  it('refuses a number without area code, a short mobile number and text', () => {
    for (const phone of ['4621234', '1391234567', '23912345678', '张三']) {
      expect(contactPhoneProblem(phone)).toBe('联系电话应为 11 位手机号码（如 13912345678）或带区号的固定电话（如 0996-4621234）');
    }
    expect(check(annex({ contactPhone: '4621234' }))).toHaveLength(1);
  });
});

describe('实施进度计划', () => {
  it('needs a period and its work on every row', () => {
    expect(check(annex({ schedule: [{ period: '2020年1—3月', work: '完成招标' }] }))).toEqual([]);
    expect(check(annex({ schedule: [{ period: '', work: '完成招标' }, { period: '4—12月', work: ' ' }] }))).toEqual(['请填写时间段（如 2020年1—3月）', '请填写该时间段的工作内容']);
  });
});

describe('last year’s target and actual value of a continuing project', () => {
  const lastYear: LastYearIndicator[] = [
    { libraryCode: 'L-ROAD', name: '新建农村公路', operator: '≥', value: '10', unit: '公里', actual: '12', light: null },
    { libraryCode: null, name: '群众满意度', operator: '≥', value: '85', unit: '%', actual: '93', light: null },
    { libraryCode: null, name: '单位造价', operator: '≤', value: '90', unit: '万元/公里', actual: '80', light: null },
  ];

  it('are found by library indicator, else by the level-3 name', () => {
    expect(lastYearOf({ libraryCode: 'L-ROAD', name: '新建道路（改名）' }, lastYear)?.actual).toBe('12');
    expect(lastYearOf({ libraryCode: null, name: ' 群众满意度 ' }, lastYear)?.actual).toBe('93');
    expect(lastYearOf({ libraryCode: 'L-OTHER', name: '培训人次' }, lastYear)).toBeNull();
  });

  it('flag a ≥ target below last year’s actual, and a ≤ target above it', () => {
    expect(belowLastYearActual({ operator: '≥', value: '11' }, lastYear[0]!)).toBe(true);
    expect(belowLastYearActual({ operator: '≥', value: '12' }, lastYear[0]!)).toBe(false);
    expect(belowLastYearActual({ operator: '≥', value: '90' }, lastYear[1]!)).toBe(true);
    expect(belowLastYearActual({ operator: '≤', value: '85' }, lastYear[2]!)).toBe(true);
    expect(belowLastYearActual({ operator: '≤', value: '80' }, lastYear[2]!)).toBe(false);
  });

  it('are headed 上年实际值, or 上年实际值（监控至X月） when last year’s latest approved monitoring sheet gave them', () => {
    expect(lastYearActualLabel({ kind: 'selfEvaluation' })).toBe('上年实际值');
    expect(lastYearActualLabel(null)).toBe('上年实际值');
    expect(lastYearActualLabel({ kind: 'monitoring', month: 8 })).toBe('上年实际值（监控至8月）');
    expect(lastYearActualPhrase({ year: 2020, actualSource: { kind: 'monitoring', month: 11 } })).toBe('上年（2020 年）监控至 11 月的完成值');
    expect(lastYearActualPhrase({ year: 2020, actualSource: { kind: 'selfEvaluation' } })).toBe('上年（2020 年）实际完成值');
  });

  it('never flag an equality, a qualitative target or a row without last year’s actual', () => {
    expect(belowLastYearActual({ operator: '=', value: '1' }, { actual: '12' })).toBe(false);
    expect(belowLastYearActual({ operator: '定性', value: '达成' }, { actual: '达成目标' })).toBe(false);
    expect(belowLastYearActual({ operator: '≥', value: '1' }, { actual: null })).toBe(false);
    expect(belowLastYearActual({ operator: '≥', value: '1' }, null)).toBe(false);
  });
});
