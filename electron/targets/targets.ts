// 项目支出绩效目标: one target per project, saved as a draft with an optimistic version, started from
// the project type's library indicators, and moved through 草稿 → 已送审 → 通过 | 被退回 with a review
// grade. Every transition is audited with its operator and opinion; approved targets are locked.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/open';
import { projects, sqlNow, targetAdjustments, targets, units } from '../../db/schema';
import {
  checkProjectTargets,
  checkReview,
  REVIEW_OUTCOMES,
  summariseProblems,
  type ReviewGrade,
  type TargetContent,
  type TargetProblem,
} from '../domain/targets';
import { mandatoryChangeRefusal, mandatoryProblems, withMandatory, type MandatoryIndicator } from '../domain/mandatoryIndicators';
import { chainedActionPermission } from '../domain/permissions';
import { inReviewList, LEFT_REVIEW_CHAIN, seesDepartment, stepOf, type Reviewer } from '../domain/reviewChain';
import { ACTION_LABELS, transition, type WorkflowAction, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { mandatoryFor } from '../library';
import { getProject, projectsWithFunds, type Project } from '../projects';
import { chainDecision, decidingStep, departmentStepOn, enteredChain, findUnit, refuseOtherDepartmentsProject, refuseSelfReview, requireInstallation, requirePermission } from '../registry';
import { checkProjectAnnex, emptyAnnex, hasMidterm, type ProjectAnnex } from '../domain/targetAnnex';
import { normaliseAnnex, readAnnex, writeAnnex } from './annex';
import { departmentProblems } from './department';
import { suggestedTargetIndicators } from './librarySource';
import {
  blankState,
  frameworkFor,
  normaliseContent,
  readContent,
  refuseLocked,
  refuseStale,
  requireTarget,
  rulesFor,
  stateOf,
  supervisingDepartmentOf,
  targetKey,
  writeTarget,
  type TargetKind,
  type TargetRow,
  type TargetState,
} from './store';

export interface ProjectTarget extends TargetState, TargetContent {
  project: Project;
  /** The registered names of the project's 实施单位 and 主管部门 (the code where none is registered), for the form and its print. */
  unitNames: { unit: string; department: string };
  /** 固化指标 of the project's type and fund kinds: the form shows them locked. */
  mandatory: MandatoryIndicator[];
  /** What 88号 annex 1 adds: the 中期 parts, the funds split, 立项依据, 实施进度计划, contact. */
  annex: ProjectAnnex;
}

export interface SaveTargetInput extends TargetContent {
  projectId: string;
  /** The version the user edited; null when creating the project's targets. */
  version: number | null;
  /** The annex parts; left out (an Excel import, an older client), what was saved stays. */
  annex?: ProjectAnnex;
}

export interface TransitionInput {
  id: string;
  version: number;
  action: WorkflowAction;
  /** Required to approve (优/良) or return (中/差). */
  grade?: ReviewGrade | null;
  opinion?: string | null;
}

/** Every §4 rule, the 88号 annex's own, and the project's 固化指标 all present. */
const projectProblems = (db: Db, project: Project, content: TargetContent, annex: ProjectAnnex, mandatory = mandatoryFor(db, project)) => {
  const fw = frameworkFor(db, project.year);
  return [
    ...checkProjectTargets({ ...content, keyProject: project.keyProject, funds: project.funds }, fw, rulesFor(db)),
    ...mandatoryProblems(content.indicators, mandatory),
    ...checkProjectAnnex(annex, { annualTotalFen: project.totals.adjustedFen, midterm: hasMidterm(project) }, fw),
  ];
};

export function projectTargetRow(db: Db, projectId: string): TargetRow | undefined {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.projectId, projectId), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .get();
}

/** The rows a project's new target starts with: its 固化指标 first, then its project type's library indicators. */
const startingIndicators = (db: Db, project: Project, mandatory: readonly MandatoryIndicator[]) =>
  withMandatory(project.projectTypeCode ? suggestedTargetIndicators(db, project.projectTypeCode) : [], mandatory);

/**
 * A project's targets. A project without saved targets gets a form started from its 固化指标 and its
 * project type's library indicators (nothing is written until the user saves). `viewer` is who opens it
 * by its address: a 主管部门审核人 only their own department's.
 */
export function projectTarget(db: Db, projectId: string, viewer?: Actor): ProjectTarget {
  const project = getProject(db, projectId);
  if (viewer) refuseOtherDepartmentsProject(db, viewer, project.id, '绩效目标');
  const mandatory = mandatoryFor(db, project);
  const row = projectTargetRow(db, projectId);
  const { region } = requireInstallation(db);
  const nameOf = (code: string) => findUnit(db, region.code, code)?.name ?? code;
  const unitNames = { unit: nameOf(project.unitCode), department: nameOf(project.departmentCode) };
  if (row) {
    const content = readContent(db, row);
    const annex = readAnnex(db, row);
    return { ...stateOf(db, row, projectProblems(db, project, content, annex, mandatory)), ...content, project, unitNames, mandatory, annex };
  }
  const content: TargetContent = { overallGoal: '', annualGoals: [], indicators: startingIndicators(db, project, mandatory) };
  const annex = { ...emptyAnnex(), contactPerson: project.personInCharge };
  return { ...blankState(db, 'project', project.year, project.code), ...content, problems: projectProblems(db, project, content, annex, mandatory), project, unitNames, mandatory, annex };
}

export function getTarget(db: Db, id: string): ProjectTarget {
  const row = requireTarget(db, id);
  if (!row.projectId) throw new AppError('NOT_FOUND', '这是部门整体支出绩效目标，请在“部门整体目标”中打开');
  return projectTarget(db, row.projectId);
}

/**
 * Saves a project's targets as they are (a draft may still have problems; submitting checks them), but
 * never without a 固化指标 it carried, or with one renamed.
 */
export function saveTarget(db: Db, actor: Actor, input: SaveTargetInput): ProjectTarget {
  const { region } = requireInstallation(db);
  const content = normaliseContent(input);
  const annex = input.annex ? normaliseAnnex(input.annex) : undefined;
  db.transaction((tx) => {
    const project = getProject(tx, input.projectId);
    const before = projectTargetRow(tx, input.projectId);
    const key = targetKey({ regionCode: region.code, year: project.year, kind: 'project', ownerCode: project.code });
    if (before) {
      if (input.version === null) throw new AppError('CONFLICT', '该项目已有绩效目标（可能由他人或 Excel 导入填写），请刷新后再编辑');
      refuseStale(before, input.version);
      refuseLocked(before);
    }
    const previous = before ? { ...readContent(tx, before), annex: readAnnex(tx, before) } : undefined;
    // A new target started with the 固化指标 (the form it was typed on showed them), so none may be missing.
    const mandatory = mandatoryFor(tx, project);
    const refusal = mandatoryChangeRefusal(previous?.indicators ?? withMandatory([], mandatory), content.indicators, mandatory);
    if (refusal) throw new AppError('INVALID_INPUT', refusal);
    const id = writeTarget(tx, before, { regionCode: region.code, year: project.year, kind: 'project', ownerCode: project.code, projectId: project.id }, content);
    if (annex) writeAnnex(tx, id, annex);
    recordAudit(tx, actor, {
      entity: 'target',
      naturalKey: key,
      action: before ? '保存绩效目标' : '新建绩效目标',
      before: previous,
      after: { ...content, ...(annex ? { annex } : {}), targetId: id },
    });
  });
  return projectTarget(db, input.projectId);
}

/** What stops a stored target from being submitted, by kind. */
function problemsOf(db: Db, row: TargetRow): TargetProblem[] {
  if (row.kind === 'department') return departmentProblems(db, row);
  return projectProblems(db, getProject(db, row.projectId!), readContent(db, row), readAnnex(db, row));
}

/**
 * 送审 / 撤回 / 审核通过 / 退回. Submitting re-checks every §4 rule and starts the review chain
 * (reviewChain.ts); at the 主管部门's step its reviewer passes the target on to the bureau or returns
 * it with an opinion; at the bureau's a review needs a grade that fits the action (优/良 approve, 中/差
 * return) and an opinion where the grade asks for one. Each step refuses self-review on its own.
 */
export function transitionTarget(db: Db, actor: Actor, input: TransitionInput): TargetRow {
  return db.transaction((tx) => {
    const before = requireTarget(tx, input.id);
    refuseStale(before, input.version);
    const move = transition(before.status, input.action, input.opinion);
    if (!move.ok) throw new AppError('CONFLICT', move.message);
    requirePermission(tx, actor, chainedActionPermission(input));
    const opinion = input.opinion?.trim() || null;
    const changes =
      input.action === 'approve' || input.action === 'return'
        ? reviewChanges(tx, actor, before, { ...input, action: input.action, opinion })
        : { fields: { ...enteringChanges(tx, actor, before, input.action) }, audit: ACTION_LABELS[input.action] };
    tx.update(targets)
      .set({ status: move.next, version: before.version + 1, updatedAt: sqlNow, ...changes.fields })
      .where(eq(targets.id, before.id))
      .run();
    const after = requireTarget(tx, before.id);
    recordAudit(tx, actor, {
      entity: 'target',
      naturalKey: targetKey(before),
      action: changes.audit,
      before: { status: before.status, reviewStep: before.reviewStep },
      after: { status: after.status, reviewStep: after.reviewStep, reviewGrade: after.reviewGrade },
      opinion,
    });
    return after;
  });
}

/** 送审 starts the chain at its first step; 撤回 takes the target out of it. */
function enteringChanges(db: Db, actor: Actor, before: TargetRow, action: 'submit' | 'withdraw'): TargetUpdate {
  if (action === 'withdraw') return { ...LEFT_REVIEW_CHAIN };
  const problems = problemsOf(db, before);
  if (problems.length) throw new AppError('INVALID_INPUT', `还有 ${problems.length} 处需要修改，暂不能送审：${summariseProblems(problems)}`);
  return { ...enteredChain(db, supervisingDepartmentOf(db, before)), submittedAt: sqlNow, submittedBy: actor.id };
}

type TargetUpdate = SQLiteUpdateSetSource<typeof targets>;

type Decision = TransitionInput & { action: 'approve' | 'return'; opinion: string | null };

/** A decision at the step the target waits for, by the one person the chain lets act there. */
function reviewChanges(db: Db, actor: Actor, before: TargetRow, decision: Decision): { fields: TargetUpdate; audit: string } {
  const step = decidingStep(db, actor, { reviewStep: before.reviewStep, department: supervisingDepartmentOf(db, before) });
  if (step === 'bureau') {
    const reviewProblem = checkReview(decision.action, decision.grade, decision.opinion);
    if (reviewProblem) throw new AppError('INVALID_INPUT', reviewProblem);
  }
  refuseSelfReview(db, actor, before.submittedBy, { entity: 'target', naturalKey: targetKey(before) });
  const { outcome, fields } = chainDecision(actor, step, decision.action, decision.opinion);
  if (step === 'department') {
    const returned = outcome.status === 'returned' ? { reviewGrade: null, reviewOpinion: decision.opinion, decidedAt: sqlNow } : {};
    return { fields: { status: outcome.status, ...fields, ...returned }, audit: `主管部门${ACTION_LABELS[decision.action]}` };
  }
  return {
    fields: { status: outcome.status, ...fields, reviewGrade: decision.grade!, reviewOpinion: decision.opinion, decidedAt: sqlNow },
    audit: `${ACTION_LABELS[decision.action]}（${decision.grade}：${REVIEW_OUTCOMES[decision.grade!].consequence}）`,
  };
}

export interface InboxItem {
  kind: 'target' | 'adjustment';
  /** The target's id (for an adjustment, the adjusted target's). */
  targetId: string;
  adjustmentId: string | null;
  targetKind: TargetKind;
  /** The project of a project target, where its page opens. */
  projectId: string | null;
  year: number;
  /** Project code or unit code. */
  ownerCode: string;
  title: string;
  unitCode: string;
  unitName: string;
  submittedAt: string;
}

const BUREAU: Reviewer = { role: 'reviewer', departmentCode: null };

/**
 * What waits for a reviewer, oldest first: for the bureau, submitted targets and adjustments past any
 * 主管部门 step; for a 主管部门审核人, only those waiting for their department.
 */
export function reviewInbox(db: Db, year?: number, reviewer: Reviewer = BUREAU): InboxItem[] {
  const { region } = requireInstallation(db);
  const live = and(eq(targets.regionCode, region.code), eq(targets.deleted, false), year === undefined ? undefined : eq(targets.year, year));
  const stepOn = departmentStepOn(db);
  const submittedTargets = db
    .select()
    .from(targets)
    .where(and(live, eq(targets.status, 'submitted')))
    .all()
    .filter((t) => inReviewList(stepOf(t.reviewStep, stepOn), reviewer, supervisingDepartmentOf(db, t)));
  const submittedAdjustments = db
    .select({ target: targets, adjustmentId: targetAdjustments.id, createdAt: targetAdjustments.createdAt, reviewStep: targetAdjustments.reviewStep })
    .from(targetAdjustments)
    .innerJoin(targets, eq(targets.id, targetAdjustments.targetId))
    .where(and(live, eq(targetAdjustments.status, 'submitted'), eq(targetAdjustments.deleted, false)))
    .all()
    .filter((a) => inReviewList(stepOf(a.reviewStep, stepOn), reviewer, supervisingDepartmentOf(db, a.target)));
  const describe = ownerDescriber(db, region.code, [...submittedTargets, ...submittedAdjustments.map((a) => a.target)]);
  const items: InboxItem[] = [
    ...submittedTargets.map((t) => ({ kind: 'target' as const, targetId: t.id, adjustmentId: null, submittedAt: t.submittedAt ?? t.updatedAt, ...describe(t) })),
    ...submittedAdjustments.map((a) => ({ kind: 'adjustment' as const, targetId: a.target.id, adjustmentId: a.adjustmentId, submittedAt: a.createdAt, ...describe(a.target) })),
  ];
  return items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

/** Names a target's owner: the project's name and unit, or the unit of a department-wide target. */
function ownerDescriber(db: Db, regionCode: string, rows: readonly TargetRow[]) {
  const projectIds = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
  const projectRows = projectIds.length
    ? db.select({ id: projects.id, name: projects.name, unitCode: projects.unitCode }).from(projects).where(inArray(projects.id, projectIds)).all()
    : [];
  const byProject = new Map(projectRows.map((p) => [p.id, p]));
  const unitNames = new Map(db.select({ code: units.code, name: units.name }).from(units).where(eq(units.regionCode, regionCode)).all().map((u) => [u.code, u.name]));
  return (row: TargetRow) => {
    const project = row.projectId ? byProject.get(row.projectId) : undefined;
    const unitCode = project?.unitCode ?? row.ownerCode;
    const unitName = unitNames.get(unitCode) ?? unitCode;
    return {
      targetKind: row.kind,
      projectId: row.projectId,
      year: row.year,
      ownerCode: row.ownerCode,
      title: project ? project.name : `${unitName}部门整体支出绩效目标`,
      unitCode,
      unitName,
    };
  };
}

export interface ApprovedTarget extends TargetContent {
  targetId: string;
  version: number;
  reviewGrade: ReviewGrade | null;
  reviewOpinion: string | null;
  decidedAt: string | null;
  project: Project;
}

/**
 * The year's approved project targets with their projects (funds, confidential flag) and the indicators
 * in force (after any approved adjustment), by project code: what disclosure publishes and monitoring
 * and self-evaluation measure against.
 */
export function approvedTargets(db: Db, year: number): ApprovedTarget[] {
  const { region } = requireInstallation(db);
  const rows = db
    .select()
    .from(targets)
    .where(and(eq(targets.regionCode, region.code), eq(targets.year, year), eq(targets.kind, 'project'), eq(targets.status, 'approved'), eq(targets.deleted, false)))
    .orderBy(asc(targets.ownerCode))
    .all();
  const byCode = new Map(projectsWithFunds(db, year, { codes: rows.map((r) => r.ownerCode) }).map((p) => [p.code, p]));
  return rows.flatMap((row) => {
    const project = byCode.get(row.ownerCode);
    if (!project) return [];
    return [{ targetId: row.id, version: row.version, reviewGrade: row.reviewGrade, reviewOpinion: row.reviewOpinion, decidedAt: row.decidedAt, project, ...readContent(db, row) }];
  });
}

/** A project in the 绩效目标 list: where its targets stand. */
export interface ProjectTargetRow {
  projectId: string;
  code: string;
  name: string;
  unitCode: string;
  /** The registered name, or the code where the unit is not registered. */
  unitName: string;
  departmentCode: string;
  keyProject: boolean;
  adjustedFen: number;
  targetId: string | null;
  status: WorkflowState | null;
  reviewGrade: ReviewGrade | null;
  updatedAt: string | null;
}

/** A unit in the 部门整体目标 list. */
export interface DepartmentTargetRow {
  unitCode: string;
  unitName: string;
  isDepartment: boolean;
  targetId: string | null;
  status: WorkflowState | null;
  reviewGrade: ReviewGrade | null;
  updatedAt: string | null;
}

export interface TargetOverview {
  projects: ProjectTargetRow[];
  departments: DepartmentTargetRow[];
}

/**
 * Every project and every active unit of the year with the state of its targets, for the lists and
 * coverage counts; a 主管部门审核人 gets only their own department's.
 */
export function targetOverview(db: Db, year: number, reviewer: Reviewer = BUREAU): TargetOverview {
  const { region } = requireInstallation(db);
  const rows = db
    .select()
    .from(targets)
    .where(and(eq(targets.regionCode, region.code), eq(targets.year, year), eq(targets.deleted, false)))
    .all();
  const byOwner = new Map(rows.map((r) => [`${r.kind}/${r.ownerCode}`, r]));
  const stateOfOwner = (key: string) => {
    const row = byOwner.get(key);
    return { targetId: row?.id ?? null, status: row?.status ?? null, reviewGrade: row?.reviewGrade ?? null, updatedAt: row?.updatedAt ?? null };
  };
  const registered = db
    .select({ code: units.code, name: units.name, isDepartment: units.isDepartment, departmentCode: units.departmentCode, active: units.active })
    .from(units)
    .where(and(eq(units.regionCode, region.code), eq(units.deleted, false)))
    .orderBy(asc(units.code))
    .all();
  const unitNames = new Map(registered.map((u) => [u.code, u.name]));
  const projectRows = projectsWithFunds(db, year)
    .filter((p) => seesDepartment(reviewer, p.departmentCode))
    .map((p) => ({
      projectId: p.id,
      code: p.code,
      name: p.name,
      unitCode: p.unitCode,
      unitName: unitNames.get(p.unitCode) ?? p.unitCode,
      departmentCode: p.departmentCode,
      keyProject: p.keyProject,
      adjustedFen: p.totals.adjustedFen,
      ...stateOfOwner(`project/${p.code}`),
    }));
  const unitRows = registered
    .filter((u) => u.active && seesDepartment(reviewer, u.departmentCode ?? u.code))
    .map((u) => ({ unitCode: u.code, unitName: u.name, isDepartment: u.isDepartment, ...stateOfOwner(`department/${u.code}`) }));
  return { projects: projectRows, departments: unitRows };
}
