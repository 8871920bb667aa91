// The monitoring workflow's public entry: a region's monitoring at a glance, which the prefecture's
// dashboard summarises, and the steps the sample county walks its rounds through.
export { monitoringTally, roundReport } from './report';
export type { MonitoringTally } from './report';
export { roundLightCounts } from './roundLights';
export type { LightCounts } from './roundLights';
export { createRound } from './rounds';
export { issuedRounds, issueRoundToCounties } from './issued';
export type { IssuedRound } from './issued';
export type { RoundSummary } from './rounds';
export { getSheet, lastSheetOf, listSheets, sheetNaturalKey } from './sheets';
export { listDepartmentSheets } from './departmentSheets';
export type { IndicatorReport, SheetSaveInput } from './sheets';
export { roundWarnings } from './boards';
export { openSheetRectification } from './rectification';
export { monitoringCycle } from './cycle';
