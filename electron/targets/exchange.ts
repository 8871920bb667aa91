// Targets travel up with their indicator rows and department task tables; the prefecture's review
// comes back down as a decision that reopens a returned target with the prefecture's opinion.
import { z } from 'zod';
import { sqliteOf, type Db } from '../../db/open';
import { departmentTasks, REVIEW_CHAIN_CLEARED, targetAdjustments, targetIndicators, targetMidtermIndicators, targets } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { OPERATORS } from '../domain/indicators';
import { type Decision, type DeclaredEntity, type OwnDecision, type Row, childRow, jsonStrings, jsonText, recordRow } from '../exchange/exchange';

const reviewOpinion = (final: boolean, opinion: string) => `${final ? '县级审核' : '州级审核'}：${opinion}`;

function applyTargetDecision(db: Db, actor: Actor, recordId: string, decision: Decision): void {
  const sqlite = sqliteOf(db);
  const before = sqlite.prepare('SELECT status, review_opinion AS opinion, region_code, year, kind, owner_code FROM targets WHERE id = ?').get(recordId) as
    | { status: string; opinion: string | null; region_code: string; year: number; kind: string; owner_code: string }
    | undefined;
  if (!before) return;
  const opinion = reviewOpinion(decision.final, decision.opinion);
  // A prefecture's approval is recorded only; the county's approval of a unit's target settles it.
  const status = decision.action === 'return' ? 'returned' : decision.final ? 'approved' : null;
  if (status) {
    sqlite
      .prepare(
        "UPDATE targets SET status = ?, review_opinion = ?, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      )
      .run(status, opinion, recordId);
  }
  recordAudit(db, actor, {
    entity: 'target',
    naturalKey: `${before.region_code}/${before.year}/${before.kind}/${before.owner_code}`,
    action: `${decision.final ? '县级' : '州级'}${decision.action === 'return' ? '退回' : '审核通过'}`,
    before: { status: before.status },
    after: { status: status ?? before.status },
    opinion: decision.opinion || null,
  });
}

/**
 * A unit's target at its county: 已送审 for the county's review whatever the unit says (a unit cannot
 * approve its own target, grade it or write the reviewer's opinion), unless the unit reports back the
 * county's own latest decision — then the copy shows that decision, with the county's opinion. A draft
 * stays a draft: the unit has not sent it for review. The unit's own state stays visible in the import
 * summary (senderState).
 */
function targetAwaitingReview(row: Row, decided: OwnDecision | undefined): Row {
  const settled = decided && (decided.action === 'approve' ? 'approved' : 'returned') === row.status ? decided : undefined;
  return {
    ...row,
    status: settled ? (row.status ?? null) : row.status === 'draft' ? 'draft' : 'submitted',
    review_grade: null,
    review_opinion: settled ? reviewOpinion(true, settled.opinion) : null,
    decided_at: settled ? settled.decidedAt : null,
    // Nor does it write a 主管部门's decision: the county's own review chain decides who reviews it.
    ...REVIEW_CHAIN_CLEARED,
  };
}

/** An adjustment of a unit's target waits for the county's review: the unit's approval never counts. */
function adjustmentAwaitingReview(row: Row): Row {
  return { ...row, status: row.status === 'draft' ? 'draft' : 'submitted', opinion: null, decided_at: null, ...REVIEW_CHAIN_CLEARED };
}

// A draft row may have no operator yet.
const operator = z.enum([...OPERATORS, '']);
const targetContent = jsonText(z.object({}).passthrough());
const schedule = jsonText(z.array(z.object({ period: z.string().max(100), work: z.string().max(500) }).strict()).max(50));

const inYear = 'region_code = :region AND year = :year';
/** A unit's targets: those of its projects, and its own department-wide target. */
const ofUnit = "(kind = 'project' AND project_id IN (SELECT id FROM projects WHERE unit_code = :unit)) OR (kind = 'department' AND owner_code = :unit)";
/** The unit ofUnit gives a stored target (`t`) to, and how people know the target. */
const unitOfTarget = (t: string) => `CASE ${t}.kind WHEN 'project' THEN (SELECT p.unit_code FROM projects p WHERE p.id = ${t}.project_id) ELSE ${t}.owner_code END`;
const targetNamed = (t: string) =>
  `CASE ${t}.kind WHEN 'project' THEN coalesce((SELECT '项目 ' || p.code || '“' || p.name || '”' FROM projects p WHERE p.id = ${t}.project_id), ${t}.owner_code) ELSE '部门整体 ' || ${t}.owner_code END`;

export const targetExchange: readonly DeclaredEntity[] = [
  {
    name: 'target',
    label: '绩效目标',
    table: 'targets',
    row: recordRow(targets, { annual_goals: jsonStrings, schedule }),
    naturalKey: ['region_code', 'year', 'kind', 'owner_code'],
    stages: ['targets'],
    parents: ['unit', 'project'],
    directions: ['up'],
    scope: inYear,
    unitScope: ofUnit,
    owner: { unit: unitOfTarget('targets'), record: targetNamed('targets') },
    children: [
      { table: 'target_indicators', foreignKey: 'target_id', key: ['id'], row: childRow(targetIndicators, { operator }) },
      { table: 'target_midterm_indicators', foreignKey: 'target_id', key: ['id'], row: childRow(targetMidtermIndicators, { operator }) },
      { table: 'department_tasks', foreignKey: 'target_id', key: ['id'], row: childRow(departmentTasks, { project_codes: jsonStrings }) },
    ],
    statusColumn: 'status',
    awaitingReview: targetAwaitingReview,
    applyDecision: applyTargetDecision,
  },
  {
    name: 'target-adjustment',
    label: '目标调整',
    table: 'target_adjustments',
    row: recordRow(targetAdjustments, { original: targetContent, proposed: targetContent }),
    naturalKey: ['target_id', 'seq'],
    stages: ['targets'],
    parents: ['target'],
    directions: ['up'],
    scope: `target_id IN (SELECT id FROM targets WHERE ${inYear})`,
    unitScope: `target_id IN (SELECT id FROM targets WHERE ${ofUnit})`,
    owner: {
      unit: `(SELECT ${unitOfTarget('t')} FROM targets t WHERE t.id = target_adjustments.target_id)`,
      record: `(SELECT ${targetNamed('t')} FROM targets t WHERE t.id = target_adjustments.target_id) || ' 第 ' || target_adjustments.seq || ' 次调整'`,
    },
    statusColumn: 'status',
    awaitingReview: adjustmentAwaitingReview,
  },
];
