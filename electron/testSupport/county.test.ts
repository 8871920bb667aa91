import { describe, expect, it } from 'vitest';
import { getProject } from '../projects/projects';
import { disclosureTable } from '../disclosure/targetTable';
import { seedCounty } from './county';
import { countyStore } from './fixtures';

describe('seedCounty', () => {
  it('gives a project its unit’s 主管部门 and opens rounds over the approved targets only', () => {
    const { db } = countyStore();
    const { projectIds, rounds } = seedCounty(db, {
      units: [
        { code: '101001', name: '轮台县教育局' },
        { code: '101002', name: '轮台县第一中学', departmentCode: '101001' },
      ],
      projects: [
        { code: 'XM1', name: '校舍维修', unitCode: '101002', funds: [{ source: '本级财政拨款', initialFen: 100 }] },
        { code: 'XM2', name: '教师培训', unitCode: '101001' },
      ],
      targets: [
        { project: 'XM1', status: 'approved', indicators: [{ name: '维修面积', operator: '≥', value: '300', unit: '平方米' }] },
        { project: 'XM2', status: 'submitted' },
      ],
      rounds: [{ year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' }],
    });
    expect(getProject(db, projectIds.get('XM1')!)).toMatchObject({ departmentCode: '101001', unitCode: '101002', year: 2020 });
    expect(rounds.map((round) => round.counts.sheets)).toEqual([1]);
    expect(disclosureTable(db, { year: 2020, unitCode: null, kind: 'projectTargets' }).targets.map((target) => target.overallGoal)).toEqual(['校舍维修的总体目标']);
  });

  it('refuses a project whose unit was never registered', () => {
    const { db } = countyStore();
    expect(() => seedCounty(db, { projects: [{ code: 'XM1', name: '校舍维修', unitCode: '999999' }] })).toThrow('项目 XM1 的实施单位 999999 未登记');
  });
});
