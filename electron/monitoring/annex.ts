// The 项目支出绩效目标执行监控表 of a round as xlsx, in the 136号 annex grid the printed sheet follows: one
// worksheet per project (or the one sheet asked for), named by its project code; the whole round's workbook
// also carries each unit's 部门整体支出绩效目标执行监控表, named 部门整体-<unit code>.
import type { Db } from '../../db/open';
import { annexSheetOf, departmentAnnexSheetOf, departmentMonitoringGrid, monitoringAnnexGrid } from '../domain/monitoringAnnex';
import { AppError } from '../errors';
import { gridWorkbook, type GridSheet } from '../xlsx/grid';
import { departmentsOf, loadDepartmentSheets } from './departmentSheets';
import { annexFundGroups, loadSheets, requireRound, type RoundRow } from './store';

/** Excel's sheet names stop at 31 characters; a project code is at most 40 and unique in a round. */
const worksheetName = (code: string, index: number) => (code.length <= 31 ? code : `${code.slice(0, 24)}~${index + 1}`);

function departmentGridSheets(db: Db, round: RoundRow, sheetIds?: readonly string[]): GridSheet[] {
  const records = loadDepartmentSheets(db, round.id, sheetIds);
  const departments = departmentsOf(db, round.regionCode, records.map((r) => r.unitCode));
  return records.map((record) => ({ name: `部门整体-${record.unitCode}`, ...departmentMonitoringGrid(departmentAnnexSheetOf(record, round, departments.get(record.unitCode) ?? null)) }));
}

/** One project's sheet, or the whole round: every project's sheet, then every unit's 部门整体 sheet. */
export function annexWorkbook(db: Db, roundId: string, sheetId?: string): Uint8Array {
  const round = requireRound(db, roundId);
  const groups = annexFundGroups(db);
  const records = loadSheets(db, roundId, sheetId ? { sheetIds: [sheetId] } : {});
  const departments = sheetId ? [] : departmentGridSheets(db, round);
  if (records.length + departments.length === 0) throw new AppError('NOT_FOUND', sheetId ? '该监控表不在本轮次中，请刷新后重试' : '本轮次还没有监控表，无可导出');
  return gridWorkbook([
    ...records.map((record, index) => {
      const grid = monitoringAnnexGrid(annexSheetOf(record, round, groups));
      return { name: worksheetName(record.project.code, index), ...grid };
    }),
    ...departments,
  ]);
}

/** One unit's 部门整体支出绩效目标执行监控表. */
export function departmentAnnexWorkbook(db: Db, roundId: string, sheetId: string): Uint8Array {
  const sheets = departmentGridSheets(db, requireRound(db, roundId), [sheetId]);
  if (sheets.length === 0) throw new AppError('NOT_FOUND', '该部门整体监控表不在本轮次中，请刷新后重试');
  return gridWorkbook(sheets);
}
