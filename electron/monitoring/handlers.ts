// Handlers of the 绩效监控 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { CallContext } from '../ipc/context';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import { adjustmentDraft, proposeAdjustmentFromSheet } from './adjustments';
import { annexWorkbook, departmentAnnexWorkbook } from './annex';
import { roundCoverage, roundWarnings } from './boards';
import type { monitoringContract } from './contract';
import { getDepartmentSheet, listDepartmentSheets, requireDepartmentSheet, saveDepartmentSheet, transitionDepartmentSheet } from './departmentSheets';
import { commitMonitoringImport, previewMonitoringImport } from './excel';
import { integratedWorkbook } from './integrated';
import { openSheetRectification } from './rectification';
import { roundReport, roundReportWorkbook } from './report';
import { openLaterApprovedSheets } from './issued';
import { createDefaultRounds, createRound, listRounds, roundCandidates, roundListing } from './rounds';
import { getSheet, listSheets, saveSheet, transitionSheet } from './sheets';
import { requireRound, requireSheet } from './store';
import { monitoringWorkbook } from './workbook';

const roundTitle = (ctx: CallContext, roundId: string) => requireRound(db(ctx), roundId).title;

export const monitoringHandlers: HandlersFor<typeof monitoringContract> = {
  'monitoring.rounds': (input, ctx) => listRounds(db(ctx), input.year),
  'monitoring.round': (input, ctx) => roundListing(db(ctx), input.roundId),
  'monitoring.candidates': (input, ctx) => roundCandidates(db(ctx), input.year),
  'monitoring.createRound': (input, ctx) => createRound(db(ctx), actor(ctx), input),
  'monitoring.createDefaultRounds': (input, ctx) => createDefaultRounds(db(ctx), actor(ctx), input.year),
  'monitoring.openLaterSheets': (input, ctx) => openLaterApprovedSheets(db(ctx), actor(ctx), input.roundId),

  'monitoring.sheets': (input, ctx) => listSheets(db(ctx), input.roundId),
  'monitoring.sheet': (input, ctx) => getSheet(db(ctx), input.sheetId),
  'monitoring.saveSheet': (input, ctx) => saveSheet(db(ctx), actor(ctx), input),
  'monitoring.transition': (input, ctx) => transitionSheet(db(ctx), actor(ctx), input),

  'monitoring.departmentSheets': (input, ctx) => listDepartmentSheets(db(ctx), input.roundId),
  'monitoring.departmentSheet': (input, ctx) => getDepartmentSheet(db(ctx), input.sheetId),
  'monitoring.saveDepartmentSheet': (input, ctx) => saveDepartmentSheet(db(ctx), actor(ctx), input),
  'monitoring.transitionDepartmentSheet': (input, ctx) => transitionDepartmentSheet(db(ctx), actor(ctx), input),

  'monitoring.importPreview': (input, ctx) => previewMonitoringImport(db(ctx), input.roundId, input.kind, input.fileName, decodeFile(input)),
  'monitoring.importCommit': (input, ctx) => commitMonitoringImport(db(ctx), actor(ctx), input.roundId, input.kind, input.fileName, decodeFile(input)),
  'monitoring.annexExport': (input, ctx) => {
    const what = input.sheetId ? requireSheet(db(ctx), input.sheetId).project.code : '全部项目';
    return encodeFile(`${roundTitle(ctx, input.roundId)}-项目支出绩效目标执行监控表-${what}.xlsx`, annexWorkbook(db(ctx), input.roundId, input.sheetId));
  },
  'monitoring.departmentAnnexExport': (input, ctx) => {
    const unit = requireDepartmentSheet(db(ctx), input.sheetId).unitName;
    return encodeFile(`${roundTitle(ctx, input.roundId)}-部门整体支出绩效目标执行监控表-${unit}.xlsx`, departmentAnnexWorkbook(db(ctx), input.roundId, input.sheetId));
  },
  'monitoring.integratedExport': (input, ctx) => encodeFile(`${input.year}年度绩效数据-一体化导入.xlsx`, integratedWorkbook(db(ctx), input.year, input.reportDate)),
  'monitoring.workbook': (input, ctx) => {
    const name = input.unitCode ? `${roundTitle(ctx, input.roundId)}-填报模板-${input.unitCode}.xlsx` : `${roundTitle(ctx, input.roundId)}-填报模板.xlsx`;
    return encodeFile(name, monitoringWorkbook(db(ctx), input.roundId, input.unitCode));
  },

  'monitoring.coverage': (input, ctx) => roundCoverage(db(ctx), input.roundId),
  'monitoring.warnings': (input, ctx) => roundWarnings(db(ctx), input.roundId),
  'monitoring.report': (input, ctx) => roundReport(db(ctx), input.roundId),
  'monitoring.reportExport': (input, ctx) => {
    const report = roundReport(db(ctx), input.roundId);
    return encodeFile(`${report.round.title}-监控报告.xlsx`, roundReportWorkbook(report));
  },

  'monitoring.openRectification': (input, ctx) => openSheetRectification(db(ctx), actor(ctx), input),
  'monitoring.adjustmentDraft': (input, ctx) => adjustmentDraft(db(ctx), input.sheetId),
  'monitoring.proposeAdjustment': (input, ctx) => proposeAdjustmentFromSheet(db(ctx), actor(ctx), input),
};
