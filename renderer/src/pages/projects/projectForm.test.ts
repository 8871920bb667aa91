import { describe, expect, it } from 'vitest';
import { emptyFund, projectFormErrors, projectFormOf, readFunds, toProjectInput } from './projectForm';

describe('readFunds', () => {
  it('parses typed 万元 exactly and counts empty amounts as 0', () => {
    const { funds, errors } = readFunds([{ source: '本级财政拨款', initial: '1,200.5', addition: '', cut: '0.25' }]);
    expect(funds).toEqual([{ source: '本级财政拨款', initialFen: 1_200_500_000, additionFen: 0, cutFen: 250_000 }]);
    expect(errors).toEqual([{}]);
  });

  it('puts each problem on the field where it was typed', () => {
    const { errors } = readFunds([
      { source: '', initial: '十万', addition: '', cut: '' },
      { source: '单位资金', initial: '1', addition: '', cut: '2' },
    ]);
    expect(errors[0]).toEqual({ source: '请选择资金来源', initial: '“十万”不是有效的金额，请只填写数字（万元）' });
    expect(errors[1]).toEqual({});
    const cuts = readFunds([{ source: '单位资金', initial: '1', addition: '', cut: '2' }]).errors;
    expect(cuts[0]!.cut).toMatch(/调整后预算不能为负/);
  });
});

describe('project form', () => {
  it('starts a new project with one fund source and checks it with the domain rules', () => {
    const state = projectFormOf(null);
    expect(state.funds).toEqual([emptyFund('本级财政拨款')]);
    const errors = projectFormErrors(state, () => undefined);
    expect(errors.fields).toMatchObject({ code: '请填写项目编码', name: '请填写项目名称', unitCode: '请选择实施单位' });
  });

  it('turns the form into the service input in 分', () => {
    const state = { ...projectFormOf(null), code: 'XM1', funds: [{ source: '本级财政拨款' as const, initial: '12.5', addition: '1', cut: '' }] };
    expect(toProjectInput(state, 2020)).toMatchObject({ year: 2020, code: 'XM1', funds: [{ source: '本级财政拨款', initialFen: 12_500_000, additionFen: 1_000_000, cutFen: 0 }] });
  });

  it('edits a project opened with its unit named, sending the service only the project’s own fields', () => {
    const funds = [{ source: '本级财政拨款', initialFen: 12_500_000, additionFen: 0, cutFen: 0 }];
    const opened = {
      id: 'p1', year: 2020, version: 3, updatedAt: '2020-03-01T00:00:00Z', code: 'XM1', name: '村级道路', departmentCode: '101001', unitCode: '102005',
      category: '本级支出' as const, attribute: '新增' as const, keyProject: false, povertyFund: false, confidential: false, projectTypeCode: null,
      startDate: null, endDate: null, personInCharge: '', funds, totals: { initialFen: 12_500_000, additionFen: 0, cutFen: 0, adjustedFen: 12_500_000 },
      unit: { code: '102005', name: '第5村委会', departmentCode: '101001', isDepartment: false, active: true, departmentName: '交通运输局' },
    };
    const input = toProjectInput(projectFormOf(opened), 2020);
    expect(input).not.toHaveProperty('unit');
    expect(input).toMatchObject({ unitCode: '102005', departmentCode: '101001', funds });
  });
});
