// The publishable 项目支出绩效自评表 (with the final accounts, 决算公开): the approved self-evaluations of
// the year's approved project targets in scope, never a 涉密 project; what is left out is counted.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects } from '../../db/schema';
import type { DisclosedSelfEvaluation } from '../domain/disclosure';
import { displayTarget, type IndicatorOperator } from '../domain/indicators';
import { listSelfEvaluations, selfEvaluationResults } from '../selfEvaluation';
import type { Excluded, Scope } from './tableParts';

export function selfEvaluationRows(db: Db, year: number, scope: Scope): { selfEvaluations: DisclosedSelfEvaluation[]; excluded: Excluded } {
  const listed = listSelfEvaluations(db, { year });
  const placed = new Map(
    (listed.length === 0 ? [] : db.select({ id: projects.id, departmentCode: projects.departmentCode, confidential: projects.confidential }).from(projects).where(inArray(projects.id, listed.map((r) => r.projectId))).all()).map(
      (p) => [p.id, p],
    ),
  );
  const inScope = listed
    .map((row) => ({ row, project: placed.get(row.projectId)! }))
    .filter(({ row, project }) => scope.includes(row.unitCode, project.departmentCode))
    // As the target tables: by 主管部门, then unit, then project.
    .sort((a, b) => a.project.departmentCode.localeCompare(b.project.departmentCode) || a.row.unitCode.localeCompare(b.row.unitCode) || a.row.projectCode.localeCompare(b.row.projectCode));
  const confidential = inScope.filter(({ project }) => project.confidential).length;
  const published = inScope.filter(({ row, project }) => !project.confidential && row.status === 'approved');
  const department = new Map(published.map(({ row, project }) => [row.id!, scope.unitName(project.departmentCode)]));
  const results = new Map(selfEvaluationResults(db, published.map(({ row }) => row.id!)).map((r) => [r.id, r]));
  return {
    selfEvaluations: published.map(({ row }) => {
      const result = results.get(row.id!)!;
      return {
        id: result.id,
        code: result.projectCode,
        name: result.projectName,
        departmentName: department.get(result.id)!,
        unitName: result.unitName,
        adjustedFen: result.adjustedFen,
        executedFen: result.executedFen,
        rate: result.rate,
        total: result.total,
        grade: result.grade,
        indicators: result.indicators.map((i) => ({
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          target: displayTarget({ operator: i.operator as IndicatorOperator, value: i.targetValue, unit: i.unit }),
          actual: i.operator === '定性' || i.actual === '' ? i.actual : `${i.actual}${i.unit}`,
          score: i.score,
        })),
      };
    }),
    excluded: { confidential, notApproved: inScope.length - confidential - published.length },
  };
}
