// Test support for 评价计划 and 专家库: a county of two departments and their units, projects of every
// kind a plan selects (key, large, 衔接资金, small), and experts placed for the conflict-of-interest rule.
import { sqliteOf, type Db } from '../../db/open';
import { createExpert } from '../experts/experts';
import type { ExpertDraft } from '../domain/experts';
import { seedCounty, type SeedProject } from './county';
import { TEST_ACTOR } from './fixtures';

const WAN = 1_000_000;

const PROJECTS: (SeedProject & { povertyFund?: boolean })[] = [
  { code: 'XM001', name: '农村公路硬化工程', unitCode: '301002', keyProject: true, funds: [{ source: '本级财政拨款', initialFen: 300 * WAN, additionFen: 20 * WAN }] },
  { code: 'XM002', name: '公路养护', unitCode: '301003', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN, cutFen: 1 }] },
  { code: 'XM003', name: '乡村振兴产业路', unitCode: '301002', povertyFund: true, funds: [{ source: '上级补助（中央）', initialFen: 80 * WAN }] },
  { code: 'XM004', name: '学生营养餐', unitCode: '302002', keyProject: true, povertyFund: true, funds: [{ source: '上级补助（中央）', initialFen: 150 * WAN }] },
  { code: 'XM005', name: '教师培训', unitCode: '302001', funds: [{ source: '本级财政拨款', initialFen: 20 * WAN }] },
  { code: 'XM006', name: '校舍维修', unitCode: '302002', funds: [{ source: '本级财政拨款', initialFen: 100 * WAN }] },
];

/** 交通运输局 (301001) with two units, 教育局 (302001) with one, and the six projects above in 2020. */
export function planCounty(db: Db) {
  const seeded = seedCounty(db, {
    units: [
      { code: '301001', name: '轮台县交通运输局' },
      { code: '301002', name: '轮台县农村公路管理站', departmentCode: '301001' },
      { code: '301003', name: '轮台县公路养护段', departmentCode: '301001' },
      { code: '302001', name: '轮台县教育局' },
      { code: '302002', name: '轮台县第一中学', departmentCode: '302001' },
    ],
    projects: PROJECTS,
  });
  // seedCounty knows no 衔接资金 flag; the register's column is set as an import would.
  const mark = sqliteOf(db).prepare('UPDATE projects SET poverty_fund = 1 WHERE code = ?');
  for (const p of PROJECTS.filter((p) => p.povertyFund)) mark.run(p.code);
  return seeded;
}

export const expertDraft = (over: Partial<ExpertDraft> = {}): ExpertDraft => ({
  name: '王芳',
  field: '交通',
  title: '高级工程师',
  organisation: '巴州公路勘察设计院',
  unitCode: null,
  contact: '13900000000',
  available: true,
  notes: '',
  ...over,
});

export const addExpert = (db: Db, over: Partial<ExpertDraft> = {}) => createExpert(db, TEST_ACTOR, expertDraft(over));
