// Reading and writing what a target says (goals and indicator rows), shared by project targets,
// department-wide targets, adjustments and the Excel import; and the year's rules (framework, weights).
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { fiscalYears, sqlNow, targetIndicators, targets } from '../../db/schema';
import { framework, type Framework, type IndicatorOperator } from '../domain/indicators';
import { departmentReviewOf, LEFT_REVIEW_CHAIN, stepOf, type DepartmentReview, type ReviewStep } from '../domain/reviewChain';
import type { ReviewGrade, TargetContent, TargetIndicator, TargetProblem, TargetRules } from '../domain/targets';
import { ACTION_LABELS, editable, type WorkflowState } from '../domain/workflow';
import { listAudit } from '../audit/audit';
import { AppError } from '../errors';
import { departmentStepOn, namedDepartment, projectDepartment, unitDepartment } from '../registry';
import { settingValue } from '../settings';

export type TargetRow = typeof targets.$inferSelect;
export type TargetKind = TargetRow['kind'];

export const targetKey = (row: Pick<TargetRow, 'regionCode' | 'year' | 'kind' | 'ownerCode'>) =>
  `${row.regionCode}/${row.year}/${row.kind}/${row.ownerCode}`;

/** The dictionary a year's forms use: the year's own choice when it was fixed, else the setting. */
export function frameworkFor(db: Db, year: number): Framework {
  const fixed = db.select({ framework: fiscalYears.framework }).from(fiscalYears).where(eq(fiscalYears.year, year)).get();
  return framework(fixed?.framework ?? settingValue<string>(db, 'targets.framework'));
}

export const rulesFor = (db: Db): TargetRules => ({ budgetWeight: settingValue<number>(db, 'evaluation.weightBudget') });

export function findTarget(db: Db, id: string): TargetRow | undefined {
  return db.select().from(targets).where(and(eq(targets.id, id), eq(targets.deleted, false))).get();
}

export function requireTarget(db: Db, id: string): TargetRow {
  const row = findTarget(db, id);
  if (!row) throw new AppError('NOT_FOUND', '该绩效目标不存在或已删除，请刷新后重试');
  return row;
}

/** A stored indicator row (the year's or a 中期 one: both tables have these columns) as the form holds it. */
export const indicatorOf = (i: typeof targetIndicators.$inferSelect): TargetIndicator => ({
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  operator: i.operator as IndicatorOperator | '',
  value: i.value,
  unit: i.unit,
  definition: i.definition,
  basis: i.basis,
  weight: i.weight,
  accrual: i.accrual,
  libraryCode: i.libraryCode,
  scoringStandard: i.scoringStandard,
});

export function readIndicators(db: Db, targetId: string): TargetIndicator[] {
  return db.select().from(targetIndicators).where(eq(targetIndicators.targetId, targetId)).orderBy(asc(targetIndicators.seq)).all().map(indicatorOf);
}

export const parseGoals = (json: string): string[] => JSON.parse(json) as string[];

export function readContent(db: Db, row: TargetRow): TargetContent {
  return { overallGoal: row.overallGoal, annualGoals: parseGoals(row.annualGoals), indicators: readIndicators(db, row.id) };
}

/** An indicator row's text trimmed, as the store keeps it. */
export const normaliseIndicator = (i: TargetIndicator): TargetIndicator => ({
  ...i,
  level1: i.level1.trim(),
  level2: i.level2.trim(),
  name: i.name.trim(),
  value: i.value.trim(),
  unit: i.unit.trim(),
  definition: i.definition.trim(),
  basis: i.basis.trim(),
  weight: i.weight.trim(),
  scoringStandard: (i.scoringStandard ?? '').trim(),
});

/** Trimmed text, as the store keeps it; the order of rows is what the user made it. */
export function normaliseContent(content: TargetContent): TargetContent {
  return {
    overallGoal: content.overallGoal.trim(),
    annualGoals: content.annualGoals.map((g) => g.trim()),
    indicators: content.indicators.map(normaliseIndicator),
  };
}

export function writeIndicators(db: Db, targetId: string, indicators: readonly TargetIndicator[]): void {
  db.delete(targetIndicators).where(eq(targetIndicators.targetId, targetId)).run();
  indicators.forEach((indicator, index) => {
    db.insert(targetIndicators)
      .values({ id: randomUUID(), targetId, seq: index + 1, ...indicator, operator: indicator.operator })
      .run();
  });
}

/** Same goals and rows in the same order: an adjustment that changes nothing is refused. */
export const sameContent = (a: TargetContent, b: TargetContent) => JSON.stringify(normaliseContent(a)) === JSON.stringify(normaliseContent(b));

export function refuseStale(row: { version: number }, version: number, what = '该绩效目标'): void {
  if (row.version !== version) throw new AppError('CONFLICT', `${what}已被他人修改，请刷新后重新操作`);
}

/** Where a target stands in review, common to both kinds. */
export interface TargetState {
  /** null for a form that has not been saved yet. */
  id: string | null;
  version: number | null;
  kind: TargetKind;
  year: number;
  ownerCode: string;
  status: WorkflowState;
  reviewGrade: ReviewGrade | null;
  reviewOpinion: string | null;
  /** While submitted: who it waits for (the 主管部门 or the bureau); null otherwise. */
  reviewStep: ReviewStep | null;
  /** The 主管部门 that reviews the unit's submissions first, when the setting is on; null for none. */
  supervisingDepartment: { code: string; name: string } | null;
  /** The 主管部门's decision on the latest submission, printed beside the bureau's opinion. */
  departmentReview: DepartmentReview | null;
  /** The bureau's decision on the latest submission and who made it (财政部门审核意见). */
  bureauReview: BureauReview | null;
  submittedAt: string | null;
  decidedAt: string | null;
  updatedAt: string | null;
  /** The dictionary of the year's forms, for the level-1/level-2 selects. */
  frameworkId: Framework['id'];
  budgetWeight: number;
  /** What still stops the target from being submitted (§4); empty when it can go. */
  problems: TargetProblem[];
}

export function stateOf(db: Db, row: TargetRow, problems: TargetProblem[]): TargetState {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    year: row.year,
    ownerCode: row.ownerCode,
    status: row.status,
    reviewGrade: row.reviewGrade,
    reviewOpinion: row.reviewOpinion,
    reviewStep: row.status === 'submitted' ? stepOf(row.reviewStep, departmentStepOn(db)) : null,
    supervisingDepartment: namedDepartment(db, row.regionCode, supervisingDepartmentOf(db, row)),
    departmentReview: departmentReviewOf(row),
    bureauReview: bureauReviewOf(db, row),
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    updatedAt: row.updatedAt,
    frameworkId: frameworkFor(db, row.year).id,
    budgetWeight: rulesFor(db).budgetWeight,
    problems,
  };
}

/** A form nobody saved yet, in the state a new target starts in. */
export function blankState(db: Db, kind: TargetKind, year: number, ownerCode: string): Omit<TargetState, 'problems'> {
  return {
    id: null,
    version: null,
    kind,
    year,
    ownerCode,
    status: 'draft',
    reviewGrade: null,
    reviewOpinion: null,
    reviewStep: null,
    supervisingDepartment: null,
    departmentReview: null,
    bureauReview: null,
    submittedAt: null,
    decidedAt: null,
    updatedAt: null,
    frameworkId: frameworkFor(db, year).id,
    budgetWeight: rulesFor(db).budgetWeight,
  };
}

/**
 * The 主管部门 that reviews a target first (reviewChain.supervisingDepartment): a project's own
 * department, or for a department-wide target the unit's; null for a department's own records.
 */
export const supervisingDepartmentOf = (db: Db, row: Pick<TargetRow, 'kind' | 'projectId' | 'regionCode' | 'ownerCode'>): string | null =>
  row.kind === 'project' ? projectDepartment(db, row.projectId!) : unitDepartment(db, row.regionCode, row.ownerCode);

export function refuseLocked(row: TargetRow): void {
  if (editable(row.status)) return;
  throw new AppError(
    'CONFLICT',
    row.status === 'approved'
      ? '绩效目标已审核通过并锁定，不能再修改；年中确需变更的，请办理“目标调整”'
      : '绩效目标已送审，正在审核中，不能修改；如需修改请先撤回',
  );
}

type TargetIdentity = Pick<TargetRow, 'regionCode' | 'year' | 'kind' | 'ownerCode' | 'projectId'>;

/** Inserts or updates the target row and replaces its indicators; returns the target's id. */
export function writeTarget(db: Db, before: TargetRow | undefined, identity: TargetIdentity, content: TargetContent, extra: Partial<TargetRow> = {}): string {
  const fields = { overallGoal: content.overallGoal, annualGoals: JSON.stringify(content.annualGoals), ...extra };
  let id: string;
  if (before) {
    id = before.id;
    db.update(targets).set({ ...fields, version: before.version + 1, updatedAt: sqlNow }).where(eq(targets.id, id)).run();
  } else {
    // A target deleted with its project may come back with it: reuse its identity for exchange.
    const tombstone = db
      .select({ id: targets.id, version: targets.version })
      .from(targets)
      .where(and(eq(targets.regionCode, identity.regionCode), eq(targets.year, identity.year), eq(targets.kind, identity.kind), eq(targets.ownerCode, identity.ownerCode)))
      .get();
    id = tombstone?.id ?? randomUUID();
    if (tombstone) {
      db.update(targets)
        .set({ ...identity, ...fields, status: 'draft', deleted: false, reviewGrade: null, reviewOpinion: null, submittedAt: null, decidedAt: null, ...LEFT_REVIEW_CHAIN, version: tombstone.version + 1, updatedAt: sqlNow })
        .where(eq(targets.id, id))
        .run();
    } else {
      db.insert(targets).values({ id, ...identity, ...fields }).run();
    }
  }
  writeIndicators(db, id, content.indicators);
  return id;
}

/** The bureau's decision on the latest submission, with who made it, for the 财政部门审核意见 block. */
export interface BureauReview {
  decision: 'approve' | 'return';
  grade: ReviewGrade | null;
  opinion: string | null;
  decidedAt: string;
  decidedBy: string;
}

const BUREAU_ACTIONS = [ACTION_LABELS.approve, ACTION_LABELS.return, `县级${ACTION_LABELS.approve}`, `县级${ACTION_LABELS.return}`];

/**
 * The bureau's last decision, from the target's history (the row keeps what was decided, the history who
 * decided it); null when the bureau has not decided since the last submission.
 */
export function bureauReviewOf(db: Db, row: TargetRow): BureauReview | null {
  if (!row.decidedAt || (row.status !== 'approved' && row.status !== 'returned')) return null;
  const history = listAudit(db, { entity: 'target', naturalKey: targetKey(row), limit: 50 });
  const decided = history.find((h) => BUREAU_ACTIONS.some((a) => h.action.startsWith(a)));
  const submitted = history.findIndex((h) => h.action === ACTION_LABELS.submit);
  if (!decided || (submitted >= 0 && history.indexOf(decided) > submitted)) return null;
  return {
    decision: decided.action.includes(ACTION_LABELS.return) ? 'return' : 'approve',
    grade: row.reviewGrade,
    opinion: row.reviewOpinion,
    decidedAt: decided.at,
    decidedBy: decided.operatorName,
  };
}
