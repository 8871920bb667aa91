// 项目支出绩效自评: one self-evaluation per approved project target. The unit creates it (prefilled from
// the budget and the last monitoring round), saves drafts as often as it likes (each row checked by the
// domain's form rules), submits it when nothing is missing, and the bureau approves or returns it; an
// approved one is locked. Every step goes into the history.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/open';
import { projects, selfEvaluationIndicators, selfEvaluations, selfEvaluationTasks, sqlNow, targetIndicators, targets } from '../../db/schema';
import { listAudit, recordAudit, type Actor, type AuditRow } from '../audit/audit';
import { chainedActionPermission } from '../domain/permissions';
import { departmentReviewOf, LEFT_REVIEW_CHAIN, stepOf, type DepartmentReview, type Reviewer, type ReviewStep } from '../domain/reviewChain';
import { percent } from '../domain/ratio';
import { expectedGoal } from '../domain/targets';
import { blockRows, scoreTable, shownTotal, TIERS, type DepartmentFundBlock, type FormIndicator, type FundBlock, type IndicatorEntered } from '../domain/selfEvaluation';
import { ACTION_LABELS, editable, transition, WORKFLOW_LABELS, type WorkflowAction, type WorkflowState } from '../domain/workflow';
import { groupBy } from '../collections';
import { AppError } from '../errors';
import {
  chainDecision,
  decidingStep,
  departmentStepOn,
  enteredChain,
  namedDepartment,
  projectDepartment,
  refuseOtherDepartmentsProject,
  refuseOtherDepartmentsUnit,
  refuseSelfReview,
  requireInstallation,
  requirePermission,
  unitDepartment,
} from '../registry';
import { prefilledActuals, prefilledFunds } from './prefill';
import {
  assessRecord,
  departmentFundColumns,
  FUND_SELECT,
  fundColumns,
  fundsOf,
  type FundColumns,
  requireSelfEvaluation,
  scoringRules,
  scoringSettingsOf,
  selfEvaluationKey,
  type ScoringRules,
  type SelfEvaluationRecord,
} from './store';

const ENTITY = 'self-evaluation';

/** Where a self-evaluation stands in a list of the year's approved targets. */
export interface SelfEvaluationStanding {
  /** null: not started yet (未自评). */
  id: string | null;
  status: WorkflowState | null;
  executionRate: string | null;
  totalScore: string | null;
  grade: string | null;
  updatedAt: string | null;
}

/** A row of the year's list: an approved project target and where its self-evaluation stands. */
export interface SelfEvaluationListRow extends SelfEvaluationStanding {
  targetId: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  unitCode: string;
  unitName: string;
}

export interface SelfEvaluationListFilter {
  year: number;
  unitCode?: string;
  /** 'none' for the targets nobody has started on. */
  status?: WorkflowState | 'none';
}

/** A list row as read, with the started table's own figures (null columns when nobody has started). */
type ListedRow = Omit<SelfEvaluationListRow, 'executionRate' | 'totalScore' | 'grade'> & FundColumns;

/**
 * The year's list; a 主管部门审核人 (`reviewer`) gets only its own department's projects. The filters are
 * the query's, and each started table is scored from its funds and its indicator rows alone (as the form
 * scores it, under the bureau's settings of today), without reading or checking the rest of it.
 */
export function listSelfEvaluations(db: Db, filter: SelfEvaluationListFilter, reviewer?: Reviewer): SelfEvaluationListRow[] {
  const { region } = requireInstallation(db);
  const rules = scoringRules(db);
  const settings = scoringSettingsOf(rules);
  const department = reviewer?.role === 'department' ? (reviewer.departmentCode ?? '') : null;
  const unit = filter.unitCode ?? null;
  const status = filter.status ?? null;
  const rows = db.all<ListedRow>(
    sql`SELECT t.id AS targetId, p.id AS projectId, p.code AS projectCode, p.name AS projectName, p.unit_code AS unitCode, coalesce(u.name, p.unit_code) AS unitName,
               e.id, e.status, e.updated_at AS updatedAt, ${sql.raw(FUND_SELECT)}
          FROM targets t
          JOIN projects p ON p.id = t.project_id AND p.deleted = 0
          LEFT JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code
          LEFT JOIN self_evaluations e ON e.project_id = p.id AND e.target_id = t.id AND e.year = t.year AND e.kind = 'project' AND e.deleted = 0
         WHERE t.region_code = ${region.code} AND t.year = ${filter.year} AND t.kind = 'project' AND t.status = 'approved' AND t.deleted = 0
           AND (${department} IS NULL OR p.department_code = ${department}) AND (${unit} IS NULL OR p.unit_code = ${unit})
           AND (${status} IS NULL OR (${status} = 'none' AND e.id IS NULL) OR e.status = ${status})
         ORDER BY p.unit_code, p.code`,
  );
  const started = rows.flatMap((row) => (row.id ? [row.id] : []));
  // Every started table's rows in one read (the ids as one JSON parameter), not a query per table.
  const indicators = groupBy(
    db.all<FormIndicator & { selfEvaluationId: string }>(
      sql`SELECT self_evaluation_id AS selfEvaluationId, name, operator, target_value AS targetValue, weight, actual, tier, score, deduction,
                 deduction_reason AS deductionReason, deviation_reason AS deviationReason
            FROM self_evaluation_indicators WHERE self_evaluation_id IN (SELECT value FROM json_each(${JSON.stringify(started)})) ORDER BY self_evaluation_id, seq`,
    ),
    (row) => row.selfEvaluationId,
  );
  return rows.map(({ targetId, projectId, projectCode, projectName, unitCode, unitName, id, status, updatedAt, ...funds }): SelfEvaluationListRow => {
    const listed = { targetId, projectId, projectCode, projectName, unitCode, unitName, id, status, updatedAt };
    if (!id) return { ...listed, executionRate: null, totalScore: null, grade: null };
    const score = scoreTable(blockRows(fundsOf(funds))[0]!, indicators.get(id) ?? [], rules.budgetWeight, settings);
    return { ...listed, executionRate: percent(score.budget.rate), ...shownTotal(score) };
  });
}

export interface SelfEvaluationDetail extends SelfEvaluationRecord {
  /** The bureau's scoring settings, so the form scores the same while typing. */
  rules: ScoringRules;
  /** What still blocks a submission, one line each. */
  problemList: string[];
  history: AuditRow[];
  /** While submitted: who it waits for (the 主管部门 or the bureau); null otherwise. */
  reviewStep: ReviewStep | null;
  /** The 主管部门 that reviews the unit's submissions first, when the setting is on; null for none. */
  supervisingDepartment: { code: string; name: string } | null;
  /** The 主管部门's decision on the latest submission, printed beside the bureau's opinion. */
  departmentReview: DepartmentReview | null;
}

/** The 主管部门 a table waits for: its project's, or for a department-wide table its unit's. */
const departmentOf = (db: Db, record: SelfEvaluationRecord): string | null =>
  record.kind === 'department' ? unitDepartment(db, record.regionCode, record.project.unitCode) : projectDepartment(db, record.project.id);

const refuseOtherDepartments = (db: Db, viewer: Actor, record: SelfEvaluationRecord): void =>
  record.kind === 'department'
    ? refuseOtherDepartmentsUnit(db, viewer, record.regionCode, record.project.unitCode, '自评表')
    : refuseOtherDepartmentsProject(db, viewer, record.project.id, '自评表');

/**
 * One self-evaluation; `viewer` is who opens it by its address (a 主管部门审核人 only their own department's).
 * A service that has just written it passes the rules it read at its start: settings are passed within one
 * call rather than cached between calls, so a change in 参数设置 holds from the next call on.
 */
export function getSelfEvaluation(db: Db, id: string, viewer?: Actor, rules: ScoringRules = scoringRules(db)): SelfEvaluationDetail {
  const record = requireSelfEvaluation(db, id);
  if (viewer) refuseOtherDepartments(db, viewer, record);
  return {
    ...record,
    reviewStep: record.status === 'submitted' ? stepOf(record.chain.reviewStep, departmentStepOn(db)) : null,
    supervisingDepartment: departmentStepOn(db) ? namedDepartment(db, record.regionCode, departmentOf(db, record)) : null,
    departmentReview: departmentReviewOf(record.chain),
    rules,
    problemList: assessRecord(record, rules).problems,
    history: listAudit(db, { entity: ENTITY, naturalKey: selfEvaluationKey(record), limit: 50 }),
  };
}

/** Starts the self-evaluation of an approved project target, prefilled; refused for any other target. */
export function createSelfEvaluation(db: Db, actor: Actor, input: { targetId: string }): SelfEvaluationDetail {
  requirePermission(db, actor, 'enter');
  const id = randomUUID();
  const rules = scoringRules(db);
  db.transaction((tx) => {
    const target = tx.select().from(targets).where(and(eq(targets.id, input.targetId), eq(targets.deleted, false))).get();
    if (!target || target.kind !== 'project' || !target.projectId) throw new AppError('NOT_FOUND', '该项目绩效目标不存在或已删除，请刷新后重试');
    const project = tx.select().from(projects).where(eq(projects.id, target.projectId)).get()!;
    if (target.status !== 'approved') {
      throw new AppError('CONFLICT', `“${project.name}”的绩效目标当前为“${WORKFLOW_LABELS[target.status]}”，尚未批复，不能自评。请待绩效目标审核通过后再开展自评`);
    }
    const existing = tx.select({ id: selfEvaluations.id }).from(selfEvaluations).where(and(eq(selfEvaluations.regionCode, target.regionCode), eq(selfEvaluations.year, target.year), eq(selfEvaluations.kind, 'project'), eq(selfEvaluations.projectCode, project.code))).get();
    if (existing) throw new AppError('CONFLICT', `“${project.name}”已有 ${target.year} 年的自评表，请在列表中打开它`);
    const settings = scoringSettingsOf(rules);
    const approvedRows = tx.select().from(targetIndicators).where(eq(targetIndicators.targetId, target.id)).orderBy(asc(targetIndicators.seq)).all();
    const actuals = prefilledActuals(tx, project.id, approvedRows);
    const key = { regionCode: target.regionCode, year: target.year, projectCode: project.code };
    tx.insert(selfEvaluations)
      .values({ id, ...key, projectId: project.id, targetId: target.id, unitCode: project.unitCode, goalExpected: expectedGoal(target), ...fundColumns(prefilledFunds(tx, project.id, settings)) })
      .run();
    approvedRows.forEach((row, n) => {
      tx.insert(selfEvaluationIndicators)
        .values({
          id: randomUUID(),
          selfEvaluationId: id,
          indicatorId: row.id,
          seq: n + 1,
          level1: row.level1,
          level2: row.level2,
          name: row.name,
          operator: row.operator,
          targetValue: row.value,
          unit: row.unit,
          weight: row.weight,
          accrual: row.accrual,
          ...actuals[n]!,
        })
        .run();
    });
    storeTotal(tx, requireSelfEvaluation(tx, id), rules);
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: selfEvaluationKey(key), action: '新建自评表', after: { indicators: approvedRows.length } });
  });
  return getSelfEvaluation(db, id, undefined, rules);
}

export interface IndicatorEntry extends IndicatorEntered {
  id: string;
}

export interface SelfEvaluationSaveInput {
  id: string;
  /** The version the unit edited, so a concurrent change is not silently overwritten. */
  version: number;
  funds: FundBlock;
  budgetReason: string;
  goalAchieved: string;
  problems: string;
  measures: string;
  indicators: readonly IndicatorEntry[];
  /** A department-wide table's 基本支出 / 项目支出 block and each annual task's 完成情况 (its `funds` stay as they are). */
  department?: { funds: DepartmentFundBlock; tasks: readonly { id: string; completion: string }[] };
}

function refuseStale(record: SelfEvaluationRecord, version: number): void {
  if (record.version !== version) throw new AppError('CONFLICT', `“${record.project.name}”的自评表已被他人修改，请刷新后重新填写`);
}

/** Only 草稿 and 被退回 change; a submitted one is withdrawn first, an approved one is locked. */
function refuseLocked(record: SelfEvaluationRecord): void {
  if (editable(record.status)) return;
  const hint = record.status === 'submitted' ? '如需修改，请先撤回' : '已通过的自评表已锁定，不能再修改';
  throw new AppError('CONFLICT', `“${record.project.name}”的自评表当前为“${WORKFLOW_LABELS[record.status]}”，不能修改。${hint}`);
}

/** The record as the input would leave it, for the domain to check before anything is written. */
function applied(record: SelfEvaluationRecord, input: SelfEvaluationSaveInput): SelfEvaluationRecord {
  const entries = new Map(input.indicators.map((i) => [i.id, i]));
  if (input.indicators.some((i) => !record.indicators.some((r) => r.id === i.id))) {
    throw new AppError('INVALID_INPUT', '填报的指标不属于该自评表批复的指标，请刷新后重新填写');
  }
  if (!record.department !== !input.department) throw new AppError('INVALID_INPUT', '填报的内容与自评表的类型（项目 / 部门整体）不符，请刷新后重新填写');
  if (input.department?.tasks.some((t) => !record.department!.tasks.some((r) => r.id === t.id))) {
    throw new AppError('INVALID_INPUT', '填报的任务不属于该自评表批复的年度主要任务，请刷新后重新填写');
  }
  const completions = new Map(input.department?.tasks.map((t) => [t.id, t.completion.trim()]));
  return {
    ...record,
    department: record.department && {
      funds: input.department!.funds,
      tasks: record.department.tasks.map((t) => ({ ...t, completion: completions.get(t.id) ?? t.completion })),
    },
    funds: input.funds,
    budgetReason: input.budgetReason.trim(),
    goalAchieved: input.goalAchieved.trim(),
    problems: input.problems.trim(),
    measures: input.measures.trim(),
    indicators: record.indicators.map((row) => {
      const entry = entries.get(row.id);
      if (!entry) return row;
      const trimmed = { actual: entry.actual.trim(), score: entry.score.trim(), deduction: entry.deduction.trim(), deductionReason: entry.deductionReason.trim(), deviationReason: entry.deviationReason.trim() };
      return { ...row, ...trimmed, tier: entry.tier && (TIERS as readonly string[]).includes(entry.tier) ? entry.tier : null };
    }),
  };
}

const contentOf = (record: SelfEvaluationRecord) => ({
  funds: record.funds,
  ...(record.department ? { department: { funds: record.department.funds, tasks: record.department.tasks.map(({ id, completion }) => ({ id, completion })) } } : {}),
  budgetReason: record.budgetReason,
  goalAchieved: record.goalAchieved,
  problems: record.problems,
  measures: record.measures,
  indicators: record.indicators.map(({ id, actual, tier, score, deduction, deductionReason, deviationReason }) => ({ id, actual, tier, score, deduction, deductionReason, deviationReason })),
});

/** Keeps 总分 and 等级 beside the rows, for the lists and the prefecture's board. */
export function storeTotal(tx: Db, record: SelfEvaluationRecord, rules: ScoringRules): void {
  tx.update(selfEvaluations).set(shownTotal(assessRecord(record, rules))).where(eq(selfEvaluations.id, record.id)).run();
}

export function saveSelfEvaluation(db: Db, actor: Actor, input: SelfEvaluationSaveInput): SelfEvaluationDetail {
  requirePermission(db, actor, 'enter');
  const rules = scoringRules(db);
  db.transaction((tx) => {
    const before = requireSelfEvaluation(tx, input.id);
    refuseStale(before, input.version);
    refuseLocked(before);
    const after = applied(before, input);
    const { refusals } = assessRecord(after, rules);
    if (refusals.length > 0) throw new AppError('INVALID_INPUT', `自评表没有保存：${refusals.join('；')}`);
    tx.update(selfEvaluations)
      .set({
        ...fundColumns(after.funds),
        ...(after.department ? departmentFundColumns(after.department.funds) : {}),
        budgetReason: after.budgetReason,
        goalAchieved: after.goalAchieved,
        problems: after.problems,
        measures: after.measures,
        version: sql`${selfEvaluations.version} + 1`,
        updatedAt: sqlNow,
      })
      .where(eq(selfEvaluations.id, before.id))
      .run();
    for (const row of after.indicators) {
      const { actual, tier, score, deduction, deductionReason, deviationReason } = row;
      tx.update(selfEvaluationIndicators).set({ actual, tier, score, deduction, deductionReason, deviationReason }).where(eq(selfEvaluationIndicators.id, row.id)).run();
    }
    for (const task of after.department?.tasks ?? []) tx.update(selfEvaluationTasks).set({ completion: task.completion }).where(eq(selfEvaluationTasks.id, task.id)).run();
    storeTotal(tx, after, rules);
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: selfEvaluationKey(before), action: '保存自评表', before: contentOf(before), after: contentOf(after) });
  });
  return getSelfEvaluation(db, input.id, undefined, rules);
}

export interface SelfEvaluationTransitionInput {
  id: string;
  version: number;
  action: WorkflowAction;
  opinion?: string | null;
}

function refuseIncomplete(record: SelfEvaluationRecord, rules: ScoringRules): void {
  const { problems } = assessRecord(record, rules);
  if (problems.length === 0) return;
  const more = problems.length > 5 ? `等 ${problems.length} 处` : '';
  throw new AppError('INVALID_INPUT', `“${record.project.name}”的自评表还不能送审，请先补充：${problems.slice(0, 5).join('；')}${more}`);
}

/**
 * 送审 / 撤回 / 审核通过 / 退回 (an opinion is required to return); the submitter never decides. With the
 * 主管部门 step on, a unit's submission waits for its department's reviewer first (reviewChain.ts), whose
 * approval passes it to the bureau and whose return sends it back; both opinions are kept.
 */
export function transitionSelfEvaluation(db: Db, actor: Actor, input: SelfEvaluationTransitionInput): SelfEvaluationDetail {
  const rules = scoringRules(db);
  db.transaction((tx) => {
    const record = requireSelfEvaluation(tx, input.id);
    refuseStale(record, input.version);
    const move = transition(record.status, input.action, input.opinion);
    if (!move.ok) throw new AppError('CONFLICT', move.message);
    requirePermission(tx, actor, chainedActionPermission(input));
    const key = selfEvaluationKey(record);
    const opinion = input.opinion?.trim() || null;
    const change =
      input.action === 'approve' || input.action === 'return'
        ? decisionChanges(tx, actor, record, input.action, opinion)
        : enteringChanges(tx, actor, record, input.action, rules);
    tx.update(selfEvaluations)
      .set({ status: move.next, version: sql`${selfEvaluations.version} + 1`, updatedAt: sqlNow, ...change.fields })
      .where(eq(selfEvaluations.id, record.id))
      .run();
    const after = requireSelfEvaluation(tx, record.id);
    recordAudit(tx, actor, {
      entity: ENTITY,
      naturalKey: key,
      action: change.audit,
      before: { status: record.status, reviewStep: record.chain.reviewStep },
      after: { status: after.status, reviewStep: after.chain.reviewStep },
      opinion,
    });
  });
  return getSelfEvaluation(db, input.id, undefined, rules);
}

type SelfEvaluationUpdate = SQLiteUpdateSetSource<typeof selfEvaluations>;

/** 送审 checks the table is complete and starts the chain at its first step; 撤回 takes it out of it. */
function enteringChanges(db: Db, actor: Actor, record: SelfEvaluationRecord, action: 'submit' | 'withdraw', rules: ScoringRules): { fields: SelfEvaluationUpdate; audit: string } {
  const audit = `${ACTION_LABELS[action]}自评表`;
  if (action === 'withdraw') return { fields: { ...LEFT_REVIEW_CHAIN }, audit };
  refuseIncomplete(record, rules);
  return { fields: { ...enteredChain(db, departmentOf(db, record)), submittedAt: sqlNow, submittedBy: actor.id }, audit };
}

/** A decision at the step the table waits for, by the one person the chain lets act there. */
function decisionChanges(db: Db, actor: Actor, record: SelfEvaluationRecord, action: 'approve' | 'return', opinion: string | null): { fields: SelfEvaluationUpdate; audit: string } {
  const step = decidingStep(db, actor, { reviewStep: record.chain.reviewStep, department: departmentOf(db, record) });
  refuseSelfReview(db, actor, record.submittedBy, { entity: ENTITY, naturalKey: selfEvaluationKey(record) });
  const { outcome, fields } = chainDecision(actor, step, action, opinion);
  // A return, at either step, is what the unit reads on its returned table; a department's pass decides nothing yet.
  const decided = outcome.status !== 'submitted' ? { decidedAt: sqlNow, reviewOpinion: opinion, reviewedBy: actor.name } : {};
  const audit = `${step === 'department' ? '主管部门' : ''}${ACTION_LABELS[action]}自评表`;
  return { fields: { ...fields, status: outcome.status, ...decided }, audit };
}
