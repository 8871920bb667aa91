// The evaluations' part of a project's whole cycle (全过程): its 部门评价 and 财政评价, each with its grade.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { evaluations } from '../../db/schema';
import { EVALUATION_KIND_LABELS } from '../domain/evaluation/evaluation';
import { dayOf, reviewStatus, type CycleSource, type CycleStep } from '../projects';

function evaluationSteps(db: Db, projectId: string): CycleStep[] {
  return db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.projectId, projectId), eq(evaluations.deleted, false)))
    .orderBy(asc(evaluations.createdAt))
    .all()
    .map((row) => ({
      date: dayOf(row.decidedAt ?? row.submittedAt ?? row.createdAt),
      title: `${row.year}年${EVALUATION_KIND_LABELS[row.kind]}`,
      detail: row.totalScore ? `得分 ${row.totalScore}${row.grade ? ` · 等级 ${row.grade}` : ''}` : '尚未评分',
      ...reviewStatus(row.status),
      route: ['evaluation', 'edit', row.id],
    }));
}

export const evaluationCycle: CycleSource = { stage: '绩效评价', empty: '未列入部门评价或财政评价', steps: evaluationSteps };
