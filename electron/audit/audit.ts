// The audit trail: every workflow transition and import is written here in the same transaction as the
// change itself, so a change never exists without its record.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { auditLog } from '../../db/schema';
import { localDateTime } from '../domain/clock';
import { AppError } from '../errors';
import { writeWorkbook } from '../xlsx/sheet';
import { auditKindLabel, describeAuditObject } from './objects';

export interface Actor {
  id: string | null;
  name: string;
}

/** The actor for changes made by the command line or the system itself. */
export const SYSTEM_ACTOR: Actor = { id: null, name: '系统' };

export interface AuditEntry {
  entity: string;
  naturalKey: string;
  action: string;
  before?: unknown;
  after?: unknown;
  opinion?: string | null;
}

export function recordAudit(db: Db, actor: Actor, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      operatorId: actor.id,
      operatorName: actor.name,
      entity: entry.entity,
      naturalKey: entry.naturalKey,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      opinion: entry.opinion ?? null,
    })
    .run();
}

export interface AuditQuery {
  entity?: string;
  naturalKey?: string;
  limit: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

export function listAudit(db: Db, query: AuditQuery): AuditRow[] {
  const filters: SQL[] = [];
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.naturalKey) filters.push(eq(auditLog.naturalKey, query.naturalKey));
  return db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .all();
}

/** What 设置 → 操作日志 asks for: a kind, a range of local dates (inclusive), a page. */
export interface AuditFilter {
  entity?: string;
  naturalKey?: string;
  from?: string;
  to?: string;
}

export interface AuditView extends AuditRow {
  /** The kind of record, in Chinese. */
  kind: string;
  /** The record itself, named as staff know it. */
  object: string;
}

export interface AuditPage {
  rows: AuditView[];
  total: number;
  page: number;
  pageSize: number;
  /** Every kind present in the log, for the filter. */
  kinds: { value: string; label: string }[];
}

function filterWhere(filter: AuditFilter): SQL | undefined {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('INVALID_INPUT', `开始日期 ${filter.from} 晚于结束日期 ${filter.to}，请调换或改正`);
  }
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.naturalKey) where.push(eq(auditLog.naturalKey, filter.naturalKey));
  // Times are stored in UTC; people pick days on their own clock.
  if (filter.from) where.push(sql`date(${auditLog.at}, 'localtime') >= ${filter.from}`);
  if (filter.to) where.push(sql`date(${auditLog.at}, 'localtime') <= ${filter.to}`);
  return where.length ? and(...where) : undefined;
}

const describeRow = (db: Db) => (row: AuditRow): AuditView => ({ ...row, kind: auditKindLabel(row.entity), object: describeAuditObject(db, row.entity, row.naturalKey) });

export function auditKinds(db: Db): { value: string; label: string }[] {
  return db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .orderBy(asc(auditLog.entity))
    .all()
    .map(({ entity }) => ({ value: entity, label: auditKindLabel(entity) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** One page of the log, newest first; a page past the end gives the last page. */
export function auditPage(db: Db, filter: AuditFilter & { page: number; pageSize: number }): AuditPage {
  const where = filterWhere(filter);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const page = Math.min(filter.page, Math.max(1, Math.ceil(total / filter.pageSize)));
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(filter.pageSize).offset((page - 1) * filter.pageSize).all();
  return { rows: rows.map(describeRow(db)), total, page, pageSize: filter.pageSize, kinds: auditKinds(db) };
}

export const AUDIT_EXPORT_LIMIT = 100_000;

/** The whole filtered log as a workbook, newest first, with the same words as the screen. */
export function auditWorkbook(db: Db, filter: AuditFilter): Uint8Array {
  const rows = db.select().from(auditLog).where(filterWhere(filter)).orderBy(desc(auditLog.id)).limit(AUDIT_EXPORT_LIMIT).all().map(describeRow(db));
  return writeWorkbook([
    {
      name: '操作日志',
      headers: ['时间', '操作员', '对象类型', '对象', '动作', '意见'],
      rows: rows.map((r) => [localDateTime(new Date(r.at)), r.operatorName, r.kind, r.object, r.action, r.opinion ?? '']),
      widths: [20, 12, 14, 48, 28, 40],
    },
  ]);
}

