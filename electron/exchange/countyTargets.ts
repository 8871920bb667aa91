// The prefecture's review list: a county's targets for a year with the latest decision on each.
import type { Store } from '../../db/open';
import type { CountyTarget } from './contract';

export function countyTargets(store: Store, county: string, year: number): CountyTarget[] {
  const rows = store.sqlite
    .prepare(
      `SELECT t.id, t.owner_code AS ownerCode, p.name AS projectName, t.kind, t.status, t.review_opinion AS reviewOpinion, t.version,
              d.action, d.opinion, d.decided_at AS decidedAt, d.package_id AS packageId
         FROM targets t
         LEFT JOIN projects p ON p.id = t.project_id
         LEFT JOIN exchange_decisions d ON d.id = (
           SELECT id FROM exchange_decisions WHERE record_id = t.id AND entity = 'target' ORDER BY decided_at DESC LIMIT 1)
        WHERE t.region_code = ? AND t.year = ? AND t.deleted = 0
        ORDER BY t.kind DESC, t.owner_code`,
    )
    .all(county, year) as (Omit<CountyTarget, 'decision'> & { action: 'approve' | 'return' | null; opinion: string; decidedAt: string; packageId: string | null })[];
  return rows.map(({ action, opinion, decidedAt, packageId, ...row }) => ({
    ...row,
    decision: action ? { action, opinion, decidedAt, sent: packageId !== null } : null,
  }));
}
