// The exchange engine's public entry: the types a workflow's exchange declaration (its exchange.ts) is
// written against.
export type { AppliedRecord, Decision, ExchangeEntity, PackageOrigin } from './entities';
export type { PackageRecord, Row } from './records';
