// Self-evaluation's part of a project's whole cycle (全过程): its 项目支出绩效自评表 with the total and grade.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { selfEvaluations } from '../../db/schema';
import { dayOf, reviewStatus, type CycleSource, type CycleStep } from '../projects';

function selfEvaluationSteps(db: Db, projectId: string): CycleStep[] {
  return db
    .select()
    .from(selfEvaluations)
    .where(and(eq(selfEvaluations.projectId, projectId), eq(selfEvaluations.kind, 'project'), eq(selfEvaluations.deleted, false)))
    .orderBy(asc(selfEvaluations.createdAt))
    .all()
    .map((row) => ({
      date: dayOf(row.decidedAt ?? row.submittedAt ?? row.createdAt),
      title: `${row.year}年项目支出绩效自评表`,
      detail: row.totalScore ? `自评得分 ${row.totalScore}${row.grade ? ` · 等级 ${row.grade}` : ''}` : '尚未评分',
      ...reviewStatus(row.status),
      route: ['selfEvaluation', 'edit', row.id],
    }));
}

export const selfEvaluationCycle: CycleSource = { stage: '绩效自评', empty: '尚未开展自评', steps: selfEvaluationSteps };
