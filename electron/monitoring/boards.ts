// What the performance office watches during and after a round: coverage (which units have not
// submitted, due soon, 已超时), the warnings board (red and yellow projects by unit, with their reasons
// and measures), and the rectification notice and target adjustment already opened for each.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { targetAdjustments } from '../../db/schema';
import { deadlineState, type DeadlineState, type Deviation, type Light } from '../domain/monitoring';
import type { WorkflowState } from '../domain/workflow';
import { latestNotices, type NoticeRef } from '../rectification';
import { settingValue } from '../settings';
import { localDate } from '../domain/clock';
import { assessRecord, figuresOf, loadSheets, requireRound, roundRuleSettings, type SheetFigures, type SheetRecord } from './store';

/** Sheets by where they stand, for a unit or the whole round. */
export interface SheetCounts {
  sheets: number;
  /** 草稿 and 被退回: still to be submitted by the unit. */
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  /** Sheets with nothing reported yet (未填报), among the pending ones. */
  unreported: number;
}

export interface UnitCoverage extends SheetCounts {
  unitCode: string;
  unitName: string;
  /** complete when every sheet is submitted or approved; otherwise the round's deadline state. */
  state: 'complete' | DeadlineState;
}

export interface Coverage {
  deadline: string;
  today: string;
  dueSoonDays: number;
  deadlineState: DeadlineState;
  totals: SheetCounts & { units: number; unitsComplete: number; unitsPending: number };
  /** Units with sheets still to submit first, then the complete ones. */
  units: UnitCoverage[];
}

const isPending = (status: WorkflowState) => status === 'draft' || status === 'returned';

export function roundCoverage(db: Db, roundId: string, today = localDate()): Coverage {
  const round = requireRound(db, roundId);
  const dueSoonDays = settingValue<number>(db, 'monitoring.dueSoonDays');
  const state = deadlineState(round.deadline, today, dueSoonDays);
  const settings = roundRuleSettings(db, round);
  const byUnit = new Map<string, UnitCoverage>();
  for (const sheet of loadSheets(db, roundId)) {
    const { unitCode, unitName } = sheet.project;
    const unit = byUnit.get(unitCode) ?? { unitCode, unitName, sheets: 0, pending: 0, submitted: 0, approved: 0, returned: 0, unreported: 0, state: 'complete' };
    unit.sheets++;
    if (!assessRecord(sheet, settings).reported) unit.unreported++;
    if (isPending(sheet.status)) unit.pending++;
    if (sheet.status === 'submitted') unit.submitted++;
    if (sheet.status === 'approved') unit.approved++;
    if (sheet.status === 'returned') unit.returned++;
    unit.state = unit.pending > 0 ? state : 'complete';
    byUnit.set(unitCode, unit);
  }
  const units = [...byUnit.values()].sort((a, b) => Number(a.state === 'complete') - Number(b.state === 'complete') || a.unitCode.localeCompare(b.unitCode));
  const sum = (key: keyof SheetCounts) => units.reduce((n, u) => n + u[key], 0);
  const unitsComplete = units.filter((u) => u.state === 'complete').length;
  return {
    deadline: round.deadline,
    today,
    dueSoonDays,
    deadlineState: state,
    totals: {
      units: units.length,
      unitsComplete,
      unitsPending: units.length - unitsComplete,
      sheets: sum('sheets'),
      pending: sum('pending'),
      submitted: sum('submitted'),
      approved: sum('approved'),
      returned: sum('returned'),
      unreported: sum('unreported'),
    },
    units,
  };
}

export interface Warning extends SheetFigures {
  sheetId: string;
  /** The round's year: a notice opened from the warning belongs to it, and the dialog links to that year's 整改问责. */
  year: number;
  status: WorkflowState;
  projectCode: string;
  projectName: string;
  unitCode: string;
  unitName: string;
  /** The red and yellow indicators, by name. */
  indicators: { name: string; light: Light }[];
  reasons: string[];
  measures: string[];
  analysis: string;
  rectification: NoticeRef | null;
  adjustment: { id: string; seq: number; status: WorkflowState } | null;
}

/** 偏差原因 as read aloud: the chosen reasons, with 其他 replaced by its text. */
export function reasonTexts(deviation: Deviation): string[] {
  return deviation.reasons.map((r) => (r === '其他' && deviation.reasonOther.trim() ? `其他：${deviation.reasonOther.trim()}` : r));
}

const unique = (items: readonly string[]) => [...new Set(items.filter((i) => i.trim() !== ''))];

/** The explanations a sheet gives for its red and yellow lights, budget first. */
export function explanations(record: SheetRecord, lights: readonly Light[], budgetLight: Light) {
  const explained = [...(budgetLight === 'red' || budgetLight === 'yellow' ? [record.budget] : []), ...record.indicators.filter((_, i) => lights[i] === 'red' || lights[i] === 'yellow')];
  return { reasons: unique(explained.flatMap(reasonTexts)), measures: unique(explained.map((e) => e.measures)) };
}

export interface WarningsBoard {
  /** Red and yellow projects, reddest first. */
  warnings: Warning[];
  /** Sheets with nothing reported yet: no light, so never on the board, but counted so nobody reads silence as calm. */
  unreported: number;
}

/** Red and yellow projects of the round (by budget or by indicators), reddest first, then by unit. */
export function roundWarnings(db: Db, roundId: string): WarningsBoard {
  const round = requireRound(db, roundId);
  const settings = roundRuleSettings(db, round);
  const warnings: Warning[] = [];
  const targetIds = new Map<string, string | null>();
  let unreported = 0;
  for (const record of loadSheets(db, roundId)) {
    targetIds.set(record.id, record.project.targetId);
    const assessment = assessRecord(record, settings);
    const figures = figuresOf(record, assessment);
    if (!figures.reported) unreported++;
    if (figures.attention !== 'red' && figures.attention !== 'yellow') continue;
    const lights = assessment.indicators.map((i) => i.light);
    warnings.push({
      ...figures,
      sheetId: record.id,
      year: round.year,
      status: record.status,
      projectCode: record.project.code,
      projectName: record.project.name,
      unitCode: record.project.unitCode,
      unitName: record.project.unitName,
      indicators: record.indicators.flatMap((i, n) => (lights[n] === 'red' || lights[n] === 'yellow' ? [{ name: i.name, light: lights[n] }] : [])),
      ...explanations(record, lights, assessment.budgetLight),
      analysis: record.analysis,
      rectification: null,
      adjustment: null,
    });
  }
  attachNoticesAndAdjustments(db, warnings, targetIds);
  const rank = (light: Light) => (light === 'red' ? 0 : 1);
  warnings.sort((a, b) => rank(a.attention) - rank(b.attention) || a.unitCode.localeCompare(b.unitCode) || a.projectCode.localeCompare(b.projectCode));
  return { warnings, unreported };
}

/** The latest rectification opened from each sheet and the latest adjustment of each project's target. */
function attachNoticesAndAdjustments(db: Db, warnings: Warning[], targetIds: Map<string, string | null>): void {
  if (warnings.length === 0) return;
  const notices = latestNotices(db, 'monitoring', warnings.map((w) => w.sheetId));
  const targets = [...new Set([...targetIds.values()].filter((id): id is string => id !== null))];
  const adjustments = targets.length
    ? db
        .select({ id: targetAdjustments.id, seq: targetAdjustments.seq, status: targetAdjustments.status, targetId: targetAdjustments.targetId })
        .from(targetAdjustments)
        .where(and(inArray(targetAdjustments.targetId, targets), eq(targetAdjustments.deleted, false)))
        .orderBy(desc(targetAdjustments.seq))
        .all()
    : [];
  for (const warning of warnings) {
    const adjustment = adjustments.find((a) => a.targetId === targetIds.get(warning.sheetId));
    warning.rectification = notices.get(warning.sheetId) ?? null;
    warning.adjustment = adjustment ? { id: adjustment.id, seq: adjustment.seq, status: adjustment.status } : null;
  }
}
