// Test support: the one way tests seed a county. Units, projects with their funds and targets in any
// state are written straight into the tables with prepared statements (the way bulk paths write), so a
// test states exactly which targets are approved, in review or confidential without walking each one
// through the workflow; monitoring rounds are created through the real service, as the office does.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Db } from '../../db/open';
import { defaultAccrual, type Accrual } from '../domain/indicators';
import type { FundSource } from '../domain/projects';
import type { WorkflowState } from '../domain/workflow';
import { createRound, type RoundInput, type RoundSummary } from '../monitoring/rounds';
import { requireInstallation } from '../registry';
import { TEST_ACTOR } from './fixtures';

export interface SeedUnit {
  code: string;
  name: string;
  /** Its 主管部门; none makes the unit a 主管部门 itself. */
  departmentCode?: string;
}

export interface SeedFund {
  source: FundSource;
  /** Amounts in 分. */
  initialFen: number;
  additionFen?: number;
  cutFen?: number;
}

export interface SeedProject {
  code: string;
  name: string;
  /** The implementing unit; the project's 主管部门 is that unit's. */
  unitCode: string;
  /** Defaults to the county's year. */
  year?: number;
  keyProject?: boolean;
  confidential?: boolean;
  funds?: SeedFund[];
}

export interface SeedIndicator {
  name: string;
  operator: string;
  value: string;
  unit?: string;
  /** Default 产出指标 (效益指标 for a qualitative indicator). */
  level1?: string;
  /** Default 数量指标 (社会效益指标 for a qualitative indicator). */
  level2?: string;
  /** Defaults from the unit and level 2, as on the target form. */
  accrual?: Accrual;
  /** 分值; default none. */
  weight?: string;
}

/** A project's targets, of the project with this code (and the project's year). */
export interface SeedProjectTarget {
  project: string;
  status: WorkflowState;
  /** Default “<project name>的总体目标”. */
  overallGoal?: string;
  indicators?: SeedIndicator[];
}

/** A unit's department-wide targets for the county's year. */
export interface SeedDepartmentTarget {
  department: string;
  status: WorkflowState;
  fiscalFen: number;
  otherFen: number;
  tasks: { task: string; projectCodes: string[]; amountFen: number }[];
  indicators?: SeedIndicator[];
}

export interface SeedCounty {
  /** The year of projects, department targets and rounds unless they say otherwise; default 2020. */
  year?: number;
  units?: SeedUnit[];
  projects?: SeedProject[];
  targets?: (SeedProjectTarget | SeedDepartmentTarget)[];
  /** Created in order, after the targets, so `scope: 'all'` finds the approved ones. */
  rounds?: RoundInput[];
}

export interface SeededCounty {
  /** Project ids by project code. */
  projectIds: Map<string, string>;
  rounds: RoundSummary[];
}

const isDepartmentTarget = (target: SeedProjectTarget | SeedDepartmentTarget): target is SeedDepartmentTarget => 'department' in target;

/** Seeds the installation's county; the database must have been set up (countyStore). */
export function seedCounty(db: Db, county: SeedCounty): SeededCounty {
  const region = requireInstallation(db).region.code;
  const year = county.year ?? 2020;
  const sqlite = sqliteOf(db);
  const insertUnit = sqlite.prepare('INSERT INTO units (id, region_code, code, name, department_code, is_department) VALUES (?, ?, ?, ?, ?, ?)');
  const departmentOf = sqlite.prepare<[string, string], { department: string }>(
    'SELECT coalesce(department_code, code) AS department FROM units WHERE region_code = ? AND code = ?',
  );
  const insertProject = sqlite.prepare(
    'INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, key_project, confidential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFund = sqlite.prepare('INSERT INTO project_funds (project_id, source, initial_fen, addition_fen, cut_fen) VALUES (?, ?, ?, ?, ?)');
  const insertTarget = sqlite.prepare(
    `INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, overall_goal, decided_at, fiscal_fen, other_fen, functions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTask = sqlite.prepare('INSERT INTO department_tasks (id, target_id, seq, function, task, project_codes, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertIndicator = sqlite.prepare(
    'INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit, accrual, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const writeIndicators = (targetId: string, indicators: SeedIndicator[] = []) =>
    indicators.forEach((indicator, index) => {
      const qualitative = indicator.operator === '定性';
      const level1 = indicator.level1 ?? (qualitative ? '效益指标' : '产出指标');
      const level2 = indicator.level2 ?? (qualitative ? '社会效益指标' : '数量指标');
      const unit = indicator.unit ?? '';
      const accrual = indicator.accrual ?? defaultAccrual({ unit, level2 });
      insertIndicator.run(randomUUID(), targetId, index + 1, level1, level2, indicator.name, indicator.operator, indicator.value, unit, accrual, indicator.weight ?? '');
    });
  const decidedAt = (status: WorkflowState, targetYear: number) => (status === 'approved' ? `${targetYear}-02-01` : null);

  const projectIds = new Map<string, string>();
  const projects = new Map<string, { id: string; name: string; year: number }>();
  sqlite.transaction(() => {
    for (const unit of county.units ?? []) {
      const department = unit.departmentCode ?? null;
      insertUnit.run(randomUUID(), region, unit.code, unit.name, department, department === null ? 1 : 0);
    }
    for (const project of county.projects ?? []) {
      const department = departmentOf.get(region, project.unitCode)?.department;
      if (!department) throw new Error(`seedCounty: 项目 ${project.code} 的实施单位 ${project.unitCode} 未登记`);
      const id = randomUUID();
      const projectYear = project.year ?? year;
      insertProject.run(id, region, projectYear, project.code, project.name, department, project.unitCode, project.keyProject ? 1 : 0, project.confidential ? 1 : 0);
      for (const fund of project.funds ?? []) insertFund.run(id, fund.source, fund.initialFen, fund.additionFen ?? 0, fund.cutFen ?? 0);
      projectIds.set(project.code, id);
      projects.set(project.code, { id, name: project.name, year: projectYear });
    }
    for (const target of county.targets ?? []) {
      const id = randomUUID();
      if (isDepartmentTarget(target)) {
        insertTarget.run(id, region, year, 'department', target.department, null, target.status, `${target.department}的年度总体目标`, decidedAt(target.status, year), target.fiscalFen, target.otherFen, '职能');
        target.tasks.forEach((task, seq) => insertTask.run(randomUUID(), id, seq, '职能', task.task, JSON.stringify(task.projectCodes), task.amountFen));
      } else {
        const project = projects.get(target.project);
        if (!project) throw new Error(`seedCounty: 目标所属的项目 ${target.project} 不在 projects 中`);
        const goal = target.overallGoal ?? `${project.name}的总体目标`;
        insertTarget.run(id, region, project.year, 'project', target.project, project.id, target.status, goal, decidedAt(target.status, project.year), null, null, null);
      }
      writeIndicators(id, target.indicators);
    }
  })();
  const rounds = (county.rounds ?? []).map((round) => createRound(db, TEST_ACTOR, round));
  return { projectIds, rounds };
}
