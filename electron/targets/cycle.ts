// The targets' part of a project's whole cycle (全过程): its 绩效目标申报表 and each 目标调整.
import type { Db } from '../../db/open';
import { dayOf, reviewStatus, type CycleSource, type CycleStep } from '../projects';
import { listAdjustments } from './adjustments';
import { projectTargetRow } from './targets';

const reviewDates = (row: { submittedAt: string | null; decidedAt: string | null }, decided: string) =>
  [row.submittedAt && `${dayOf(row.submittedAt)} 送审`, row.decidedAt && `${dayOf(row.decidedAt)} ${decided}`].filter(Boolean).join(' · ');

function targetSteps(db: Db, projectId: string): CycleStep[] {
  const target = projectTargetRow(db, projectId);
  if (!target) return [];
  const route = ['targets', 'project', projectId];
  const grade = target.reviewGrade ? ` · 审核等级 ${target.reviewGrade}` : '';
  const declared: CycleStep = {
    date: dayOf(target.decidedAt ?? target.submittedAt),
    title: '绩效目标申报表',
    detail: (reviewDates(target, target.status === 'returned' ? '退回' : '批复') || '尚未送审') + grade,
    ...reviewStatus(target.status),
    route,
  };
  const adjustments = listAdjustments(db, target.id).map(
    (a): CycleStep => ({
      date: dayOf(a.decidedAt ?? a.createdAt),
      title: `第 ${a.seq} 次目标调整`,
      detail: `${dayOf(a.createdAt)} 提出：${a.reason}`,
      ...reviewStatus(a.status),
      route,
    }),
  );
  return [declared, ...adjustments];
}

export const targetsCycle: CycleSource = { stage: '绩效目标', empty: '尚未填报绩效目标', steps: targetSteps };
