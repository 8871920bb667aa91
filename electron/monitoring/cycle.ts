// Monitoring's part of a project's whole cycle (全过程): its sheet in each round, with the project's light
// and the execution rate, assessed by the same §5 rules and settings as the round's boards.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { monitoringRounds, monitoringSheets } from '../../db/schema';
import { LIGHT_LABELS, type Light } from '../domain/monitoring';
import { WORKFLOW_LABELS } from '../domain/workflow';
import { dayOf, reviewStatus, type CycleSource, type CycleStep, type CycleTone } from '../projects';
import { assessRecord, figuresOf, loadSheets, roundRuleSettings } from './store';

const LIGHT_TONES: Record<Light, CycleTone> = { red: 'attention', yellow: 'attention', green: 'done', blue: 'done', none: 'pending' };

function sheetSteps(db: Db, projectId: string): CycleStep[] {
  const sheets = db
    .select({ id: monitoringSheets.id, round: monitoringRounds })
    .from(monitoringSheets)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringSheets.roundId))
    .where(and(eq(monitoringSheets.projectId, projectId), eq(monitoringSheets.deleted, false), eq(monitoringRounds.deleted, false)))
    .orderBy(asc(monitoringRounds.month), asc(monitoringRounds.seq))
    .all();
  return sheets.map(({ id, round }) => {
    const record = loadSheets(db, round.id, { sheetIds: [id] })[0]!;
    const figures = figuresOf(record, assessRecord(record, roundRuleSettings(db, round)));
    const route = ['monitoring', 'sheet', id];
    const title = `${round.year}年${round.month}月监控表`;
    if (!figures.reported) return { date: dayOf(round.deadline), title, detail: `未填报（截止 ${round.deadline}）`, ...reviewStatus(record.status), route };
    return {
      date: dayOf(record.submittedAt),
      title,
      detail: `预算执行率 ${figures.zeroBudget ? '—' : `${figures.executionRate}%`} · 预算${LIGHT_LABELS[figures.budgetLight]} · 项目${LIGHT_LABELS[figures.projectLight]} · ${WORKFLOW_LABELS[record.status]}`,
      // A sheet without indicators has no project light: its budget light is what there is to show.
      status: figures.projectLight === 'none' ? `预算${LIGHT_LABELS[figures.budgetLight]}` : `项目${LIGHT_LABELS[figures.projectLight]}`,
      tone: LIGHT_TONES[figures.attention],
      route,
    };
  });
}

export const monitoringCycle: CycleSource = { stage: '绩效监控', empty: '尚未纳入监控轮次', steps: sheetSteps };
