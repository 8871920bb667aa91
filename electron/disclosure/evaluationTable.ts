// The publishable 绩效评价结果表 (key evaluation results, published with the final accounts): the approved
// 财政评价 and 部门评价 of the year's projects in scope, never a 涉密 project; what is left out is counted
// (涉密, and evaluations not yet approved).
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { evaluations, projectFunds, projects } from '../../db/schema';
import type { DisclosedEvaluation } from '../domain/disclosure';
import { EVALUATION_KIND_LABELS } from '../domain/evaluation';
import type { Excluded, Scope } from './tableParts';

const findingsText = (json: string): string => {
  const list = JSON.parse(json) as unknown;
  return Array.isArray(list) ? list.map(String).filter((f) => f.trim() !== '').map((f, i) => `${i + 1}. ${f}`).join('\n') : '';
};

export function evaluationRows(db: Db, year: number, scope: Scope): { evaluations: DisclosedEvaluation[]; excluded: Excluded } {
  const rows = db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      status: evaluations.status,
      total: evaluations.totalScore,
      grade: evaluations.grade,
      findings: evaluations.findings,
      code: projects.code,
      name: projects.name,
      unitCode: projects.unitCode,
      departmentCode: projects.departmentCode,
      confidential: projects.confidential,
      amountFen: sql<number>`(SELECT coalesce(sum(f.initial_fen + f.addition_fen - f.cut_fen), 0) FROM ${projectFunds} f WHERE f.project_id = ${projects.id})`,
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(eq(evaluations.regionCode, scope.regionCode), eq(evaluations.year, year), eq(evaluations.deleted, false), isNotNull(evaluations.projectId)))
    .all()
    .filter((r) => scope.includes(r.unitCode, r.departmentCode))
    // As the other tables: by 主管部门, then unit, then project; a project's 财政评价 before its 部门评价.
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.unitCode.localeCompare(b.unitCode) || a.code.localeCompare(b.code) || b.kind.localeCompare(a.kind));
  const confidential = rows.filter((r) => r.confidential).length;
  const published = rows.filter((r) => !r.confidential && r.status === 'approved');
  return {
    evaluations: published.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kindLabel: EVALUATION_KIND_LABELS[r.kind],
      departmentName: scope.unitName(r.departmentCode),
      unitName: scope.unitName(r.unitCode),
      amountFen: r.amountFen,
      total: r.total ?? '',
      grade: r.grade ?? '',
      findings: findingsText(r.findings),
    })),
    excluded: { confidential, notApproved: rows.length - confidential - published.length },
  };
}
