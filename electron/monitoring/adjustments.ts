// 目标调整 from a red or yellow project of a round (§5): the target in force as the form starts from it,
// and the proposal, made through the targets workflow's own service.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import type { TargetIndicator } from '../domain/targets';
import { AppError } from '../errors';
import { proposeAdjustment, readContent, requireTarget, type Adjustment } from '../targets';
import { requireRound, requireSheet, requireWarning } from './store';

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
