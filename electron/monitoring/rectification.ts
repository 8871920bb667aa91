// A 整改通知 for a red or yellow project of a round (§5 → §8): monitoring finds and checks the sheet, the
// rectification workflow numbers, keeps and issues the notice.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { openRectification, type NoticeText, type Rectification } from '../rectification';
import { requireRound, requireSheet, requireWarning } from './store';

/** Opens a notice (待下达) for the unit of a warned sheet's project; one open notice per sheet. */
export function openSheetRectification(db: Db, actor: Actor, input: NoticeText & { sheetId: string }): Rectification {
  return openRectification(db, actor, input, (tx) => {
    const record = requireSheet(tx, input.sheetId);
    requireWarning(tx, record);
    const round = requireRound(tx, record.roundId);
    return {
      source: 'monitoring',
      sourceId: record.id,
      label: `${round.title} · ${record.project.code} ${record.project.name}`,
      regionCode: round.regionCode,
      year: round.year,
      projectId: record.project.id,
      unitCode: record.project.unitCode,
      subject: record.project.name,
      occasion: '本轮',
      audit: { round: round.title, project: record.project.code },
    };
  });
}
