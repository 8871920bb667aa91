import { describe, expect, it } from 'vitest';
import { checkExpert, checkFirm, creditCodeCheckCharacter, creditCodeProblem, expertConflict, ratingProblem, roleProblem, type ConflictCheck } from './experts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character of the first 17', () => {
    // Published codes of two registered companies.
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
    expect(creditCodeProblem('91440300708461136T')).toBeNull();
    expect(creditCodeProblem(' 91440300708461136t ')).toBeNull();
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('refuses a changed character, a wrong length and a letter the standard leaves out', () => {
    // The 17th character weighs 28: one more there moves the check from T (26) to 26 − 28 mod 31 = 29, X.
    expect(creditCodeProblem('91440300708461137T')).toBe('统一社会信用代码校验位不符：按前 17 位，第 18 位应为“X”，请核对营业执照');
    expect(creditCodeProblem('9144030070846113')).toBe('统一社会信用代码应为 18 位，现在是 16 位');
    expect(creditCodeProblem('9144030070846113OT')).toMatch(/不能含“O”/);
    expect(creditCodeProblem('')).toBe('请填写统一社会信用代码');
  });
});

describe('expert and firm checks', () => {
  const expert = { name: '王芳', field: '交通', title: '高级工程师', organisation: '巴州公路设计院', unitCode: null, contact: '', available: true, notes: '' };

  it('needs a name, a field and an organisation (or a registered unit)', () => {
    expect(checkExpert(expert)).toEqual({});
    expect(checkExpert({ ...expert, name: ' ', field: '', organisation: '' })).toEqual({ name: '请填写专家姓名', field: '请填写专业领域，如“交通”“教育”“财务”', organisation: '请填写工作单位（回避审查要用到）' });
    expect(checkExpert({ ...expert, organisation: '', unitCode: '301001' })).toEqual({});
    expect(checkExpert({ ...expert, unitCode: '3-1' }).unitCode).toBe('单位编码应为 3–20 位数字或字母');
  });

  it('checks a firm’s credit code and a rating of 1–5 with a comment', () => {
    expect(checkFirm({ name: '新疆某某会计师事务所', creditCode: '91440300708461136T', qualifications: '', contact: '' })).toEqual({});
    expect(checkFirm({ name: '', creditCode: '91440300708461136A', qualifications: '', contact: '' })).toEqual({ name: '请填写机构名称', creditCode: expect.stringMatching(/校验位不符/) });
    expect([ratingProblem(0, '好'), ratingProblem(6, '好'), ratingProblem(4.5, '好')]).toEqual(Array(3).fill('质量评价应为 1–5 分的整数'));
    expect(ratingProblem(5, ' ')).toBe('请写明评价意见（做得好或不足之处）');
    expect(ratingProblem(1, '报告质量差')).toBeNull();
  });

  it('gives experts the panel roles and a firm the 受托机构 role', () => {
    expect(roleProblem('组长', 'expert')).toBeNull();
    expect(roleProblem('受托机构', 'expert')).toBe('专家的角色应为“组长”或“成员”');
    expect(roleProblem('成员', 'firm')).toBe('第三方机构的角色应为“受托机构”');
  });
});

describe('conflict of interest', () => {
  const road = { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001' };
  const check = (over: Partial<ConflictCheck> = {}, expert: Partial<ConflictCheck['expert']> = {}): string | null =>
    expertConflict({ expert: { name: '王芳', available: true, organisation: '', unitCode: null, ...expert }, evaluated: road, expertUnit: null, departmentName: '轮台县交通运输局', declared: [], ...over });

  it('lets an expert from elsewhere evaluate', () => {
    expect(check()).toBeNull();
    expect(check({ expertUnit: { code: '302001', name: '轮台县教育局', departmentCode: '302001' }, departmentName: '轮台县教育局' })).toBeNull();
  });

  it('refuses an expert of the evaluated unit itself', () => {
    expect(check({ expertUnit: road })).toBe('专家王芳的工作单位就是被评价单位轮台县农村公路管理站，需回避');
  });

  it('refuses an expert of another unit of the evaluated unit’s 主管部门, and of the 主管部门 itself', () => {
    expect(check({ expertUnit: { code: '301003', name: '轮台县公路养护段', departmentCode: '301001' } })).toBe('专家王芳的工作单位轮台县公路养护段与被评价单位轮台县农村公路管理站同属主管部门轮台县交通运输局，需回避');
    expect(check({ expertUnit: { code: '301001', name: '轮台县交通运输局', departmentCode: '301001' } })).toMatch(/同属主管部门轮台县交通运输局/);
  });

  it('refuses a declared conflict with the evaluated unit, naming its reason', () => {
    expect(check({ declared: [{ unitCode: '301002', reason: '配偶在该单位任职' }] })).toBe('专家王芳已登记与轮台县农村公路管理站存在利益冲突（配偶在该单位任职），需回避');
    expect(check({ declared: [{ unitCode: '302001', reason: '曾为其编制规划' }] })).toBeNull();
  });

  it('refuses an expert who is 暂停', () => {
    expect(check({}, { available: false })).toBe('专家王芳目前为“暂停”状态，不能指派；如已恢复，请先在专家库中改为“可用”');
  });
});
