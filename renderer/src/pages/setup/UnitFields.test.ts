import { describe, expect, it } from 'vitest';
import { unitProblems } from './UnitFields';

describe('the unit a 预算单位 installation is', () => {
  it('needs a code of 3–20 letters or digits and a name, in the words of the unit list', () => {
    expect(unitProblems({ code: '10-1', name: '', isDepartment: false })).toEqual({ code: '单位编码应为 3–20 位数字或字母', name: '请填写单位名称' });
    expect(unitProblems({ code: ' 101001 ', name: '轮台县教育局', isDepartment: true })).toEqual({});
  });
});
