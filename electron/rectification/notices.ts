// 整改通知 (domain.md §8): the notices the bureau sends a unit, numbered per region and year, whatever
// opened them. A monitoring round's warnings open them today (monitoring/rectification.ts); feedback and
// the verdict come with the rectification pages, and self-evaluations and evaluations open them later.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { rectifications, sqlNow } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { localDate } from '../domain/clock';
import { deadlineProblem, RECTIFICATION_LABELS, rectificationOpen, type RectificationSource, type RectificationStatus } from '../domain/rectification';
import { AppError } from '../errors';

export interface Rectification {
  id: string;
  version: number;
  seq: number;
  status: RectificationStatus;
  sourceId: string | null;
  projectId: string | null;
  unitCode: string;
  problems: string;
  requirements: string;
  deadline: string;
  createdAt: string;
}

/** What the bureau writes in a notice. */
export interface NoticeText {
  problems: string;
  requirements: string;
  deadline: string;
}

/** The record a notice is opened from, as its own workflow finds and checks it. */
export interface NoticeSource {
  source: RectificationSource;
  sourceId: string;
  regionCode: string;
  year: number;
  projectId: string | null;
  unitCode: string;
  /** How the refusal of a second notice names the record, e.g. the project's name. */
  subject: string;
  /** Where that second notice would come from, e.g. 本轮 for a monitoring round. */
  occasion: string;
  /** What the audit log keeps beside the notice, e.g. the round and the project code. */
  audit: Record<string, unknown>;
}

const rectificationKey = (row: { regionCode: string; year: number; seq: number }) => `${row.regionCode}/${row.year}/${row.seq}`;

function requireRectification(db: Db, id: string) {
  const row = db.select().from(rectifications).where(and(eq(rectifications.id, id), eq(rectifications.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该整改通知不存在或已删除，请刷新后重试');
  return row;
}

const toRectification = (row: ReturnType<typeof requireRectification>): Rectification => ({
  id: row.id,
  version: row.version,
  seq: row.seq,
  status: row.status,
  sourceId: row.sourceId,
  projectId: row.projectId,
  unitCode: row.unitCode,
  problems: row.problems,
  requirements: row.requirements,
  deadline: row.deadline,
  createdAt: row.createdAt,
});

function refuseSecondNotice(db: Db, from: NoticeSource): void {
  const open = db
    .select({ seq: rectifications.seq, status: rectifications.status })
    .from(rectifications)
    .where(and(eq(rectifications.source, from.source), eq(rectifications.sourceId, from.sourceId), eq(rectifications.deleted, false)))
    .all()
    .find((r) => rectificationOpen(r.status));
  if (open) throw new AppError('CONFLICT', `${from.occasion}已对“${from.subject}”下发第 ${open.seq} 号整改通知（${RECTIFICATION_LABELS[open.status]}），无需重复`);
}

const nextSeq = (db: Db, regionCode: string, year: number) =>
  (db
    .select({ n: max(rectifications.seq) })
    .from(rectifications)
    .where(and(eq(rectifications.regionCode, regionCode), eq(rectifications.year, year)))
    .get()?.n ?? 0) + 1;

/**
 * Opens a 整改通知 (待下达); one open notice per source record. `sourceOf` finds and checks that record
 * inside the same transaction, after the notice's own text has been checked.
 */
export function openRectification(db: Db, actor: Actor, text: NoticeText, sourceOf: (tx: Db) => NoticeSource): Rectification {
  const problems = text.problems.trim();
  if (problems === '') throw new AppError('INVALID_INPUT', '请填写发现的问题');
  const late = deadlineProblem(text.deadline, localDate());
  if (late) throw new AppError('INVALID_INPUT', late);
  return db.transaction((tx) => {
    const from = sourceOf(tx);
    refuseSecondNotice(tx, from);
    const seq = nextSeq(tx, from.regionCode, from.year);
    const id = randomUUID();
    tx.insert(rectifications)
      .values({
        id,
        regionCode: from.regionCode,
        year: from.year,
        seq,
        source: from.source,
        sourceId: from.sourceId,
        projectId: from.projectId,
        unitCode: from.unitCode,
        problems,
        requirements: text.requirements.trim(),
        deadline: text.deadline,
      })
      .run();
    const created = toRectification(requireRectification(tx, id));
    recordAudit(tx, actor, {
      entity: 'rectification',
      naturalKey: rectificationKey({ regionCode: from.regionCode, year: from.year, seq }),
      action: '拟定整改通知',
      after: { ...created, ...from.audit },
    });
    return created;
  });
}

/** 待下达 → 已下达. */
export function issueRectification(db: Db, actor: Actor, input: { id: string; version: number }): Rectification {
  return db.transaction((tx) => {
    const before = requireRectification(tx, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '该整改通知已被他人修改，请刷新后重试');
    if (before.status !== 'pending') throw new AppError('CONFLICT', `该整改通知当前为“${RECTIFICATION_LABELS[before.status]}”，不能再下达`);
    tx.update(rectifications)
      .set({ status: 'issued', version: sql`${rectifications.version} + 1`, updatedAt: sqlNow })
      .where(eq(rectifications.id, before.id))
      .run();
    recordAudit(tx, actor, { entity: 'rectification', naturalKey: rectificationKey(before), action: '下达整改通知', before: { status: 'pending' }, after: { status: 'issued' } });
    return toRectification(requireRectification(tx, before.id));
  });
}

/** A notice as another workflow shows it beside its own record. */
export interface NoticeRef {
  id: string;
  seq: number;
  status: RectificationStatus;
}

/** The latest notice opened from each of these records, by source record id. */
export function latestNotices(db: Db, source: RectificationSource, sourceIds: readonly string[]): Map<string, NoticeRef> {
  const latest = new Map<string, NoticeRef>();
  if (sourceIds.length === 0) return latest;
  const rows = db
    .select({ id: rectifications.id, seq: rectifications.seq, status: rectifications.status, sourceId: rectifications.sourceId })
    .from(rectifications)
    .where(and(eq(rectifications.source, source), inArray(rectifications.sourceId, [...sourceIds]), eq(rectifications.deleted, false)))
    .orderBy(desc(rectifications.seq))
    .all();
  for (const { sourceId, ...notice } of rows) if (sourceId !== null && !latest.has(sourceId)) latest.set(sourceId, notice);
  return latest;
}

/** Notices of a region's year still not passed after their deadline (`today`, the bureau's local date). */
export function overdueCount(db: Db, region: string, year: number, today: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(rectifications)
      .where(and(eq(rectifications.regionCode, region), eq(rectifications.year, year), eq(rectifications.deleted, false), sql`${rectifications.status} != 'passed'`, sql`${rectifications.deadline} < ${today}`))
      .get()?.n ?? 0
  );
}
