// 结果应用's part of a project's whole cycle (全过程): the line of next year's 预算调整建议清单 its grade gave,
// with the budget section's decision on it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { resultLists, resultProposals } from '../../db/schema';
import { formatWanYuan } from '../domain/money';
import { BASE_LABELS, DECISION_LABELS, GRADE_SOURCE_LABELS, type Decision } from '../domain/results';
import { dayOf, type CycleSource, type CycleStep, type CycleTone } from '../projects';

const DECISION_TONES: Record<Decision, CycleTone> = { adopted: 'done', partly: 'done', rejected: 'attention' };

function proposalSteps(db: Db, projectId: string): CycleStep[] {
  return db
    .select({ line: resultProposals, list: resultLists })
    .from(resultProposals)
    .innerJoin(resultLists, eq(resultLists.id, resultProposals.listId))
    .where(and(eq(resultProposals.projectId, projectId), eq(resultLists.deleted, false)))
    .all()
    .map(({ line, list }) => {
      const proposal = `${GRADE_SOURCE_LABELS[line.gradeSource]}等级 ${line.grade} → ${line.measureLabel}：建议安排 ${formatWanYuan(line.proposedFen)} 万元（${BASE_LABELS[line.baseKind]} ${formatWanYuan(line.baseFen)} 万元）`;
      const recover = line.recoverFen > 0 ? `，收回结转结余 ${formatWanYuan(line.recoverFen)} 万元` : '';
      const decided = line.decision && line.decidedFen !== null ? `；预算科${DECISION_LABELS[line.decision]}，安排 ${formatWanYuan(line.decidedFen)} 万元` : '';
      return {
        date: dayOf(line.decidedAt ?? list.generatedAt),
        title: `${list.year + 1}年预算调整建议`,
        detail: proposal + recover + decided,
        status: line.decision ? DECISION_LABELS[line.decision] : '待预算科决定',
        tone: line.decision ? DECISION_TONES[line.decision] : 'pending',
        route: ['results', String(list.year)],
      };
    });
}

export const resultsCycle: CycleSource = { stage: '结果应用', empty: '尚未生成预算调整建议', steps: proposalSteps };
