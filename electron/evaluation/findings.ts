// 整改通知 from an evaluation's findings (§6 → §8): on an approved 部门评价 or 财政评价, the bureau opens a
// notice through the rectification workflow's NoticeSource, naming the evaluation. As for the other
// sources, an evaluation has one open notice at a time.
import type { Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { EVALUATION_KIND_LABELS } from '../domain/evaluation';
import { AppError } from '../errors';
import { requirePermission } from '../registry';
import { openRectification, type NoticeText, type Rectification } from '../rectification';
import { getEvaluation, requireRow } from './evaluations';

export function openEvaluationRectification(db: Db, actor: Actor, input: NoticeText & { evaluationId: string }): Rectification {
  requirePermission(db, actor, 'review');
  return openRectification(db, actor, input, (tx) => {
    const detail = getEvaluation(tx, input.evaluationId, actor);
    const row = requireRow(tx, detail.id);
    if (detail.status !== 'approved') throw new AppError('CONFLICT', `“${detail.subjectName}”的${EVALUATION_KIND_LABELS[detail.kind]}尚未审核通过：审核通过后才能据此下达整改通知`);
    if (detail.findings.length === 0) throw new AppError('CONFLICT', `“${detail.subjectName}”的${EVALUATION_KIND_LABELS[detail.kind]}没有记录发现的问题，无需整改`);
    return {
      source: detail.kind,
      sourceId: detail.id,
      label: `${detail.year}年度${EVALUATION_KIND_LABELS[detail.kind]} · ${detail.subjectCode} ${detail.subjectName}（${detail.totalScore ?? '—'} 分，${detail.grade ?? '—'}）`,
      regionCode: row.regionCode,
      year: detail.year,
      projectId: row.projectId,
      unitCode: detail.unitCode,
      subject: detail.subjectName,
      occasion: `该${EVALUATION_KIND_LABELS[detail.kind]}`,
      audit: { evaluation: detail.id, subject: detail.subjectCode, grade: detail.grade },
    };
  });
}
