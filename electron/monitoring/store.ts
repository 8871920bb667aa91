// Reads shared by the monitoring services: rounds, and sheets with their project, funds and indicator
// rows loaded in bulk (a round holds hundreds of sheets), assessed by the domain's §5 rules.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/open';
import { monitoringFunds, monitoringIndicators, monitoringRounds, monitoringSheets, projects, targets, units } from '../../db/schema';
import {
  assessSheet,
  attentionLight,
  fundTotals,
  type AccrualRule,
  sheetRules,
  type Deviation,
  type FundEntry,
  type IndicatorEntry,
  type Light,
  type LightThresholds,
  type RoundRuleSettings,
  type SheetAssessment,
  type SheetStanding,
  indicatorEntryLight,
  type SheetRules,
  type TimeProgressMethod,
} from '../domain/monitoring';
import type { AnnexFundGroup } from '../domain/monitoringAnnex';
import { FUND_SOURCES, type FundSource } from '../domain/projects';
import { FUND_ROW_SETTINGS } from '../domain/settings';
import { expectedGoal } from '../domain/targets';
import { percent } from '../domain/ratio';
import type { WorkflowState } from '../domain/workflow';
import { groupBy } from '../collections';
import { AppError } from '../errors';
import { settingValue, settingValues } from '../settings';

export type RoundRow = typeof monitoringRounds.$inferSelect;

export const roundKey = (round: Pick<RoundRow, 'regionCode' | 'year' | 'month' | 'seq'>) =>
  `${round.regionCode}/${round.year}/${round.month}-${round.seq}`;

export function requireRound(db: Db, id: string): RoundRow {
  const round = db.select().from(monitoringRounds).where(and(eq(monitoringRounds.id, id), eq(monitoringRounds.deleted, false))).get();
  if (!round) throw new AppError('NOT_FOUND', '该监控轮次不存在或已删除，请刷新后重试');
  return round;
}

const THRESHOLD_KEYS: (keyof LightThresholds)[] = ['budgetRedBelow', 'budgetGreenFrom', 'indicatorRedBelow', 'indicatorGreenFrom', 'indicatorBlueFrom'];

const RULE_KEYS = ['monitoring.timeProgress', 'monitoring.accrual', ...THRESHOLD_KEYS.map((key) => `monitoring.${key}`)];

/** The bureau's current §5 settings for a round, read in one go; the renderer rebuilds the same rules from them. */
export function roundRuleSettings(db: Db, round: Pick<RoundRow, 'year' | 'month'>): RoundRuleSettings {
  const values = settingValues(db, RULE_KEYS);
  return {
    year: round.year,
    month: round.month,
    timeProgressMethod: values['monitoring.timeProgress'] as TimeProgressMethod,
    accrualRule: values['monitoring.accrual'] as AccrualRule,
    thresholds: Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, values[`monitoring.${key}`] as string])) as RoundRuleSettings['thresholds'],
  };
}

/**
 * Which row of the 136号 annex each fund source prints in: the self-evaluation's grouping setting decides
 * (its 当年财政拨款 and 上年结转 rows are both 财政拨款 here), so a source is grouped alike on both forms.
 */
export function annexFundGroups(db: Db): Record<FundSource, AnnexFundGroup> {
  return Object.fromEntries(FUND_ROW_SETTINGS.map(([key, source]) => [source, settingValue<string>(db, key) === 'other' ? 'other' : 'fiscal'])) as Record<FundSource, AnnexFundGroup>;
}

export interface SheetFund {
  source: FundSource;
  /** 年初预算数, as the project stood when the round opened. */
  initialFen: number;
  adjustedFen: number;
  executedFen: number;
  /** 全年预计执行数; null until forecast. */
  forecastFen: number | null;
}

/** One approved indicator, as it stood when the round opened, with what the unit reported against it. */
export interface SheetIndicator extends IndicatorEntry {
  indicatorId: string;
  seq: number;
  level1: string;
  level2: string;
  name: string;
  unit: string;
}

export interface SheetProject {
  id: string;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  departmentName: string;
  keyProject: boolean;
  targetId: string | null;
}

export interface SheetRecord {
  id: string;
  version: number;
  roundId: string;
  status: WorkflowState;
  analysis: string;
  budget: Deviation;
  /** 年度总体目标 of the approved target, and what the unit reports of it to date (1–X月执行情况). */
  goal: string;
  goalProgress: string;
  remarks: string;
  reviewOpinion: string | null;
  submittedAt: string | null;
  /** Who last submitted it (an operator id; null for the command line or older sheets). */
  submittedBy: string | null;
  decidedAt: string | null;
  updatedAt: string;
  project: SheetProject;
  funds: SheetFund[];
  indicators: SheetIndicator[];
}

const parseReasons = (json: string): string[] => JSON.parse(json) as string[];

/** The supervising department of a project is a unit too (主管部门及代码 on the printed sheet). */
const departments = alias(units, 'departments');

/** The sheets of a round (or some of them), with everything needed to assess them, by project code. */
export function loadSheets(db: Db, roundId: string, filter: { sheetIds?: readonly string[]; unitCode?: string } = {}): SheetRecord[] {
  const conditions = [eq(monitoringSheets.roundId, roundId), eq(monitoringSheets.deleted, false)];
  if (filter.sheetIds) conditions.push(inArray(monitoringSheets.id, [...filter.sheetIds]));
  if (filter.unitCode) conditions.push(eq(projects.unitCode, filter.unitCode));
  const rows = db
    .select({
      sheet: monitoringSheets,
      project: {
        id: projects.id,
        code: projects.code,
        name: projects.name,
        unitCode: projects.unitCode,
        departmentCode: projects.departmentCode,
        keyProject: projects.keyProject,
        regionCode: projects.regionCode,
      },
      unitName: units.name,
      departmentName: departments.name,
      target: { id: targets.id, overallGoal: targets.overallGoal, annualGoals: targets.annualGoals },
    })
    .from(monitoringSheets)
    .innerJoin(projects, eq(projects.id, monitoringSheets.projectId))
    .leftJoin(units, and(eq(units.regionCode, projects.regionCode), eq(units.code, projects.unitCode)))
    .leftJoin(departments, and(eq(departments.regionCode, projects.regionCode), eq(departments.code, projects.departmentCode)))
    .leftJoin(targets, and(eq(targets.projectId, projects.id), eq(targets.kind, 'project'), eq(targets.deleted, false)))
    .where(and(...conditions))
    .orderBy(asc(projects.unitCode), asc(projects.code))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.sheet.id);
  const funds = groupBy(
    db.select().from(monitoringFunds).where(inArray(monitoringFunds.sheetId, ids)).all(),
    (f) => f.sheetId,
  );
  const indicators = groupBy(
    db.select().from(monitoringIndicators).where(inArray(monitoringIndicators.sheetId, ids)).orderBy(asc(monitoringIndicators.seq)).all(),
    (i) => i.sheetId,
  );
  return rows.map(({ sheet, project, unitName, departmentName, target }) => ({
    id: sheet.id,
    version: sheet.version,
    roundId: sheet.roundId,
    status: sheet.status,
    analysis: sheet.analysis,
    budget: { reasons: parseReasons(sheet.budgetReasons), reasonOther: sheet.budgetReasonOther, measures: sheet.budgetMeasures },
    goal: target?.id ? expectedGoal({ overallGoal: target.overallGoal ?? '', annualGoals: target.annualGoals ?? '[]' }) : '',
    goalProgress: sheet.goalProgress,
    remarks: sheet.remarks,
    reviewOpinion: sheet.reviewOpinion,
    submittedAt: sheet.submittedAt,
    submittedBy: sheet.submittedBy,
    decidedAt: sheet.decidedAt,
    updatedAt: sheet.updatedAt,
    project: { ...project, unitName: unitName ?? project.unitCode, departmentName: departmentName ?? project.departmentCode, targetId: target?.id ?? null },
    funds: (funds.get(sheet.id) ?? [])
      .map(({ source, initialFen, adjustedFen, executedFen, forecastFen }) => ({ source, initialFen, adjustedFen, executedFen, forecastFen }))
      .sort((a, b) => FUND_ORDER(a.source) - FUND_ORDER(b.source)),
    indicators: (indicators.get(sheet.id) ?? []).map((i) => ({
      indicatorId: i.indicatorId,
      seq: i.seq,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      unit: i.unit,
      operator: i.operator,
      target: i.targetValue,
      accrual: i.accrual,
      reached: i.reached ?? '',
      expectedFullYear: i.expectedFullYear ?? '',
      likelihood: i.likelihood ?? '',
      reasons: parseReasons(i.reasons),
      reasonOther: i.reasonOther,
      measures: i.measures,
    })),
  }));
}

const FUND_ORDER = (source: string) => (FUND_SOURCES as readonly string[]).indexOf(source);

export function requireSheet(db: Db, sheetId: string): SheetRecord {
  const sheet = db.select({ roundId: monitoringSheets.roundId }).from(monitoringSheets).where(eq(monitoringSheets.id, sheetId)).get();
  const [record] = sheet ? loadSheets(db, sheet.roundId, { sheetIds: [sheetId] }) : [];
  if (!record) throw new AppError('NOT_FOUND', '该监控表不存在或已删除，请刷新后重试');
  return record;
}

export function assessRecord(record: SheetRecord, settings: RoundRuleSettings): SheetAssessment {
  return assessSheet({ funds: record.funds, submitted: record.submittedAt !== null, budget: record.budget, indicators: record.indicators }, sheetRules(settings));
}

/** A sheet's figures as the lists and boards show them (percents as 2-decimal strings). */
export interface SheetFigures {
  adjustedFen: number;
  executedFen: number;
  executionRate: string;
  zeroBudget: boolean;
  /** false: 未填报, no lights; counted apart from the lights. */
  reported: boolean;
  /** 超支: executed above the adjusted budget (refused at entry; a legacy or forced figure shows red). */
  overspent: boolean;
  budgetLight: Light;
  projectLight: Light;
  /** The worse of the two: what the warnings board looks at. */
  attention: Light;
}

export function figuresOf(record: { funds: readonly FundEntry[] }, assessment: SheetStanding): SheetFigures {
  const { adjustedFen, executedFen } = fundTotals(record.funds);
  return {
    adjustedFen,
    executedFen,
    executionRate: percent(assessment.execution.rate),
    zeroBudget: assessment.execution.zeroBudget,
    reported: assessment.reported,
    overspent: assessment.overspent,
    budgetLight: assessment.budgetLight,
    projectLight: assessment.projectLight,
    attention: attentionLight(assessment.budgetLight, assessment.projectLight),
  };
}

/** Only a project with a red or yellow light gets a rectification notice or a target adjustment from a round. */
export function requireWarning(db: Db, record: SheetRecord): void {
  const round = requireRound(db, record.roundId);
  const { attention } = figuresOf(record, assessRecord(record, roundRuleSettings(db, round)));
  if (attention !== 'red' && attention !== 'yellow') {
    throw new AppError('INVALID_INPUT', `“${record.project.name}”在本轮没有红灯或黄灯，无需整改或调整目标`);
  }
}

/** A round's indicator values as a list reads them: which sheet, and what its light depends on. */
export type IndicatorValues = [sheetId: string, operator: string, target: string, accrual: string, reached: string];

/** Each sheet's indicators with their lights, a value judged by `rules` only the first time `judged` meets it. */
export function judgedBySheet(rows: readonly IndicatorValues[], rules: SheetRules, judged: Map<string, Light>) {
  const bySheet = new Map<string, { reached: string; light: Light }[]>();
  for (const [sheetId, operator, target, accrual, reached] of rows) {
    const key = `${operator}\u0000${target}\u0000${accrual}\u0000${reached}`;
    let light = judged.get(key);
    if (light === undefined) judged.set(key, (light = indicatorEntryLight({ operator, target, accrual, reached }, rules).light));
    const list = bySheet.get(sheetId);
    if (list) list.push({ reached, light });
    else bySheet.set(sheetId, [{ reached, light }]);
  }
  return bySheet;
}
