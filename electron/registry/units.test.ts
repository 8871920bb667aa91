import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { AppError } from '../errors';
import { countyStore, freshStore, TEST_ACTOR } from '../testSupport/fixtures';
import { createUnit, listUnits, lookupUnits, setUnitActive, updateUnit, UNIT_LOOKUP_LIMIT } from './units';

const education = { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true };
const school = { code: '101002', name: '轮台县第一中学', departmentCode: '101001', isDepartment: false };

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('budget units', () => {
  it('refuses to register units before first-run setup', () => {
    const { db } = freshStore();
    expect(refusal(() => createUnit(db, TEST_ACTOR, education)).code).toBe('NOT_INITIALIZED');
  });

  it('registers a department and a unit under it, sorted by code', () => {
    const { db } = countyStore();
    createUnit(db, TEST_ACTOR, education);
    createUnit(db, TEST_ACTOR, school);
    expect(listUnits(db).map((u) => [u.code, u.departmentCode, u.isDepartment])).toEqual([
      ['101001', null, true],
      ['101002', '101001', false],
    ]);
  });

  it('refuses a supervising department that is not registered', () => {
    const { db } = countyStore();
    expect(refusal(() => createUnit(db, TEST_ACTOR, school))).toEqual({
      code: 'INVALID_INPUT',
      message: '主管部门编码 101001 不存在，请先录入该主管部门',
    });
    expect(listUnits(db)).toEqual([]);
  });

  it('refuses a second unit of the same name under the same department, on creating and on editing', () => {
    const { db } = countyStore();
    createUnit(db, TEST_ACTOR, education);
    createUnit(db, TEST_ACTOR, school);
    const message = '主管部门 101001 下已有名为“轮台县第一中学”的单位（编码 101002），请检查是否重复录入，或改用能区分的名称';
    expect(refusal(() => createUnit(db, TEST_ACTOR, { ...school, code: '101003', name: ' 轮台县第一中学 ' }))).toEqual({ code: 'INVALID_INPUT', message });
    const second = createUnit(db, TEST_ACTOR, { ...school, code: '101003', name: '轮台县第二中学' });
    expect(refusal(() => updateUnit(db, TEST_ACTOR, { ...school, id: second.id, version: second.version, code: '101003' }))).toEqual({ code: 'INVALID_INPUT', message });
    expect(refusal(() => createUnit(db, TEST_ACTOR, { ...education, code: '102001' })).message).toBe(
      '同一层级已有名为“轮台县教育局”的单位（编码 101001），请检查是否重复录入，或改用能区分的名称',
    );
    expect(listUnits(db).map((u) => u.name)).toEqual(['轮台县教育局', '轮台县第一中学', '轮台县第二中学']);
    // The same name under another department, and a unit renaming itself to its own name, are fine.
    createUnit(db, TEST_ACTOR, { code: '201001', name: '轮台县卫生健康委员会', departmentCode: null, isDepartment: true });
    createUnit(db, TEST_ACTOR, { ...school, code: '201002', departmentCode: '201001' });
    const school1 = listUnits(db).find((u) => u.code === '101002')!;
    expect(updateUnit(db, TEST_ACTOR, { ...school, id: school1.id, version: school1.version }).version).toBe(school1.version + 1);
  });

  it('refuses invalid fields with the domain rule messages', () => {
    const { db } = countyStore();
    expect(refusal(() => createUnit(db, TEST_ACTOR, { ...education, code: '1', name: ' ' })).message).toBe(
      '单位编码应为 3–20 位数字或字母；请填写单位名称',
    );
  });

  it('bumps the version on every change and refuses an edit based on an old version', () => {
    const { db } = countyStore();
    const unit = createUnit(db, TEST_ACTOR, education);
    const renamed = updateUnit(db, TEST_ACTOR, { ...education, id: unit.id, version: unit.version, name: '轮台县教育和科学技术局' });
    expect(renamed.version).toBe(unit.version + 1);
    expect(refusal(() => updateUnit(db, TEST_ACTOR, { ...education, id: unit.id, version: unit.version })).code).toBe('CONFLICT');
    expect(listUnits(db)[0]!.name).toBe('轮台县教育和科学技术局');
  });

  it('deactivates a unit without losing it, and audits before and after', () => {
    const { db } = countyStore();
    const unit = createUnit(db, TEST_ACTOR, education);
    const inactive = setUnitActive(db, TEST_ACTOR, { id: unit.id, active: false });
    expect(inactive.active).toBe(false);
    expect(listUnits(db)).toHaveLength(1);
    const [last] = listAudit(db, { entity: 'unit', limit: 1 });
    expect(last).toMatchObject({ action: '停用单位', operatorName: '测试员', before: '{"active":true}', after: '{"active":false}' });
  });
});

describe('units lookup for pickers', () => {
  /** 120 schools under the education bureau (codes 102001…102120), one with a % in its name, one deactivated. */
  function county() {
    const store = countyStore();
    createUnit(store.db, TEST_ACTOR, education);
    for (let n = 1; n <= 120; n++) {
      const code = `102${String(n).padStart(3, '0')}`;
      createUnit(store.db, TEST_ACTOR, { code, name: n === 7 ? '轮台县100%助学中心' : `轮台县第${n}小学`, departmentCode: '101001', isDepartment: false });
    }
    const closed = listUnits(store.db).find((u) => u.code === '102009')!;
    setUnitActive(store.db, TEST_ACTOR, { id: closed.id, active: false });
    return store.db;
  }

  it('answers a page of the units by code, with how many match in all', () => {
    const db = county();
    const all = lookupUnits(db, { query: '' });
    expect(all.total).toBe(121);
    expect(all.units).toHaveLength(UNIT_LOOKUP_LIMIT);
    expect(all.units.map((u) => u.code)).toEqual(listUnits(db).slice(0, UNIT_LOOKUP_LIMIT).map((u) => u.code));
  });

  it('finds units whose code starts with the search or whose name contains it, taking % literally', () => {
    const db = county();
    expect(lookupUnits(db, { query: '10211' }).units.map((u) => u.code)).toEqual(['102110', '102111', '102112', '102113', '102114', '102115', '102116', '102117', '102118', '102119']);
    expect(lookupUnits(db, { query: '第11小学' }).units.map((u) => u.name)).toEqual(['轮台县第11小学']);
    expect(lookupUnits(db, { query: '0%' })).toEqual({ units: [{ code: '102007', name: '轮台县100%助学中心', departmentCode: '101001', isDepartment: false, active: true, departmentName: education.name }], total: 1, chosen: null });
    // A code's middle is not its start: 0211 is in no code's first digits.
    expect(lookupUnits(db, { query: '0211' }).total).toBe(0);
  });

  it('names the chosen unit whether it matches or not, and leaves out deactivated units when asked', () => {
    const db = county();
    const last = { code: '102120', name: '轮台县第120小学', departmentCode: '101001', isDepartment: false, active: true, departmentName: education.name };
    expect(lookupUnits(db, { query: '', include: '102120' })).toMatchObject({ total: 121, chosen: last });
    expect(lookupUnits(db, { query: '第9小学' }).units.map((u) => [u.code, u.active])).toEqual([['102009', false]]);
    expect(lookupUnits(db, { query: '第9小学', activeOnly: true, include: '102009' })).toEqual({ units: [], total: 0, chosen: expect.objectContaining({ code: '102009', active: false }) });
    expect(lookupUnits(db, { query: '', include: '999999' }).chosen).toBeNull();
  });

  it('offers only the 主管部门 when asked, each unit naming its department', () => {
    const db = county();
    createUnit(db, TEST_ACTOR, { code: '103001', name: '轮台县卫生健康委员会', departmentCode: null, isDepartment: true });
    expect(lookupUnits(db, { query: '', departmentsOnly: true })).toEqual({
      units: [
        { code: '101001', name: education.name, departmentCode: null, isDepartment: true, active: true, departmentName: null },
        { code: '103001', name: '轮台县卫生健康委员会', departmentCode: null, isDepartment: true, active: true, departmentName: null },
      ],
      total: 2,
      chosen: null,
    });
    expect(lookupUnits(db, { query: '第5小学', departmentsOnly: true }).total).toBe(0);
    expect(lookupUnits(db, { query: '第5小学' }).units[0]!.departmentName).toBe(education.name);
  });
});
