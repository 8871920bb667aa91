// Channels of the review of what came up from below: the prefecture's (and a county's of its units')
// review lists and decisions, and the prefecture's summary of its counties. They keep the names they had
// on the 数据交换 page, where they are shown.
import { z } from 'zod';
import { REDECISION_REASON_MAX } from '../domain/prefecture';
import { isoDate, regionCode, returns, text, year, type ContractPart, type FilePayload } from '../ipc/schema';
import { roundMonth } from '../monitoring/contract';
import type { IssuedRound } from '../monitoring';
import { unitCode } from '../exchange/contract';
import type { TargetForReview } from '../targets';
import type { YearDashboard } from './dashboard';
import type { CountyTrend } from './dashboardTrend';
import type { CountyRoundRow, CountySheetDetail, RoundDepartmentSheets, RoundSheets } from './views/monitoring';
import type { CountyEvaluationRow, CountyNoticeRow, CountyResultRow, CountySelfEvaluationRow } from './views/outcomes';
import type { CountyProjectRow, CountyUnitRow } from './views/registry';
import type { CountyPage } from './views/scope';
import type { CountyTargetDetail, CountyTargetRow } from './views/targets';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { CountyRow, YearDashboard } from './dashboard';
export type { CountyTrend } from './dashboardTrend';
export type { IssuedRound } from '../monitoring';
export type { CountyDepartmentSheetRow, CountyRoundRow, CountySheetDetail, CountySheetIndicator, CountySheetRow, RoundDepartmentSheets, RoundSheets } from './views/monitoring';
export type { CountyEvaluationRow, CountyNoticeRow, CountyResultRow, CountySelfEvaluationRow } from './views/outcomes';
export type { CountyProjectRow, CountyUnitRow } from './views/registry';
export type { CountyOption, CountyPage, SourcePackage } from './views/scope';
export type { CountyTargetDetail, CountyTargetRow } from './views/targets';

const page = { offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(200), search: text(60) };
/** A list across the prefecture's counties: one county or all (null), a year (null: the latest reported), a search, a page. */
const countyList = z.object({ county: regionCode.nullable(), year: year.nullable(), ...page }).strict();
export type CountyListInput = z.infer<typeof countyList>;
const roundSheets = z.object({ roundId: text(64), ...page }).strict();
export type RoundSheetsInput = z.infer<typeof roundSheets>;
const record = z.object({ id: text(64) }).strict();

/** The dashboard's figures a trend over the years can follow. */
export const TREND_MEASURES = ['targets', 'monitoring', 'redLights', 'selfEvaluation', 'evaluation', 'adoption', 'overdue', 'industry'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

/** Bounded at the boundary with the rule's own words; the service checks it again for the CLI and the other callers. */
const redecisionReason = z.string().trim().max(REDECISION_REASON_MAX, `改判理由最多 ${REDECISION_REASON_MAX} 个字，请精简后再改判`);

export const prefectureContract = {
  'exchange.decide': {
    permission: 'review',
    input: z
      // reason: a 改判 of a decision already sent down says why (domain/prefecture.ts).
      .object({ entity: text(40), recordId: text(64), action: z.enum(['approve', 'return']), opinion: text(2000), reason: redecisionReason.optional() })
      .strict(),
    output: returns<{ id: string }>(),
  },
  /** Many decisions at once, in one transaction: approvals may share one opinion, each return has its own. */
  'exchange.decideMany': {
    permission: 'review',
    input: z
      .object({
        entity: text(40),
        decisions: z.array(z.object({ recordId: text(64), action: z.enum(['approve', 'return']), opinion: text(2000), reason: text(500).optional() }).strict()).min(1, '请至少选择一项').max(2000),
      })
      .strict(),
    output: returns<{ count: number }>(),
  },
  /** 州级下发: one monitoring round (month, deadline, scope) to all or chosen counties at once. */
  'exchange.issueRound': {
    permission: 'rounds.open',
    input: z
      .object({
        year,
        month: roundMonth,
        deadline: isoDate,
        scope: z.enum(['all', 'key']),
        title: text(60).optional(),
        counties: z.array(regionCode).max(100).optional(),
      })
      .strict(),
    output: returns<IssuedRound[]>(),
  },
  'exchange.issuedRounds': { permission: 'view', input: z.object({ year }).strict(), output: returns<IssuedRound[]>() },
  'exchange.countyTargets': {
    permission: 'view',
    input: z.object({ county: regionCode, year }).strict(),
    output: returns<CountyTarget[]>(),
  },
  /** County: the targets received from one of its budget units, with the latest decision on each. */
  'exchange.unitTargets': {
    permission: 'view',
    input: z.object({ unit: unitCode, year }).strict(),
    output: returns<CountyTarget[]>(),
  },
  /** County (or unit): its own targets with the decision the level above sent on each. */
  'exchange.decidedAbove': { permission: 'view', input: z.object({ year }).strict(), output: returns<AboveDecidedTarget[]>() },
  /** 州级汇总: every county's figures of the year (by default the newest with projects), and the years to choose from. */
  'exchange.dashboard': { permission: 'view', input: z.object({ year: year.optional() }).strict(), output: returns<YearDashboard>() },
  /** The dashboard's table and the trend of every measure, as one workbook. */
  'exchange.dashboardExport': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
  /** One measure per county over the years held, ending at `year`. */
  'prefecture.trend': { permission: 'view', input: z.object({ year, measure: z.enum(TREND_MEASURES) }).strict(), output: returns<CountyTrend>() },
  /** The year's 汇总表 for the 自治区: 绩效目标、绩效监控、绩效评价汇总表. */
  'prefecture.summaryExport': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
  // The prefecture's read-only lists of what its counties' packages brought.
  'prefecture.units': { permission: 'view', input: countyList, output: returns<CountyPage<CountyUnitRow>>() },
  'prefecture.projects': { permission: 'view', input: countyList, output: returns<CountyPage<CountyProjectRow>>() },
  'prefecture.targets': { permission: 'view', input: countyList, output: returns<CountyPage<CountyTargetRow>>() },
  'prefecture.target': { permission: 'view', input: record, output: returns<CountyTargetDetail>() },
  'prefecture.rounds': { permission: 'view', input: countyList, output: returns<CountyPage<CountyRoundRow>>() },
  'prefecture.sheets': { permission: 'view', input: roundSheets, output: returns<RoundSheets>() },
  'prefecture.sheet': { permission: 'view', input: record, output: returns<CountySheetDetail>() },
  /** A county round's 部门整体 sheets, a page at a time, with their lights. */
  'prefecture.departmentSheets': { permission: 'view', input: roundSheets, output: returns<RoundDepartmentSheets>() },
  'prefecture.selfEvaluations': { permission: 'view', input: countyList, output: returns<CountyPage<CountySelfEvaluationRow>>() },
  'prefecture.evaluations': { permission: 'view', input: countyList, output: returns<CountyPage<CountyEvaluationRow>>() },
  'prefecture.results': { permission: 'view', input: countyList, output: returns<CountyPage<CountyResultRow>>() },
  'prefecture.rectifications': { permission: 'view', input: countyList, output: returns<CountyPage<CountyNoticeRow>>() },
} as const satisfies ContractPart;

/** A county's (or unit's) target as the reviewer above sees it, with the decision taken on it here. */
export interface CountyTarget extends TargetForReview {
  decision: { action: 'approve' | 'return'; opinion: string; decidedAt: string; sent: boolean; sentOnVersion: number | null } | null;
}

/** An installation's own target with the latest decision the level above sent on it. */
export interface AboveDecidedTarget extends TargetForReview {
  aboveDecision: { action: 'approve' | 'return'; opinion: string; decidedAt: string; decidedBy: string; recordVersion: number };
}
