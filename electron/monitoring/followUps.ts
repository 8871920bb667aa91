// What the bureau starts from a red or yellow project after a round (§5): a rectification notice (§8;
// opened as 待下达 and issued here, the rest of its flow belongs to the rectification work) or a target
// adjustment, proposed through the targets workflow's own service.
import { randomUUID } from 'node:crypto';
import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { rectifications, sqlNow } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { isIsoDate } from '../domain/projects';
import { RECTIFICATION_LABELS, rectificationOpen, type RectificationStatus } from '../domain/rectification';
import { AppError } from '../errors';
import { proposeAdjustment, type Adjustment, readContent, requireTarget } from '../targets';
import type { TargetIndicator } from '../domain/targets';
import { assessRecord, figuresOf, requireRound, requireSheet, roundRuleSettings, type SheetRecord } from './store';

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

const rectificationKey = (row: { regionCode: string; year: number; seq: number }) => `${row.regionCode}/${row.year}/${row.seq}`;

/** Only a project with a red or yellow light is followed up from a round. */
function requireWarning(db: Db, record: SheetRecord): void {
  const round = requireRound(db, record.roundId);
  const { attention } = figuresOf(record, assessRecord(record, roundRuleSettings(db, round)));
  if (attention !== 'red' && attention !== 'yellow') {
    throw new AppError('INVALID_INPUT', `“${record.project.name}”在本轮没有红灯或黄灯，无需整改或调整目标`);
  }
}

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

export interface RectificationInput {
  sheetId: string;
  problems: string;
  requirements: string;
  deadline: string;
}

/** Opens a 整改通知 (待下达) for the unit of a red or yellow project; one open notice per sheet. */
export function openRectification(db: Db, actor: Actor, input: RectificationInput): Rectification {
  const problems = input.problems.trim();
  if (problems === '') throw new AppError('INVALID_INPUT', '请填写发现的问题');
  if (!isIsoDate(input.deadline)) throw new AppError('INVALID_INPUT', '整改期限应为“2020-09-30”这样的日期');
  return db.transaction((tx) => {
    const record = requireSheet(tx, input.sheetId);
    requireWarning(tx, record);
    const round = requireRound(tx, record.roundId);
    const open = tx
      .select({ seq: rectifications.seq, status: rectifications.status })
      .from(rectifications)
      .where(and(eq(rectifications.source, 'monitoring'), eq(rectifications.sourceId, record.id), eq(rectifications.deleted, false)))
      .all()
      .find((r) => rectificationOpen(r.status));
    if (open) throw new AppError('CONFLICT', `本轮已对“${record.project.name}”下发第 ${open.seq} 号整改通知（${RECTIFICATION_LABELS[open.status]}），无需重复`);
    const seq =
      (tx
        .select({ n: max(rectifications.seq) })
        .from(rectifications)
        .where(and(eq(rectifications.regionCode, round.regionCode), eq(rectifications.year, round.year)))
        .get()?.n ?? 0) + 1;
    const id = randomUUID();
    tx.insert(rectifications)
      .values({
        id,
        regionCode: round.regionCode,
        year: round.year,
        seq,
        source: 'monitoring',
        sourceId: record.id,
        projectId: record.project.id,
        unitCode: record.project.unitCode,
        problems,
        requirements: input.requirements.trim(),
        deadline: input.deadline,
      })
      .run();
    const created = toRectification(requireRectification(tx, id));
    recordAudit(tx, actor, {
      entity: 'rectification',
      naturalKey: rectificationKey({ regionCode: round.regionCode, year: round.year, seq }),
      action: '拟定整改通知',
      after: { ...created, round: round.title, project: record.project.code },
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

/** The target in force for a sheet's project, for the adjustment form. */
export interface AdjustmentDraft {
  targetId: string;
  targetVersion: number;
  indicators: TargetIndicator[];
}

export function adjustmentDraft(db: Db, sheetId: string): AdjustmentDraft {
  const record = requireSheet(db, sheetId);
  if (!record.project.targetId) throw new AppError('NOT_FOUND', `“${record.project.name}”没有绩效目标`);
  const target = requireTarget(db, record.project.targetId);
  return { targetId: target.id, targetVersion: target.version, indicators: readContent(db, target).indicators };
}

export interface SheetAdjustmentInput {
  sheetId: string;
  targetVersion: number;
  reason: string;
  /** New 指标值 by row of the target in force (see adjustmentDraft); rows not given keep theirs. */
  values: readonly { row: number; value: string }[];
}

/**
 * Proposes a 目标调整 for a red or yellow project, through the targets workflow (which keeps the
 * original, checks the proposal and sends it to review). Only the indicator values change here.
 */
export function proposeAdjustmentFromSheet(db: Db, actor: Actor, input: SheetAdjustmentInput): Adjustment {
  if (input.reason.trim() === '') throw new AppError('INVALID_INPUT', '请填写调整原因');
  const record = requireSheet(db, input.sheetId);
  requireWarning(db, record);
  if (!record.project.targetId) throw new AppError('NOT_FOUND', `“${record.project.name}”没有绩效目标`);
  const content = readContent(db, requireTarget(db, record.project.targetId));
  const values = new Map(input.values.map((v) => [v.row, v.value.trim()]));
  const round = requireRound(db, record.roundId);
  return proposeAdjustment(db, actor, {
    targetId: record.project.targetId,
    targetVersion: input.targetVersion,
    reason: `${round.title}：${input.reason.trim()}`,
    proposed: { ...content, indicators: content.indicators.map((indicator, row) => ({ ...indicator, value: values.get(row) ?? indicator.value })) },
  });
}
