// Reads shared by the self-evaluation services: a self-evaluation with its project, unit and indicator
// rows, the bureau's scoring settings, and the record read as the domain's form.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, selfEvaluationIndicators, selfEvaluations, units } from '../../db/schema';
import {
  assessSelfEvaluation,
  scoringSettingsFrom,
  type FormAssessment,
  type FormIndicator,
  type FundBlock,
  type ScoringSettings,
  type SelfEvaluationForm,
  type Tier,
} from '../domain/selfEvaluation';
import { SETTINGS, type SettingValue } from '../domain/settings';
import type { Accrual } from '../domain/indicators';
import type { ChainColumns } from '../domain/reviewChain';
import type { WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { settingValue } from '../settings';

export type SelfEvaluationRow = typeof selfEvaluations.$inferSelect;

export const selfEvaluationKey = (row: Pick<SelfEvaluationRow, 'regionCode' | 'year' | 'projectCode'>) => `${row.regionCode}/${row.year}/${row.projectCode}`;

/** The bureau's 绩效评价 settings as stored values: the renderer rebuilds the same ScoringSettings from them. */
export interface ScoringRules {
  values: Record<string, SettingValue>;
  /** 预算执行 分值 (evaluation.weightBudget). */
  budgetWeight: number;
}

export function scoringRules(db: Db): ScoringRules {
  const values = Object.fromEntries(SETTINGS.filter((s) => s.key.startsWith('evaluation.')).map((s) => [s.key, settingValue(db, s.key)]));
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

export interface SelfEvaluationRecord {
  id: string;
  version: number;
  regionCode: string;
  year: number;
  projectCode: string;
  status: WorkflowState;
  targetId: string;
  project: { id: string; code: string; name: string; unitCode: string; unitName: string; confidential: boolean; departmentCode: string };
  funds: FundBlock;
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

const fundsOf = (row: SelfEvaluationRow): FundBlock => ({
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

/** Self-evaluations (all of a year, or some), with what is needed to show and score them. */
export function loadSelfEvaluations(db: Db, filter: { year?: number; ids?: readonly string[] }): SelfEvaluationRecord[] {
  const conditions = [eq(selfEvaluations.deleted, false)];
  if (filter.year !== undefined) conditions.push(eq(selfEvaluations.year, filter.year));
  if (filter.ids) conditions.push(inArray(selfEvaluations.id, [...filter.ids]));
  const rows = db
    .select({ row: selfEvaluations, project: { id: projects.id, name: projects.name, confidential: projects.confidential, unitCode: projects.unitCode, departmentCode: projects.departmentCode }, unitName: units.name })
    .from(selfEvaluations)
    .innerJoin(projects, eq(projects.id, selfEvaluations.projectId))
    .leftJoin(units, and(eq(units.regionCode, projects.regionCode), eq(units.code, projects.unitCode)))
    .where(and(...conditions))
    .orderBy(asc(projects.unitCode), asc(selfEvaluations.projectCode))
    .all();
  if (rows.length === 0) return [];
  const indicators = db
    .select()
    .from(selfEvaluationIndicators)
    .where(inArray(selfEvaluationIndicators.selfEvaluationId, rows.map((r) => r.row.id)))
    .orderBy(asc(selfEvaluationIndicators.seq))
    .all();
  return rows.map(({ row, project, unitName }) => ({
    id: row.id,
    version: row.version,
    regionCode: row.regionCode,
    year: row.year,
    projectCode: row.projectCode,
    status: row.status,
    targetId: row.targetId,
    project: { ...project, code: row.projectCode, unitName: unitName ?? project.unitCode },
    funds: fundsOf(row),
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
    indicators: indicators
      .filter((i) => i.selfEvaluationId === row.id)
      .map((i) => ({
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

export const assessRecord = (record: SelfEvaluationRecord, rules: ScoringRules): FormAssessment =>
  assessSelfEvaluation(formOf(record), rules.budgetWeight, scoringSettingsOf(rules));
