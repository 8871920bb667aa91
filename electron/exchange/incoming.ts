// Importing a package: verify everything first (packageFile.ts), then plan every record (created /
// updated / unchanged / deleted / conflict), and — unless it is a dry run — apply the plan in ONE
// transaction, so a crash or a kill mid-import leaves the database exactly as before.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { sqliteOf, type Db, type Store } from '../../db/open';
import { exchangePackageRecords, exchangePackages, exchangePeers } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { ROLE_LABELS, type InstallationRole } from '../domain/registry';
import { requireInstallation } from '../registry';
import { DECISION } from './decisions';
import { selfId } from './parties';
import type { AppliedRecord, Decision, Direction, ExchangeEntity, PackageOrigin } from './entities';
import { KIND_LABELS, partyId, UPWARD_KINDS, type Manifest, type PackageKind } from './manifest';
import { PackageRefusal, readPackageFile, type VerifiedPackage, type VerifyContext } from './packageFile';
import { RecordStore, sameContent, type PackageRecord, type Row } from './records';
import { EXCHANGE_ENTITIES, exchangeEntity } from './registry';

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
}

const cell = z.union([z.string().max(1_000_000), z.number(), z.null()]);
const rowSchema = z.record(z.string().max(64), cell);
const recordSchema = z
  .object({
    id: z.string().min(1).max(64),
    naturalKey: z.string().max(400),
    version: z.number().int().positive(),
    deleted: z.boolean(),
    updatedAt: z.string().max(40),
    row: rowSchema,
    children: z.record(z.string().max(64), z.array(rowSchema).max(100_000)),
  })
  .strict();
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
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PackageRefusal('BAD_DATA', `数据包内“${what}”不是有效的 JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageRefusal('BAD_DATA', `数据包内“${what}”格式不正确（${issue?.path.join('.')}：${issue?.message}）`);
  }
  return parsed.data;
}

interface IncomingSet {
  entity: ExchangeEntity;
  records: PackageRecord[];
}

/** Reads and validates the data members against the entities this direction may carry. */
function incomingRecords(verified: VerifiedPackage, direction: Direction, records: RecordStore, selfRegion: string): IncomingSet[] {
  const sets: IncomingSet[] = [];
  for (const [name, bytes] of verified.members) {
    const match = /^data\/([a-z-]+)\.json$/.exec(name);
    if (!match) continue;
    const entity = exchangeEntity(match[1]!);
    if (!entity || !entity.directions.includes(direction)) {
      throw new PackageRefusal('BAD_DATA', `数据包内有本软件不接受的数据“${name}”`);
    }
    const list = parseJson(bytes, z.array(recordSchema).max(500_000), name) as PackageRecord[];
    const expected = new Set(records.dataColumns(entity.table));
    const owner = direction === 'up' ? verified.manifest.sender.region : selfRegion;
    for (const record of list) {
      const columns = Object.keys(record.row);
      if (columns.length !== expected.size || columns.some((c) => !expected.has(c))) {
        throw new PackageRefusal('BAD_DATA', `数据包内“${entity.label}”的字段与本软件不一致，请双方使用相同版本的软件`);
      }
      if ('region_code' in record.row && record.row.region_code !== owner) {
        throw new PackageRefusal('BAD_DATA', `数据包内有不属于 ${owner} 的${entity.label}（${record.naturalKey}），已拒绝整个数据包`);
      }
      for (const child of entity.children ?? []) {
        const childColumns = new Set(records.columns(child.table));
        for (const row of record.children[child.table] ?? []) {
          if (Object.keys(row).some((c) => !childColumns.has(c))) {
            throw new PackageRefusal('BAD_DATA', `数据包内“${entity.label}”的明细字段与本软件不一致`);
          }
        }
      }
    }
    sets.push({ entity, records: list });
  }
  refuseBrokenRecords(sets, records);
  // Apply parents before children, in the registry's order.
  return sets.sort((a, b) => EXCHANGE_ENTITIES.indexOf(a.entity) - EXCHANGE_ENTITIES.indexOf(b.entity));
}

/** The first record an entity's own rule refuses (e.g. a monitoring sheet executed above its budget) refuses the package. */
function refuseBrokenRecords(sets: readonly IncomingSet[], records: RecordStore): void {
  const rowOf = (table: string, id: string): Row | undefined =>
    sets.find((s) => s.entity.table === table)?.records.find((r) => r.id === id)?.row ??
    (records.statement(`SELECT * FROM "${table.replace(/"/g, '""')}" WHERE id = ?`).get(id) as Row | undefined);
  for (const { entity, records: list } of sets) {
    if (!entity.refuseIncoming) continue;
    for (const record of list) {
      const why = record.deleted ? null : entity.refuseIncoming(record, rowOf);
      if (why) throw new PackageRefusal('BAD_DATA', `${why}，已拒绝整个数据包`);
    }
  }
}

interface Planned extends PlannedRecord {
  entityDef: ExchangeEntity;
  record: PackageRecord;
  /** Our version of the record after this import (the sender's when we write it). */
  localVersion: number;
}

const UPSERT_SYNC = `INSERT INTO exchange_sync (peer, entity, record_id, remote_version, local_version) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (peer, entity, record_id) DO UPDATE SET remote_version = excluded.remote_version, local_version = excluded.local_version`;

interface SyncState {
  remoteVersion: number;
  localVersion: number;
}

function planRecord(records: RecordStore, peer: string, entity: ExchangeEntity, incoming: PackageRecord): Planned {
  const base = { entity: entity.name, label: entity.label, naturalKey: incoming.naturalKey, entityDef: entity, record: incoming, localVersion: incoming.version };
  const sync = records
    .statement('SELECT remote_version AS remoteVersion, local_version AS localVersion FROM exchange_sync WHERE peer = ? AND entity = ? AND record_id = ?')
    .get(peer, entity.name, incoming.id) as SyncState | undefined;
  const local = records.byId(entity, incoming.id);
  if (!local) {
    const sameKey = records.byNaturalKey(entity, incoming.row);
    if (sameKey) {
      return { ...base, action: 'conflict', reason: `本机已有编码相同的另一条${entity.label}（${sameKey.naturalKey}），需人工核对` };
    }
    return { ...base, action: incoming.deleted ? 'unchanged' : 'created' };
  }
  if (sync && incoming.version <= sync.remoteVersion) return { ...base, action: 'unchanged', localVersion: local.version };
  const changedHere = sync ? local.version !== sync.localVersion : !sameContent(local, incoming, entity.localColumns);
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
  const base = { entity: DECISION, label: '审核意见', naturalKey: decision.naturalKey, entityDef: entity, decision };
  const record = records.byId(entity, decision.recordId);
  if (!record) return { ...base, action: 'conflict', reason: `本机找不到该审核意见针对的${entity.label}，未应用；请与对方核对` };
  const applied = records.statement('SELECT 1 FROM exchange_sync WHERE peer = ? AND entity = ? AND record_id = ?').get(peer, DECISION, decision.id);
  return { ...base, naturalKey: record.naturalKey, action: applied ? 'unchanged' : 'updated' };
}

function emptyCounts(): Record<RecordAction, number> {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0, conflict: 0 };
}

/** Verifies, plans and (unless a dry run) applies a package. Refusals throw PackageRefusal; nothing is written then. */
/** What each kind of installation may import. */
const ACCEPTED_KINDS: Record<InstallationRole, readonly PackageKind[]> = {
  prefecture: ['county-report', 'receipt'],
  county: ['prefecture-reply', 'unit-report', 'receipt'],
  unit: ['county-reply', 'receipt'],
};

export function importPackage(store: Store, actor: Actor, file: string, options: ImportOptions): ImportSummary {
  const installation = requireInstallation(store.db);
  const verified = readPackageFile(file, verifyContext(store, selfId(installation), options));
  const { manifest } = verified;
  if (!ACCEPTED_KINDS[installation.role].includes(manifest.kind)) {
    throw new PackageRefusal('BAD_DATA', `${KIND_LABELS[manifest.kind]}不能导入${ROLE_LABELS[installation.role]}的软件`);
  }
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
  if (manifest.kind === 'receipt') return applyReceipt(store, actor, verified, summary, options);

  const records = new RecordStore(sqliteOf(store.db));
  const direction: Direction = UPWARD_KINDS.includes(manifest.kind) ? 'up' : 'down';
  const sets = incomingRecords(verified, direction, records, installation.region.code);
  const decisions = incomingDecisions(verified, direction).map((d) => planDecision(records, peer, d));
  const planned = sets.flatMap(({ entity, records: list }) => list.map((r) => planRecord(records, peer, entity, r)));
  for (const p of [...planned, ...decisions]) summary.counts[p.action]++;
  summary.records = [...planned, ...decisions].map(({ entity, label, naturalKey, action, reason }) => ({ entity, label, naturalKey, action, ...(reason ? { reason } : {}) }));
  summary.decisions = decisions.filter((d) => d.action === 'updated').length;
  if (verified.repeat) return summary;
  // A unit's package is checked record by record against the unit's scope, which needs the records in
  // place: a dry run applies them too and then rolls everything back.
  const unit = manifest.kind === 'unit-report' ? manifest.sender.unit : undefined;
  if (options.dryRun && !unit) return summary;

  const sqlite = sqliteOf(store.db);
  const upsertSync = records.statement(UPSERT_SYNC);
  try {
    store.db.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      let done = 0;
      for (const p of planned) {
        if (p.action === 'created' || p.action === 'updated' || p.action === 'deleted') records.write(p.entityDef, p.record);
        if (p.action !== 'conflict') upsertSync.run(peer, p.entity, p.record.id, p.record.version, p.localVersion);
        if (++done % 500 === 0) options.onProgress?.(done, planned.length);
      }
      if (unit) requireUnitOwnership(records, planned, unit);
      if (options.dryRun) throw DRY_RUN_DONE;
      runAfterApply(store.db, actor, planned, { sender: peer, senderName: manifest.sender.name, sequence: manifest.sequence });
      applyDecisions(store.db, actor, records, decisions, { peer, final: manifest.kind === 'county-reply' });
      recordImport(store, actor, verified, summary);
      options.onProgress?.(planned.length, planned.length);
    });
  } catch (error) {
    if (error !== DRY_RUN_DONE) throw error;
  }
  return summary;
}

/** Thrown to roll back a dry run that had to apply records to check them. */
const DRY_RUN_DONE = Symbol('dry run done');

/** Every record a unit's package wrote must lie within that unit's scope (its own projects, targets…). */
function requireUnitOwnership(records: RecordStore, planned: readonly Planned[], unit: string): void {
  for (const entity of EXCHANGE_ENTITIES) {
    const ids = planned.filter((p) => p.entityDef === entity && p.action !== 'unchanged' && p.action !== 'conflict').map((p) => p.record.id);
    if (ids.length === 0) continue;
    if (!entity.unitScope) throw new PackageRefusal('BAD_DATA', `单位上报包不能包含${entity.label}`);
    const outside = records
      .statement(`SELECT count(*) AS n FROM "${entity.table}" WHERE id IN (SELECT value FROM json_each(:ids)) AND NOT (${entity.unitScope})`)
      .get({ ids: JSON.stringify(ids), unit }) as { n: number };
    if (outside.n > 0) {
      throw new PackageRefusal('BAD_DATA', `单位上报包中有 ${outside.n} 条不属于本单位（${unit}）的${entity.label}，已拒绝整个数据包`);
    }
  }
}

function runAfterApply(db: Db, actor: Actor, planned: readonly Planned[], origin: PackageOrigin): void {
  for (const entity of EXCHANGE_ENTITIES) {
    if (!entity.afterApply) continue;
    const applied = planned
      .filter((p): p is Planned & { action: AppliedRecord['action'] } => p.entityDef === entity && (p.action === 'created' || p.action === 'updated' || p.action === 'deleted'))
      .map((p) => ({ id: p.record.id, action: p.action }));
    if (applied.length) entity.afterApply(db, actor, applied, origin);
  }
}

/** Decisions come only downward, on records the receiver sent up (exchange.md §10). */
function incomingDecisions(verified: VerifiedPackage, direction: Direction): IncomingDecision[] {
  const bytes = verified.members.get('decisions.json');
  if (!bytes) return [];
  if (direction === 'up') throw new PackageRefusal('BAD_DATA', '上报包不能包含审核意见，已拒绝整个数据包');
  return parseJson(bytes, z.array(decisionSchema).max(100_000), 'decisions.json');
}

/**
 * Applies the new decisions and keeps each among the records received from the sender (its id, the
 * version it was made on, our version after it), so that the same decision arriving again is recognised.
 * `final`: the county's review of a unit's record settles it; the prefecture's review of a county's does not.
 */
function applyDecisions(db: Db, actor: Actor, records: RecordStore, planned: readonly PlannedDecision[], from: { peer: string; final: boolean }): void {
  const remember = records.statement(UPSERT_SYNC);
  for (const { action, decision: d, entityDef: entity } of planned) {
    if (action !== 'updated') continue;
    const decision: Decision = { action: d.action, opinion: d.opinion, decidedBy: d.decidedBy, decidedAt: d.decidedAt, final: from.final };
    entity.applyDecision!(db, actor, d.recordId, decision);
    remember.run(from.peer, DECISION, d.id, d.recordVersion, records.byId(entity, d.recordId)!.version);
  }
}

/** Registers a newly trusted sender, advances its sequence, logs the package and audits the import. */
function recordImport(store: Store, actor: Actor, verified: VerifiedPackage, summary: ImportSummary): void {
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
      fileName: '',
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
function applyReceipt(store: Store, actor: Actor, verified: VerifiedPackage, summary: ImportSummary, options: ImportOptions): ImportSummary {
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
    recordImport(store, actor, verified, summary);
  });
  return summary;
}
