import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../electron/registry/contract';
import { departmentName, filterUnits } from './unitList';

const unit = (code: string, name: string, departmentCode: string | null = null, isDepartment = false): Unit => ({
  id: code,
  code,
  name,
  departmentCode,
  isDepartment,
  active: true,
  version: 1,
  updatedAt: '2024-01-01T00:00:00.000Z',
});

const education = unit('101001', '轮台县教育局', null, true);
const school = unit('101002', '轮台县第一中学', '101001');
const clinic = unit('102003', '轮台县人民医院', '102001');

describe('filterUnits', () => {
  it('matches a code or a name substring', () => {
    expect(filterUnits([education, school, clinic], '1010')).toEqual([education, school]);
    expect(filterUnits([education, school, clinic], ' 中学 ')).toEqual([school]);
  });

  it('returns every unit for an empty query', () => {
    expect(filterUnits([education, school], '  ')).toHaveLength(2);
  });
});

describe('departmentName', () => {
  const byCode = new Map([education, school].map((u) => [u.code, u]));

  it('looks the department up by its code', () => {
    expect(departmentName(school, byCode)).toBe('轮台县教育局');
  });

  it('is empty for a department itself and names an unregistered code', () => {
    expect(departmentName(education, byCode)).toBe('');
    expect(departmentName(clinic, byCode)).toBe('102001（未登记）');
  });
});
