// Test support: a few units and projects with targets written straight into the tables, so that the
// disclosure tests state exactly which projects are approved, confidential or still in review.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/open';
import { departmentTasks, projectFunds, projects, targetIndicators, targets, units } from '../../db/schema';
import type { WorkflowState } from '../domain/workflow';

export const REGION = '652822';

export function addUnit(db: Db, code: string, name: string, departmentCode: string | null = null): void {
  db.insert(units).values({ id: randomUUID(), regionCode: REGION, code, name, departmentCode, isDepartment: departmentCode === null }).run();
}

export interface TestProject {
  code: string;
  name: string;
  unitCode: string;
  departmentCode: string;
  status: WorkflowState | null;
  confidential?: boolean;
  year?: number;
  /** [source, initial, addition, cut] in 分. */
  funds?: [string, number, number, number][];
  /** [level1, level2, name, operator, value, unit]. */
  indicators?: [string, string, string, string, string, string][];
}

export function addProject(db: Db, project: TestProject): void {
  const id = randomUUID();
  const year = project.year ?? 2020;
  db.insert(projects)
    .values({ id, regionCode: REGION, year, code: project.code, name: project.name, departmentCode: project.departmentCode, unitCode: project.unitCode, confidential: project.confidential ?? false })
    .run();
  for (const [source, initialFen, additionFen, cutFen] of project.funds ?? []) {
    db.insert(projectFunds).values({ projectId: id, source: source as never, initialFen, additionFen, cutFen }).run();
  }
  if (project.status === null) return;
  const targetId = randomUUID();
  db.insert(targets)
    .values({ id: targetId, regionCode: REGION, year, kind: 'project', ownerCode: project.code, projectId: id, status: project.status, overallGoal: `${project.name}的总体目标` })
    .run();
  (project.indicators ?? []).forEach(([level1, level2, name, operator, value, unit], seq) => {
    db.insert(targetIndicators).values({ id: randomUUID(), targetId, seq, level1, level2, name, operator, value, unit }).run();
  });
}

export interface TestDepartmentTarget {
  unitCode: string;
  status: WorkflowState;
  fiscalFen: number;
  otherFen: number;
  /** [task, project codes, amount in 分]. */
  tasks: [string, string[], number][];
  indicators?: [string, string, string, string, string, string][];
}

export function addDepartmentTarget(db: Db, target: TestDepartmentTarget): void {
  const id = randomUUID();
  db.insert(targets)
    .values({
      id,
      regionCode: REGION,
      year: 2020,
      kind: 'department',
      ownerCode: target.unitCode,
      status: target.status,
      overallGoal: `${target.unitCode}的年度总体目标`,
      fiscalFen: target.fiscalFen,
      otherFen: target.otherFen,
      functions: '职能',
    })
    .run();
  target.tasks.forEach(([task, codes, amountFen], seq) => {
    db.insert(departmentTasks).values({ id: randomUUID(), targetId: id, seq, function: '职能', task, projectCodes: JSON.stringify(codes), amountFen }).run();
  });
  (target.indicators ?? []).forEach(([level1, level2, name, operator, value, unit], seq) => {
    db.insert(targetIndicators).values({ id: randomUUID(), targetId: id, seq, level1, level2, name, operator, value, unit }).run();
  });
}
