// Test support for the project register and targets: a small county registry (two departments, one
// subordinate unit) to seed with seedCounty, and a project as a user enters it, through the real service.
import type { Db } from '../../db/open';
import { createProject, type Project, type ProjectInput } from '../projects/projects';
import type { SeedUnit } from './county';
import { TEST_ACTOR } from './fixtures';

export const ROAD_AND_SCHOOL_UNITS: SeedUnit[] = [
  { code: '301001', name: '轮台县交通运输局' },
  { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001' },
  { code: '302001', name: '轮台县教育局' },
];

export const projectInput = (over: Partial<ProjectInput> = {}): ProjectInput => ({
  year: 2020,
  code: 'XM2020001',
  name: '农村公路硬化工程',
  departmentCode: '301001',
  unitCode: '301002',
  category: '本级支出',
  attribute: '新增',
  keyProject: false,
  povertyFund: false,
  confidential: false,
  projectTypeCode: null,
  startDate: '2020-03-01',
  endDate: '2020-11-30',
  personInCharge: '李四',
  funds: [{ source: '本级财政拨款', initialFen: 120_000_000, additionFen: 0, cutFen: 0 }],
  ...over,
});

export const addProject = (db: Db, over: Partial<ProjectInput> = {}): Project => createProject(db, TEST_ACTOR, projectInput(over));
