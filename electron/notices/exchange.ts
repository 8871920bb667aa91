// A 通知 goes down from the prefecture to the county it is addressed to, with its files, and comes back up
// with the county's read mark, the county's only answer: a county's copy that changes the notice itself or
// its files, or a notice the prefecture never issued, refuses the package (the engine's check of records
// issued here, and refuseIncoming below). It never goes on from a county to its units.
import { eq } from 'drizzle-orm';
import { notices } from '../../db/schema';
import { attachmentChild, attachmentProblem } from '../attachments/exchange';
import type { DeclaredEntity } from '../exchange/exchange';
import { recordRow } from '../exchange/exchange';
import { requireInstallation } from '../registry';
import { NOTICE_ENTITY, NOTICE_FILES } from './notices';

export const noticesExchange: readonly DeclaredEntity[] = [
  {
    name: NOTICE_ENTITY,
    label: '上级通知',
    table: 'notices',
    row: recordRow(notices),
    naturalKey: ['region_code', 'year', 'seq'],
    stages: ['notices'],
    directions: ['up', 'down'],
    downToCounties: true,
    answeredByPeer: { columns: ['read_at', 'read_by'], children: [] },
    scope: 'region_code = :region AND year = :year',
    children: [attachmentChild(NOTICE_FILES)],
    refuseIncoming: (record, _rowOf, db) => {
      const problem = attachmentProblem(db, record.children.attachments);
      if (problem) return `上级通知（${record.naturalKey}）的${problem}`;
      // Notices come only from the prefecture: a county's report may bring back only one issued here.
      if (requireInstallation(db).role === 'prefecture' && !db.select({ id: notices.id }).from(notices).where(eq(notices.id, record.id)).get()) {
        return `上级通知（${record.naturalKey}）不是本州下发的：县市的上报包只能带回本州下发给它的通知`;
      }
      return null;
    },
  },
];
