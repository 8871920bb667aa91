// The exchange engine's public entry for the reviewing workflow (electron/prefecture): what came in from
// whom, and the bookkeeping of review decisions until a reply carries them back.
export { latestDecisionsOn, pendingDecisionCount, queueDecision, recordsReceivedFrom } from './decisions';
export type { DecisionInput } from './decisions';
export { packagesFrom } from './history';
export type { PackagesFrom } from './history';
