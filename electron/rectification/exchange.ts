// Rectification notices travel up with the unit's feedback: every round of it (what was answered, the
// department's look and the verdict on it), the files kept with each round, and the 问责 measures taken,
// so the prefecture sees the whole loop. Going from a unit to its county, the verdict stays the county's.
import { accountabilityMeasures, rectificationRounds, rectifications } from '../../db/schema';
import { attachmentChild, attachmentProblem } from '../attachments/exchange';
import { type ChildTable, type CrossReference, type DeclaredEntity, type Row, childRow, recordRow } from '../exchange/exchange';

/** The owner kind of a submitted feedback round's files (the draft's stay home until submitted). */
const FEEDBACK_FILES = 'rectification.feedback';

const noticeChildren: readonly ChildTable[] = [
  // The rounds carry the county's verdicts: they go on from the county, never from a unit.
  { table: 'rectification_rounds', foreignKey: 'rectification_id', key: ['id'], row: childRow(rectificationRounds), notFromUnits: true },
  { ...attachmentChild(FEEDBACK_FILES), via: { table: 'rectification_rounds', foreignKey: 'rectification_id' }, notFromUnits: true },
  { table: 'accountability_measures', foreignKey: 'rectification_id', key: ['id'], row: childRow(accountabilityMeasures), notFromUnits: true },
];

/** A unit answers a rectification notice; the verdict (通过 / 退回) is the county's alone. */
function rectificationAwaitingVerdict(row: Row): Row {
  return { ...row, status: row.status === 'passed' || row.status === 'returned' ? 'answered' : (row.status ?? null), verdict_opinion: null };
}

/**
 * A notice names a project of the sender's (its unit's, from a unit) and, opened from a round, a sheet
 * of that project in that region's year. A sheet not here yet is let through: a notice travels in the
 * rectification stage too, which may arrive before the round's sheets.
 */
const noticeReferences: readonly CrossReference[] = [
  {
    outside: `SELECT r.id, COALESCE((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = r.project_id), r.project_id) AS detail
      FROM rectifications r WHERE r.id IN (SELECT value FROM json_each(:ids)) AND r.project_id IS NOT NULL
      AND r.project_id NOT IN (SELECT id FROM projects WHERE region_code = :region AND year = :year AND (:unit IS NULL OR unit_code = :unit))`,
    refusal: (project) => `针对的项目 ${project} 不是发送方本地区、本年度（单位上报时为本单位）的项目`,
  },
  {
    outside: `SELECT r.id, r.source_id AS detail FROM rectifications r JOIN monitoring_sheets s ON s.id = r.source_id
      WHERE r.id IN (SELECT value FROM json_each(:ids)) AND r.source = 'monitoring'
      AND NOT (s.project_id IS r.project_id AND s.round_id IN (SELECT id FROM monitoring_rounds WHERE region_code = :region AND year = :year))`,
    refusal: (sheet) => `的来源监控表（${sheet}）不是该项目在发送方本地区、本年度的监控表`,
  },
];

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
    children: noticeChildren,
    references: noticeReferences,
    awaitingReview: rectificationAwaitingVerdict,
    refuseIncoming: (record, _rowOf, db) => {
      const problem = attachmentProblem(db, record.children.attachments);
      return problem && `整改通知（${record.naturalKey}）的反馈${problem}`;
    },
  },
];
