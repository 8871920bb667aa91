// Channels of the review of what came up from below: the prefecture's (and a county's of its units')
// review lists and decisions, and the prefecture's summary of its counties. They keep the names they had
// on the 数据交换 page, where they are shown.
import { z } from 'zod';
import { regionCode, returns, text, year, type ContractPart, type FilePayload } from '../ipc/schema';
import { unitCode } from '../exchange/contract';
import type { TargetForReview } from '../targets';
import type { YearDashboard } from './dashboard';
import type { CountyTrend } from './dashboardTrend';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { CountyRow, YearDashboard } from './dashboard';
export type { CountyTrend } from './dashboardTrend';

/** The dashboard's figures a trend over the years can follow. */
export const TREND_MEASURES = ['targets', 'monitoring', 'redLights', 'selfEvaluation', 'evaluation', 'adoption', 'overdue', 'industry'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export const prefectureContract = {
  'exchange.decide': {
    permission: 'review',
    input: z
      .object({ entity: text(40), recordId: text(64), action: z.enum(['approve', 'return']), opinion: text(2000) })
      .strict(),
    output: returns<{ id: string }>(),
  },
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
  /** 州级汇总: every county's figures of the year (by default the newest with projects), and the years to choose from. */
  'exchange.dashboard': { permission: 'view', input: z.object({ year: year.optional() }).strict(), output: returns<YearDashboard>() },
  /** The dashboard's table and the trend of every measure, as one workbook. */
  'exchange.dashboardExport': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
  /** One measure per county over the years held, ending at `year`. */
  'prefecture.trend': { permission: 'view', input: z.object({ year, measure: z.enum(TREND_MEASURES) }).strict(), output: returns<CountyTrend>() },
  /** The year's 汇总表 for the 自治区: 绩效目标、绩效监控、绩效评价汇总表. */
  'prefecture.summaryExport': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
} as const satisfies ContractPart;

/** A county's (or unit's) target as the reviewer above sees it, with the decision taken on it here. */
export interface CountyTarget extends TargetForReview {
  decision: { action: 'approve' | 'return'; opinion: string; decidedAt: string; sent: boolean } | null;
}
