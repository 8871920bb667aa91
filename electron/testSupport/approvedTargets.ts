// Test data for monitoring: a small 轮台县 year of budget units, projects with funds by source, and
// project targets already approved (one still in review) with their indicator rows.
import type { Db } from '../../db/open';
import type { WorkflowState } from '../domain/workflow';
import { seedCounty, type SeedIndicator, type SeedProject } from './county';

const WAN = 1_000_000;

/**
 * A small 轮台县 year: two departments and a subordinate unit, four approved project targets (one key
 * project, one with two fund sources, reverse and qualitative indicators) and one target still in review.
 */
export function luntaiApprovedTargets(db: Db, year: number): Map<string, string> {
  return seedCounty(db, {
    year,
    units: [
      { code: '101001', name: '轮台县教育局' },
      { code: '101002', name: '轮台县第一中学', departmentCode: '101001' },
      { code: '102001', name: '轮台县卫生健康委员会' },
    ],
    projects: LUNTAI_PROJECTS,
    targets: LUNTAI_PROJECTS.map((project) => ({
      project: project.code,
      status: project.targetStatus ?? 'approved',
      overallGoal: `${project.name}按期完成`,
      indicators: project.indicators,
    })),
  }).projectIds;
}

/** The projects with their targets' status (approved unless said) and indicators. */
const LUNTAI_PROJECTS: (SeedProject & { indicators: SeedIndicator[]; targetStatus?: WorkflowState })[] = [
  {
    code: 'LT2020-001',
    name: '学生营养改善计划',
    unitCode: '101001',
    keyProject: true,
    funds: [
      { source: '本级财政拨款', initialFen: 200 * WAN, additionFen: 40 * WAN },
      { source: '上级补助（自治区）', initialFen: 60 * WAN, cutFen: 10 * WAN },
    ],
    indicators: [
      { name: '受益学生人次', operator: '≥', value: '1200', unit: '人次' },
      { name: '食品安全事故', operator: '=', value: '0', unit: '起', level2: '质量指标' },
      { name: '学生营养状况', operator: '定性', value: '明显改善' },
    ],
  },
  {
    code: 'LT2020-002',
    name: '校舍维修改造',
    unitCode: '101002',
    funds: [{ source: '本级财政拨款', initialFen: 240 * WAN }],
    indicators: [
      { name: '维修校舍面积', operator: '≥', value: '3000', unit: '平方米' },
      { name: '单位造价', operator: '≤', value: '800', unit: '元/平方米', level2: '成本指标' },
    ],
  },
  {
    code: 'LT2020-003',
    name: '乡村医生补助',
    unitCode: '102001',
    funds: [{ source: '上级补助（中央）', initialFen: 80 * WAN }],
    indicators: [
      { name: '补助乡村医生人数', operator: '≥', value: '150', unit: '人' },
      { name: '乡村医疗服务水平', operator: '定性', value: '有所提高' },
    ],
  },
  {
    code: 'LT2020-004',
    name: '基本公共卫生服务',
    unitCode: '102001',
    keyProject: true,
    funds: [{ source: '本级财政拨款', initialFen: 120 * WAN }],
    indicators: [{ name: '服务对象满意度', operator: '≥', value: '90', unit: '%', level1: '满意度指标', level2: '服务对象满意度指标' }],
  },
  {
    code: 'LT2020-005',
    name: '教师培训',
    unitCode: '101001',
    targetStatus: 'submitted',
    funds: [{ source: '本级财政拨款', initialFen: 30 * WAN }],
    indicators: [{ name: '培训教师人次', operator: '≥', value: '500', unit: '人次' }],
  },
];
