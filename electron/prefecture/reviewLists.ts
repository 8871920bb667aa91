// Review lists of what came up: a county's targets (at the prefecture) or a unit's (at the county), each
// with the latest decision taken on it here.
import type { Store } from '../../db/open';
import { decisionsFromAbove, latestDecisionsOn, recordsReceivedFrom } from '../exchange';
import { requireInstallation } from '../registry';
import { targetsForReview, type TargetForReview } from '../targets';
import type { AboveDecidedTarget, CountyTarget } from './contract';

function withDecisions(store: Store, targets: readonly TargetForReview[]): CountyTarget[] {
  const decisions = latestDecisionsOn(
    store,
    'target',
    targets.map((t) => t.id),
  );
  return targets.map((target) => ({ ...target, decision: decisions.get(target.id) ?? null }));
}

/** The prefecture's review list: a county's targets for a year. */
export function countyTargets(store: Store, county: string, year: number): CountyTarget[] {
  return withDecisions(store, targetsForReview(store.db, year, { region: county }));
}

/** The county's review list for one of its budget units: the targets that came in that unit's packages. */
export function unitTargets(store: Store, unit: string, year: number): CountyTarget[] {
  const peer = `${requireInstallation(store.db).region.code}/${unit}`;
  return withDecisions(store, targetsForReview(store.db, year, { ids: recordsReceivedFrom(store, peer, 'target') }));
}

/**
 * This installation's own targets of a year on which the level above sent a decision (the prefecture's
 * approval of a county's target changes nothing else there), with the latest such decision.
 */
export function targetsDecidedAbove(store: Store, year: number): AboveDecidedTarget[] {
  const own = targetsForReview(store.db, year, { region: requireInstallation(store.db).region.code });
  const decisions = decisionsFromAbove(
    store,
    'target',
    own.map((t) => t.id),
  );
  return own.flatMap((target) => {
    const decision = decisions.get(target.id);
    return decision ? [{ ...target, aboveDecision: decision }] : [];
  });
}
