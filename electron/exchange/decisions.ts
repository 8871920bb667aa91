// Decisions on records that came up from below (electron/prefecture takes them: a prefecture reviewing a
// county's, a county a unit's). They wait here until a reply package carries them back, and every reply
// carries them again until a receipt says one arrived; the record itself is left as it came.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Store } from '../../db/open';
import { exchangeDecisions } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { isRedecision, redecisionOpinion, redecisionRefusal } from '../domain/prefecture';
import { AppError } from '../errors';
import { RecordStore } from './records';
import { exchangeEntity } from './registry';

export interface DecisionInput {
  entity: string;
  recordId: string;
  action: 'approve' | 'return';
  opinion: string;
  /** Why a decision already sent down on this version is changed (改判); required then, refused otherwise. */
  reason?: string;
}

/** What the reviewing workflow sees of a record before deciding it: its state as it came. */
export interface DecisionSubject {
  naturalKey: string;
  status: string;
}

/**
 * Keeps review decisions on records that came up from below until a reply carries them back, all in one
 * transaction with an audit entry per record. The reviewing workflow (electron/prefecture) decides who may
 * decide what (`refusal`, naming the record when it may not); this is the bookkeeping.
 */
export function queueDecisions(store: Store, actor: Actor, inputs: readonly DecisionInput[], refusal: (subject: DecisionSubject) => string | null) {
  const records = new RecordStore(store.sqlite);
  const decisions = inputs.map((input) => {
    const entity = exchangeEntity(input.entity);
    if (!entity?.applyDecision) throw new AppError('INVALID_INPUT', `“${input.entity}”不能审核`);
    const record = records.byId(entity, input.recordId);
    if (!record) throw new AppError('NOT_FOUND', `找不到该${entity.label}，请刷新`);
    // The decision goes back to whoever sent the record: a county to its prefecture, a unit to its county.
    const peer = (
      store.sqlite.prepare('SELECT peer FROM exchange_sync WHERE entity = ? AND record_id = ?').get(entity.name, record.id) as { peer: string } | undefined
    )?.peer;
    if (!peer) throw new AppError('INVALID_INPUT', `该${entity.label}不是从下级收到的，请在本机的审核流程中处理`);
    const why = refusal({ naturalKey: record.naturalKey, status: String(record.row.status) });
    if (why) throw new AppError('INVALID_INPUT', `${entity.label}（${record.naturalKey}）${why}`);
    const sent = isRedecision(sentOnVersion(store, entity.name, record.id), record.version);
    const redecision = redecisionRefusal(sent, input.reason);
    if (redecision) throw new AppError('INVALID_INPUT', `${entity.label}（${record.naturalKey}）：${redecision}`);
    if (!sent && input.reason?.trim()) throw new AppError('INVALID_INPUT', `${entity.label}（${record.naturalKey}）还没有发给下级的审核结论，不是改判：请不要填写改判理由`);
    return {
      redecided: sent,
      id: randomUUID(),
      peer,
      entity: entity.name,
      recordId: record.id,
      naturalKey: record.naturalKey,
      recordVersion: record.version,
      action: input.action,
      opinion: sent ? redecisionOpinion(input.reason!, input.opinion) : input.opinion.trim(),
      decidedBy: actor.name,
    };
  });
  store.db.transaction((tx) => {
    for (const { redecided, ...decision } of decisions) {
      // A newer decision on the same record replaces one not yet sent.
      tx.delete(exchangeDecisions)
        .where(and(eq(exchangeDecisions.recordId, decision.recordId), eq(exchangeDecisions.entity, decision.entity), isNull(exchangeDecisions.packageId)))
        .run();
      tx.insert(exchangeDecisions).values(decision).run();
      recordAudit(tx, actor, {
        entity: decision.entity,
        naturalKey: decision.naturalKey,
        action: `${redecided ? '改判：' : ''}${decision.action === 'return' ? '州级退回（待发送）' : '州级审核通过（待发送）'}`,
        opinion: decision.opinion || null,
      });
    }
  });
  return decisions.map(({ redecided: _redecided, ...decision }) => decision);
}

/** The newest version of the record on which a reply already carried a decision taken here, or null. */
function sentOnVersion(store: Store, entity: string, recordId: string): number | null {
  const row = store.sqlite
    .prepare('SELECT max(record_version) AS version FROM exchange_decisions WHERE entity = ? AND record_id = ? AND package_id IS NOT NULL')
    .get(entity, recordId) as { version: number | null };
  return row.version;
}

/**
 * The latest decision taken here on each of these records, whether a reply carried it yet, and the newest
 * version of the record a sent decision was on (a new decision on that version is a 改判).
 */
export function latestDecisionsOn(store: Store, entity: string, recordIds: readonly string[]) {
  const rows = store.sqlite
    .prepare(
      `SELECT record_id AS recordId, action, opinion, decided_at AS decidedAt, package_id AS packageId,
              (SELECT max(record_version) FROM exchange_decisions s WHERE s.entity = d.entity AND s.record_id = d.record_id AND s.package_id IS NOT NULL) AS sentOnVersion
         FROM exchange_decisions d
        WHERE entity = ? AND record_id IN (SELECT value FROM json_each(?))
          AND id = (SELECT id FROM exchange_decisions WHERE record_id = d.record_id AND entity = d.entity ORDER BY decided_at DESC LIMIT 1)`,
    )
    .all(entity, JSON.stringify(recordIds)) as { recordId: string; action: 'approve' | 'return'; opinion: string; decidedAt: string; packageId: string | null; sentOnVersion: number | null }[];
  return new Map(rows.map(({ recordId, packageId, ...decision }) => [recordId, { ...decision, sent: packageId !== null }]));
}

/** The latest decision the level above sent on each of these records of this installation's. */
export function decisionsFromAbove(store: Store, entity: string, recordIds: readonly string[]) {
  const rows = store.sqlite
    .prepare(
      `SELECT record_id AS recordId, action, opinion, decided_at AS decidedAt, decided_by AS decidedBy, record_version AS recordVersion
         FROM exchange_decisions_received d
        WHERE entity = ? AND record_id IN (SELECT value FROM json_each(?))
          AND id = (SELECT id FROM exchange_decisions_received WHERE record_id = d.record_id AND entity = d.entity ORDER BY decided_at DESC, rowid DESC LIMIT 1)`,
    )
    .all(entity, JSON.stringify(recordIds)) as { recordId: string; action: 'approve' | 'return'; opinion: string; decidedAt: string; decidedBy: string; recordVersion: number }[];
  return new Map(rows.map(({ recordId, ...decision }) => [recordId, decision]));
}

/** Decisions taken here on `peer`'s records that no reply has carried yet. */
export function pendingDecisionCount(store: Store, peer: string): number {
  return (store.sqlite.prepare('SELECT count(*) AS n FROM exchange_decisions WHERE peer = ? AND package_id IS NULL').get(peer) as { n: number }).n;
}

/** The ids of the records of a kind that came from `peer`. */
export function recordsReceivedFrom(store: Store, peer: string, entity: string): string[] {
  return (store.sqlite.prepare('SELECT record_id AS id FROM exchange_sync WHERE peer = ? AND entity = ?').all(peer, entity) as { id: string }[]).map((r) => r.id);
}

/**
 * The name a decision travels under in the exchange bookkeeping (records an outgoing package carried,
 * delivered records, records applied from a peer), beside the names of the exchanged records.
 */
export const DECISION = 'decision';

export type StoredDecision = typeof exchangeDecisions.$inferSelect;

/**
 * What the next reply to `peer` carries: the latest decision on each record, until a receipt for a
 * reply that carried it comes back. Packages get lost or arrive out of order; a decision sent once
 * and lost would otherwise leave both sides disagreeing for good.
 */
export function unacknowledgedDecisions(store: Store, peer: string): StoredDecision[] {
  return store.sqlite
    .prepare(
      `SELECT id, peer, entity, record_id AS recordId, natural_key AS naturalKey, record_version AS recordVersion, action, opinion,
              decided_at AS decidedAt, decided_by AS decidedBy, package_id AS packageId
         FROM exchange_decisions d
        WHERE peer = ?
          AND id = (SELECT id FROM exchange_decisions WHERE peer = d.peer AND entity = d.entity AND record_id = d.record_id
                     ORDER BY decided_at DESC, rowid DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM exchange_delivered WHERE peer = d.peer AND entity = ? AND record_id = d.id)
        ORDER BY decided_at, rowid`,
    )
    .all(peer, DECISION) as StoredDecision[];
}

/** Notes that reply `packageId` carried these decisions, so that its receipt acknowledges them. */
export function markDecisionsCarried(store: Store, packageId: string, decisions: readonly StoredDecision[]): void {
  const carried = store.sqlite.prepare('INSERT INTO exchange_package_records (package_id, entity, record_id, version) VALUES (?, ?, ?, ?)');
  const sentIn = store.sqlite.prepare('UPDATE exchange_decisions SET package_id = ? WHERE id = ?');
  for (const d of decisions) {
    carried.run(packageId, DECISION, d.id, d.recordVersion);
    sentIn.run(packageId, d.id);
  }
}

export function listDecisions(store: Store, peer: string) {
  return store.db.select().from(exchangeDecisions).where(eq(exchangeDecisions.peer, peer)).orderBy(desc(exchangeDecisions.decidedAt)).all();
}
