// The exchange engine's entry for the workflows' exchange declarations (each workflow's exchange.ts):
// the types and row schemas they are written against. It loads nothing that reads the list of workflows,
// which imports those declarations.
export type { AppliedRecord, ChildTable, CrossReference, DeclaredEntity, Decision, ExchangeEntity, OwnDecision, PackageOrigin } from './entities';
export type { PackageRecord, Row } from './records';
export { MAX_COUNTER_STEP } from './manifest';
export { PackageRefusal } from './packageFile';
export { childRow, jsonStrings, jsonText, recordRow } from './rowSchema';
export { issuersOf, markIssued } from './issuers';
