// 整改通知 (domain.md §8): the notices the bureau sends a unit, numbered per region and year, whatever
// opened them, and their way along the chain 财政局 → 主管部门 → 实施单位 and back. Each workflow that
// finds problems opens notices through NoticeSource (monitoring/rectification.ts, selfEvaluation/…); every
// move is the domain's noticeMove, checked for the person by noticeActorProblem.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { rectificationRounds, rectifications, sqlNow } from '../../db/schema';
import { moveAttachments } from '../attachments';
import { recordAudit, type Actor } from '../audit/audit';
import { localDate } from '../domain/clock';
import {
  currentNoticeState,
  deadlineProblem,
  feedbackEntry,
  NOTICE_ACTION_LABELS,
  noticeActorProblem,
  noticeMove,
  noticeNumber,
  RECTIFICATION_LABELS,
  rectificationOpen,
  type NoticeAction,
  type NoticeHolder,
  type NoticeState,
  type RectificationSource,
  type RectificationStatus,
} from '../domain/rectification';
import { AppError } from '../errors';
import { departmentStepOn, requireInstallation, reviewerOf, unitDepartment } from '../registry';
import { settingValue } from '../settings';

export interface Rectification {
  id: string;
  version: number;
  regionCode: string;
  year: number;
  seq: number;
  /** 〔2020〕3号 */
  number: string;
  status: RectificationStatus;
  holder: NoticeHolder | null;
  source: RectificationSource;
  sourceId: string | null;
  sourceLabel: string;
  projectId: string | null;
  unitCode: string;
  departmentCode: string | null;
  problems: string;
  requirements: string;
  departmentRequirements: string;
  deadline: string;
  issuedByName: string | null;
  issuedAt: string | null;
  returnCount: number;
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
  /** How lists and the printed notice name the record, e.g. 2020年8月监控 · LT-001 校舍维修. */
  label: string;
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

export const rectificationKey = (row: { regionCode: string; year: number; seq: number }) => `${row.regionCode}/${row.year}/${row.seq}`;

export function requireRectification(db: Db, id: string) {
  const row = db.select().from(rectifications).where(and(eq(rectifications.id, id), eq(rectifications.deleted, false))).get();
  if (!row) throw new AppError('NOT_FOUND', '该整改通知不存在或已删除，请刷新后重试');
  return row;
}
export type RectificationRow = ReturnType<typeof requireRectification>;

export const toRectification = (row: RectificationRow): Rectification => ({
  id: row.id,
  version: row.version,
  regionCode: row.regionCode,
  year: row.year,
  seq: row.seq,
  number: noticeNumber(row.year, row.seq),
  status: row.status,
  holder: row.holder,
  source: row.source,
  sourceId: row.sourceId,
  sourceLabel: row.sourceLabel,
  projectId: row.projectId,
  unitCode: row.unitCode,
  departmentCode: row.departmentCode,
  problems: row.problems,
  requirements: row.requirements,
  departmentRequirements: row.departmentRequirements,
  deadline: row.deadline,
  issuedByName: row.issuedByName,
  issuedAt: row.issuedAt,
  returnCount: row.returnCount,
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
        sourceLabel: from.label,
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

/** The latest round of feedback on a notice, or undefined before the unit answered. */
export const latestRound = (db: Db, id: string) =>
  db.select().from(rectificationRounds).where(eq(rectificationRounds.rectificationId, id)).orderBy(desc(rectificationRounds.round)).get();

/** The notice's state as the chain reads it now (the setting 主管部门审核 may have changed since it was issued). */
export const noticeState = (db: Db, row: RectificationRow): NoticeState =>
  currentNoticeState({ status: row.status, holder: row.holder, department: row.departmentCode }, departmentStepOn(db));

/** Whether feedback written here is the unit's own or entered for it (代录), or why it cannot be written here. */
export function noticeFeedbackEntry(db: Db, row: RectificationRow) {
  const { role, unit } = requireInstallation(db);
  return feedbackEntry({ role, unitCode: unit?.code ?? null }, row.unitCode);
}

/** Who may act now, as the domain says; the feedback's author is the latest round's, and only who may answer for the unit answers. */
export function actorProblem(db: Db, actor: Actor, row: RectificationRow, action: NoticeAction): string | null {
  if (action === 'answer') {
    const entry = noticeFeedbackEntry(db, row);
    if (!entry.ok) return entry.message;
  }
  const reviewer = { ...reviewerOf(db, actor), id: actor.id };
  const parties = { issuedBy: row.issuedBy, answeredBy: latestRound(db, row.id)?.answeredBy ?? null };
  return noticeActorProblem(noticeState(db, row), action, reviewer, parties, settingValue<string>(db, 'review.selfReview') === 'allow');
}

/** A notice fetched for a move: current version, a legal move, a person allowed to make it. */
function movable(db: Db, actor: Actor, input: { id: string; version: number }, action: NoticeAction, opinion?: string | null) {
  const before = requireRectification(db, input.id);
  if (before.version !== input.version) throw new AppError('CONFLICT', '该整改通知已被他人修改，请刷新后重试');
  const move = noticeMove(noticeState(db, before), action, opinion);
  if (!move.ok) throw new AppError(move.message.startsWith('退回时') ? 'INVALID_INPUT' : 'CONFLICT', move.message);
  const problem = actorProblem(db, actor, before, action);
  if (problem) throw new AppError('FORBIDDEN', problem);
  return { before, move };
}

const bump = { version: sql`${rectifications.version} + 1`, updatedAt: sqlNow };

function logged(db: Db, actor: Actor, before: RectificationRow, action: NoticeAction, opinion: string | null, after: Record<string, unknown>): Rectification {
  recordAudit(db, actor, {
    entity: 'rectification',
    naturalKey: rectificationKey(before),
    action: `${NOTICE_ACTION_LABELS[action]}整改通知`,
    opinion,
    before: { status: before.status, holder: before.holder },
    after,
  });
  return toRectification(requireRectification(db, before.id));
}

/**
 * 待下达 → 已下达: to the unit's 主管部门 when 主管部门审核 is on and the unit has one, else to the unit.
 */
export function issueRectification(db: Db, actor: Actor, input: { id: string; version: number }): Rectification {
  return db.transaction((tx) => {
    const row = requireRectification(tx, input.id);
    const department = departmentStepOn(tx) ? unitDepartment(tx, row.regionCode, row.unitCode) : null;
    // The department is fixed when the notice leaves the bureau: the way down is the way back up.
    tx.update(rectifications).set({ departmentCode: department }).where(eq(rectifications.id, row.id)).run();
    const { before, move } = movable(tx, actor, input, 'issue');
    tx.update(rectifications)
      .set({ ...bump, status: move.status, holder: move.holder, issuedBy: actor.id, issuedByName: actor.name, issuedAt: sqlNow })
      .where(eq(rectifications.id, before.id))
      .run();
    return logged(tx, actor, before, 'issue', null, { status: move.status, holder: move.holder, department });
  });
}

/**
 * The 主管部门 passes the notice on to its unit with its own requirements, or, once the unit answered,
 * forwards the feedback to the bureau (with a note when it has one).
 */
export function forwardRectification(db: Db, actor: Actor, input: { id: string; version: number; note: string }): Rectification {
  return db.transaction((tx) => {
    const { before, move } = movable(tx, actor, input, 'forward');
    const note = input.note.trim();
    if (before.status === 'issued') {
      tx.update(rectifications).set({ ...bump, holder: move.holder, departmentRequirements: note }).where(eq(rectifications.id, before.id)).run();
    } else {
      tx.update(rectifications).set({ ...bump, holder: move.holder }).where(eq(rectifications.id, before.id)).run();
      const round = latestRound(tx, before.id)!;
      tx.update(rectificationRounds)
        .set({ departmentDecision: 'forward', departmentOpinion: note || null, departmentByName: actor.name, departmentAt: sqlNow })
        .where(eq(rectificationRounds.id, round.id))
        .run();
    }
    return logged(tx, actor, before, 'forward', note || null, { holder: move.holder });
  });
}

/** Where a unit's feedback draft keeps its files until it is submitted as a round. */
export const draftOwner = (id: string) => ({ kind: 'rectification.draft', id });
export const roundOwner = (roundId: string) => ({ kind: 'rectification.feedback', id: roundId });

/** The unit files its feedback: a new round, with the draft's files; a returned notice is answered again. */
export function answerRectification(db: Db, actor: Actor, input: { id: string; version: number; feedback: string }): Rectification {
  const feedback = input.feedback.trim();
  if (feedback === '') throw new AppError('INVALID_INPUT', '请填写整改情况（做了什么、结果如何），附件可作为佐证');
  return db.transaction((tx) => {
    const { before, move } = movable(tx, actor, input, 'answer');
    const round = (latestRound(tx, before.id)?.round ?? 0) + 1;
    const roundId = randomUUID();
    const entry = noticeFeedbackEntry(tx, before);
    const onBehalf = entry.ok && entry.onBehalf;
    tx.insert(rectificationRounds).values({ id: roundId, rectificationId: before.id, round, feedback, answeredBy: actor.id, answeredByName: actor.name, onBehalf }).run();
    const files = moveAttachments(tx, draftOwner(before.id), roundOwner(roundId));
    tx.update(rectifications).set({ ...bump, status: move.status, holder: move.holder, feedback }).where(eq(rectifications.id, before.id)).run();
    return logged(tx, actor, before, 'answer', onBehalf ? '财政局代录' : null, { status: move.status, holder: move.holder, round, files, onBehalf });
  });
}

/**
 * The verdict on the latest feedback: the 主管部门 looks first and may return it to the unit; the bureau
 * passes it (通过) or returns it. A return needs an opinion and sends the notice back to the unit.
 */
export function decideRectification(db: Db, actor: Actor, input: { id: string; version: number; action: 'approve' | 'return'; opinion: string }): Rectification {
  return db.transaction((tx) => {
    const opinion = input.opinion.trim() || null;
    const { before, move } = movable(tx, actor, input, input.action, opinion);
    const round = latestRound(tx, before.id)!;
    const returned = input.action === 'return';
    if (noticeState(tx, before).holder === 'department') {
      tx.update(rectificationRounds).set({ departmentDecision: 'return', departmentOpinion: opinion, departmentByName: actor.name, departmentAt: sqlNow }).where(eq(rectificationRounds.id, round.id)).run();
    } else {
      tx.update(rectificationRounds).set({ verdict: input.action, verdictOpinion: opinion, verdictByName: actor.name, verdictAt: sqlNow }).where(eq(rectificationRounds.id, round.id)).run();
    }
    tx.update(rectifications)
      .set({ ...bump, status: move.status, holder: move.holder, verdictOpinion: opinion, returnCount: returned ? sql`${rectifications.returnCount} + 1` : before.returnCount })
      .where(eq(rectifications.id, before.id))
      .run();
    return logged(tx, actor, before, input.action, opinion, { status: move.status, holder: move.holder, round: round.round });
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

/** A notice still open on a project, as another workflow lists it beside the project. */
export interface OpenNotice extends NoticeRef {
  number: string;
  deadline: string;
}

/** The project's notices not yet passed (整改未通过), by number: e.g. the 衔接资金 loop's self-evaluation stage. */
export function openNoticesOfProject(db: Db, projectId: string): OpenNotice[] {
  return db
    .select({ id: rectifications.id, year: rectifications.year, seq: rectifications.seq, status: rectifications.status, deadline: rectifications.deadline })
    .from(rectifications)
    .where(and(eq(rectifications.projectId, projectId), eq(rectifications.deleted, false), sql`${rectifications.status} != 'passed'`))
    .orderBy(rectifications.year, rectifications.seq)
    .all()
    .map(({ year, ...n }) => ({ ...n, number: noticeNumber(year, n.seq) }));
}
