// Channels of 绩效监控: rounds, sheets and their review, the Excel paths (budget execution, unit
// templates), the coverage and warnings boards, the round report, and what a warned project gets: a
// rectification notice (kept by the rectification workflow) or a target adjustment.
import { z } from 'zod';
import { workflowActionPermission } from '../domain/permissions';
import { DEVIATION_REASONS, LIKELIHOODS, ROUND_SCOPES, SLOW_SPENDING_REASONS } from '../domain/monitoring';
import type { Adjustment } from '../targets';
import { WORKFLOW_ACTIONS } from '../domain/workflow';
import { fen, file, isoDate, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { Rectification } from '../rectification';
import type { AdjustmentDraft } from './adjustments';
import type { Coverage, WarningsBoard } from './boards';
import type { MonitoringImportPreview, MonitoringImportResult } from './excel';
import type { RoundReport } from './report';
import type { RoundCandidate, RoundListing, RoundSummary } from './rounds';
import type { LaterSheetsOpened } from './issued';
import type { DepartmentSheetDetail, DepartmentSheetRow } from './departmentSheets';
import type { SheetDetail, SheetListRow } from './sheets';
export type { DepartmentSheetDetail, DepartmentSheetRow } from './departmentSheets';
export type { AdjustmentDraft } from './adjustments';
export type { UnitExecution } from './report';
export type { LightCounts } from './roundLights';
export type { RoundListing, RoundSummary } from './rounds';
export type { SheetDetail, SheetListRow } from './sheets';
export type { UnitCoverage, Warning } from './boards';
export type { ImportKind, MonitoringImportPreview, MonitoringImportRow } from './excel';

const round = z.object({ roundId: uuid }).strict();
/** A round's reporting month, as the bureau opens it and as a prefecture issues it. */
export const roundMonth = z.number().int().min(1, '监控月份应为 1–12 月').max(12, '监控月份应为 1–12 月');
const sheet = z.object({ sheetId: uuid }).strict();

const explanation = { reasonOther: text(500), measures: text(2000) };
/** An indicator's deviation reasons are the five 保障; slow spending has its own list (136号). */
const deviation = { reasons: z.array(z.enum(DEVIATION_REASONS)).max(DEVIATION_REASONS.length), ...explanation };
const slowSpending = { reasons: z.array(z.enum(SLOW_SPENDING_REASONS)).max(SLOW_SPENDING_REASONS.length), ...explanation };

const indicatorReports = z
  .array(z.object({ indicatorId: text(40), reached: text(200), expectedFullYear: text(200), likelihood: z.enum([...LIKELIHOODS, '']), ...deviation }).strict())
  .max(200);
const sheetTransition = z.object({ sheetId: uuid, version, action: z.enum(WORKFLOW_ACTIONS), opinion: text(1000).nullable().optional() }).strict();

const importFile = file.extend({ roundId: uuid, kind: z.enum(['execution', 'template']) }).strict();

export const monitoringContract = {
  'monitoring.rounds': { permission: 'view', input: z.object({ year: year.optional() }).strict(), output: returns<RoundListing[]>() },
  'monitoring.round': { permission: 'view', input: round, output: returns<RoundListing>() },
  'monitoring.candidates': { permission: 'view', input: z.object({ year }).strict(), output: returns<RoundCandidate[]>() },
  'monitoring.createRound': {
    permission: 'rounds.open',
    input: z
      .object({
        year,
        month: roundMonth,
        deadline: isoDate,
        scope: z.enum(ROUND_SCOPES),
        projectIds: z.array(uuid).max(10_000).optional(),
        title: text(60).optional(),
      })
      .strict(),
    output: returns<RoundSummary>(),
  },
  'monitoring.createDefaultRounds': { permission: 'rounds.open', input: z.object({ year }).strict(), output: returns<RoundSummary[]>() },
  /** 补开监控表 on an issued round: sheets for the projects approved since the county imported it. */
  'monitoring.openLaterSheets': { permission: 'rounds.open', input: round, output: returns<LaterSheetsOpened>() },

  'monitoring.sheets': { permission: 'view', input: round, output: returns<SheetListRow[]>() },
  'monitoring.sheet': { permission: 'view', input: sheet, output: returns<SheetDetail>() },
  'monitoring.saveSheet': {
    permission: 'enter',
    input: z
      .object({
        sheetId: uuid,
        version,
        analysis: text(4000),
        budget: z.object(slowSpending).strict(),
        goalProgress: text(2000).optional(),
        remarks: text(1000).optional(),
        funds: z.array(z.object({ source: text(20), adjustedFen: fen, executedFen: fen, forecastFen: fen.nullable().optional() }).strict()).max(20),
        indicators: indicatorReports,
      })
      .strict(),
    output: returns<SheetDetail>(),
  },
  'monitoring.transition': { permission: workflowActionPermission, input: sheetTransition, output: returns<SheetDetail>() },

  /** 部门整体绩效监控: a unit's whole budget in the round. */
  'monitoring.departmentSheets': { permission: 'view', input: round, output: returns<DepartmentSheetRow[]>() },
  'monitoring.departmentSheet': { permission: 'view', input: sheet, output: returns<DepartmentSheetDetail>() },
  'monitoring.saveDepartmentSheet': {
    permission: 'enter',
    input: z
      .object({
        sheetId: uuid,
        version,
        basicExecutedFen: fen,
        projectExecutedFen: fen,
        budget: z.object(slowSpending).strict(),
        goalProgress: text(2000).optional(),
        remarks: text(1000),
        indicators: indicatorReports,
      })
      .strict(),
    output: returns<DepartmentSheetDetail>(),
  },
  'monitoring.transitionDepartmentSheet': { permission: workflowActionPermission, input: sheetTransition, output: returns<DepartmentSheetDetail>() },

  'monitoring.importPreview': { permission: 'enter', input: importFile, output: returns<MonitoringImportPreview>() },
  'monitoring.importCommit': { permission: 'enter', input: importFile, output: returns<MonitoringImportResult>() },
  /** The 136号 监控表 in the annex grid: one sheet, or every sheet of the round. */
  'monitoring.annexExport': { permission: 'view', input: z.object({ roundId: uuid, sheetId: uuid.optional() }).strict(), output: returns<FilePayload>() },
  /** One unit's 部门整体支出绩效目标执行监控表 in the same grid. */
  'monitoring.departmentAnnexExport': { permission: 'view', input: z.object({ roundId: uuid, sheetId: uuid }).strict(), output: returns<FilePayload>() },
  /** The year's targets and monitoring in the 预算管理一体化 field layout (INTEGRATED_TABLES, 模拟). */
  'monitoring.integratedExport': { permission: 'view', input: z.object({ year, reportDate: isoDate.optional() }).strict(), output: returns<FilePayload>() },
  /** The round's workbook, pre-filled: for one unit (its template) or for the whole round. */
  'monitoring.workbook': { permission: 'view', input: z.object({ roundId: uuid, unitCode: text(20).optional() }).strict(), output: returns<FilePayload>() },

  'monitoring.coverage': { permission: 'view', input: round, output: returns<Coverage>() },
  'monitoring.warnings': { permission: 'view', input: round, output: returns<WarningsBoard>() },
  'monitoring.report': { permission: 'view', input: round, output: returns<RoundReport>() },
  'monitoring.reportExport': { permission: 'view', input: round, output: returns<FilePayload>() },

  'monitoring.openRectification': {
    permission: 'review',
    input: z.object({ sheetId: uuid, problems: text(2000), requirements: text(2000), deadline: isoDate }).strict(),
    output: returns<Rectification>(),
  },
  'monitoring.adjustmentDraft': { permission: 'view', input: sheet, output: returns<AdjustmentDraft>() },
  'monitoring.proposeAdjustment': {
    permission: 'enter',
    input: z
      .object({
        sheetId: uuid,
        targetVersion: version,
        reason: text(1000),
        values: z.array(z.object({ row: z.number().int().min(0), value: text(200) }).strict()).max(200),
      })
      .strict(),
    output: returns<Adjustment>(),
  },
} as const satisfies ContractPart;
