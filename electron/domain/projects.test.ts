import { describe, expect, it } from 'vitest';
import { adjustedFen, checkProject, checkProjectUnits, fundTotals, type ProjectDraft, type UnitRef } from './projects';

const draft = (over: Partial<ProjectDraft> = {}): ProjectDraft => ({
  code: '652822-2020-001',
  name: '乡村道路硬化工程',
  departmentCode: '301001',
  unitCode: '301002',
  category: '本级支出',
  attribute: '新增',
  keyProject: false,
  povertyFund: true,
  confidential: false,
  projectTypeCode: null,
  startDate: '2020-03-01',
  endDate: '2020-11-30',
  personInCharge: '李四',
  ...over,
});

describe('checkProject', () => {
  it('passes a complete project', () => {
    expect(checkProject(draft())).toEqual({});
  });

  it('names missing and malformed header fields', () => {
    expect(checkProject(draft({ code: '', name: ' ', unitCode: '', departmentCode: '' }))).toEqual({
      code: '请填写项目编码',
      name: '请填写项目名称',
      unitCode: '请选择实施单位',
      departmentCode: '请选择主管部门',
    });
    expect(checkProject(draft({ code: '项目一' })).code).toMatch(/3–40 位/);
  });

  it('checks the dates are real and in order', () => {
    expect(checkProject(draft({ startDate: '2020-02-30' })).startDate).toBe('开始日期应为“2020-01-01”这样的日期');
    expect(checkProject(draft({ endDate: '2020-02-01' })).endDate).toBe('结束日期不能早于开始日期');
    expect(checkProject(draft({ startDate: null, endDate: null }))).toEqual({});
  });
});

describe('checkProjectUnits', () => {
  const registry: UnitRef[] = [
    { code: '301001', name: '交通运输局', departmentCode: null, isDepartment: true, active: true },
    { code: '301002', name: '农村公路管理站', departmentCode: '301001', isDepartment: false, active: true },
    { code: '302001', name: '教育局', departmentCode: null, isDepartment: true, active: true },
    { code: '301003', name: '旧养护队', departmentCode: '301001', isDepartment: false, active: false },
  ];
  const unitOf = (code: string) => registry.find((u) => u.code === code);

  it('accepts a unit under its own department, or a department as its own', () => {
    expect(checkProjectUnits(draft(), unitOf)).toEqual({});
    expect(checkProjectUnits(draft({ unitCode: '302001', departmentCode: '302001' }), unitOf)).toEqual({});
  });

  it('reports unknown and inactive units and a department the unit does not report to', () => {
    expect(checkProjectUnits(draft({ unitCode: '309999' }), unitOf).unitCode).toMatch(/309999 不在预算单位名录中/);
    expect(checkProjectUnits(draft({ unitCode: '301003' }), unitOf).unitCode).toMatch(/已停用/);
    expect(checkProjectUnits(draft({ departmentCode: '302001' }), unitOf)).toEqual({
      departmentCode: '农村公路管理站（301002）的主管部门是 301001，不是 302001',
    });
  });
});

describe('funds', () => {
  it('derives adjusted = initial + additions − cuts per source and in total', () => {
    const funds = [
      { source: '本级财政拨款', initialFen: 1_000_000, additionFen: 200_000, cutFen: 50_000 },
      { source: '上级补助（中央）', initialFen: 3_000_000, additionFen: 0, cutFen: 0 },
    ];
    expect(adjustedFen(funds[0]!)).toBe(1_150_000);
    expect(fundTotals(funds)).toEqual({ initialFen: 4_000_000, additionFen: 200_000, cutFen: 50_000, adjustedFen: 4_150_000 });
  });
});
