// 部门评价 / 财政评价 of the sample county, made through the same services as the pages: an expert pool (a
// few experts work for sample units, so the conflict-of-interest refusal can be seen), two third-party
// firms, the year's 财政评价 plan (the key projects and a 10% draw with a recorded seed), a finance
// evaluation of a key project by a firm with two experts, scored, its PDF report attached, approved by a
// second person, the firm's job rated and its finding opening a 整改通知; and a 部门评价 awaiting review.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { experts, firms, units } from '../../db/schema';
import type { Actor } from '../audit/audit';
import { leavesOf, type LeafInput, type Rule } from '../domain/evaluation';
import { creditCodeCheckCharacter } from '../domain/experts';
import { localDate } from '../domain/clock';
import {
  addByRule,
  assignEvaluator,
  attachReport,
  createEvaluation,
  getPlan,
  linkEngagement,
  listTemplates,
  openEvaluationRectification,
  rateFirmJob,
  saveEvaluation,
  transitionEvaluation,
  type EvaluationDetail,
} from '../evaluation';
import { addEngagement, createExpert, createFirm } from '../experts';
import { issueRectification } from '../rectification';
import { BUREAU_CLERK, BUREAU_REVIEWER } from './actors';
import { onePagePdf } from './pdf';
import type { Random } from './random';

/** The 主管部门's evaluation group, who does its 部门评价. */
const DEPARTMENT_EVALUATORS: Actor = { id: null, name: '示例主管部门评价组' };

export interface DemoEvaluationsSummary {
  experts: number;
  firms: number;
  /** Projects in the year's 财政评价 plan. */
  planned: number;
  evaluations: number;
}

const EXTERNAL_EXPERTS = [
  { name: '高建华', field: '财务', title: '高级会计师', organisation: '巴州会计师协会' },
  { name: '马丽娜', field: '交通', title: '高级工程师', organisation: '巴州公路勘察设计院' },
  { name: '艾力·买买提', field: '农业', title: '农艺师', organisation: '新疆农业大学' },
  { name: '孙志强', field: '教育', title: '副教授', organisation: '新疆师范大学' },
  { name: '刘芳', field: '绩效管理', title: '研究员', organisation: '自治区财政科学研究所' },
] as const;

/** Experts who work for sample units: assigning them to their own department's projects is refused. */
const UNIT_EXPERTS = [
  { name: '王建国', field: '财务', title: '会计师' },
  { name: '阿依古丽', field: '卫生', title: '主治医师' },
  { name: '陈晓东', field: '水利', title: '工程师' },
] as const;

/** Credit codes with their check character computed, as on a real licence. */
const creditCode = (first17: string) => `${first17}${creditCodeCheckCharacter(first17)}`;
const FIRMS = [
  { name: '新疆天衡绩效评价咨询有限公司', creditCode: creditCode('91650100MA77BXQ21'), qualifications: '工程咨询甲级；预算绩效评价专业机构', contact: '0991-6543210' },
  { name: '巴州信诚会计师事务所（普通合伙）', creditCode: creditCode('91652801MA78CHK35'), qualifications: '会计师事务所执业证书', contact: '0996-2028866' },
] as const;

/** The pool is the county's, not the year's: a second sample year finds it made. */
function writePool(db: Db, random: Random): { expertIds: string[]; firmIds: string[] } {
  // In the order they were made (rowid): by id, a random UUID, another year's sample would pick other experts.
  const existing = db.select({ id: experts.id }).from(experts).orderBy(sql`rowid`).all();
  if (existing.length > 0) return { expertIds: existing.map((e) => e.id), firmIds: db.select({ id: firms.id }).from(firms).orderBy(sql`rowid`).all().map((f) => f.id) };
  const pool = db.select({ code: units.code, name: units.name }).from(units).where(eq(units.isDepartment, false)).orderBy(asc(units.code)).all();
  const draft = { contact: '', available: true, notes: '' };
  const expertIds = EXTERNAL_EXPERTS.map((e) => createExpert(db, BUREAU_CLERK, { ...e, ...draft, unitCode: null, contact: `139${random.int(10000000, 99999999)}` }).id);
  UNIT_EXPERTS.forEach((e, i) => {
    const unit = pool[Math.floor(((i + 1) * pool.length) / (UNIT_EXPERTS.length + 1))]!;
    expertIds.push(createExpert(db, BUREAU_CLERK, { ...e, ...draft, organisation: unit.name, unitCode: unit.code }).id);
  });
  return { expertIds, firmIds: FIRMS.map((f) => createFirm(db, BUREAU_CLERK, f).id) };
}

/** What an evaluator enters for full marks under each rule, less on the leaves named in `scored`. */
function scoredLeaves(detail: EvaluationDetail, scored: Record<string, string>) {
  const full = (rule: Rule, points: string): Partial<LeafInput> =>
    rule.type === 'proportional' ? { value: '100', target: '100' } : rule.type === 'step-table' ? { value: '100' } : rule.type === 'deduct-per-unit' ? { count: '0' } : { score: points };
  return leavesOf(detail.template.tree).map(({ node, path }) => ({
    path,
    value: '',
    target: '',
    count: '',
    score: '',
    evidence: '查阅项目资料、现场核查',
    ...full(node.rule!, node.points),
    ...(scored[node.name] !== undefined ? { score: scored[node.name] } : {}),
  }));
}

/** A date `days` after today: a notice's deadline must lie ahead whenever the sample is made. */
const daysAhead = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

function writeFinanceEvaluation(db: Db, year: number, projectId: string, planItemId: string, pool: { expertIds: string[]; firmIds: string[] }): void {
  const [firmId] = pool.firmIds;
  const job = addEngagement(db, BUREAU_CLERK, { firmId: firmId!, year, subject: `${year} 年重点项目财政评价`, contractFen: 12_000_000, feeFen: 6_000_000, startDate: `${year + 1}-03-01`, endDate: `${year + 1}-05-31` });
  assignEvaluator(db, BUREAU_CLERK, { planItemId, firmId: firmId!, role: '受托机构' });
  assignEvaluator(db, BUREAU_CLERK, { planItemId, expertId: pool.expertIds[0]!, role: '组长' });
  assignEvaluator(db, BUREAU_CLERK, { planItemId, expertId: pool.expertIds[4]!, role: '成员' });
  const template = listTemplates(db).find((t) => t.kind === 'project')!;
  const made = createEvaluation(db, BUREAU_CLERK, { kind: 'finance-evaluation', year, templateId: template.id, projectId });
  const linked = linkEngagement(db, BUREAU_CLERK, { id: made.id, engagementId: job.id });
  const finding = '项目实施进度滞后于计划，部分资金年底集中支付';
  const saved = saveEvaluation(db, BUREAU_CLERK, {
    id: made.id,
    version: linked.version,
    leaves: scoredLeaves(linked, { 实施效益: '5', 完成及时性: '6' }),
    methods: ['比较法', '公众评判法'],
    standard: '计划',
    evaluators: '',
    findings: [finding, '绩效目标中个别指标未细化量化'],
  });
  attachReport(db, BUREAU_CLERK, { id: made.id, file: { fileName: `${year}年度${made.subjectCode}财政评价报告.pdf`, dataBase64: onePagePdf(`${year} finance evaluation report ${made.subjectCode}`).toString('base64') } });
  const submitted = transitionEvaluation(db, BUREAU_CLERK, { id: made.id, version: saved.version, action: 'submit' });
  transitionEvaluation(db, BUREAU_REVIEWER, { id: made.id, version: submitted.version, action: 'approve', opinion: '评价依据充分，同意' });
  rateFirmJob(db, BUREAU_REVIEWER, { id: made.id, rating: 4, comment: '报告规范、证据充分，现场核查略显仓促' });
  const notice = openEvaluationRectification(db, BUREAU_REVIEWER, { evaluationId: made.id, problems: finding, requirements: '制定资金支付计划，按季度报送实施进度', deadline: daysAhead(60) });
  issueRectification(db, BUREAU_REVIEWER, { id: notice.id, version: notice.version });
}

function writeDepartmentEvaluation(db: Db, year: number, project: { id: string; departmentCode: string }): void {
  const scope = { year, kind: 'department' as const, departmentCode: project.departmentCode };
  addByRule(db, DEPARTMENT_EVALUATORS, { ...scope, rule: { kind: 'hand', projectIds: [project.id] } });
  const template = listTemplates(db).find((t) => t.kind === 'project')!;
  const made = createEvaluation(db, DEPARTMENT_EVALUATORS, { kind: 'department-evaluation', year, templateId: template.id, projectId: project.id });
  const saved = saveEvaluation(db, DEPARTMENT_EVALUATORS, {
    id: made.id,
    version: made.version,
    leaves: scoredLeaves(made, { 实施效益: '10' }),
    methods: ['因素分析法'],
    standard: '历史',
    evaluators: '主管部门评价组',
    findings: [],
  });
  transitionEvaluation(db, DEPARTMENT_EVALUATORS, { id: made.id, version: saved.version, action: 'submit' });
}

export function writeDemoEvaluations(db: Db, year: number, random: Random): DemoEvaluationsSummary {
  const pool = writePool(db, random);
  const finance = { year, kind: 'finance' as const, departmentCode: null };
  addByRule(db, BUREAU_CLERK, { ...finance, rule: { kind: 'key' } });
  addByRule(db, BUREAU_CLERK, { ...finance, rule: { kind: 'draw', share: 10, seed: `LT${year}` } });
  const plan = getPlan(db, finance);
  const first = plan.items[0]!;
  writeFinanceEvaluation(db, year, first.projectId, first.id, pool);
  const planned = new Set(plan.items.map((i) => i.projectId));
  const outside = plan.projects.find((p) => !planned.has(p.id) && !p.keyProject);
  if (outside) writeDepartmentEvaluation(db, year, outside);
  return { experts: pool.expertIds.length, firms: pool.firmIds.length, planned: plan.items.length, evaluations: outside ? 2 : 1 };
}
