// Importing a package: verify everything first (packageFile.ts), then plan every record (created /
// updated / unchanged / deleted / conflict), and — unless it is a dry run — apply the plan in ONE
// transaction, so a crash or a kill mid-import leaves the database exactly as before.
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { sqliteOf, type Db, type Store } from '../../db/open';
import { exchangePackageRecords, exchangePackages, exchangePeers } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { ROLE_LABELS, type InstallationRole } from '../domain/registry';
import { findRegion, findUnit, requireInstallation, type Installation } from '../registry';
import { DECISION } from './decisions';
import { MARK_ISSUED_BY } from './issuers';
import { selfId } from './parties';
import { carriesLibrary, stageIncludes, type AppliedRecord, type ChildTable, type Decision, type Direction, type ExchangeEntity, type OwnDecision, type PackageOrigin } from './entities';
import {
  DECISION_KINDS,
  KIND_LABELS,
  LIBRARY_KIND,
  MAX_COUNTER_STEP,
  partyId,
  RECEIVER_SETTLES,
  UPWARD_KINDS,
  formatMajorOf,
  sha256,
  type Manifest,
  type PackageKind,
} from './manifest';
import { PackageRefusal, readPackageBytes, verifyPackage, type VerifiedPackage, type VerifyContext } from './packageFile';
import { badFormat, decodeRecords, parsedJson } from './layout';
import { naturalKeyValues, RecordStore, sameContent, type Cell, type PackageRecord, type Row } from './records';
import type { BadColumn } from './rowSchema';
import { EXCHANGE_ENTITIES, exchangeEntity, STAGE_LABELS, STAGES } from './registry';

export type RecordAction = 'created' | 'updated' | 'unchanged' | 'deleted' | 'conflict';
export const ACTION_LABELS: Record<RecordAction, string> = {
  created: '新增',
  updated: '更新',
  unchanged: '无变化',
  deleted: '删除',
  conflict: '冲突',
};

export interface PlannedRecord {
  entity: string;
  label: string;
  naturalKey: string;
  action: RecordAction;
  /** Why a record conflicts, in words a reviewer understands. */
  reason?: string;
  /**
   * The sender's own review columns where the receiver's copy differs from them: the copy waits for the
   * receiver's review (ExchangeEntity.awaitingReview), the sender's state stays visible here.
   */
  senderState?: Row;
}

export interface ImportSummary {
  packageId: string;
  kind: Manifest['kind'];
  sender: { id: string; region: string; name: string; fingerprint: string };
  year: number;
  stage: string;
  sequence: number;
  dryRun: boolean;
  /** The same package was imported before; nothing changes. */
  repeat: boolean;
  newPeer: boolean;
  counts: Record<RecordAction, number>;
  records: PlannedRecord[];
  decisions: number;
  acknowledged: number;
}

export interface ImportOptions {
  dryRun: boolean;
  trust: boolean;
  /** Called as records are applied, for progress bars and the CLI. */
  onProgress?: (done: number, total: number) => void;
  limits?: VerifyContext['limits'];
  /** The name the package had where the user picked it (an upload is saved under a name of its own). */
  fileName?: string;
}

const decisionSchema = z
  .object({
    id: z.string().uuid(),
    peer: z.string(),
    entity: z.string().max(40),
    recordId: z.string().max(64),
    naturalKey: z.string().max(400),
    recordVersion: z.number().int(),
    action: z.enum(['approve', 'return']),
    opinion: z.string().max(4000),
    decidedAt: z.string().max(40),
    decidedBy: z.string().max(60),
    packageId: z.string().nullable(),
  })
  .strict();
const receiptSchema = z
  .object({ packageId: z.string().uuid(), fileSha256: z.string().regex(/^[0-9a-f]{64}$/), importedAt: z.string().max(40), counts: z.record(z.string(), z.number()) })
  .strict();

export function verifyContext(store: Store, selfId: string, options: Pick<ImportOptions, 'trust' | 'limits'>): VerifyContext {
  const sqlite = sqliteOf(store.db);
  return {
    selfId,
    trust: options.trust,
    limits: options.limits,
    peer: (id) => store.db.select().from(exchangePeers).where(eq(exchangePeers.regionCode, id)).get(),
    alreadyImported: (id) => !!store.db.select().from(exchangePackages).where(and(eq(exchangePackages.id, id), eq(exchangePackages.direction, 'in'))).get(),
    packageWithSequence: (sender, sequence) =>
      (sqlite.prepare("SELECT id FROM exchange_packages WHERE direction = 'in' AND sender = ? AND sequence = ?").get(sender, sequence) as { id: string } | undefined)?.id,
  };
}

function parseJson<T>(bytes: Buffer, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(parsedJson(bytes, what));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badFormat(what, `${issue?.path.join('.')}：${issue?.message}`);
  }
  return parsed.data;
}

interface IncomingSet {
  entity: ExchangeEntity;
  records: PackageRecord[];
}

/** What one package may write: whose records (region, unit), of which year, in which stage. */
interface PackageScope {
  direction: Direction;
  region: string;
  year: number;
  /** A unit's package: only that unit's records; a county's reply to a unit: only its own of the kinds only units receive. */
  unit: string | undefined;
}

const fromUnit = (scope: PackageScope) => scope.direction === 'up' && scope.unit !== undefined;

function refuseRow(entity: ExchangeEntity, naturalKey: string, what: string): never {
  throw new PackageRefusal('BAD_DATA', `数据包内${entity.label}（${naturalKey}）${what}，已拒绝整个数据包`);
}

/** Each value of a row fits its column (type, enum, range, JSON shape); the columns are the table's (layout.ts). */
function checkValues(entity: ExchangeEntity, naturalKey: string, bad: BadColumn | null, what: string): void {
  if (bad) refuseRow(entity, naturalKey, `的${what}字段“${bad.column}”的值不合规（${JSON.stringify(bad.value)?.slice(0, 40)}）`);
}

/** Ids met so far in this package, by table: two records or child rows with one id would overwrite each other. */
type SeenIds = Map<string, Set<string>>;

function firstTime(seen: SeenIds, table: string, id: string): boolean {
  let ids = seen.get(table);
  if (!ids) seen.set(table, (ids = new Set()));
  if (ids.has(id)) return false;
  ids.add(id);
  return true;
}

/** Where a child table's rows hold the values the checks need. */
interface ChildPositions {
  child: ChildTable;
  /** The row's own id, when the table is keyed by it (-1 otherwise). */
  idAt: number;
  foreignKeyAt: number;
}

/** One kind's child tables as this package may carry them, prepared once per kind. */
interface ChildTables {
  /** The child tables a record of this package may carry (a unit's never the county's own). */
  carried: ReadonlySet<string>;
  tables: readonly ChildPositions[];
  /** By table. */
  positions: ReadonlyMap<string, ChildPositions>;
}

function childTables(entity: ExchangeEntity, fromUnit: boolean): ChildTables {
  const children = entity.children ?? [];
  const tables = children.map((child) => ({
    child,
    idAt: child.key.includes('id') ? child.row.columns.indexOf('id') : -1,
    foreignKeyAt: child.row.columns.indexOf(child.foreignKey),
  }));
  return {
    carried: new Set(children.filter((c) => !(fromUnit && c.notFromUnits)).map((c) => c.table)),
    tables,
    positions: new Map(tables.map((t) => [t.child.table, t])),
  };
}

/** Where the package's child rows keyed by their own id already belong here: by child table, child id → record id. */
type KnownParents = ReadonlyMap<string, ReadonlyMap<string, string>>;

function knownParents(records: RecordStore, tables: ChildTables, list: readonly PackageRecord[]): KnownParents {
  const known = new Map<string, ReadonlyMap<string, string>>();
  for (const { child, idAt } of tables.tables) {
    if (idAt < 0) continue;
    const ids = list.flatMap((record) => (record.childRows[child.table] ?? []).map((values) => String(values[idAt])));
    known.set(child.table, ids.length ? records.parentsOf(child, ids) : new Map());
  }
  return known;
}

/** Each child row fits its table and belongs to this record; one that exists under another parent never moves. */
function checkChildren(entity: ExchangeEntity, tables: ChildTables, record: PackageRecord, seen: SeenIds, parents: KnownParents): void {
  for (const table in record.childRows) {
    if (tables.carried.has(table)) continue;
    if (tables.positions.has(table)) refuseRow(entity, record.naturalKey, `带有明细“${table}”，这是本县自己的决定，单位上报包不能带有`);
    refuseRow(entity, record.naturalKey, `带有本软件不认识的明细“${table}”`);
  }
  for (const { child, idAt, foreignKeyAt } of tables.tables) {
    const rows = record.childRows[child.table];
    if (!rows) continue;
    const via = child.via && tables.positions.get(child.via.table);
    const parentIds = new Set<Cell>(via ? (record.childRows[via.child.table] ?? []).map((values) => values[via.idAt] ?? null) : [record.id]);
    const knownHere = parents.get(child.table);
    for (const values of rows) {
      checkValues(entity, record.naturalKey, child.row.firstBadValue(values), '明细');
      if (!parentIds.has(values[foreignKeyAt] ?? null)) refuseRow(entity, record.naturalKey, '的明细行属于另一条记录');
      if (idAt < 0) continue;
      const id = String(values[idAt]);
      // Two parents in one package claiming one child row would move it from the first to the second.
      if (!firstTime(seen, child.table, id)) refuseRow(entity, record.naturalKey, `的明细行（${id}）在数据包内出现了不止一次`);
      const parent = knownHere?.get(id);
      if (parent !== undefined && parent !== record.id) refuseRow(entity, record.naturalKey, `的明细行（${id}）在本机属于另一条${entity.label}，不能移走`);
    }
  }
}

/**
 * Reads and validates every record of the data members before anything is written: the kind is one this
 * direction and stage carry, each row and child row fits its table's schema, rows belong to the package's
 * sender (going up) or receiver (going down), and natural keys are computed here from the rows, never
 * taken from the package.
 */
function incomingRecords(db: Db, verified: VerifiedPackage, scope: PackageScope, records: RecordStore): IncomingSet[] {
  const sets: IncomingSet[] = [];
  const { manifest } = verified;
  const seen: SeenIds = new Map();
  // The manifest's schema knows stages only as names: the workflows declare which exist.
  if (!STAGES.includes(manifest.stage)) {
    throw new PackageRefusal('BAD_MANIFEST', `数据包声明的阶段“${manifest.stage}”本软件不认识，请确认对方使用的软件版本`);
  }
  for (const [name, bytes] of verified.members) {
    const match = /^data\/([a-z-]+)\.json$/.exec(name);
    if (!match) continue;
    const entity = exchangeEntity(match[1]!);
    if (!entity || !entity.directions.includes(scope.direction)) {
      throw new PackageRefusal('BAD_DATA', `数据包内有本软件不接受的数据“${name}”`);
    }
    if (scope.direction === 'up' && scope.unit && !entity.unitScope) throw new PackageRefusal('BAD_DATA', `单位上报包不能包含${entity.label}，已拒绝整个数据包`);
    if (scope.direction === 'down' && entity.downToUnits && !scope.unit) throw new PackageRefusal('BAD_DATA', `上级的反馈包不能包含${entity.label}，已拒绝整个数据包`);
    if (scope.direction === 'down' && entity.downToCounties && scope.unit) throw new PackageRefusal('BAD_DATA', `本县的反馈包不能包含${entity.label}，已拒绝整个数据包`);
    if (carriesLibrary(entity) !== (manifest.kind === LIBRARY_KIND)) {
      throw new PackageRefusal('BAD_DATA', `${KIND_LABELS[manifest.kind]}不能包含${entity.label}，已拒绝整个数据包`);
    }
    if (!stageIncludes(entity, manifest.stage)) {
      throw new PackageRefusal('BAD_DATA', `数据包声明的阶段是“${STAGE_LABELS[manifest.stage]}”，却带有${entity.label}，已拒绝整个数据包`);
    }
    const list = decodeRecords(entity, bytes, name, formatMajorOf(manifest.formatVersion));
    const tables = childTables(entity, fromUnit(scope));
    const parents = knownParents(records, tables, list);
    for (const record of list) {
      record.naturalKey = records.naturalKeyOf(entity, record.row);
      if (!firstTime(seen, entity.table, record.id)) refuseRow(entity, record.naturalKey, '在数据包内出现了不止一次');
      checkValues(entity, record.naturalKey, entity.row.firstBadColumn(record.row), '');
      if (entity.incomingRow) record.row = entity.incomingRow(record.row);
      if ('region_code' in record.row && record.row.region_code !== scope.region) {
        throw new PackageRefusal('BAD_DATA', `数据包内有不属于 ${scope.region} 的${entity.label}（${record.naturalKey}），已拒绝整个数据包`);
      }
      if ('year' in record.row && record.row.year !== scope.year) {
        refuseRow(entity, record.naturalKey, `是 ${String(record.row.year)} 年度的，而数据包声明的年度是 ${scope.year}`);
      }
      checkChildren(entity, tables, record, seen, parents);
      // A record that goes down to units is the county's: a unit answers it but never removes it.
      if (entity.downToUnits && record.deleted && fromUnit(scope)) refuseRow(entity, record.naturalKey, '被标为删除：它由本县下达，单位不能删除');
    }
    sets.push({ entity, records: list });
  }
  if (fromUnit(scope)) refuseOtherUnitsRecords(db, sets, records, scope, partyId(manifest.sender));
  refuseBrokenRecords(db, sets, records, fromUnit(scope));
  // Apply parents before children, in the registry's order.
  return sets.sort((a, b) => EXCHANGE_ENTITIES.indexOf(a.entity) - EXCHANGE_ENTITIES.indexOf(b.entity));
}

/**
 * A unit's package carries only its own records (exchange.md §10): one the county holds as another unit's
 * (outside the sender's unitScope), changed or not, refuses the package before any other rule, naming the
 * record, the unit it belongs to and what to do — never a conflict left to sort out by hand. A copy this
 * installation sent the unit itself (a project since given to another unit) is planned as any other.
 */
function refuseOtherUnitsRecords(db: Db, sets: readonly IncomingSet[], records: RecordStore, scope: PackageScope, peer: string): void {
  const unit = scope.unit!;
  const unitName = (code: string) => findUnit(db, scope.region, code)?.name ?? code;
  for (const { entity, records: list } of sets) {
    const condition = `(${entity.scope}) AND (${entity.unitScope})`;
    const [owned] = records.ownedOutside(entity, list.map((r) => r.id), condition, { region: scope.region, year: scope.year, unit }, peer);
    if (!owned) continue;
    const record = owned.record || list.find((r) => r.id === owned.id)!.naturalKey;
    throw new PackageRefusal(
      'BAD_DATA',
      `数据包内${entity.label}（${record}）是单位“${unitName(owned.unit)}”（${owned.unit}）的，只有该单位能修改它，发送方 ${unitName(unit)}（${unit}）不能报送，已拒绝整个数据包；` +
        '请由该单位在本单位的软件中填报后报送；若该记录应归发送方，请先在“单位与项目”中核对它所属的单位',
    );
  }
}

/** The first record an entity's own rule refuses (e.g. a monitoring sheet executed above its budget) refuses the package. */
function refuseBrokenRecords(db: Db, sets: readonly IncomingSet[], records: RecordStore, fromUnit: boolean): void {
  if (!sets.some((set) => set.entity.refuseIncoming)) return;
  const inPackage = new Map(sets.map((set) => [set.entity.table, new Map(set.records.map((r) => [r.id, r.row]))]));
  const rowOf = (table: string, id: string): Row | undefined =>
    inPackage.get(table)?.get(id) ?? (records.statement(`SELECT * FROM "${table.replace(/"/g, '""')}" WHERE id = ?`).get(id) as Row | undefined);
  for (const { entity, records: list } of sets) {
    if (!entity.refuseIncoming) continue;
    for (const record of list) {
      const why = record.deleted ? null : entity.refuseIncoming(record, rowOf, db, fromUnit);
      if (why) throw new PackageRefusal('BAD_DATA', `${why}，已拒绝整个数据包`);
    }
  }
}

/** The receiver's latest review decision on a record, as taken here (exchange_decisions). */
function ownDecision(records: RecordStore, entity: ExchangeEntity, recordId: string): OwnDecision | undefined {
  return records
    .statement('SELECT action, opinion, decided_at AS decidedAt FROM exchange_decisions WHERE entity = ? AND record_id = ? ORDER BY decided_at DESC, rowid DESC LIMIT 1')
    .get(entity.name, recordId) as OwnDecision | undefined;
}

/**
 * Where the receiver's review settles a record (a county reviewing its units'), the sender's review columns
 * are its own state: the copy written here waits for the receiver's review. Returns the sender's values
 * that the copy does not take, to show beside the record.
 */
function awaitReview(records: RecordStore, entity: ExchangeEntity, record: PackageRecord): Row | undefined {
  if (!entity.awaitingReview) return undefined;
  const sent = record.row;
  record.row = entity.awaitingReview(sent, ownDecision(records, entity, record.id));
  const differing = Object.keys(sent).filter((c) => sent[c] !== record.row[c]);
  return differing.length ? Object.fromEntries(differing.map((c) => [c, sent[c] ?? null])) : undefined;
}

interface Planned extends PlannedRecord {
  entityDef: ExchangeEntity;
  record: PackageRecord;
  /** Our version of the record after this import (the sender's when we write it). */
  localVersion: number;
}

interface ReceivedVersion {
  peer: string;
  entity: string;
  recordId: string;
  remoteVersion: number;
  localVersion: number;
  /** The package this import reads. */
  packageId: string;
  /** Whether the package wrote the record (or applied the decision); one it found unchanged keeps the package that brought it. */
  wrote: boolean;
}

/**
 * Every receiver-side bookkeeping row goes through here: the versions that tell an unchanged record from a
 * conflict, and the package that brought the record, which the prefecture's lists show beside it.
 */
function rememberReceived(records: RecordStore, received: ReceivedVersion): void {
  records
    .statement(
      `INSERT INTO exchange_sync (peer, entity, record_id, remote_version, local_version, package_id) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (peer, entity, record_id) DO UPDATE SET remote_version = excluded.remote_version, local_version = excluded.local_version,
          package_id = CASE WHEN ? THEN excluded.package_id ELSE coalesce(exchange_sync.package_id, excluded.package_id) END`,
    )
    .run(received.peer, received.entity, received.recordId, received.remoteVersion, received.localVersion, received.packageId, received.wrote ? 1 : 0);
}

interface SyncState {
  remoteVersion: number;
  localVersion: number;
}

/** What this installation holds of one kind's incoming records, read by table before planning them. */
interface LocalState {
  records: Map<string, PackageRecord>;
  /** The versions last received from the peer, and ours after receiving them. */
  sync: Map<string, SyncState>;
  /** The latest version of each record written into a package for the peer (ExchangeEntity.answeredByPeer). */
  sent: Map<string, number>;
  /** Who issued each record, where known (exchange_issued): this installation's own may change only as the peer answers. */
  issuers: Map<string, string>;
  /** Records held here under the natural key of an incoming record new here (by naturalKeyValues), their natural key shown. */
  sameKey: Map<string, string>;
}

/** The two parties of an import: who sent the package, and this installation. */
interface Parties {
  peer: string;
  self: string;
}

function localState(records: RecordStore, { peer, self }: Parties, entity: ExchangeEntity, list: readonly PackageRecord[]): LocalState {
  const ids = JSON.stringify(list.map((r) => r.id));
  const issuers = records
    .statement('SELECT record_id AS id, issuer FROM exchange_issued WHERE entity = ? AND record_id IN (SELECT value FROM json_each(?))')
    .all(entity.name, ids) as { id: string; issuer: string }[];
  const sync = records
    .statement(
      `SELECT record_id AS id, remote_version AS remoteVersion, local_version AS localVersion FROM exchange_sync
        WHERE peer = ? AND entity = ? AND record_id IN (SELECT value FROM json_each(?))`,
    )
    .all(peer, entity.name, ids) as (SyncState & { id: string })[];
  const sent = entity.answeredByPeer || issuers.some((i) => i.issuer === self)
    ? (records
        .statement(
          `SELECT r.record_id AS id, max(r.version) AS version FROM exchange_package_records r JOIN exchange_packages p ON p.id = r.package_id
            WHERE p.direction = 'out' AND p.receiver = ? AND r.entity = ? AND r.record_id IN (SELECT value FROM json_each(?)) GROUP BY r.record_id`,
        )
        .all(peer, entity.name, ids) as { id: string; version: number }[])
    : [];
  const held = records.byIds(entity, list.map((r) => r.id));
  return {
    records: held,
    sameKey: records.byNaturalKeys(entity, list.filter((r) => !held.has(r.id)).map((r) => r.row)),
    sync: new Map(sync.map(({ id, ...state }) => [id, state])),
    sent: new Map(sent.map(({ id, version }) => [id, version])),
    issuers: new Map(issuers.map(({ id, issuer }) => [id, issuer])),
  };
}

function planRecord(here: LocalState, self: string, entity: ExchangeEntity, incoming: PackageRecord, senderState: Row | undefined): Planned {
  const base = {
    entity: entity.name,
    label: entity.label,
    naturalKey: incoming.naturalKey,
    ...(senderState ? { senderState } : {}),
    entityDef: entity,
    record: incoming,
    localVersion: incoming.version,
  };
  const sync = here.sync.get(incoming.id);
  const local = here.records.get(incoming.id);
  requireSaneVersion(entity, incoming, sync?.remoteVersion ?? local?.version ?? 0);
  if (!local) {
    const sameKey = here.sameKey.get(naturalKeyValues(entity, incoming.row));
    if (sameKey !== undefined) {
      return { ...base, action: 'conflict', reason: `本机已有编码相同的另一条${entity.label}（${sameKey}），需人工核对` };
    }
    return { ...base, action: incoming.deleted ? 'unchanged' : 'created' };
  }
  if (sync && incoming.version <= sync.remoteVersion) return { ...base, action: 'unchanged', localVersion: local.version };
  if (here.issuers.get(incoming.id) === self) return { ...base, ...planIssuedHere(here, entity, incoming, local) };
  // A record we sent the peer to answer (a notice a unit answered) builds on the version sent: no newer
  // than that, it is our own copy; newer, it is a conflict only if ours moved on since.
  const sent = here.sent.get(incoming.id);
  if (sent !== undefined && incoming.version <= sent) return { ...base, action: 'unchanged', localVersion: local.version };
  const changedHere =
    sync || sent !== undefined ? local.version !== sync?.localVersion && local.version !== sent : !sameContent(local, incoming, entity.localColumns);
  if (changedHere) {
    return {
      ...base,
      action: 'conflict',
      reason: `本机在上次接收之后修改过该${entity.label}（本机版本 ${local.version}），对方也有新版本（${incoming.version}），未覆盖`,
    };
  }
  if (sameContent(local, incoming, entity.localColumns)) return { ...base, action: 'unchanged', localVersion: local.version };
  return { ...base, action: incoming.deleted && !local.deleted ? 'deleted' : 'updated' };
}

/**
 * A peer's copy of a record this installation issued: one no newer than what we sent it is our own copy;
 * a newer one may change only what the peer answers (ExchangeEntity.answeredByPeer), and builds on the
 * version sent — our copy having moved on since makes it a conflict. Any other change refuses the package,
 * however often the peer's copies were taken before.
 */
function planIssuedHere(
  here: LocalState,
  entity: ExchangeEntity,
  incoming: PackageRecord,
  local: PackageRecord,
): Pick<Planned, 'action' | 'reason' | 'localVersion'> {
  const unchanged = { action: 'unchanged', localVersion: local.version } as const;
  const sent = here.sent.get(incoming.id);
  if ((sent !== undefined && incoming.version <= sent) || sameContent(local, incoming, entity.localColumns)) return unchanged;
  if (incoming.deleted) refuseRow(entity, incoming.naturalKey, '由本机下发，对方不能删除');
  const answer = entity.answeredByPeer;
  const changed = [
    ...Object.keys(incoming.row).filter((c) => !answer?.columns.includes(c) && !entity.localColumns?.includes(c) && c !== 'created_at' && incoming.row[c] !== local.row[c]),
    ...Object.keys({ ...incoming.childRows, ...local.childRows }).filter(
      (table) => !answer?.children.includes(table) && JSON.stringify(incoming.childRows[table] ?? []) !== JSON.stringify(local.childRows[table] ?? []),
    ),
  ];
  const answers = answer ? `只能填写答复（${[...answer.columns, ...answer.children].join('、')}），` : '';
  if (changed.length) refuseRow(entity, incoming.naturalKey, `由本机下发，对方${answers}不能更改它的“${changed.join('、')}”`);
  if (local.version !== sent) {
    return { action: 'conflict', reason: `本机在发出该${entity.label}之后又修改过（本机版本 ${local.version}），对方的答复基于旧版本，未覆盖`, localVersion: local.version };
  }
  return { action: 'updated', localVersion: incoming.version };
}

/**
 * A record's version moves forward by sane steps: one far ahead of the last seen would make every later
 * genuine version of it look old (unchanged) here.
 */
function requireSaneVersion(entity: ExchangeEntity, incoming: PackageRecord, known: number): void {
  if (incoming.version > known + MAX_COUNTER_STEP) {
    refuseRow(entity, incoming.naturalKey, `的版本号 ${incoming.version} 比本机已知的 ${known} 超前 ${MAX_COUNTER_STEP} 以上，不是正常的版本号`);
  }
}

type IncomingDecision = z.infer<typeof decisionSchema>;

interface PlannedDecision extends PlannedRecord {
  entityDef: ExchangeEntity;
  decision: IncomingDecision;
}

/**
 * A reply carries every decision its receiver has not acknowledged yet, so the same decision may come
 * again: one applied before is unchanged, never applied twice nor taken for a conflict.
 */
function planDecision(records: RecordStore, peer: string, decision: IncomingDecision): PlannedDecision {
  const entity = exchangeEntity(decision.entity);
  if (!entity?.applyDecision) throw new PackageRefusal('BAD_DATA', `数据包内的审核意见针对本软件不认识的对象“${decision.entity}”`);
  // The key shown is always this installation's own for the record, never the one the package names.
  const base = { entity: DECISION, label: '审核意见', naturalKey: `未知记录 ${decision.recordId}`, entityDef: entity, decision };
  const record = records.byId(entity, decision.recordId);
  if (!record) return { ...base, action: 'conflict', reason: `本机找不到该审核意见针对的${entity.label}，未应用；请与对方核对` };
  const sentThere = records
    .statement(
      `SELECT 1 FROM exchange_package_records r JOIN exchange_packages p ON p.id = r.package_id
        WHERE p.direction = 'out' AND p.receiver = ? AND r.entity = ? AND r.record_id = ? LIMIT 1`,
    )
    .get(peer, entity.name, record.id);
  if (!sentThere) {
    throw new PackageRefusal('BAD_DATA', `数据包内的审核意见针对的${entity.label}（${record.naturalKey}）不是本机报送给对方的，已拒绝整个数据包`);
  }
  const applied = records.statement('SELECT 1 FROM exchange_sync WHERE peer = ? AND entity = ? AND record_id = ?').get(peer, DECISION, decision.id);
  return { ...base, naturalKey: record.naturalKey, action: applied ? 'unchanged' : 'updated' };
}

function emptyCounts(): Record<RecordAction, number> {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0, conflict: 0 };
}

/** What each kind of installation may import. */
const ACCEPTED_KINDS: Record<InstallationRole, readonly PackageKind[]> = {
  prefecture: ['county-report', 'receipt'],
  county: ['prefecture-reply', 'library-update', 'unit-report', 'receipt'],
  unit: ['county-reply', 'receipt'],
};

/** Who may send each kind: its role, and where the sender stands relative to this installation. */
type Relation = 'county-below' | 'prefecture-above' | 'unit-of-this-county' | 'this-county';
const SENDERS: Record<Exclude<PackageKind, 'receipt'>, { role: InstallationRole; relation: Relation }> = {
  'county-report': { role: 'county', relation: 'county-below' },
  'prefecture-reply': { role: 'prefecture', relation: 'prefecture-above' },
  'unit-report': { role: 'unit', relation: 'unit-of-this-county' },
  'county-reply': { role: 'county', relation: 'this-county' },
  'library-update': { role: 'prefecture', relation: 'prefecture-above' },
};

/** Where a receipt comes from: whoever this installation sends its own packages to. */
const RECEIPT_SENDERS: Record<InstallationRole, readonly { role: InstallationRole; relation: Relation }[]> = {
  prefecture: [SENDERS['county-report']],
  county: [SENDERS['prefecture-reply'], SENDERS['unit-report']],
  unit: [SENDERS['county-reply']],
};

function relationHolds(store: Store, installation: Installation, sender: Manifest['sender'], relation: Relation): boolean {
  const here = installation.region.code;
  switch (relation) {
    case 'county-below': {
      const region = findRegion(store.db, sender.region);
      return !sender.unit && region?.level === 'county' && region.parentCode === here;
    }
    case 'prefecture-above':
      return !sender.unit && sender.region === installation.region.parentCode;
    case 'unit-of-this-county':
      return !!sender.unit && sender.region === here;
    case 'this-county':
      return !sender.unit && sender.region === here;
  }
}

/**
 * The kind, the sender's role and the sender's party agree (exchange.md §10): a county report comes from
 * a county of this prefecture, a unit report names a unit of this county, a reply from the level above.
 * A valid signature proves only who signed, not that the signer may send this.
 */
function requireSenderFitsKind(store: Store, installation: Installation, manifest: Manifest): void {
  const { kind, sender } = manifest;
  if (!ACCEPTED_KINDS[installation.role].includes(kind)) {
    throw new PackageRefusal('BAD_DATA', `${KIND_LABELS[kind]}不能导入${ROLE_LABELS[installation.role]}的软件`);
  }
  const allowed = kind === 'receipt' ? RECEIPT_SENDERS[installation.role] : [SENDERS[kind]];
  if (!allowed.some((a) => a.role === sender.role && relationHolds(store, installation, sender, a.relation))) {
    throw new PackageRefusal(
      'BAD_DATA',
      `${KIND_LABELS[kind]}的发送方 ${sender.name}（${partyId(sender)}，${ROLE_LABELS[sender.role]}）不能向本机（${installation.region.name}）发送这类数据包，已拒绝`,
    );
  }
  // A unit's own key proves only that some installation calls itself that unit: the county decides
  // which units it has, so a package from a unit it never registered would bring in a unit of its own.
  if (sender.unit && !findUnit(store.db, installation.region.code, sender.unit)) {
    throw new PackageRefusal(
      'BAD_DATA',
      `${KIND_LABELS[kind]}的发送方 ${sender.name}（单位编码 ${sender.unit}）不是本县已登记的预算单位，已拒绝；请先在“单位与项目 → 预算单位”中登记该单位，再导入`,
    );
  }
}

/** Verifies, plans and (unless a dry run) applies a package. Refusals throw PackageRefusal; nothing is written then. */
export function importPackage(store: Store, actor: Actor, file: string, options: ImportOptions): ImportSummary {
  const installation = requireInstallation(store.db);
  const bytes = readPackageBytes(file);
  const fileSha256 = sha256(bytes);
  const earlier = importedBefore(store, fileSha256);
  if (earlier) return repeatAnswer(earlier, options);
  const verified = verifyPackage(bytes, verifyContext(store, selfId(installation), options), fileSha256);
  const { manifest } = verified;
  requireSenderFitsKind(store, installation, manifest);
  const peer = partyId(manifest.sender);
  const summary: ImportSummary = {
    packageId: manifest.packageId,
    kind: manifest.kind,
    sender: { id: peer, region: manifest.sender.region, name: manifest.sender.name, fingerprint: manifest.sender.fingerprint },
    year: manifest.year,
    stage: manifest.stage,
    sequence: manifest.sequence,
    dryRun: options.dryRun,
    repeat: verified.repeat,
    newPeer: verified.newPeer !== null,
    counts: emptyCounts(),
    records: [],
    decisions: 0,
    acknowledged: 0,
  };
  const fileName = options.fileName ?? path.basename(file);
  if (manifest.kind === 'receipt') return applyReceipt(store, actor, verified, summary, { ...options, fileName });

  const records = new RecordStore(sqliteOf(store.db));
  const scope = packageScope(manifest, installation);
  const sets = incomingRecords(store.db, verified, scope, records);
  const decisions = incomingDecisions(verified, scope.direction).map((d) => planDecision(records, peer, d));
  const settlesHere = RECEIVER_SETTLES.includes(manifest.kind);
  const parties = { peer, self: selfId(installation) };
  const planned = sets.flatMap(({ entity, records: list }) => {
    const here = localState(records, parties, entity, list);
    return list.map((r) => planRecord(here, parties.self, entity, r, settlesHere ? awaitReview(records, entity, r) : undefined));
  });
  for (const p of [...planned, ...decisions]) summary.counts[p.action]++;
  summary.records = [...planned, ...decisions].map(({ entity, label, naturalKey, action, reason, senderState }) => ({
    entity,
    label,
    naturalKey,
    action,
    ...(reason ? { reason } : {}),
    ...(senderState ? { senderState } : {}),
  }));
  summary.decisions = decisions.filter((d) => d.action === 'updated').length;
  if (verified.repeat) return summary;

  // Whether every record lies in the package's scope is checked on the rows as written (a target
  // adjustment's or a sheet's scope goes through its parent), so a dry run applies them too and then
  // rolls everything back: it refuses exactly what the import would.
  const sqlite = sqliteOf(store.db);
  const kinds = byKind(planned);
  try {
    withImportCache(sqlite, () => store.db.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      requireInScope(records, kinds, scope, 'before');
      let done = 0;
      for (const [entity, list] of kinds) {
        records.writeAll(entity, list.filter(writes).map((p) => p.record));
        options.onProgress?.((done += list.length), planned.length);
      }
      rememberSync(records, peer, planned, manifest.packageId);
      rememberIssuers(records, peer, planned);
      requireInScope(records, kinds, scope, 'after');
      noteReferences(summary.records, planned, requireReferencesInScope(records, kinds, scope));
      runAfterApply(store.db, actor, kinds, { sender: peer, senderName: manifest.sender.name, sequence: manifest.sequence });
      applyDecisions(store.db, actor, records, decisions, { peer, packageId: manifest.packageId, final: manifest.kind === 'county-reply' });
      if (options.dryRun) throw DRY_RUN_DONE;
      recordImport(store, actor, verified, summary, fileName);
      options.onProgress?.(planned.length, planned.length);
    }));
  } catch (error) {
    if (error !== DRY_RUN_DONE) throw error;
  }
  return summary;
}

/** The page cache an import's transaction may fill, in KiB (SQLite's default is 2 MiB). */
const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * Runs `work` with a larger page cache: an import's one transaction changes tens of megabytes of pages,
 * which with the default cache spill to the WAL and are read back while it runs. It changes only memory
 * use, never what is written or how durably.
 */
function withImportCache<T>(sqlite: ReturnType<typeof sqliteOf>, work: () => T): T {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return work();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}

/** The summary an import of exactly these bytes answered here (its file's SHA-256), if one did. */
function importedBefore(store: Store, fileSha256: string): ImportSummary | undefined {
  const found = sqliteOf(store.db)
    .prepare("SELECT summary FROM exchange_packages WHERE direction = 'in' AND file_sha256 = ? LIMIT 1")
    .get(fileSha256) as { summary: string } | undefined;
  return found && (JSON.parse(found.summary) as ImportSummary);
}

/**
 * A file imported before, byte for byte, was verified and applied then: reading it again could only
 * find every record unchanged, so the answer is the first one's records, each unchanged now.
 */
function repeatAnswer(first: ImportSummary, options: Pick<ImportOptions, 'dryRun'>): ImportSummary {
  const records = first.records.map(({ reason: _reason, senderState: _senderState, ...record }) => ({ ...record, action: 'unchanged' as const }));
  const counts = { ...emptyCounts(), unchanged: records.length };
  return { ...first, dryRun: options.dryRun, repeat: true, newPeer: false, counts, records, decisions: 0 };
}

/** The planned records of each kind, in the order of the sets (the registry's: parents first). */
type PlannedByKind = ReadonlyMap<ExchangeEntity, readonly Planned[]>;

function byKind(planned: readonly Planned[]): PlannedByKind {
  const kinds = new Map<ExchangeEntity, Planned[]>();
  for (const p of planned) {
    const list = kinds.get(p.entityDef);
    if (list) list.push(p);
    else kinds.set(p.entityDef, [p]);
  }
  return kinds;
}

const writes = (p: Planned) => p.action === 'created' || p.action === 'updated' || p.action === 'deleted';

/** Every record but a conflict is now in step with the peer: the version received, ours after it, and the package. */
function rememberSync(records: RecordStore, peer: string, planned: readonly Planned[], packageId: string): void {
  for (const p of planned) {
    if (p.action === 'conflict') continue;
    rememberReceived(records, { peer, entity: p.entity, recordId: p.record.id, remoteVersion: p.record.version, localVersion: p.localVersion, packageId, wrote: writes(p) });
  }
}

/** A record a peer's package created here was issued by that peer. */
function rememberIssuers(records: RecordStore, peer: string, planned: readonly Planned[]): void {
  const mark = records.statement(MARK_ISSUED_BY);
  for (const p of planned) if (p.action === 'created') mark.run(p.entity, p.record.id, peer);
}

/** Thrown to roll back a dry run that had to apply records to check them. */
const DRY_RUN_DONE = Symbol('dry run done');

/**
 * Whose records a package may write: going up, the sender's (its county's region, and only its unit's
 * records for a unit); going down, the receiver's own. Always of the package's year.
 */
function packageScope(manifest: Manifest, installation: Installation): PackageScope {
  const direction: Direction = UPWARD_KINDS.includes(manifest.kind) ? 'up' : 'down';
  return {
    direction,
    region: direction === 'up' ? manifest.sender.region : installation.region.code,
    year: manifest.year,
    unit: manifest.kind === 'unit-report' ? manifest.sender.unit : manifest.receiver.unit,
  };
}

/**
 * Every record a package touches lies in its scope: `before`, the local copy it would update (a package
 * never takes over another county's or unit's record by its id); `after`, the record as written.
 */
function requireInScope(records: RecordStore, kinds: PlannedByKind, scope: PackageScope, when: 'before' | 'after'): void {
  for (const [entity, planned] of kinds) {
    const ids = planned
      .filter((p) => (when === 'before' ? p.action === 'updated' || p.action === 'deleted' : writes(p)))
      .map((p) => p.record.id);
    if (ids.length === 0) continue;
    const condition = scope.unit && entity.unitScope ? `(${entity.scope}) AND (${entity.unitScope})` : entity.scope;
    const outside = records.countOutside(entity, ids, condition, { region: scope.region, year: scope.year, unit: scope.unit ?? null });
    if (outside === 0) continue;
    const whose = scope.unit ? `本单位（${scope.unit}）` : `${scope.region} ${scope.year} 年度`;
    throw new PackageRefusal(
      'BAD_DATA',
      when === 'before'
        ? `数据包要修改本机 ${outside} 条不属于${whose}的${entity.label}，已拒绝整个数据包`
        : `数据包中有 ${outside} 条不属于${whose}的${entity.label}，已拒绝整个数据包`,
    );
  }
}

/**
 * What the written records point at lies in the package's scope too (ExchangeEntity.references): the
 * first reference outside refuses the package, naming the record and what it names. References that are
 * only reported come back as notes per record id.
 */
function requireReferencesInScope(records: RecordStore, kinds: PlannedByKind, scope: PackageScope): Map<string, string> {
  const notes = new Map<string, string>();
  for (const [entity, planned] of kinds) {
    if (!entity.references) continue;
    const written = planned.filter((p) => p.action === 'created' || p.action === 'updated');
    if (written.length === 0) continue;
    const ids = written.map((p) => p.record.id);
    for (const reference of entity.references ?? []) {
      for (const { id, detail } of records.referencesOutside(reference.outside, ids, { region: scope.region, year: scope.year, unit: scope.unit ?? null })) {
        if ('refusal' in reference) refuseRow(entity, written.find((p) => p.record.id === id)!.naturalKey, reference.refusal(detail));
        notes.set(id, reference.note(detail));
      }
    }
  }
  return notes;
}

/** A reported reference shows beside its record in the summary (the dry run's included). */
function noteReferences(shown: PlannedRecord[], planned: readonly Planned[], notes: ReadonlyMap<string, string>): void {
  planned.forEach((p, index) => {
    const note = notes.get(p.record.id);
    if (note) shown[index]!.reason = note;
  });
}

function runAfterApply(db: Db, actor: Actor, kinds: PlannedByKind, origin: PackageOrigin): void {
  for (const [entity, planned] of kinds) {
    if (!entity.afterApply) continue;
    const applied = planned
      .filter((p): p is Planned & { action: AppliedRecord['action'] } => writes(p))
      .map((p) => ({ id: p.record.id, action: p.action }));
    if (applied.length) entity.afterApply(db, actor, applied, origin);
  }
}

/** Decisions come only downward in replies, on records the receiver sent up (exchange.md §10). */
function incomingDecisions(verified: VerifiedPackage, direction: Direction): IncomingDecision[] {
  const bytes = verified.members.get('decisions.json');
  if (!bytes) return [];
  if (direction === 'up') throw new PackageRefusal('BAD_DATA', '上报包不能包含审核意见，已拒绝整个数据包');
  if (!DECISION_KINDS.includes(verified.manifest.kind)) {
    throw new PackageRefusal('BAD_DATA', `${KIND_LABELS[verified.manifest.kind]}不能包含审核意见，已拒绝整个数据包`);
  }
  return parseJson(bytes, z.array(decisionSchema).max(100_000), 'decisions.json');
}

/**
 * Applies the new decisions and keeps each among the records received from the sender (its id, the
 * version it was made on, our version after it), so that the same decision arriving again is recognised.
 * `final`: the county's review of a unit's record settles it; the prefecture's review of a county's does not.
 */
function applyDecisions(db: Db, actor: Actor, records: RecordStore, planned: readonly PlannedDecision[], from: { peer: string; packageId: string; final: boolean }): void {
  // Kept as it came, so that the record's own page shows the decision from above (an approval changes nothing else).
  const keep = records.statement(
    `INSERT OR IGNORE INTO exchange_decisions_received (id, peer, entity, record_id, record_version, action, opinion, decided_at, decided_by)
     VALUES (@id, @peer, @entity, @recordId, @recordVersion, @action, @opinion, @decidedAt, @decidedBy)`,
  );
  for (const { action, decision: d, entityDef: entity } of planned) {
    if (action !== 'updated') continue;
    const decision: Decision = { action: d.action, opinion: d.opinion, decidedBy: d.decidedBy, decidedAt: d.decidedAt, final: from.final };
    entity.applyDecision!(db, actor, d.recordId, decision);
    rememberReceived(records, {
      peer: from.peer,
      entity: DECISION,
      recordId: d.id,
      remoteVersion: d.recordVersion,
      localVersion: records.byId(entity, d.recordId)!.version,
      packageId: from.packageId,
      wrote: true,
    });
    keep.run({ id: d.id, peer: from.peer, entity: d.entity, recordId: d.recordId, recordVersion: d.recordVersion, action: d.action, opinion: d.opinion, decidedAt: d.decidedAt, decidedBy: d.decidedBy });
  }
}

/** Registers a newly trusted sender, advances its sequence, logs the package and audits the import. */
function recordImport(store: Store, actor: Actor, verified: VerifiedPackage, summary: ImportSummary, fileName: string): void {
  const { manifest } = verified;
  const sender = partyId(manifest.sender);
  if (verified.newPeer) {
    store.db
      .insert(exchangePeers)
      .values({ regionCode: verified.newPeer.id, publicKey: verified.newPeer.publicKey, fingerprint: verified.newPeer.fingerprint, trustedBy: actor.name })
      .run();
  }
  const peer = store.db.select().from(exchangePeers).where(eq(exchangePeers.regionCode, sender)).get();
  // A receipt stands outside the sender's order: it only acknowledges one of our packages, so counting it
  // as newer would refuse as stale a reply the sender wrote just before it.
  if (peer && manifest.kind !== 'receipt' && manifest.sequence > peer.lastSequence) {
    store.db.update(exchangePeers).set({ lastSequence: manifest.sequence }).where(eq(exchangePeers.regionCode, sender)).run();
  }
  store.db
    .insert(exchangePackages)
    .values({
      id: manifest.packageId,
      direction: 'in',
      kind: manifest.kind,
      sender,
      receiver: partyId(manifest.receiver),
      year: manifest.year,
      stage: manifest.stage,
      sequence: manifest.sequence,
      createdAt: manifest.createdAt,
      fileName,
      fileSha256: verified.fileSha256,
      state: 'imported',
      summary: JSON.stringify(summary),
      operator: actor.name,
    })
    .run();
  recordAudit(store.db, actor, {
    entity: 'exchange-package',
    naturalKey: manifest.packageId,
    action: `导入${KIND_LABELS[manifest.kind]}`,
    after: { sender, sequence: manifest.sequence, counts: summary.counts, decisions: summary.decisions },
  });
}

/** A receipt marks exactly what the acknowledged package carried as delivered to that peer. */
function applyReceipt(store: Store, actor: Actor, verified: VerifiedPackage, summary: ImportSummary, options: ImportOptions & { fileName: string }): ImportSummary {
  const bytes = verified.members.get('receipt.json');
  if (!bytes) throw new PackageRefusal('MISSING_MEMBER', '回执中缺少 receipt.json');
  const receipt = parseJson(bytes, receiptSchema, 'receipt.json');
  const sent = store.db.select().from(exchangePackages).where(and(eq(exchangePackages.id, receipt.packageId), eq(exchangePackages.direction, 'out'))).get();
  if (!sent || receipt.packageId !== verified.manifest.acknowledges) throw new PackageRefusal('BAD_DATA', '回执所对应的数据包不是本机发出的');
  if (sent.receiver !== partyId(verified.manifest.sender)) throw new PackageRefusal('BAD_DATA', '回执的出具方不是该数据包的接收方');
  if (sent.fileSha256 !== receipt.fileSha256) throw new PackageRefusal('BAD_DATA', '回执中的文件校验值与本机发出的数据包不一致');
  const carried = store.db.select().from(exchangePackageRecords).where(eq(exchangePackageRecords.packageId, sent.id)).all();
  summary.acknowledged = carried.length;
  if (options.dryRun || verified.repeat) return summary;
  const markDelivered = sqliteOf(store.db).prepare(
    `INSERT INTO exchange_delivered (peer, entity, record_id, version) VALUES (?, ?, ?, ?)
     ON CONFLICT (peer, entity, record_id) DO UPDATE SET version = max(version, excluded.version)`,
  );
  store.db.transaction(() => {
    for (const r of carried) markDelivered.run(sent.receiver, r.entity, r.recordId, r.version);
    store.db.update(exchangePackages).set({ state: 'acknowledged', acknowledgedAt: receipt.importedAt }).where(eq(exchangePackages.id, sent.id)).run();
    recordImport(store, actor, verified, summary, options.fileName);
  });
  return summary;
}
