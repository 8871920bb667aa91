// A 整改通知 from 绩效自评 (§6 → §8): an approved self-evaluation whose problems need rectifying, or a
// spot check whose recheck lowered the unit's score. This workflow finds and checks the record; the
// rectification workflow numbers, keeps and issues the notice.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, selfEvaluations, selfEvaluationSpotChecks } from '../../db/schema';
import type { Actor } from '../audit/audit';
import { spotCheckLowered } from '../domain/rectification';
import { AppError } from '../errors';
import { openRectification, type NoticeText, type Rectification } from '../rectification';

function approvedTable(db: Db, id: string) {
  const table = db
    .select({ id: selfEvaluations.id, regionCode: selfEvaluations.regionCode, year: selfEvaluations.year, status: selfEvaluations.status, projectCode: selfEvaluations.projectCode, projectId: selfEvaluations.projectId, unitCode: selfEvaluations.unitCode, name: sql<string>`coalesce(${projects.name}, '部门整体支出')` })
    .from(selfEvaluations)
    .leftJoin(projects, eq(projects.id, selfEvaluations.projectId))
    .where(and(eq(selfEvaluations.id, id), eq(selfEvaluations.deleted, false)))
    .get();
  if (!table) throw new AppError('NOT_FOUND', '该自评表不存在或已删除，请刷新后重试');
  if (table.status !== 'approved') throw new AppError('CONFLICT', `“${table.name}”的自评表尚未审核通过：审核通过后才能据此下发整改通知`);
  return table;
}

/** Opens a notice (待下达) on an approved self-evaluation; one open notice per table. */
export function openSelfEvaluationRectification(db: Db, actor: Actor, input: NoticeText & { selfEvaluationId: string }): Rectification {
  return openRectification(db, actor, input, (tx) => {
    const table = approvedTable(tx, input.selfEvaluationId);
    return {
      source: 'self-evaluation',
      sourceId: table.id,
      label: `${table.year}年度自评 · ${table.projectCode} ${table.name}`,
      regionCode: table.regionCode,
      year: table.year,
      projectId: table.projectId,
      unitCode: table.unitCode,
      subject: table.name,
      occasion: '该自评表',
      audit: { project: table.projectCode },
    };
  });
}

/** Opens a notice on a spot check whose recheck scored the table lower than the unit did. */
export function openSpotCheckRectification(db: Db, actor: Actor, input: NoticeText & { spotCheckId: string }): Rectification {
  return openRectification(db, actor, input, (tx) => {
    const check = tx.select().from(selfEvaluationSpotChecks).where(eq(selfEvaluationSpotChecks.id, input.spotCheckId)).get();
    if (!check) throw new AppError('NOT_FOUND', '该抽查记录不存在，请刷新后重试');
    const table = approvedTable(tx, check.selfEvaluationId);
    if (!spotCheckLowered(check.unitScore, check.adjustedScore)) {
      throw new AppError('CONFLICT', `“${table.name}”的抽查复核得分未低于单位自评得分：复核调低得分后才能据此下发整改通知`);
    }
    return {
      source: 'spot-check',
      sourceId: check.id,
      label: `${table.year}年度自评抽查 · ${table.projectCode} ${table.name}（自评 ${check.unitScore} 分，复核 ${check.adjustedScore} 分）`,
      regionCode: table.regionCode,
      year: table.year,
      projectId: table.projectId,
      unitCode: table.unitCode,
      subject: table.name,
      occasion: '该抽查',
      audit: { project: table.projectCode, unitScore: check.unitScore, adjustedScore: check.adjustedScore },
    };
  });
}
