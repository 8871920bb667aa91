// Targets travel up with their indicator rows and department task tables; the prefecture's review
// comes back down as a decision that reopens a returned target with the prefecture's opinion.
import { sqliteOf, type Db } from '../../db/open';
import { recordAudit, type Actor } from '../audit/audit';
import type { Decision, ExchangeEntity } from '../exchange';

function applyTargetDecision(db: Db, actor: Actor, recordId: string, decision: Decision): void {
  const sqlite = sqliteOf(db);
  const before = sqlite.prepare('SELECT status, review_opinion AS opinion, region_code, year, kind, owner_code FROM targets WHERE id = ?').get(recordId) as
    | { status: string; opinion: string | null; region_code: string; year: number; kind: string; owner_code: string }
    | undefined;
  if (!before) return;
  const opinion = `${decision.final ? '县级审核' : '州级审核'}：${decision.opinion}`;
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

const inYear = 'region_code = :region AND year = :year';
/** A unit's targets: those of its projects, and its own department-wide target. */
const ofUnit = "(kind = 'project' AND project_id IN (SELECT id FROM projects WHERE unit_code = :unit)) OR (kind = 'department' AND owner_code = :unit)";

export const targetExchange: readonly ExchangeEntity[] = [
  {
    name: 'target',
    label: '绩效目标',
    table: 'targets',
    naturalKey: ['region_code', 'year', 'kind', 'owner_code'],
    stages: ['targets'],
    directions: ['up'],
    scope: inYear,
    unitScope: ofUnit,
    children: [
      { table: 'target_indicators', foreignKey: 'target_id', key: ['id'] },
      { table: 'department_tasks', foreignKey: 'target_id', key: ['id'] },
    ],
    statusColumn: 'status',
    applyDecision: applyTargetDecision,
  },
  {
    name: 'target-adjustment',
    label: '目标调整',
    table: 'target_adjustments',
    naturalKey: ['target_id', 'seq'],
    stages: ['targets'],
    directions: ['up'],
    scope: `target_id IN (SELECT id FROM targets WHERE ${inYear})`,
    unitScope: `target_id IN (SELECT id FROM targets WHERE ${ofUnit})`,
    statusColumn: 'status',
  },
];
