// 数据交换's part of a project's whole cycle (全过程): each package sent that carried the project (a project
// travels with its targets, sheets, self-evaluations and notices, so this is every package that carried any
// of its records), and whether the receiver acknowledged it.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { exchangePackageRecords, exchangePackages } from '../../db/schema';
import { dayOf, type CycleSource, type CycleStep } from '../projects';
import { KIND_LABELS } from './manifest';
import { STAGE_LABELS } from './registry';

function packageSteps(db: Db, projectId: string): CycleStep[] {
  return db
    .selectDistinct({ p: exchangePackages })
    .from(exchangePackages)
    .innerJoin(exchangePackageRecords, eq(exchangePackageRecords.packageId, exchangePackages.id))
    .where(and(eq(exchangePackages.direction, 'out'), eq(exchangePackageRecords.recordId, projectId)))
    .orderBy(asc(exchangePackages.sequence))
    .all()
    .map(({ p }) => ({
      date: dayOf(p.createdAt),
      title: `${KIND_LABELS[p.kind]} 第 ${p.sequence} 号`,
      detail: `${p.year}年 · ${STAGE_LABELS[p.stage] ?? p.stage} · 发往 ${p.receiver}`,
      status: p.state === 'acknowledged' ? '对方已回执' : '待回执',
      tone: p.state === 'acknowledged' ? 'done' : 'pending',
      route: ['exchange', 'history'],
    }));
}

export const exchangeCycle: CycleSource = { stage: '上报', empty: '尚未随数据包上报', steps: packageSteps };
