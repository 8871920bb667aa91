// 上级通知: a prefecture writes a notice (title, text, date, files) to all or chosen counties; each county
// gets its own copy, which goes down in its reply with the files. The county reads it, downloads the files
// and marks it read; the read mark is its only answer and goes back up in its next report.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { notices } from '../../db/schema';
import { addAttachment, attachmentFile, attachmentOwner, listAttachments, type AttachmentInfo } from '../attachments';
import { recordAudit, type Actor } from '../audit/audit';
import { isIsoDate } from '../domain/projects';
import { AppError } from '../errors';
import { issuersOf, markIssued } from '../exchange/exchange';
import type { FilePayload } from '../ipc/schema';
import { chosenCounties, countiesOf, findRegion, requireInstallation } from '../registry';

/** The owner kind of a notice's files (exchange.ts carries them with the notice). */
export const NOTICE_FILES = 'notice';
/** A notice's record kind in packages. */
export const NOTICE_ENTITY = 'notice';

export interface NoticeInput {
  year: number;
  title: string;
  body: string;
  issuedOn: string;
  /** The counties it goes to; all the prefecture's counties when absent. */
  counties?: readonly string[];
  files: readonly FilePayload[];
}

export interface Notice {
  id: string;
  version: number;
  county: string;
  countyName: string;
  year: number;
  seq: number;
  title: string;
  body: string;
  issuedOn: string;
  issuedByName: string;
  readAt: string | null;
  readBy: string | null;
  files: AttachmentInfo[];
  /** Who issued it, when it came from above: the prefecture's name. */
  from: string | null;
}

type NoticeRow = typeof notices.$inferSelect;

const noticeKey = (row: Pick<NoticeRow, 'regionCode' | 'year' | 'seq'>) => `${row.regionCode}/${row.year}/${row.seq}`;

function checkNotice(input: NoticeInput): void {
  if (!input.title.trim()) throw new AppError('INVALID_INPUT', '请填写通知标题');
  if (!isIsoDate(input.issuedOn)) throw new AppError('INVALID_INPUT', '发文日期应为“2020-08-01”这样的日期');
  if (Number(input.issuedOn.slice(0, 4)) !== input.year) throw new AppError('INVALID_INPUT', `发文日期 ${input.issuedOn} 不在 ${input.year} 年度内，请核对年度或日期`);
}

const nextSeq = (db: Db, region: string, year: number): number =>
  (db.select({ seq: sql<number>`max(${notices.seq})` }).from(notices).where(and(eq(notices.regionCode, region), eq(notices.year, year))).get()?.seq ?? 0) + 1;

/** Writes the notice to each chosen county in one transaction, its files kept with every county's copy. */
export function issueNotice(db: Db, actor: Actor, input: NoticeInput): Notice[] {
  const installation = requireInstallation(db);
  if (installation.role !== 'prefecture') throw new AppError('INVALID_INPUT', '只有州级财政局向所辖县市下发通知');
  checkNotice(input);
  const counties = chosenCounties(db, installation.region.code, input.counties);
  const ids: string[] = [];
  db.transaction((tx) => {
    for (const county of counties) {
      const id = randomUUID();
      const seq = nextSeq(tx, county.code, input.year);
      tx.insert(notices)
        .values({ id, regionCode: county.code, year: input.year, seq, title: input.title.trim(), body: input.body.trim(), issuedOn: input.issuedOn, issuedByName: actor.name })
        .run();
      markIssued(tx, NOTICE_ENTITY, id, installation.region.code);
      const record = { entity: NOTICE_ENTITY, naturalKey: noticeKey({ regionCode: county.code, year: input.year, seq }) };
      recordAudit(tx, actor, { ...record, action: '下发通知', after: { county: county.name, title: input.title.trim(), issuedOn: input.issuedOn, files: input.files.map((f) => f.fileName) } });
      for (const file of input.files) addAttachment(tx, actor, { kind: NOTICE_FILES, id }, file, record);
      ids.push(id);
    }
  });
  return ids.map((id) => noticeOf(db, requireNotice(db, id)));
}

function requireNotice(db: Db, id: string): NoticeRow {
  const row = db.select().from(notices).where(and(eq(notices.id, id), eq(notices.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该通知不存在或已删除，请刷新后重试');
  return row;
}

function noticeOf(db: Db, row: NoticeRow, from: string | null = null): Notice {
  return {
    id: row.id,
    version: row.version,
    county: row.regionCode,
    countyName: findRegion(db, row.regionCode)?.name ?? row.regionCode,
    year: row.year,
    seq: row.seq,
    title: row.title,
    body: row.body,
    issuedOn: row.issuedOn,
    issuedByName: row.issuedByName,
    readAt: row.readAt,
    readBy: row.readBy,
    files: listAttachments(db, { kind: NOTICE_FILES, id: row.id }),
    from,
  };
}

/** The prefecture's notices of a year, each county's copy with its read mark as the county reported it. */
export function issuedNotices(db: Db, year: number): Notice[] {
  const installation = requireInstallation(db);
  const counties = countiesOf(db, installation.region.code).map((c) => c.code);
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.year, year), eq(notices.deleted, false), inArray(notices.regionCode, counties)))
    .orderBy(desc(notices.issuedOn), desc(notices.seq), asc(notices.regionCode))
    .all()
    .map((row) => noticeOf(db, row));
}

/** The notices this county received from above, newest first (of one year, or of all). */
export function noticesFromAbove(db: Db, year?: number): Notice[] {
  const { region } = requireInstallation(db);
  const conditions = [eq(notices.regionCode, region.code), eq(notices.deleted, false)];
  if (year !== undefined) conditions.push(eq(notices.year, year));
  const rows = db.select().from(notices).where(and(...conditions)).orderBy(desc(notices.issuedOn), desc(notices.seq)).all();
  const issuers = issuersOf(db, NOTICE_ENTITY, rows.map((r) => r.id));
  return rows.map((row) => {
    const issuer = issuers.get(row.id);
    return noticeOf(db, row, issuer ? (findRegion(db, issuer)?.name ?? issuer) : null);
  });
}

/** How many notices from above this county has not read yet, for its 首页. */
export function unreadNotices(db: Db): number {
  const { region } = requireInstallation(db);
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(notices)
      .where(and(eq(notices.regionCode, region.code), eq(notices.deleted, false), isNull(notices.readAt)))
      .get()?.n ?? 0
  );
}

/** The county marks a notice read; the mark travels up in its next report. */
export function markNoticeRead(db: Db, actor: Actor, input: { id: string; version: number }): Notice {
  const installation = requireInstallation(db);
  const row = requireNotice(db, input.id);
  if (installation.role !== 'county' || row.regionCode !== installation.region.code) throw new AppError('INVALID_INPUT', '只有收到通知的县市可以标记已读');
  if (row.version !== input.version) throw new AppError('CONFLICT', '该通知已在别处更新，请刷新后再标记');
  if (row.readAt) return noticeOf(db, row);
  const readAt = new Date().toISOString();
  db.transaction((tx) => {
    tx.update(notices)
      .set({ readAt, readBy: actor.name, version: row.version + 1, updatedAt: readAt })
      .where(eq(notices.id, row.id))
      .run();
    recordAudit(tx, actor, { entity: NOTICE_ENTITY, naturalKey: noticeKey(row), action: '通知已读', after: { readAt } });
  });
  return noticesFromAbove(db).find((n) => n.id === row.id)!;
}

/** A notice's file, only one kept with a notice. */
export function noticeFile(db: Db, attachmentId: string): FilePayload {
  const owner = attachmentOwner(db, attachmentId);
  if (owner.kind !== NOTICE_FILES) throw new AppError('NOT_FOUND', '该附件不是通知的附件');
  requireNotice(db, owner.id);
  return attachmentFile(db, attachmentId).file;
}
