// 部门评价 / 财政评价: an evaluation of a project (or, on a department-wide template, of a unit) scored on
// one template version, leaf by leaf by the domain's rules, with the methods, the standard, the
// evaluators and the findings. A 主管部门审核人 evaluates only its own department's units; the bureau
// reviews (the submitter never decides), an approved evaluation is locked, every step is in the history.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { evaluationPlanItems, evaluationPlans, evaluations, evaluationScores, evaluationTemplates, projects, sqlNow, units } from '../../db/schema';
import { listAudit, recordAudit, type Actor, type AuditRow } from '../audit/audit';
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_METHODS,
  EVALUATION_STANDARDS,
  leavesOf,
  scoreEvaluation,
  TEMPLATE_KIND_LABELS,
  type EvaluationKind,
  type EvaluationMethod,
  type EvaluationStandard,
  type LeafInput,
  type NodePath,
  type TemplateKind,
} from '../domain/evaluation';
import type { Reviewer } from '../domain/reviewChain';
import { seesDepartment } from '../domain/reviewChain';
import { SETTINGS, type SettingValue } from '../domain/settings';
import { scoringSettingsFrom } from '../domain/selfEvaluation';
import { toFixed } from '../domain/ratio';
import { ACTION_LABELS, editable, transition, WORKFLOW_LABELS, type WorkflowAction, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { refuseOtherDepartmentsProject, refuseOtherDepartmentsUnit, refuseSelfReview, requireInstallation, requirePermission, reviewerOf } from '../registry';
import { settingValue } from '../settings';
import { listAttachments, type AttachmentInfo } from '../attachments';
import { listEngagements, type Engagement } from '../experts';
import { latestNotices, type NoticeRef } from '../rectification';
import { assignmentsOfItem, type Assignment } from './plans/assignments';
import { addByHand, planItemOf, type PlanScope } from './plans/plans';
import { freezeTemplate, requireTemplate, type TemplateVersion } from './templates';

export const ENTITY = 'evaluation';
const WHAT = '绩效评价';

export interface EvaluationListRow {
  id: string;
  year: number;
  kind: EvaluationKind;
  /** The project code, or the unit code for a department-wide template. */
  subjectCode: string;
  subjectName: string;
  unitCode: string;
  unitName: string;
  templateKind: TemplateKind;
  templateName: string;
  templateVersion: number;
  totalScore: string | null;
  grade: string | null;
  status: WorkflowState;
  updatedAt: string;
}

/** The settings the total and grade are read with (the bureau's grade lines and labels), for the form too. */
export const gradeValues = (db: Db): Record<string, SettingValue> =>
  Object.fromEntries(SETTINGS.filter((s) => s.key.startsWith('evaluation.')).map((s) => [s.key, settingValue(db, s.key)]));

const settingsOf = (values: Record<string, SettingValue>) => scoringSettingsFrom((key) => values[key]!);

const listColumns = {
  id: evaluations.id,
  year: evaluations.year,
  kind: evaluations.kind,
  subjectCode: evaluations.subjectCode,
  subjectName: sql<string>`coalesce(${projects.name}, ${units.name}, ${evaluations.subjectCode})`,
  unitCode: evaluations.unitCode,
  unitName: sql<string>`coalesce(${units.name}, ${evaluations.unitCode})`,
  departmentCode: sql<string | null>`coalesce(${projects.departmentCode}, ${units.departmentCode}, ${evaluations.unitCode})`,
  templateKind: evaluationTemplates.kind,
  templateName: evaluationTemplates.name,
  templateVersion: evaluationTemplates.version,
  totalScore: evaluations.totalScore,
  grade: evaluations.grade,
  status: evaluations.status,
  updatedAt: evaluations.updatedAt,
};

function selectEvaluations(db: Db) {
  return db
    .select(listColumns)
    .from(evaluations)
    .innerJoin(evaluationTemplates, eq(evaluationTemplates.id, evaluations.templateId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .leftJoin(units, and(eq(units.regionCode, evaluations.regionCode), eq(units.code, evaluations.unitCode)));
}

/** The year's evaluations; a 主管部门审核人 (`reviewer`) sees only its own department's. */
export function listEvaluations(db: Db, filter: { year: number }, reviewer?: Reviewer): EvaluationListRow[] {
  const { region } = requireInstallation(db);
  return selectEvaluations(db)
    .where(and(eq(evaluations.regionCode, region.code), eq(evaluations.year, filter.year), eq(evaluations.deleted, false)))
    .orderBy(asc(evaluations.kind), asc(evaluations.unitCode), asc(evaluations.subjectCode))
    .all()
    .filter((row) => !reviewer || seesDepartment(reviewer, row.departmentCode))
    .map(({ departmentCode: _, ...row }) => row);
}

export interface LeafEntry extends LeafInput {
  path: NodePath;
  evidence: string;
}

export interface EvaluationDetail extends EvaluationListRow {
  version: number;
  /** The plan item carried out (null on a department-wide template): its evaluators are this evaluation's. */
  planItemId: string | null;
  /** The experts by role and the firm assigned to the plan item. */
  assignments: Assignment[];
  /** The firm's job the evaluation was done under, and the assigned firm's jobs of the year to choose from. */
  engagement: Engagement | null;
  engagementChoices: Engagement[];
  /** The evaluation report (PDF or Word). */
  reports: AttachmentInfo[];
  /** The latest 整改通知 opened on the findings, with its status. */
  notice: NoticeRef | null;
  template: TemplateVersion;
  leaves: LeafEntry[];
  methods: EvaluationMethod[];
  standard: EvaluationStandard | null;
  evaluators: string;
  findings: string[];
  submittedBy: string | null;
  reviewedBy: string | null;
  reviewOpinion: string | null;
  /** The bureau's grade settings, so the form totals and grades the same while typing. */
  gradeSettings: Record<string, SettingValue>;
  /** What still blocks a submission, one line each. */
  problemList: string[];
  history: AuditRow[];
}

export const evaluationKey = (row: { regionCode: string; year: number; kind: string; subjectCode: string }) => `${row.regionCode}/${row.year}/${row.kind}/${row.subjectCode}`;

export function requireRow(db: Db, id: string) {
  const row = db.select().from(evaluations).where(and(eq(evaluations.id, id), eq(evaluations.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该绩效评价不存在或已删除，请刷新后重试');
  return row;
}

const leavesOfRow = (db: Db, id: string): LeafEntry[] =>
  db
    .select()
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, id))
    .all()
    .map((s) => ({ path: s.path, value: s.value, target: s.target, count: s.count, score: s.entered, evidence: s.evidence }));

/** The owner kind of an evaluation's report file, kept by electron/attachments under the evaluation's id. */
export const REPORT_OWNER = 'evaluation.report';
export const reportOwner = (id: string) => ({ kind: REPORT_OWNER, id });

type Submittable = Pick<EvaluationDetail, 'kind' | 'template' | 'leaves' | 'methods' | 'standard' | 'evaluators' | 'gradeSettings' | 'assignments' | 'engagement' | 'reports'>;

/** What must be there before 送审, beside the leaves' scores. */
function submissionProblems(detail: Submittable): string[] {
  const scoring = scoreEvaluation(detail.template.tree, new Map(detail.leaves.map((l) => [l.path, l])), settingsOf(detail.gradeSettings));
  const problems = [...scoring.refusals];
  if (scoring.unscored > scoring.refusals.length) problems.push(`还有 ${scoring.unscored - scoring.refusals.length} 项末级指标未评分`);
  if (detail.methods.length === 0) problems.push('请选择至少一种评价方法');
  if (!detail.standard) problems.push('请选择评价标准');
  if (detail.assignments.length === 0 && detail.evaluators.trim() === '') problems.push('请指派评价专家或第三方机构，或填写其他评价人员');
  if (detail.assignments.some((a) => a.firmId) && !detail.engagement) problems.push('请选择受托机构本年度的委托业务（合同）');
  if (detail.kind === 'finance-evaluation' && detail.reports.length === 0) problems.push('请上传评价报告（PDF 或 Word）');
  return problems;
}

/** The assigned firm's jobs of the year: one of them is the job this evaluation was done under. */
function engagementsOf(db: Db, assignments: readonly Assignment[], year: number): Engagement[] {
  const firm = assignments.find((a) => a.firmId)?.firmId;
  return firm ? listEngagements(db, { firmId: firm, year }) : [];
}

/** Who may open it: a 主管部门审核人 only its own department's. */
function refuseOtherDepartments(db: Db, viewer: Actor, row: typeof evaluations.$inferSelect): void {
  if (row.projectId) refuseOtherDepartmentsProject(db, viewer, row.projectId, WHAT);
  else refuseOtherDepartmentsUnit(db, viewer, row.regionCode, row.unitCode, WHAT);
}

export function getEvaluation(db: Db, id: string, viewer?: Actor): EvaluationDetail {
  const row = requireRow(db, id);
  if (viewer) refuseOtherDepartments(db, viewer, row);
  const { departmentCode: _, ...listed } = selectEvaluations(db).where(eq(evaluations.id, id)).get()!;
  const assignments = row.planItemId ? assignmentsOfItem(db, row.planItemId) : [];
  const engagementChoices = engagementsOf(db, assignments, row.year);
  const detail = {
    ...listed,
    version: row.version,
    planItemId: row.planItemId,
    assignments,
    engagement: engagementChoices.find((e) => e.id === row.engagementId) ?? null,
    engagementChoices,
    reports: listAttachments(db, reportOwner(id)),
    notice: latestNotices(db, row.kind, [id]).get(id) ?? null,
    template: requireTemplate(db, row.templateId),
    leaves: leavesOfRow(db, id),
    methods: JSON.parse(row.methods) as EvaluationMethod[],
    standard: row.standard,
    evaluators: row.evaluators,
    findings: JSON.parse(row.findings) as string[],
    submittedBy: row.submittedBy,
    reviewedBy: row.reviewedBy,
    reviewOpinion: row.reviewOpinion,
    gradeSettings: gradeValues(db),
  };
  return { ...detail, problemList: submissionProblems(detail), history: listAudit(db, { entity: ENTITY, naturalKey: evaluationKey(row), limit: 50 }) };
}

export interface EvaluationCreateInput {
  kind: EvaluationKind;
  year: number;
  templateId: string;
  /** The project evaluated, on a project template. */
  projectId?: string;
  /** The unit evaluated, on a department-wide template. */
  unitCode?: string;
  /** A project not in the year's plan of the kind is added to it by hand (reason 手动添加) once the user confirmed. */
  addToPlan?: boolean;
}

interface Subject {
  subjectCode: string;
  projectId: string | null;
  unitCode: string;
  name: string;
  planItemId: string | null;
}

/** The plan an evaluation of a project belongs to: the bureau's 财政评价 plan, or its department's 部门评价 plan. */
export const planScopeOf = (kind: EvaluationKind, year: number, departmentCode: string): PlanScope =>
  kind === 'finance-evaluation' ? { year, kind: 'finance', departmentCode: null } : { year, kind: 'department', departmentCode };

/** The plan item of the project, added by hand when the user confirmed; refused, naming the plan, otherwise. */
function planItemFor(db: Db, actor: Actor, input: EvaluationCreateInput, project: { id: string; name: string; departmentCode: string }): string {
  const scope = planScopeOf(input.kind, input.year, project.departmentCode);
  const item = planItemOf(db, scope, project.id);
  if (item) return item.id;
  if (!input.addToPlan) throw new AppError('INVALID_INPUT', `“${project.name}”不在 ${input.year} 年${EVALUATION_KIND_LABELS[input.kind]}计划中：请先在“评价计划”中加入，或确认手动加入计划后再新建`);
  return addByHand(db, actor, scope, project.id);
}

function subjectOf(db: Db, actor: Actor, regionCode: string, template: TemplateVersion, input: EvaluationCreateInput): Subject {
  if (template.kind === 'project') {
    if (!input.projectId) throw new AppError('INVALID_INPUT', '项目支出评价模板需要选择被评价的项目');
    const project = db.select().from(projects).where(and(eq(projects.id, input.projectId), eq(projects.deleted, false))).get();
    if (!project || project.regionCode !== regionCode) throw new AppError('NOT_FOUND', '该项目不存在或已删除，请刷新后重试');
    if (project.year !== input.year) throw new AppError('INVALID_INPUT', `“${project.name}”是 ${project.year} 年的项目，不能做 ${input.year} 年的评价`);
    refuseOtherDepartmentsProject(db, actor, project.id, '项目');
    return { subjectCode: project.code, projectId: project.id, unitCode: project.unitCode, name: project.name, planItemId: planItemFor(db, actor, input, project) };
  }
  if (!input.unitCode) throw new AppError('INVALID_INPUT', '部门整体评价模板需要选择被评价的单位');
  const unit = db.select().from(units).where(and(eq(units.regionCode, regionCode), eq(units.code, input.unitCode))).get();
  if (!unit) throw new AppError('NOT_FOUND', `单位 ${input.unitCode} 不存在，请先在“预算单位”中登记`);
  refuseOtherDepartmentsUnit(db, actor, regionCode, unit.code, '单位');
  return { subjectCode: unit.code, projectId: null, unitCode: unit.code, name: unit.name, planItemId: null };
}

/** A 主管部门审核人 does 部门评价 only; 财政评价 is the bureau's. */
export function refuseKindForRole(db: Db, actor: Actor, kind: EvaluationKind): void {
  if (kind === 'finance-evaluation' && reviewerOf(db, actor).role === 'department') {
    throw new AppError('FORBIDDEN', '主管部门审核人只能开展部门评价，财政评价由财政局开展');
  }
}

/** Starts an evaluation on a template version, which it freezes; one per kind, project (or unit) and year. */
export function createEvaluation(db: Db, actor: Actor, input: EvaluationCreateInput): EvaluationDetail {
  requirePermission(db, actor, 'evaluate');
  refuseKindForRole(db, actor, input.kind);
  const { region } = requireInstallation(db);
  const id = randomUUID();
  db.transaction((tx) => {
    const template = requireTemplate(tx, input.templateId);
    const subject = subjectOf(tx, actor, region.code, template, input);
    const key = { regionCode: region.code, year: input.year, kind: input.kind, subjectCode: subject.subjectCode };
    const existing = tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.regionCode, key.regionCode), eq(evaluations.year, key.year), eq(evaluations.kind, key.kind), eq(evaluations.subjectCode, key.subjectCode)))
      .get();
    if (existing) throw new AppError('CONFLICT', `“${subject.name}”已有 ${input.year} 年的${EVALUATION_KIND_LABELS[input.kind]}，请在列表中打开它`);
    tx.insert(evaluations).values({ id, ...key, projectId: subject.projectId, unitCode: subject.unitCode, templateId: template.id, planItemId: subject.planItemId, createdBy: actor.name }).run();
    for (const leaf of leavesOf(template.tree)) tx.insert(evaluationScores).values({ id: randomUUID(), evaluationId: id, path: leaf.path }).run();
    freezeTemplate(tx, template.id);
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: evaluationKey(key), action: `新建${EVALUATION_KIND_LABELS[input.kind]}`, after: { template: `${template.name} 第 ${template.version} 版（${TEMPLATE_KIND_LABELS[template.kind]}）` } });
  });
  return getEvaluation(db, id);
}

export interface EvaluationSaveInput {
  id: string;
  version: number;
  leaves: readonly LeafEntry[];
  methods: readonly EvaluationMethod[];
  standard: EvaluationStandard | null;
  evaluators: string;
  findings: readonly string[];
}

function refuseStale(detail: EvaluationDetail, version: number): void {
  if (detail.version !== version) throw new AppError('CONFLICT', `“${detail.subjectName}”的绩效评价已被他人修改，请刷新后重新填写`);
}

export function refuseLocked(detail: EvaluationDetail): void {
  if (editable(detail.status)) return;
  const hint = detail.status === 'submitted' ? '如需修改，请先撤回' : '已通过的绩效评价已锁定，不能再修改';
  throw new AppError('CONFLICT', `“${detail.subjectName}”的绩效评价当前为“${WORKFLOW_LABELS[detail.status]}”，不能修改。${hint}`);
}

const trimmedLeaf = (l: LeafEntry): LeafEntry => ({ path: l.path, value: l.value.trim(), target: l.target.trim(), count: l.count.trim(), score: l.score.trim(), evidence: l.evidence.trim() });

/** The evaluation as the input would leave it; refused when a leaf is not the template's. */
function applied(before: EvaluationDetail, input: EvaluationSaveInput): EvaluationDetail {
  const paths = new Set(before.leaves.map((l) => l.path));
  if (input.leaves.some((l) => !paths.has(l.path))) throw new AppError('INVALID_INPUT', '填报的指标不属于该评价所用的模板，请刷新后重新填写');
  const entries = new Map(input.leaves.map((l) => [l.path, trimmedLeaf(l)]));
  return {
    ...before,
    leaves: before.leaves.map((l) => entries.get(l.path) ?? l),
    methods: EVALUATION_METHODS.filter((m) => input.methods.includes(m)),
    standard: input.standard && (EVALUATION_STANDARDS as readonly string[]).includes(input.standard) ? input.standard : null,
    evaluators: input.evaluators.trim(),
    findings: input.findings.map((f) => f.trim()).filter((f) => f !== ''),
  };
}

const contentOf = (d: EvaluationDetail) => ({ leaves: d.leaves, methods: d.methods, standard: d.standard, evaluators: d.evaluators, findings: d.findings });

/** Saves a draft: it may be incomplete, but a leaf its rule refuses is refused, naming it, and nothing is written. */
export function saveEvaluation(db: Db, actor: Actor, input: EvaluationSaveInput): EvaluationDetail {
  requirePermission(db, actor, 'evaluate');
  db.transaction((tx) => {
    const row = requireRow(tx, input.id);
    const before = getEvaluation(tx, input.id, actor);
    refuseKindForRole(tx, actor, before.kind);
    refuseStale(before, input.version);
    refuseLocked(before);
    const after = applied(before, input);
    const scoring = scoreEvaluation(after.template.tree, new Map(after.leaves.map((l) => [l.path, l])), settingsOf(after.gradeSettings));
    if (scoring.refusals.length > 0) throw new AppError('INVALID_INPUT', `绩效评价没有保存：${scoring.refusals.join('；')}`);
    for (const leaf of after.leaves) {
      const score = scoring.leaves.get(leaf.path)?.score;
      tx.update(evaluationScores)
        .set({ value: leaf.value, target: leaf.target, count: leaf.count, entered: leaf.score, evidence: leaf.evidence, score: score ? toFixed(score, 2) : null })
        .where(and(eq(evaluationScores.evaluationId, before.id), eq(evaluationScores.path, leaf.path)))
        .run();
    }
    tx.update(evaluations)
      .set({
        methods: JSON.stringify(after.methods),
        standard: after.standard,
        evaluators: after.evaluators,
        findings: JSON.stringify(after.findings),
        totalScore: scoring.totalText,
        grade: scoring.unscored === 0 ? scoring.grade : null,
        version: sql`${evaluations.version} + 1`,
        updatedAt: sqlNow,
      })
      .where(eq(evaluations.id, before.id))
      .run();
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: evaluationKey(row), action: '保存绩效评价', before: contentOf(before), after: contentOf(after) });
  });
  return getEvaluation(db, input.id);
}

export interface EvaluationTransitionInput {
  id: string;
  version: number;
  action: WorkflowAction;
  opinion?: string | null;
}

/** Submitting and withdrawing is the evaluator's; approving and returning the bureau's review. */
export const evaluationActionPermission = ({ action }: { action: WorkflowAction }) => (action === 'approve' || action === 'return' ? ('review' as const) : ('evaluate' as const));

/** 送审 (complete only) / 撤回 / 审核通过 / 退回 (with an opinion); the submitter never approves or returns it. */
export function transitionEvaluation(db: Db, actor: Actor, input: EvaluationTransitionInput): EvaluationDetail {
  db.transaction((tx) => {
    const detail = getEvaluation(tx, input.id, actor);
    const row = requireRow(tx, input.id);
    refuseStale(detail, input.version);
    const move = transition(detail.status, input.action, input.opinion);
    if (!move.ok) throw new AppError('CONFLICT', move.message);
    requirePermission(tx, actor, evaluationActionPermission(input));
    const key = evaluationKey(row);
    const opinion = input.opinion?.trim() || null;
    if (input.action === 'submit' && detail.problemList.length > 0) {
      const more = detail.problemList.length > 5 ? `等 ${detail.problemList.length} 处` : '';
      throw new AppError('INVALID_INPUT', `“${detail.subjectName}”的绩效评价还不能送审，请先补充：${detail.problemList.slice(0, 5).join('；')}${more}`);
    }
    const decided = input.action === 'approve' || input.action === 'return';
    if (decided) refuseSelfReview(tx, actor, row.submittedBy, { entity: ENTITY, naturalKey: key });
    else refuseKindForRole(tx, actor, detail.kind);
    tx.update(evaluations)
      .set({
        status: move.next,
        version: sql`${evaluations.version} + 1`,
        updatedAt: sqlNow,
        ...(input.action === 'submit' ? { submittedAt: sqlNow, submittedBy: actor.id } : {}),
        ...(decided ? { decidedAt: sqlNow, reviewedBy: actor.name, reviewOpinion: opinion } : {}),
      })
      .where(eq(evaluations.id, row.id))
      .run();
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: key, action: `${ACTION_LABELS[input.action]}绩效评价`, before: { status: detail.status }, after: { status: move.next }, opinion });
  });
  return getEvaluation(db, input.id);
}

export interface EvaluationSubjects {
  projects: { id: string; code: string; name: string; unitCode: string; unitName: string }[];
  units: { code: string; name: string }[];
  /** The projects in the year's plans, by evaluation kind: 新建评价 offers these first. */
  planned: Record<EvaluationKind, string[]>;
}

/** What 新建评价 can choose for a year: the projects and the units, a 主管部门审核人 only its department's. */
export function evaluationSubjects(db: Db, year: number, reviewer?: Reviewer): EvaluationSubjects {
  const { region } = requireInstallation(db);
  const projectRows = db
    .select({ id: projects.id, code: projects.code, name: projects.name, unitCode: projects.unitCode, unitName: sql<string>`coalesce(${units.name}, ${projects.unitCode})`, departmentCode: projects.departmentCode })
    .from(projects)
    .leftJoin(units, and(eq(units.regionCode, projects.regionCode), eq(units.code, projects.unitCode)))
    .where(and(eq(projects.regionCode, region.code), eq(projects.year, year), eq(projects.deleted, false)))
    .orderBy(asc(projects.unitCode), asc(projects.code))
    .all();
  const unitRows = db.select({ code: units.code, name: units.name, departmentCode: units.departmentCode }).from(units).where(eq(units.regionCode, region.code)).orderBy(asc(units.code)).all();
  const seen = (department: string | null) => !reviewer || seesDepartment(reviewer, department);
  const plannedRows = db
    .select({ kind: evaluationPlans.kind, projectId: evaluationPlanItems.projectId })
    .from(evaluationPlanItems)
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, evaluationPlanItems.planId))
    .where(and(eq(evaluationPlans.regionCode, region.code), eq(evaluationPlans.year, year)))
    .all();
  const plannedOf = (kind: 'finance' | 'department') => plannedRows.filter((r) => r.kind === kind).map((r) => r.projectId);
  return {
    projects: projectRows.filter((p) => seen(p.departmentCode)).map(({ departmentCode: _, ...p }) => p),
    units: unitRows.filter((u) => seen(u.departmentCode ?? u.code)).map(({ departmentCode: _, ...u }) => u),
    planned: { 'finance-evaluation': plannedOf('finance'), 'department-evaluation': plannedOf('department') },
  };
}
