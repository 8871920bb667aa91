// 衔接资金's part of a project's whole cycle (全过程): the spending progress against the time progress,
// then each payment, for a project carrying the fund flag.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects } from '../../db/schema';
import { localDate } from '../domain/clock';
import { behindTimeProgress, fundTimeProgress, spendingProgress } from '../domain/funds';
import { formatWanYuan } from '../domain/money';
import type { TimeProgressMethod } from '../domain/monitoring';
import { percent } from '../domain/ratio';
import { type CycleSource, type CycleStep } from '../projects';
import { settingValue } from '../settings';
import { listPayments, projectTotals } from './records';

function progressStep(db: Db, project: { id: string; year: number }, lastPaidOn: string | null, today: string): CycleStep {
  const { allocatedFen, paidFen } = projectTotals(db, project.id);
  const progress = spendingProgress(paidFen, allocatedFen);
  const time = fundTimeProgress(project.year, today, settingValue<TimeProgressMethod>(db, 'monitoring.timeProgress'));
  const behind = behindTimeProgress(progress, time);
  const figures = progress.zeroAllocation
    ? '尚未分配资金'
    : `已分配 ${formatWanYuan(allocatedFen)} 万元，已支付 ${formatWanYuan(paidFen)} 万元，支出进度 ${percent(progress.rate)}%（序时进度 ${percent(time)}%）`;
  return {
    date: lastPaidOn,
    title: '衔接资金支出进度',
    detail: figures,
    status: progress.zeroAllocation ? '未分配' : behind ? '慢于序时进度' : '符合序时进度',
    tone: progress.zeroAllocation ? 'pending' : behind ? 'attention' : 'done',
    route: ['funds', 'project', project.id],
  };
}

function fundSteps(db: Db, projectId: string, today = localDate()): CycleStep[] {
  const project = db.select({ id: projects.id, year: projects.year, povertyFund: projects.povertyFund }).from(projects).where(eq(projects.id, projectId)).get();
  if (!project?.povertyFund) return [];
  const payments = listPayments(db, projectId);
  const route = ['funds', 'project', projectId];
  const paid = payments.map(
    (p): CycleStep => ({
      date: p.paidOn,
      title: `支付 ${formatWanYuan(p.amountFen)} 万元`,
      detail: `凭证号 ${p.voucher} · 收款方 ${p.payeeType}${p.note ? ` · ${p.note}` : ''}`,
      status: '已支付',
      tone: 'done',
      route,
    }),
  );
  return [...paid, progressStep(db, project, payments.at(-1)?.paidOn ?? null, today)];
}

export const fundsCycle: CycleSource = { stage: '衔接资金', empty: '没有衔接资金记录（只有标记为衔接资金的项目登记资金文件和支付）', steps: (db, projectId) => fundSteps(db, projectId) };
