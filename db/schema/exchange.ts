// 数据交换: this installation's signing identity, the peers it exchanges with, every package sent or
// received, what each outgoing package carried (so a receipt marks exactly that as delivered), and the
// receiver's bookkeeping that tells an unchanged record from a conflict.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PACKAGE_KINDS } from '../../electron/exchange/manifest';
import { checkCounter, checkJson, checkOneOf, checkPartyId, checkYear, sqlNow } from './common';

const PACKAGE_DIRECTIONS = ['out', 'in'] as const;
const PACKAGE_STATES = ['written', 'acknowledged', 'imported'] as const;
const DECISION_ACTIONS = ['approve', 'return'] as const;

/** One row: the public half of this installation's Ed25519 key pair and the next sequence number. */
export const exchangeIdentity = sqliteTable(
  'exchange_identity',
  {
    id: integer('id').primaryKey(),
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    nextSequence: integer('next_sequence').notNull().default(1),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  () => [checkCounter('exchange_identity', 'next_sequence', 1)],
);

/** A county or prefecture whose packages we accept: registered on first contact, confirmed by phone. */
export const exchangePeers = sqliteTable(
  'exchange_peers',
  {
    regionCode: text('region_code').primaryKey(),
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    trustedAt: text('trusted_at').notNull().default(sqlNow),
    trustedBy: text('trusted_by').notNull(),
    lastSequence: integer('last_sequence').notNull().default(0),
  },
  () => [checkPartyId('exchange_peers', 'region_code'), checkCounter('exchange_peers', 'last_sequence', 0)],
);

/** Every package written or imported, with its state and summary. */
export const exchangePackages = sqliteTable(
  'exchange_packages',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: PACKAGE_DIRECTIONS }).notNull(),
    kind: text('kind', { enum: PACKAGE_KINDS }).notNull(),
    sender: text('sender').notNull(),
    receiver: text('receiver').notNull(),
    year: integer('year').notNull(),
    stage: text('stage').notNull(),
    sequence: integer('sequence').notNull(),
    createdAt: text('created_at').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** out: written → acknowledged (its receipt came back); in: imported → acknowledged (we issued a receipt). */
    state: text('state', { enum: PACKAGE_STATES }).notNull(),
    /** JSON: counts (and for imports the per-record summary). */
    summary: text('summary').notNull().default('{}'),
    recordedAt: text('recorded_at').notNull().default(sqlNow),
    acknowledgedAt: text('acknowledged_at'),
    operator: text('operator').notNull(),
  },
  () => [
    checkOneOf('exchange_packages', 'direction', PACKAGE_DIRECTIONS),
    checkOneOf('exchange_packages', 'kind', PACKAGE_KINDS),
    checkPartyId('exchange_packages', 'sender'),
    checkPartyId('exchange_packages', 'receiver'),
    checkYear('exchange_packages'),
    checkCounter('exchange_packages', 'sequence', 1),
    checkOneOf('exchange_packages', 'state', PACKAGE_STATES),
    checkJson('exchange_packages', 'summary'),
  ],
);

/** The record versions (and review decisions) an outgoing package carried; a receipt turns them into delivered versions. */
export const exchangePackageRecords = sqliteTable(
  'exchange_package_records',
  {
    packageId: text('package_id').notNull().references(() => exchangePackages.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.packageId, t.entity, t.recordId] }),
    // Which packages carried a record (a project's cycle, a decision's check that we sent the record): the key leads with the package.
    index('exchange_package_records_record').on(t.recordId, t.entity),
    checkCounter('exchange_package_records', 'version', 0),
  ],
);

/** The last version of each record the receiver has acknowledged, per peer; a decision once acknowledged stops travelling. */
export const exchangeDelivered = sqliteTable(
  'exchange_delivered',
  {
    peer: text('peer').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peer, t.entity, t.recordId] }), checkCounter('exchange_delivered', 'version', 0)],
);

/**
 * Receiver side: for each record received from a peer, the sender's version last applied and our own
 * version right after applying it. A local version that moved since means a local change: an incoming
 * newer version is then a conflict, never a silent overwrite. A review decision applied here is kept
 * too (entity "decision", the version it was made on), so that the same decision sent again is unchanged.
 */
export const exchangeSync = sqliteTable(
  'exchange_sync',
  {
    peer: text('peer').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    remoteVersion: integer('remote_version').notNull(),
    localVersion: integer('local_version').notNull(),
    /**
     * The package that last wrote the record here (a decision: that applied it), so that the prefecture's
     * lists show where each county's record came from; null for what came before the column existed.
     */
    packageId: text('package_id'),
  },
  (t) => [
    primaryKey({ columns: [t.peer, t.entity, t.recordId] }),
    checkCounter('exchange_sync', 'remote_version', 0),
    checkCounter('exchange_sync', 'local_version', 0),
  ],
);

/**
 * The prefecture's review of a county's records: approve or return with an opinion. Kept apart from the
 * county's record itself, so the county's next package applies cleanly; travels back in a reply package.
 */
export const exchangeDecisions = sqliteTable(
  'exchange_decisions',
  {
    id: text('id').primaryKey(),
    peer: text('peer').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    naturalKey: text('natural_key').notNull(),
    /** The version of the county's record the decision was made on. */
    recordVersion: integer('record_version').notNull(),
    action: text('action', { enum: DECISION_ACTIONS }).notNull(),
    opinion: text('opinion').notNull().default(''),
    decidedAt: text('decided_at').notNull().default(sqlNow),
    decidedBy: text('decided_by').notNull(),
    /** The reply package that last carried it (replies carry it until it is acknowledged); null while never sent. */
    packageId: text('package_id'),
  },
  (t) => [
    // A record's latest decision (the prefecture's target lists), and the decisions a reply has still to carry.
    index('exchange_decisions_record').on(t.recordId, t.entity, t.decidedAt),
    index('exchange_decisions_unsent').on(t.peer, t.packageId),
    checkOneOf('exchange_decisions', 'action', DECISION_ACTIONS),
    checkCounter('exchange_decisions', 'record_version', 0),
  ],
);

/**
 * Who issued each exchanged record: this installation (its own party id) for a record it made and sent
 * out, or the peer whose package created it here. A peer's copy of a record this installation issued may
 * change only what the peer answers (ExchangeEntity.answeredByPeer): one receipt of the peer's unchanged
 * copy must not let its next package rewrite a round the prefecture issued or a notice the county sent.
 */
export const exchangeIssued = sqliteTable(
  'exchange_issued',
  {
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    issuer: text('issuer').notNull(),
    recordedAt: text('recorded_at').notNull().default(sqlNow),
  },
  (t) => [primaryKey({ columns: [t.entity, t.recordId] }), index('exchange_issued_issuer').on(t.issuer, t.entity), checkPartyId('exchange_issued', 'issuer')],
);

/**
 * Receiver side: the review decisions the level above sent on this installation's records (a prefecture's
 * approval of a county's target is recorded only, so this is where the county sees it), as they arrived.
 */
export const exchangeDecisionsReceived = sqliteTable(
  'exchange_decisions_received',
  {
    id: text('id').primaryKey(),
    peer: text('peer').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    recordVersion: integer('record_version').notNull(),
    action: text('action', { enum: DECISION_ACTIONS }).notNull(),
    opinion: text('opinion').notNull().default(''),
    decidedAt: text('decided_at').notNull(),
    decidedBy: text('decided_by').notNull(),
    receivedAt: text('received_at').notNull().default(sqlNow),
  },
  (t) => [
    index('exchange_decisions_received_record').on(t.recordId, t.entity, t.decidedAt),
    checkOneOf('exchange_decisions_received', 'action', DECISION_ACTIONS),
    checkCounter('exchange_decisions_received', 'record_version', 0),
    checkPartyId('exchange_decisions_received', 'peer'),
  ],
);
