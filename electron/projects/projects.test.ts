import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { AppError } from '../errors';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { createProject, deleteProject, getProject, listProjects, projectForEditing, updateProject } from './projects';
import { seedCounty } from '../testSupport/county';
import { addProject, projectInput, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';

function setUp() {
  const { db } = countyStore();
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  return db;
}

describe('the project list', () => {
  it('answers each row with what the list shows: its unit’s name joined in, the two budget totals, its target’s state', () => {
    const db = setUp();
    addProject(db, { funds: [{ source: '本级财政拨款', initialFen: 100_000_000, additionFen: 20_000_000, cutFen: 5_000_000 }], keyProject: true });
    const [row] = listProjects(db, 2020);
    expect(row).toEqual({
      id: expect.any(String),
      version: 1,
      code: 'XM2020001',
      name: row!.name,
      unitCode: '301002',
      unitName: '轮台县农村公路管理站',
      keyProject: true,
      povertyFund: false,
      confidential: false,
      totals: { initialFen: 100_000_000, adjustedFen: 115_000_000 },
      targetStatus: null,
    });
  });
});

describe('a project opened for editing', () => {
  it('names its implementing unit and that unit’s department, so the form needs no units list', () => {
    const db = setUp();
    const project = addProject(db);
    expect(projectForEditing(db, project.id)).toEqual({
      ...getProject(db, project.id),
      unit: { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001', isDepartment: false, active: true, departmentName: '轮台县交通运输局' },
    });
  });
});

describe('project register', () => {
  it('creates a project with funds by source and derives the adjusted budget', () => {
    const db = setUp();
    const project = addProject(db, {
      funds: [
        { source: '上级补助（中央）', initialFen: 300_000_000, additionFen: 0, cutFen: 0 },
        { source: '本级财政拨款', initialFen: 100_000_000, additionFen: 20_000_000, cutFen: 5_000_000 },
      ],
    });
    expect(project).toMatchObject({ year: 2020, code: 'XM2020001', version: 1 });
    // Sources in their fixed order, whatever order they were entered in.
    expect(project.funds.map((f) => f.source)).toEqual(['本级财政拨款', '上级补助（中央）']);
    expect(project.totals).toEqual({ initialFen: 400_000_000, additionFen: 20_000_000, cutFen: 5_000_000, adjustedFen: 415_000_000 });
    expect(listProjects(db, 2020).map((p) => [p.code, p.totals.adjustedFen, p.targetStatus])).toEqual([['XM2020001', 415_000_000, null]]);
    expect(listProjects(db, 2021)).toEqual([]);
    const [audit] = listAudit(db, { entity: 'project', limit: 1 });
    expect(audit).toMatchObject({ naturalKey: '652822/2020/XM2020001', action: '新增项目', operatorName: '测试员' });
  });

  it('keeps project codes unique within a year but allows the same code next year', () => {
    const db = setUp();
    addProject(db);
    expect(() => addProject(db)).toThrow('2020 年已有项目编码为 XM2020001 的项目，请检查是否重复录入');
    expect(addProject(db, { year: 2021 }).year).toBe(2021);
  });

  it('refuses an unknown unit, a wrong department, and cuts larger than the budget', () => {
    const db = setUp();
    expect(() => addProject(db, { unitCode: '399999' })).toThrow(/399999 不在预算单位名录中/);
    expect(() => addProject(db, { departmentCode: '302001' })).toThrow('轮台县农村公路管理站（301002）的主管部门是 301001，不是 302001');
    expect(() => addProject(db, { funds: [{ source: '本级财政拨款', initialFen: 100, additionFen: 0, cutFen: 101 }] })).toThrow(/调整后预算不能为负/);
    expect(listProjects(db, 2020)).toEqual([]);
  });

  it('updates with the edited version and refuses a stale one', () => {
    const db = setUp();
    const project = addProject(db);
    const updated = updateProject(db, TEST_ACTOR, {
      ...projectInput({ name: '农村公路硬化工程（一期）', funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 30_000_000, cutFen: 0 }] }),
      id: project.id,
      version: 1,
    });
    expect(updated).toMatchObject({ name: '农村公路硬化工程（一期）', version: 2 });
    expect(updated.totals.adjustedFen).toBe(150_000_000);
    const stale = () => updateProject(db, TEST_ACTOR, { ...projectInput(), id: project.id, version: 1 });
    expect(stale).toThrow(new AppError('CONFLICT', '该项目已被他人修改，请刷新后重新编辑'));
  });

  it('deletes as a tombstone, and a new project with the code takes the identity back', () => {
    const db = setUp();
    const project = addProject(db);
    deleteProject(db, TEST_ACTOR, { id: project.id, version: 1 });
    expect(listProjects(db, 2020)).toEqual([]);
    expect(() => getProject(db, project.id)).toThrow('该项目不存在或已删除，请刷新列表');
    const again = createProject(db, TEST_ACTOR, projectInput());
    expect(again.id).toBe(project.id);
    expect(again.version).toBe(3);
  });
});
