// Rectification's part of a project's whole cycle (全过程): each 整改通知 opened on the project, with its
// source, deadline and where it stands (overdue as the notice lists count it).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { rectifications } from '../../db/schema';
import { localDate } from '../domain/clock';
import { DEADLINE_LABELS } from '../domain/monitoring';
import { noticeDaysOverdue, noticeDeadlineState, noticeNumber, RECTIFICATION_LABELS, RECTIFICATION_SOURCE_LABELS } from '../domain/rectification';
import { dayOf, type CycleSource, type CycleStep } from '../projects';
import { settingValue } from '../settings';

function noticeSteps(db: Db, projectId: string, today = localDate()): CycleStep[] {
  const dueSoonDays = settingValue<number>(db, 'rectification.dueSoonDays');
  return db
    .select()
    .from(rectifications)
    .where(and(eq(rectifications.projectId, projectId), eq(rectifications.deleted, false)))
    .orderBy(asc(rectifications.seq))
    .all()
    .map((row) => {
      const state = noticeDeadlineState(row.status, row.deadline, today, dueSoonDays);
      const overdue = noticeDaysOverdue(row.status, row.deadline, today);
      const returns = row.returnCount > 0 ? ` · 退回 ${row.returnCount} 次` : '';
      return {
        date: dayOf(row.issuedAt ?? row.createdAt),
        title: `整改通知 ${noticeNumber(row.year, row.seq)}`,
        detail: `来源：${RECTIFICATION_SOURCE_LABELS[row.source]}${row.sourceLabel ? `（${row.sourceLabel}）` : ''} · 整改期限 ${row.deadline}${overdue > 0 ? ` · 已逾期 ${overdue} 天` : ''}${returns}`,
        status: state === 'done' || state === 'open' ? RECTIFICATION_LABELS[row.status] : `${RECTIFICATION_LABELS[row.status]} · ${DEADLINE_LABELS[state]}`,
        tone: state === 'done' ? 'done' : state === 'overdue' || row.status === 'returned' ? 'attention' : 'pending',
        route: ['rectification', 'notice', row.id],
      };
    });
}

export const rectificationCycle: CycleSource = { stage: '整改问责', empty: '没有整改通知', steps: (db, projectId) => noticeSteps(db, projectId) };
