// The exchange engine's public entry for the reviewing workflow (electron/prefecture): what came in from
// whom, and the bookkeeping of review decisions until a reply carries them back; and for restore, the
// signing identity and peer sequences a restored database must keep.
export { decisionsFromAbove, latestDecisionsOn, pendingDecisionCount, queueDecisions, recordsReceivedFrom } from './decisions';
export type { DecisionInput, DecisionSubject } from './decisions';
export { packagesFrom } from './history';
export type { PackagesFrom } from './history';
export { carryOverIdentity } from './keys';
export { exchangeCycle } from './cycle';
// For the scale generator (electron/demo/generateScale.ts), which reports its counties to a prefecture through real packages.
export { importPackage } from './incoming';
export { exportReport } from './outgoing';
