// 抽查: the bureau draws a share of the year's approved self-evaluations with a recorded seed, rechecks
// them, and records an adjusted score with its reasons beside the unit's own (which stays unchanged).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects, selfEvaluations, selfEvaluationSpotChecks, sqlNow, units } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { adjustedScoreOf, drawSample, gradeOf, shareProblem } from '../domain/selfEvaluation';
import { parseDecimal } from '../domain/ratio';
import { AppError } from '../errors';
import { refuseSelfReview, requireInstallation, requirePermission } from '../registry';
import { scoringRules, scoringSettingsOf, selfEvaluationKey } from './store';

export interface SpotCheckRow {
  id: string;
  drawId: string;
  seed: string;
  share: number;
  drawnAt: string;
  drawnBy: string;
  selfEvaluationId: string;
  projectCode: string;
  projectName: string;
  unitName: string;
  unitScore: string | null;
  unitGrade: string | null;
  adjustedScore: string | null;
  adjustedGrade: string | null;
  reasons: string;
  recheckedBy: string | null;
  recheckedAt: string | null;
}

export function listSpotChecks(db: Db, year: number): SpotCheckRow[] {
  const { region } = requireInstallation(db);
  return db
    .select({
      id: selfEvaluationSpotChecks.id,
      drawId: selfEvaluationSpotChecks.drawId,
      seed: selfEvaluationSpotChecks.seed,
      share: selfEvaluationSpotChecks.share,
      drawnAt: selfEvaluationSpotChecks.drawnAt,
      drawnBy: selfEvaluationSpotChecks.drawnBy,
      selfEvaluationId: selfEvaluationSpotChecks.selfEvaluationId,
      projectCode: selfEvaluations.projectCode,
      // A department-wide table is drawn like a project's and named as the form names it.
      projectName: sql<string>`coalesce(${projects.name}, '部门整体支出')`,
      unitName: sql<string>`coalesce(${units.name}, ${projects.unitCode}, ${selfEvaluations.unitCode})`,
      unitScore: selfEvaluationSpotChecks.unitScore,
      unitGrade: selfEvaluations.grade,
      adjustedScore: selfEvaluationSpotChecks.adjustedScore,
      adjustedGrade: selfEvaluationSpotChecks.adjustedGrade,
      reasons: selfEvaluationSpotChecks.reasons,
      recheckedBy: selfEvaluationSpotChecks.recheckedBy,
      recheckedAt: selfEvaluationSpotChecks.recheckedAt,
    })
    .from(selfEvaluationSpotChecks)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, selfEvaluationSpotChecks.selfEvaluationId))
    .leftJoin(projects, eq(projects.id, selfEvaluations.projectId))
    .leftJoin(units, and(eq(units.regionCode, selfEvaluations.regionCode), eq(units.code, sql`coalesce(${projects.unitCode}, ${selfEvaluations.unitCode})`)))
    .where(and(eq(selfEvaluationSpotChecks.regionCode, region.code), eq(selfEvaluationSpotChecks.year, year)))
    .orderBy(asc(selfEvaluationSpotChecks.drawnAt), asc(selfEvaluations.projectCode))
    .all();
}

export interface DrawInput {
  year: number;
  /** Percent of the approved tables not drawn before. */
  share: number;
  /** Given to redo a draw elsewhere; otherwise one is made and recorded. */
  seed?: string | null;
}

/** Draws from the year's approved self-evaluations of both kinds that no earlier draw took, in code order. */
export function drawSpotCheck(db: Db, actor: Actor, input: DrawInput): SpotCheckRow[] {
  requirePermission(db, actor, 'review');
  const problem = shareProblem(input.share);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const { region } = requireInstallation(db);
  const seed = input.seed?.trim() || randomUUID().slice(0, 8);
  const drawId = randomUUID();
  db.transaction((tx) => {
    const drawnBefore = tx.select({ id: selfEvaluationSpotChecks.selfEvaluationId }).from(selfEvaluationSpotChecks).where(eq(selfEvaluationSpotChecks.year, input.year));
    const candidates = tx
      .select({ id: selfEvaluations.id, projectCode: selfEvaluations.projectCode, totalScore: selfEvaluations.totalScore })
      .from(selfEvaluations)
      .where(and(eq(selfEvaluations.regionCode, region.code), eq(selfEvaluations.year, input.year), eq(selfEvaluations.status, 'approved'), eq(selfEvaluations.deleted, false), notInArray(selfEvaluations.id, drawnBefore)))
      // Both kinds are drawn; a unit code equal to a project code still orders the same way every time.
      .orderBy(asc(selfEvaluations.projectCode), asc(selfEvaluations.kind))
      .all();
    if (candidates.length === 0) throw new AppError('INVALID_INPUT', `${input.year} 年没有可抽查的自评表：自评表审核通过后才能抽查，已抽查过的不再重复抽取`);
    const drawn = drawSample(candidates, input.share, seed);
    for (const table of drawn) {
      tx.insert(selfEvaluationSpotChecks)
        .values({ id: randomUUID(), drawId, regionCode: region.code, year: input.year, seed, share: input.share, selfEvaluationId: table.id, drawnBy: actor.name, unitScore: table.totalScore })
        .run();
    }
    recordAudit(tx, actor, {
      entity: 'self-evaluation-spot-check',
      naturalKey: `${region.code}/${input.year}`,
      action: '抽查自评表',
      after: { seed, share: input.share, candidates: candidates.length, drawn: drawn.map((t) => t.projectCode) },
    });
  });
  return listSpotChecks(db, input.year);
}

export interface RecheckInput {
  id: string;
  adjustedScore: string;
  reasons: string;
}

/** The bureau's score after rechecking a drawn table, with reasons; the unit's table stays as approved. */
export function recheckSpotCheck(db: Db, actor: Actor, input: RecheckInput): SpotCheckRow {
  requirePermission(db, actor, 'review');
  const read = adjustedScoreOf(input.adjustedScore);
  if ('problem' in read) throw new AppError('INVALID_INPUT', read.problem);
  if (input.reasons.trim() === '') throw new AppError('INVALID_INPUT', '请写明调整得分的理由');
  const check = db.select().from(selfEvaluationSpotChecks).where(eq(selfEvaluationSpotChecks.id, input.id)).get();
  if (!check) throw new AppError('NOT_FOUND', '该抽查记录不存在，请刷新后重试');
  const table = db.select().from(selfEvaluations).where(eq(selfEvaluations.id, check.selfEvaluationId)).get()!;
  const adjustedScore = read.score;
  const adjustedGrade = gradeOf(parseDecimal(adjustedScore)!, scoringSettingsOf(scoringRules(db)));
  db.transaction((tx) => {
    // The unit's own submitter does not recheck their own table.
    refuseSelfReview(tx, actor, table.submittedBy, { entity: 'self-evaluation', naturalKey: selfEvaluationKey(table) });
    tx.update(selfEvaluationSpotChecks)
      .set({ adjustedScore, adjustedGrade, reasons: input.reasons.trim(), recheckedBy: actor.name, recheckedAt: sqlNow })
      .where(eq(selfEvaluationSpotChecks.id, input.id))
      .run();
    recordAudit(tx, actor, {
      entity: 'self-evaluation',
      naturalKey: selfEvaluationKey(table),
      action: '抽查复核自评表',
      before: { score: check.adjustedScore ?? check.unitScore },
      after: { score: adjustedScore, grade: adjustedGrade },
      opinion: input.reasons.trim(),
    });
  });
  return listSpotChecks(db, check.year).find((row) => row.id === input.id)!;
}
