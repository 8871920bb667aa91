// Test data for monitoring until a whole demo county exists: budget units, projects with funds by
// source, and project targets already approved (status 'approved') with their indicator rows, written
// with prepared statements the way bulk paths write.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';
import { defaultAccrual, type Accrual } from '../domain/indicators';
import type { FundSource } from '../domain/projects';
import { requireInstallation } from '../registry/installation';

export interface FixtureIndicator {
  name: string;
  operator: string;
  value: string;
  unit?: string;
  level1?: string;
  level2?: string;
  /** Defaults from the unit and level 2, as on the target form. */
  accrual?: Accrual;
}

export interface FixtureProject {
  code: string;
  name: string;
  unitCode: string;
  keyProject?: boolean;
  /** Amounts in 分. */
  funds: { source: FundSource; initialFen: number; additionFen?: number; cutFen?: number }[];
  indicators: FixtureIndicator[];
  /** The target's status; 'approved' unless a test needs one still in review. */
  targetStatus?: 'draft' | 'submitted' | 'approved' | 'returned';
}

export interface FixtureUnit {
  code: string;
  name: string;
  departmentCode?: string;
}

const WAN = 1_000_000;

/** Inserts the units, projects and targets for `year`; returns the project ids by code. */
export function insertApprovedTargets(db: Db, year: number, units: readonly FixtureUnit[], projects: readonly FixtureProject[]): Map<string, string> {
  const region = requireInstallation(db).region.code;
  const sqlite = sqliteOf(db);
  const insertUnit = sqlite.prepare('INSERT INTO units (id, region_code, code, name, department_code, is_department) VALUES (?, ?, ?, ?, ?, ?)');
  const insertProject = sqlite.prepare(
    'INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, key_project) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFund = sqlite.prepare('INSERT INTO project_funds (project_id, source, initial_fen, addition_fen, cut_fen) VALUES (?, ?, ?, ?, ?)');
  const insertTarget = sqlite.prepare(
    "INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, overall_goal, decided_at) VALUES (?, ?, ?, 'project', ?, ?, ?, ?, ?)",
  );
  const insertIndicator = sqlite.prepare(
    'INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit, accrual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = new Map<string, string>();
  sqlite.transaction(() => {
    for (const unit of units) {
      const department = unit.departmentCode ?? null;
      insertUnit.run(randomUUID(), region, unit.code, unit.name, department, department === null ? 1 : 0);
    }
    const departmentOf = new Map(units.map((u) => [u.code, u.departmentCode ?? u.code]));
    for (const project of projects) {
      const projectId = randomUUID();
      ids.set(project.code, projectId);
      const department = departmentOf.get(project.unitCode) ?? project.unitCode;
      insertProject.run(projectId, region, year, project.code, project.name, department, project.unitCode, project.keyProject ? 1 : 0);
      for (const f of project.funds) insertFund.run(projectId, f.source, f.initialFen, f.additionFen ?? 0, f.cutFen ?? 0);
      const targetId = randomUUID();
      const status = project.targetStatus ?? 'approved';
      insertTarget.run(targetId, region, year, project.code, projectId, status, `${project.name}按期完成`, status === 'approved' ? `${year}-02-01` : null);
      project.indicators.forEach((i, index) => {
        const level1 = i.level1 ?? (i.operator === '定性' ? '效益指标' : '产出指标');
        const level2 = i.level2 ?? (i.operator === '定性' ? '社会效益指标' : '数量指标');
        const unit = i.unit ?? '';
        const accrual = i.accrual ?? defaultAccrual({ unit, level2 });
        insertIndicator.run(randomUUID(), targetId, index + 1, level1, level2, i.name, i.operator, i.value, unit, accrual);
      });
    }
  })();
  return ids;
}

/**
 * A small 轮台县 year: two departments and a subordinate unit, four approved project targets (one key
 * project, one with two fund sources, reverse and qualitative indicators) and one target still in review.
 */
export function luntaiApprovedTargets(db: Db, year: number): Map<string, string> {
  return insertApprovedTargets(
    db,
    year,
    [
      { code: '101001', name: '轮台县教育局' },
      { code: '101002', name: '轮台县第一中学', departmentCode: '101001' },
      { code: '102001', name: '轮台县卫生健康委员会' },
    ],
    [
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
    ],
  );
}
