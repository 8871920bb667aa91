// Review lists of what came up: a county's targets (at the prefecture) or a unit's (at the county), each
// with the latest decision taken on it here.
import type { Store } from '../../db/open';
import { requireInstallation } from '../registry';
import type { CountyTarget } from './contract';

type Row = Omit<CountyTarget, 'decision'> & { action: 'approve' | 'return' | null; opinion: string; decidedAt: string; packageId: string | null };

/** Targets matching `where`, each with the latest decision taken on it here. */
function targetsWithDecisions(store: Store, where: string, ...params: unknown[]): CountyTarget[] {
  const rows = store.sqlite
    .prepare(
      `SELECT t.id, t.owner_code AS ownerCode, p.name AS projectName, t.kind, t.status, t.version, t.review_opinion AS reviewOpinion,
              d.action, d.opinion, d.decided_at AS decidedAt, d.package_id AS packageId
         FROM targets t
         LEFT JOIN projects p ON p.id = t.project_id
         LEFT JOIN exchange_decisions d ON d.id = (
           SELECT id FROM exchange_decisions WHERE record_id = t.id AND entity = 'target' ORDER BY decided_at DESC LIMIT 1)
        WHERE t.deleted = 0 AND ${where}
        ORDER BY t.kind DESC, t.owner_code`,
    )
    .all(...params) as Row[];
  return rows.map(({ action, opinion, decidedAt, packageId, ...row }) => ({
    ...row,
    decision: action ? { action, opinion, decidedAt, sent: packageId !== null } : null,
  }));
}

/** The prefecture's review list: a county's targets for a year. */
export function countyTargets(store: Store, county: string, year: number): CountyTarget[] {
  return targetsWithDecisions(store, 't.region_code = ? AND t.year = ?', county, year);
}

/** The county's review list for one of its budget units: the targets that came in that unit's packages. */
export function unitTargets(store: Store, unit: string, year: number): CountyTarget[] {
  const peer = `${requireInstallation(store.db).region.code}/${unit}`;
  return targetsWithDecisions(
    store,
    "t.year = ? AND t.id IN (SELECT record_id FROM exchange_sync WHERE peer = ? AND entity = 'target')",
    year,
    peer,
  );
}
