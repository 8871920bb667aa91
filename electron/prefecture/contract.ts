// Channels of the review of what came up from below: the prefecture's (and a county's of its units')
// review lists and decisions, and the prefecture's summary of its counties. They keep the names they had
// on the 数据交换 page, where they are shown.
import { z } from 'zod';
import { isoDate, regionCode, returns, text, year, type ContractPart, type FilePayload } from '../ipc/schema';
import { roundMonth } from '../monitoring/contract';
import type { IssuedRound } from '../monitoring';
import { unitCode } from '../exchange/contract';
import type { TargetForReview } from '../targets';
import type { CountyRow } from './dashboard';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { CountyRow } from './dashboard';
export type { IssuedRound } from '../monitoring';

export const prefectureContract = {
  'exchange.decide': {
    permission: 'review',
    input: z
      .object({ entity: text(40), recordId: text(64), action: z.enum(['approve', 'return']), opinion: text(2000) })
      .strict(),
    output: returns<{ id: string }>(),
  },
  /** Many decisions at once, in one transaction: approvals may share one opinion, each return has its own. */
  'exchange.decideMany': {
    permission: 'review',
    input: z
      .object({
        entity: text(40),
        decisions: z.array(z.object({ recordId: text(64), action: z.enum(['approve', 'return']), opinion: text(2000) }).strict()).min(1, '请至少选择一项').max(2000),
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
  'exchange.dashboard': { permission: 'view', input: z.object({ year }).strict(), output: returns<CountyRow[]>() },
  'exchange.dashboardExport': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
} as const satisfies ContractPart;

/** A county's (or unit's) target as the reviewer above sees it, with the decision taken on it here. */
export interface CountyTarget extends TargetForReview {
  decision: { action: 'approve' | 'return'; opinion: string; decidedAt: string; sent: boolean } | null;
}

/** An installation's own target with the latest decision the level above sent on it. */
export interface AboveDecidedTarget extends TargetForReview {
  aboveDecision: { action: 'approve' | 'return'; opinion: string; decidedAt: string; decidedBy: string; recordVersion: number };
}
