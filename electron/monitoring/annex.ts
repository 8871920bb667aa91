// The 项目支出绩效目标执行监控表 of a round as xlsx, in the 136号 annex grid the printed sheet follows: one
// worksheet per project (or the one sheet asked for), named by its project code.
import type { Db } from '../../db/open';
import { annexSheetOf, monitoringAnnexGrid } from '../domain/monitoringAnnex';
import { AppError } from '../errors';
import { gridWorkbook } from '../xlsx/grid';
import { annexFundGroups, loadSheets, requireRound } from './store';

/** Excel's sheet names stop at 31 characters; a project code is at most 40 and unique in a round. */
const worksheetName = (code: string, index: number) => (code.length <= 31 ? code : `${code.slice(0, 24)}~${index + 1}`);

export function annexWorkbook(db: Db, roundId: string, sheetId?: string): Uint8Array {
  const round = requireRound(db, roundId);
  const groups = annexFundGroups(db);
  const records = loadSheets(db, roundId, sheetId ? { sheetIds: [sheetId] } : {});
  if (records.length === 0) throw new AppError('NOT_FOUND', sheetId ? '该监控表不在本轮次中，请刷新后重试' : '本轮次还没有监控表，无可导出');
  return gridWorkbook(
    records.map((record, index) => {
      const grid = monitoringAnnexGrid(annexSheetOf(record, round, groups));
      return { name: worksheetName(record.project.code, index), ...grid };
    }),
  );
}
