// Test support for 部门评价 / 财政评价: the plan county with a bureau clerk, two reviewers and a 主管部门审核人
// of 交通运输局, a firm with its 2020 job, and an evaluation filled to full marks the way an evaluator would.
import { leavesOf, type LeafInput, type Rule } from '../domain/evaluation';
import type { EvaluationDetail } from '../evaluation/evaluations';
import { listTemplates } from '../evaluation/templates';
import { addEngagement, createFirm } from '../experts/firms';
import { createOperator } from '../registry/operators';
import { planCounty } from './evaluationPlans';
import { countyStore, TEST_ACTOR } from './fixtures';

/** A full-marks input for each rule. */
const fullMarks = (rule: Rule, points: string): Partial<LeafInput> =>
  rule.type === 'proportional' ? { value: '100', target: '100' } : rule.type === 'step-table' ? { value: '100' } : rule.type === 'deduct-per-unit' ? { count: '0' } : { score: points };

/** The save input of an evaluation with every leaf filled (full marks unless `over` says otherwise), methods, standard and a finding. */
export function filledEvaluation(detail: EvaluationDetail, over: Record<string, Partial<LeafInput>> = {}) {
  const leaves = leavesOf(detail.template.tree).map(({ node, path }) => ({ path, value: '', target: '', count: '', score: '', evidence: '查阅账簿', ...fullMarks(node.rule!, node.points), ...over[path] }));
  return { id: detail.id, version: detail.version, leaves, methods: ['比较法', '公众评判法'] as const, standard: '计划' as const, evaluators: '县财政局评价组', findings: ['资金到位偏晚'] };
}

export const TEST_FIRM = { name: '新疆天山绩效评价咨询有限公司', creditCode: '91440300708461136T', qualifications: '工程咨询甲级', contact: '0996-1234567' };

export function evaluationCounty() {
  const store = countyStore({ colleagues: true });
  const { db } = store;
  const { projectIds } = planCounty(db);
  const operator = (name: string, role: 'clerk' | 'reviewer' | 'department', departmentCode?: string) => createOperator(db, TEST_ACTOR, { name, role, password: null, departmentCode });
  const clerk = operator('李经办', 'clerk');
  const reviewer = operator('王审核', 'reviewer');
  const secondReviewer = operator('赵审核', 'reviewer');
  const transport = operator('马部门', 'department', '301001');
  const projectTemplate = listTemplates(db).find((t) => t.kind === 'project')!;
  const firm = createFirm(db, TEST_ACTOR, TEST_FIRM);
  const job = addEngagement(db, TEST_ACTOR, { firmId: firm.id, year: 2020, subject: '2020 年重点项目财政评价', contractFen: 12_000_000, feeFen: 6_000_000, startDate: '2021-03-01', endDate: '2021-05-31' });
  return { store, db, projectIds, clerk, reviewer, secondReviewer, transport, projectTemplate, firm, job };
}

export type EvaluationCounty = ReturnType<typeof evaluationCounty>;
