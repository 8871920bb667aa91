// Rectification notices travel up with the unit's feedback; the verdict stays with the county.
import { rectifications } from '../../db/schema';
import { type DeclaredEntity, type Row, recordRow } from '../exchange/exchange';

/** A unit answers a rectification notice; the verdict (通过 / 退回) is the county's alone. */
function rectificationAwaitingVerdict(row: Row): Row {
  return { ...row, status: row.status === 'passed' || row.status === 'returned' ? 'answered' : (row.status ?? null), verdict_opinion: null };
}

export const rectificationExchange: readonly DeclaredEntity[] = [
  {
    name: 'rectification',
    label: '整改通知',
    table: 'rectifications',
    row: recordRow(rectifications),
    naturalKey: ['region_code', 'year', 'seq'],
    // Notices opened from a monitoring round travel with the round's sheets too.
    stages: ['rectification', 'monitoring'],
    // A notice names its unit and, when it was opened on one, its project: both go with it.
    parents: ['unit', 'project'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    unitScope: 'unit_code = :unit',
    unitColumn: 'unit_code',
    statusColumn: 'status',
    awaitingReview: rectificationAwaitingVerdict,
  },
];
