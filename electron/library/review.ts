// The library's update mechanism: a unit or staff member proposes an indicator (待确认), the performance
// office confirms it into the library (已入库, a new library version) or returns it to draft with an
// opinion; accepted indicators can be retired (停用) and retired ones restored as drafts.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryIndicators, sqlNow } from '../../db/schema';
import { changesPublishedLibrary, LIBRARY_ACTION_LABELS, libraryTransition, type LibraryAction } from '../domain/library';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { requireIndicator, requireIndicators, requireProposingUnit, type LibraryIndicator } from './indicators';
import { openLibraryVersion } from './versions';

type Changes = Partial<Pick<typeof libraryIndicators.$inferInsert, 'proposingUnitCode' | 'proposedBy' | 'libraryVersion'>>;

/** The status after the move, or a refusal that names the indicator. */
function requireMove(indicator: LibraryIndicator, action: LibraryAction, opinion: string | null) {
  const next = libraryTransition(indicator.status, action, opinion);
  if (!next.ok) throw new AppError('INVALID_INPUT', `${indicator.name}（${indicator.code}）：${next.message}`);
  return next.next;
}

/** Applies one move of the status table to one indicator, with its audit entry. */
function move(db: Db, actor: Actor, indicator: LibraryIndicator, action: LibraryAction, opinion: string | null, changes: Changes = {}): LibraryIndicator {
  const status = requireMove(indicator, action, opinion);
  db.update(libraryIndicators)
    .set({ ...changes, status, version: indicator.version + 1, updatedAt: sqlNow })
    .where(eq(libraryIndicators.id, indicator.id))
    .run();
  const after = requireIndicator(db, indicator.id);
  recordAudit(db, actor, {
    entity: 'library_indicator',
    naturalKey: indicator.code,
    action: LIBRARY_ACTION_LABELS[action],
    before: { status: indicator.status, libraryVersion: indicator.libraryVersion },
    after: { status: after.status, libraryVersion: after.libraryVersion, proposingUnitCode: after.proposingUnitCode },
    opinion,
  });
  return after;
}

/** 提交入库申请: records who proposed it and for which unit (kept from the draft when not given). */
export function proposeIndicator(db: Db, actor: Actor, input: { id: string; proposingUnitCode?: string | null }): LibraryIndicator {
  return db.transaction((tx) => {
    const indicator = requireIndicator(tx, input.id);
    const unitCode = input.proposingUnitCode === undefined ? indicator.proposingUnitCode : input.proposingUnitCode?.trim() || null;
    requireProposingUnit(tx, unitCode);
    return move(tx, actor, indicator, 'propose', null, { proposingUnitCode: unitCode, proposedBy: actor.name });
  });
}

export interface ConfirmResult {
  /** The library version the confirmed indicators entered. */
  libraryVersion: number;
  indicators: LibraryIndicator[];
}

/** 确认入库: accepts one or more proposed indicators together as one new library version. */
export function confirmIndicators(db: Db, actor: Actor, input: { ids: readonly string[]; note?: string }): ConfirmResult {
  if (input.ids.length === 0) throw new AppError('INVALID_INPUT', '请选择要确认入库的指标');
  return db.transaction((tx) => {
    const proposed = requireIndicators(tx, input.ids);
    for (const indicator of proposed) requireMove(indicator, 'confirm', null);
    const note = input.note?.trim() || `确认入库 ${proposed.length} 条指标：${proposed.slice(0, 3).map((i) => i.name).join('、')}${proposed.length > 3 ? '等' : ''}`;
    const libraryVersion = openLibraryVersion(tx, actor, { note });
    const indicators = proposed.map((i) => move(tx, actor, i, 'confirm', input.note?.trim() || null, { libraryVersion }));
    return { libraryVersion, indicators };
  });
}

/** 退回: back to draft for the proposer to revise; the opinion says what to change. */
export function rejectIndicator(db: Db, actor: Actor, input: { id: string; opinion: string }): LibraryIndicator {
  return db.transaction((tx) => move(tx, actor, requireIndicator(tx, input.id), 'reject', input.opinion.trim()));
}

/** 停用: an accepted indicator leaves the suggestions; that changes the library, so it opens a version. */
export function retireIndicator(db: Db, actor: Actor, input: { id: string; reason?: string }): LibraryIndicator {
  return db.transaction((tx) => {
    const indicator = requireIndicator(tx, input.id);
    const reason = input.reason?.trim() || null;
    if (!changesPublishedLibrary('retire', indicator.status)) return move(tx, actor, indicator, 'retire', reason);
    const libraryVersion = openLibraryVersion(tx, actor, { note: `停用指标：${indicator.name}（${indicator.code}）${reason ? `，${reason}` : ''}` });
    return move(tx, actor, indicator, 'retire', reason, { libraryVersion });
  });
}

/** 恢复为草稿: a retired indicator comes back as a draft, to be proposed and confirmed again. */
export function restoreIndicator(db: Db, actor: Actor, input: { id: string }): LibraryIndicator {
  return db.transaction((tx) => move(tx, actor, requireIndicator(tx, input.id), 'restore', null));
}
