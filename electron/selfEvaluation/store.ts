// Reads shared by the self-evaluation services: a self-evaluation with its project (or, department-wide,
// its unit), indicator rows and annual tasks, the bureau's scoring settings, and the record read as the
// domain's form.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, selfEvaluationIndicators, selfEvaluations, selfEvaluationTasks, units } from '../../db/schema';
import {
  assessDepartmentSelfEvaluation,
  assessSelfEvaluation,
  type DepartmentFundBlock,
  type DepartmentFundRowName,
  scoringSettingsFrom,
  type FormAssessment,
  type FormIndicator,
  type FundBlock,
  type FundRowName,
  type ScoringSettings,
  type SelfEvaluationForm,
  type Tier,
} from '../domain/selfEvaluation';
import { SETTINGS, type SettingValue } from '../domain/settings';
import type { Accrual } from '../domain/indicators';
import type { ChainColumns } from '../domain/reviewChain';
import type { WorkflowState } from '../domain/workflow';
import { groupBy } from '../collections';
import { AppError } from '../errors';
import { settingValues } from '../settings';

export type SelfEvaluationRow = typeof selfEvaluations.$inferSelect;
export type SelfEvaluationKind = SelfEvaluationRow['kind'];

/** A project's key as before department-wide tables existed; a department-wide one says so after its unit. */
export const selfEvaluationKey = (row: Pick<SelfEvaluationRow, 'regionCode' | 'year' | 'projectCode'> & { kind?: SelfEvaluationKind }) =>
  `${row.regionCode}/${row.year}/${row.projectCode}${row.kind === 'department' ? '/部门整体' : ''}`;

/** The bureau's 绩效评价 settings as stored values: the renderer rebuilds the same ScoringSettings from them. */
export interface ScoringRules {
  values: Record<string, SettingValue>;
  /** 预算执行 分值 (evaluation.weightBudget). */
  budgetWeight: number;
}

const SCORING_KEYS = SETTINGS.filter((s) => s.key.startsWith('evaluation.')).map((s) => s.key);

/** Read afresh on every call, never cached across calls: the bureau may change 参数设置 between two of them. */
export function scoringRules(db: Db): ScoringRules {
  const values = settingValues(db, SCORING_KEYS);
  return { values, budgetWeight: Number(values['evaluation.weightBudget']) };
}

export const scoringSettingsOf = (rules: ScoringRules): ScoringSettings => scoringSettingsFrom((key) => rules.values[key]!);

export interface SelfEvaluationIndicator extends FormIndicator {
  id: string;
  indicatorId: string;
  seq: number;
  level1: string;
  level2: string;
  unit: string;
  accrual: Accrual;
}

/** 年度主要任务 of a department-wide table, as approved, with the unit's 完成情况. */
export interface SelfEvaluationTask {
  id: string;
  seq: number;
  function: string;
  task: string;
  amountFen: number;
  completion: string;
}

/** What only a department-wide table has: the unit's 基本支出 / 项目支出 block and its annual tasks. */
export interface DepartmentPart {
  funds: DepartmentFundBlock;
  tasks: SelfEvaluationTask[];
}

export interface SelfEvaluationRecord {
  id: string;
  version: number;
  regionCode: string;
  year: number;
  kind: SelfEvaluationKind;
  /** The project code; the unit code of a department-wide table. */
  projectCode: string;
  status: WorkflowState;
  targetId: string;
  /** The project evaluated; for a department-wide table its unit stands here (id empty, code and name the unit's). */
  project: { id: string; code: string; name: string; unitCode: string; unitName: string; confidential: boolean };
  /** A project's 项目资金 block (all zero on a department-wide table, whose figures are in `department`). */
  funds: FundBlock;
  department: DepartmentPart | null;
  budgetReason: string;
  goalExpected: string;
  goalAchieved: string;
  problems: string;
  measures: string;
  totalScore: string | null;
  grade: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedBy: string | null;
  reviewOpinion: string | null;
  decidedAt: string | null;
  /** Where it stands on the 主管部门 review chain, as stored. */
  chain: ChainColumns;
  updatedAt: string;
  indicators: SelfEvaluationIndicator[];
}

/** The nine 分 columns of a project's 项目资金 block, as they are stored. */
export type FundColumns = Pick<SelfEvaluationRow, keyof ReturnType<typeof fundColumns>>;

/** The same nine columns selected under their names in FundColumns, for reads that skip the query builder. */
export const FUND_SELECT = `e.appropriation_initial_fen AS appropriationInitialFen, e.appropriation_adjusted_fen AS appropriationAdjustedFen,
  e.appropriation_executed_fen AS appropriationExecutedFen, e.carry_over_initial_fen AS carryOverInitialFen, e.carry_over_adjusted_fen AS carryOverAdjustedFen,
  e.carry_over_executed_fen AS carryOverExecutedFen, e.other_initial_fen AS otherInitialFen, e.other_adjusted_fen AS otherAdjustedFen, e.other_executed_fen AS otherExecutedFen`;

export const fundsOf = (row: FundColumns): FundBlock => ({
  appropriation: { initialFen: row.appropriationInitialFen, adjustedFen: row.appropriationAdjustedFen, executedFen: row.appropriationExecutedFen },
  carryOver: { initialFen: row.carryOverInitialFen, adjustedFen: row.carryOverAdjustedFen, executedFen: row.carryOverExecutedFen },
  other: { initialFen: row.otherInitialFen, adjustedFen: row.otherAdjustedFen, executedFen: row.otherExecutedFen },
});

/** The nine 分 columns from a fund block, as they are written. */
export const fundColumns = (funds: FundBlock) => ({
  appropriationInitialFen: funds.appropriation.initialFen,
  appropriationAdjustedFen: funds.appropriation.adjustedFen,
  appropriationExecutedFen: funds.appropriation.executedFen,
  carryOverInitialFen: funds.carryOver.initialFen,
  carryOverAdjustedFen: funds.carryOver.adjustedFen,
  carryOverExecutedFen: funds.carryOver.executedFen,
  otherInitialFen: funds.other.initialFen,
  otherAdjustedFen: funds.other.adjustedFen,
  otherExecutedFen: funds.other.executedFen,
});

const departmentFundsOf = (row: SelfEvaluationRow): DepartmentFundBlock => ({
  basicSpending: { initialFen: row.basicSpendingInitialFen, adjustedFen: row.basicSpendingAdjustedFen, executedFen: row.basicSpendingExecutedFen },
  projectSpending: { initialFen: row.projectSpendingInitialFen, adjustedFen: row.projectSpendingAdjustedFen, executedFen: row.projectSpendingExecutedFen },
});

/** The six 分 columns of a department-wide table's 基本支出 / 项目支出 block. */
export const departmentFundColumns = (funds: DepartmentFundBlock) => ({
  basicSpendingInitialFen: funds.basicSpending.initialFen,
  basicSpendingAdjustedFen: funds.basicSpending.adjustedFen,
  basicSpendingExecutedFen: funds.basicSpending.executedFen,
  projectSpendingInitialFen: funds.projectSpending.initialFen,
  projectSpendingAdjustedFen: funds.projectSpending.adjustedFen,
  projectSpendingExecutedFen: funds.projectSpending.executedFen,
});

/** The unit a table belongs to: the project's implementing unit, or the unit of a department-wide table. */
const unitCodeOf = sql<string>`coalesce(${projects.unitCode}, ${selfEvaluations.unitCode})`;

/**
 * Self-evaluations with what is needed to show and score them: by id of either kind, or a year's of one
 * kind (project unless asked), so that the project lists, exports and templates never meet a unit's table.
 */
export function loadSelfEvaluations(db: Db, filter: { year?: number; ids?: readonly string[]; kind?: SelfEvaluationKind }): SelfEvaluationRecord[] {
  const conditions = [eq(selfEvaluations.deleted, false)];
  if (filter.year !== undefined) conditions.push(eq(selfEvaluations.year, filter.year));
  if (filter.ids) conditions.push(inArray(selfEvaluations.id, [...filter.ids]));
  const kind = filter.kind ?? (filter.ids ? undefined : 'project');
  if (kind) conditions.push(eq(selfEvaluations.kind, kind));
  const rows = db
    .select({ row: selfEvaluations, project: { id: projects.id, name: projects.name, confidential: projects.confidential }, unitCode: unitCodeOf, unitName: units.name })
    .from(selfEvaluations)
    .leftJoin(projects, eq(projects.id, selfEvaluations.projectId))
    .leftJoin(units, and(eq(units.regionCode, selfEvaluations.regionCode), eq(units.code, unitCodeOf)))
    .where(and(...conditions))
    .orderBy(asc(unitCodeOf), asc(selfEvaluations.kind), asc(selfEvaluations.projectCode))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id);
  // Grouped once by table: a year's 1,000 tables each filtering 10,000 rows was quadratic.
  const tasks = groupBy(db.select().from(selfEvaluationTasks).where(inArray(selfEvaluationTasks.selfEvaluationId, ids)).orderBy(asc(selfEvaluationTasks.seq)).all(), (t) => t.selfEvaluationId);
  const indicators = groupBy(
    db.select().from(selfEvaluationIndicators).where(inArray(selfEvaluationIndicators.selfEvaluationId, ids)).orderBy(asc(selfEvaluationIndicators.seq)).all(),
    (i) => i.selfEvaluationId,
  );
  return rows.map(({ row, project, unitCode, unitName }) => ({
    id: row.id,
    version: row.version,
    regionCode: row.regionCode,
    year: row.year,
    kind: row.kind,
    projectCode: row.projectCode,
    status: row.status,
    targetId: row.targetId,
    project: project?.id
      ? { id: project.id, name: project.name!, confidential: project.confidential!, code: row.projectCode, unitCode, unitName: unitName ?? unitCode }
      : { id: '', name: unitName ?? unitCode, confidential: false, code: row.projectCode, unitCode, unitName: unitName ?? unitCode },
    funds: fundsOf(row),
    department:
      row.kind === 'department'
        ? {
            funds: departmentFundsOf(row),
            tasks: (tasks.get(row.id) ?? []).map(({ id, seq, function: fn, task, amountFen, completion }) => ({ id, seq, function: fn, task, amountFen, completion })),
          }
        : null,
    budgetReason: row.budgetReason,
    goalExpected: row.goalExpected,
    goalAchieved: row.goalAchieved,
    problems: row.problems,
    measures: row.measures,
    totalScore: row.totalScore,
    grade: row.grade,
    submittedAt: row.submittedAt,
    submittedBy: row.submittedBy,
    reviewedBy: row.reviewedBy,
    reviewOpinion: row.reviewOpinion,
    decidedAt: row.decidedAt,
    chain: { reviewStep: row.reviewStep, departmentDecision: row.departmentDecision, departmentOpinion: row.departmentOpinion, departmentDecidedAt: row.departmentDecidedAt, departmentDecidedBy: row.departmentDecidedBy },
    updatedAt: row.updatedAt,
    indicators: (indicators.get(row.id) ?? []).map((i) => ({
        id: i.id,
        indicatorId: i.indicatorId,
        seq: i.seq,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        operator: i.operator,
        targetValue: i.targetValue,
        unit: i.unit,
        weight: i.weight,
        accrual: i.accrual,
        actual: i.actual,
        tier: i.tier as Tier | null,
        score: i.score,
        deduction: i.deduction,
        deductionReason: i.deductionReason,
        deviationReason: i.deviationReason,
      })),
  }));
}

export function requireSelfEvaluation(db: Db, id: string): SelfEvaluationRecord {
  const [record] = loadSelfEvaluations(db, { ids: [id] });
  if (!record) throw new AppError('NOT_FOUND', '该自评表不存在或已删除，请刷新后重试');
  return record;
}

export const formOf = (record: Pick<SelfEvaluationRecord, 'funds' | 'budgetReason' | 'goalAchieved' | 'indicators'>): SelfEvaluationForm => record;

/** Scored as a project's form, with its 项目资金 block (the 10号 sheets print only project tables). */
export const assessProjectRecord = (record: SelfEvaluationRecord, rules: ScoringRules): FormAssessment<FundRowName> =>
  assessSelfEvaluation(formOf(record), rules.budgetWeight, scoringSettingsOf(rules));

/** Scored as its kind's form: a project's 项目资金 block, or a unit's spending as a whole with its tasks. */
export const assessRecord = (record: SelfEvaluationRecord, rules: ScoringRules): FormAssessment<FundRowName> | FormAssessment<DepartmentFundRowName> =>
  record.department
    ? assessDepartmentSelfEvaluation({ ...formOf(record), funds: record.department.funds, tasks: record.department.tasks }, rules.budgetWeight, scoringSettingsOf(rules))
    : assessProjectRecord(record, rules);
