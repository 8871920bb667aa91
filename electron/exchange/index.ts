// The exchange engine's public entry: the types a workflow's exchange declaration (its exchange.ts) is
// written against.
export type { AppliedRecord, Decision, ExchangeEntity, OwnDecision, PackageOrigin } from './entities';
export type { PackageRecord, Row } from './records';
export { MAX_COUNTER_STEP } from './manifest';
export { PackageRefusal } from './packageFile';
export { childRow, jsonStrings, jsonText, recordRow } from './rowSchema';
export { carryOverIdentity } from './keys';
