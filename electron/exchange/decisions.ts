// The review of records that came up from below (a prefecture reviewing a county's, a county a unit's):
// approve, or return with an opinion. Decisions wait here until a reply package carries them back; the
// record itself is left as it came.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Store } from '../../db/open';
import { exchangeDecisions } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { transition } from '../domain/workflow';
import { AppError } from '../errors';
import { requireInstallation } from '../registry/setup';
import { RecordStore } from './records';
import { exchangeEntity } from './registry';

export interface DecisionInput {
  entity: string;
  recordId: string;
  action: 'approve' | 'return';
  opinion: string;
}

export function recordDecision(store: Store, actor: Actor, input: DecisionInput) {
  const installation = requireInstallation(store.db);
  if (installation.role === 'unit') throw new AppError('INVALID_INPUT', '预算单位不审核其他单位上报的数据');
  const entity = exchangeEntity(input.entity);
  if (!entity?.applyDecision) throw new AppError('INVALID_INPUT', `“${input.entity}”不能审核`);
  const check = transition('submitted', input.action, input.opinion);
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message);
  const record = new RecordStore(store.sqlite).byId(entity, input.recordId);
  if (!record) throw new AppError('NOT_FOUND', `找不到该${entity.label}，请刷新`);
  // The decision goes back to whoever sent the record: a county to its prefecture, a unit to its county.
  const peer = (
    store.sqlite.prepare('SELECT peer FROM exchange_sync WHERE entity = ? AND record_id = ?').get(entity.name, record.id) as { peer: string } | undefined
  )?.peer;
  if (!peer) throw new AppError('INVALID_INPUT', `该${entity.label}不是从下级收到的，请在本机的审核流程中处理`);
  const decision = {
    id: randomUUID(),
    peer,
    entity: entity.name,
    recordId: record.id,
    naturalKey: record.naturalKey,
    recordVersion: record.version,
    action: input.action,
    opinion: input.opinion.trim(),
    decidedBy: actor.name,
  };
  store.db.transaction((tx) => {
    // A newer decision on the same record replaces one not yet sent.
    tx.delete(exchangeDecisions)
      .where(and(eq(exchangeDecisions.recordId, record.id), eq(exchangeDecisions.entity, entity.name), isNull(exchangeDecisions.packageId)))
      .run();
    tx.insert(exchangeDecisions).values(decision).run();
    recordAudit(tx, actor, {
      entity: entity.name,
      naturalKey: record.naturalKey,
      action: input.action === 'return' ? '州级退回（待发送）' : '州级审核通过（待发送）',
      opinion: decision.opinion || null,
    });
  });
  return decision;
}

export function listDecisions(store: Store, peer: string) {
  return store.db.select().from(exchangeDecisions).where(eq(exchangeDecisions.peer, peer)).orderBy(desc(exchangeDecisions.decidedAt)).all();
}
