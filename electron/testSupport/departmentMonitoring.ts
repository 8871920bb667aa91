// A county whose two units have approved department-wide targets, as the 部门整体 monitoring sheets' exchange,
// exports and counts read them.
import type { Store } from '../../db/open';
import { getDepartmentSheet, listDepartmentSheets, saveDepartmentSheet } from '../monitoring/departmentSheets';
import { seedCounty } from './county';
import { countyStore, TEST_ACTOR } from './fixtures';

const WAN = 1_000_000;
export const EDUCATION = { code: '101001', name: '轮台县教育局' };
export const HEALTH = { code: '201001', name: '轮台县卫生健康委员会' };

/** Each unit's 年度总体目标 (its department-wide target's overall goal). */
export const DEPARTMENT_GOAL = '保障本部门职能履行，年度绩效目标如期完成';
/** What fillDepartmentSheet reports of that goal to date. */
export const DEPARTMENT_GOAL_PROGRESS = '上半年重点任务已完成过半';

/** Both units with 60 万元 基本支出 + 40 万元 项目支出 and one indicator each, and the education bureau's project. */
export function countyWithDepartmentTargets(): Store {
  const county = countyStore();
  const department = (unit: string, indicator: string) => ({
    department: unit,
    status: 'approved' as const,
    fiscalFen: 100 * WAN,
    otherFen: 0,
    tasks: [],
    indicators: [{ name: indicator, operator: '≥', value: '95', unit: '%' }],
  });
  seedCounty(county.db, {
    year: 2020,
    units: [EDUCATION, HEALTH],
    projects: [{ code: 'LT-1', name: '校舍维修', unitCode: EDUCATION.code, funds: [{ source: '本级财政拨款', initialFen: 40 * WAN }] }],
    targets: [
      { project: 'LT-1', status: 'approved', indicators: [{ name: '维修校舍', operator: '≥', value: '10', unit: '所' }] },
      department(EDUCATION.code, '义务教育巩固率'),
      department(HEALTH.code, '孕产妇系统管理率'),
    ],
  });
  county.sqlite.prepare("UPDATE targets SET basic_fen = ?, project_fen = ?, overall_goal = ? WHERE kind = 'department'").run(60 * WAN, 40 * WAN, DEPARTMENT_GOAL);
  return county;
}

/** Fills a unit's department sheet of the round: 30 万元 基本支出, 20 万元 项目支出, the goal's progress, each indicator at 96 (97 expected). */
export function fillDepartmentSheet(store: Store, roundId: string, unitCode: string) {
  const sheet = getDepartmentSheet(store.db, listDepartmentSheets(store.db, roundId).find((s) => s.unitCode === unitCode)!.id);
  return saveDepartmentSheet(store.db, TEST_ACTOR, {
    sheetId: sheet.id,
    version: sheet.version,
    basicExecutedFen: 30 * WAN,
    projectExecutedFen: 20 * WAN,
    budget: { reasons: ['政府采购程序'], reasonOther: '', measures: '加快采购' },
    goalProgress: DEPARTMENT_GOAL_PROGRESS,
    remarks: '按进度执行',
    indicators: sheet.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: '96', expectedFullYear: '97', likelihood: '确定能' as const, reasons: [], reasonOther: '', measures: '' })),
  });
}
