// 监控表: one project's monitoring sheet in a round. Units save it as often as they like (optimistic
// version), submit it when the domain rules find nothing missing, and the bureau approves or returns it.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { monitoringFunds, monitoringIndicators, monitoringRounds, monitoringSheets, sqlNow } from '../../db/schema';
import { listAudit, recordAudit, type Actor, type AuditRow } from '../audit/audit';
import {
  DEVIATION_REASONS,
  forecastProblem,
  LIKELIHOODS,
  listSheetProblems,
  overspendMessage,
  sheetRules,
  sheetStanding,
  SLOW_SPENDING_REASONS,
  unknownReasons,
  type FundEntry,
  type Deviation,
  type RoundRuleSettings,
} from '../domain/monitoring';
import { ACTION_LABELS, editable, transition, WORKFLOW_LABELS, type WorkflowAction } from '../domain/workflow';
import { workflowActionPermission } from '../domain/permissions';
import { AppError } from '../errors';
import { refuseSelfReview, requirePermission } from '../registry';
import { getRound, type RoundSummary } from './rounds';
import type { AnnexFundGroup } from '../domain/monitoringAnnex';
import {
  annexFundGroups,
  assessRecord,
  figuresOf,
  judgedBySheet,
  requireRound,
  requireSheet,
  roundKey,
  roundRuleSettings,
  type IndicatorValues,
  type SheetFigures,
  type SheetRecord,
} from './store';
import { groupBy } from '../collections';

/** A row of a round's 填报 list. */
export interface SheetListRow extends SheetFigures {
  id: string;
  version: number;
  status: SheetRecord['status'];
  projectId: string;
  projectCode: string;
  projectName: string;
  unitCode: string;
  unitName: string;
  keyProject: boolean;
  indicatorCount: number;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface SheetDetail extends SheetRecord {
  round: RoundSummary;
  /** The bureau's §5 settings for this round, so the form computes the same lights while typing. */
  rules: RoundRuleSettings;
  /** The row of the printed 136号 annex each fund source adds to. */
  fundGroups: Record<string, AnnexFundGroup>;
  figures: SheetFigures;
  /** What still blocks a submission, one line each. */
  problems: string[];
  history: AuditRow[];
}

/** A list row as read, before its figures. */
type ListedSheet = Omit<SheetListRow, keyof SheetFigures | 'keyProject' | 'indicatorCount'> & { keyProject: number };

/**
 * A round's sheets, or those among `sheetIds` (a page of them), by unit and project code. A row needs of
 * its sheet only the funds' figures and each indicator's light: three reads of the round, and each distinct
 * indicator value of the round judged once, instead of loading and assessing every sheet whole.
 */
export function listSheets(db: Db, roundId: string, sheetIds?: readonly string[]): SheetListRow[] {
  const rules = sheetRules(roundRuleSettings(db, requireRound(db, roundId)));
  const ids = sheetIds ? JSON.stringify(sheetIds) : null;
  const chosen = sql`s.round_id = ${roundId} AND s.deleted = 0 AND (${ids} IS NULL OR s.id IN (SELECT value FROM json_each(${ids})))`;
  const rows = db.all<ListedSheet>(
    sql`SELECT s.id, s.version, s.status, p.id AS projectId, p.code AS projectCode, p.name AS projectName, p.unit_code AS unitCode,
               coalesce(u.name, p.unit_code) AS unitName, p.key_project AS keyProject, s.submitted_at AS submittedAt, s.decided_at AS decidedAt
          FROM monitoring_sheets s JOIN projects p ON p.id = s.project_id LEFT JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code
         WHERE ${chosen} ORDER BY p.unit_code, p.code`,
  );
  const funds = groupBy(
    db.all<FundEntry & { sheetId: string }>(
      sql`SELECT f.sheet_id AS sheetId, f.source, f.adjusted_fen AS adjustedFen, f.executed_fen AS executedFen FROM monitoring_sheets s JOIN monitoring_funds f ON f.sheet_id = s.id WHERE ${chosen}`,
    ),
    (fund) => fund.sheetId,
  );
  const indicators = judgedBySheet(
    db.values<IndicatorValues>(
      sql`SELECT i.sheet_id, i.operator, i.target_value, i.accrual, coalesce(i.reached, '') FROM monitoring_sheets s JOIN monitoring_indicators i ON i.sheet_id = s.id WHERE ${chosen}`,
    ),
    rules,
    new Map(),
  );
  return rows.map((row) => {
    const sheetFunds = funds.get(row.id) ?? [];
    const judged = indicators.get(row.id) ?? [];
    const standing = sheetStanding({ funds: sheetFunds, submitted: row.submittedAt !== null, indicators: judged }, rules);
    return { ...row, keyProject: row.keyProject === 1, indicatorCount: judged.length, ...figuresOf({ funds: sheetFunds }, standing) };
  });
}

/** A sheet's natural key (its audit trail's key): its round's key and its project's code. */
export const sheetNaturalKey = (round: Parameters<typeof roundKey>[0], projectCode: string) => `${roundKey(round)}/${projectCode}`;
const sheetKey = (db: Db, record: SheetRecord) => sheetNaturalKey(requireRound(db, record.roundId), record.project.code);

export function getSheet(db: Db, sheetId: string): SheetDetail {
  const record = requireSheet(db, sheetId);
  const rules = roundRuleSettings(db, requireRound(db, record.roundId));
  const assessment = assessRecord(record, rules);
  return {
    ...record,
    round: getRound(db, record.roundId),
    rules,
    fundGroups: annexFundGroups(db),
    figures: figuresOf(record, assessment),
    problems: listSheetProblems(assessment, record.indicators.map((i) => i.name), record.funds.map((f) => f.source)),
    history: listAudit(db, { entity: 'monitoring-sheet', naturalKey: sheetKey(db, record), limit: 50 }),
  };
}

export interface IndicatorReport extends Deviation {
  indicatorId: string;
  reached: string;
  expectedFullYear: string;
  likelihood: string;
}

export interface FundReport {
  source: string;
  adjustedFen: number;
  executedFen: number;
  /** 全年预计执行数; null clears it, absent keeps what the sheet has. */
  forecastFen?: number | null;
}

export interface SheetSaveInput {
  sheetId: string;
  /** The version the unit edited, so a concurrent change is not silently overwritten. */
  version: number;
  analysis: string;
  budget: Deviation;
  /** 年度总体目标 1–X月执行情况 and 备注; absent keeps what the sheet has. */
  goalProgress?: string;
  remarks?: string;
  funds: readonly FundReport[];
  indicators: readonly IndicatorReport[];
}

/** What a unit reports on a sheet, every field given: what is written, audited and imported. */
export type SheetContent = ReturnType<typeof contentOf>;

function refuseStale(record: SheetRecord, version: number): void {
  if (record.version !== version) throw new AppError('CONFLICT', `“${record.project.name}”的监控表已被他人修改，请刷新后重新填写`);
}

/** Only 草稿 and 被退回 sheets change; a submitted one is withdrawn first, an approved one is locked. */
export const refuseLocked = (record: SheetRecord): void => refuseLockedStatus(`“${record.project.name}”的监控表`, record.status);

/** `what` (e.g. “…”的监控表) changes only as 草稿 or 被退回. */
export function refuseLockedStatus(what: string, status: SheetRecord['status']): void {
  if (editable(status)) return;
  const hint = status === 'submitted' ? '如需修改，请先撤回' : '已通过的监控表不能再修改';
  throw new AppError('CONFLICT', `${what}当前为“${WORKFLOW_LABELS[status]}”，不能修改。${hint}`);
}

export function checkDeviation(what: string, deviation: Deviation, allowed: readonly string[]): void {
  const unknown = unknownReasons(deviation.reasons, allowed);
  if (unknown.length) throw new AppError('INVALID_INPUT', `${what}的偏差原因“${unknown.join('、')}”不在可选范围内：${allowed.join('、')}`);
}

function checkSave(record: SheetRecord, input: SheetContent, month: number): void {
  const sources = new Set(record.funds.map((f) => f.source as string));
  for (const fund of input.funds) {
    if (!sources.has(fund.source)) throw new AppError('INVALID_INPUT', `该项目没有“${fund.source}”资金来源`);
    if (!Number.isSafeInteger(fund.executedFen) || fund.executedFen < 0) throw new AppError('INVALID_INPUT', `“${fund.source}”的执行数不能为负数`);
    if (!Number.isSafeInteger(fund.adjustedFen) || fund.adjustedFen < 0) throw new AppError('INVALID_INPUT', `“${fund.source}”的调整后预算不能为负数`);
    const overspent = overspendMessage(fund.executedFen, fund.adjustedFen);
    if (overspent) throw new AppError('INVALID_INPUT', `“${fund.source}”${overspent}。超支不能保存`);
    if (fund.forecastFen !== null && (!Number.isSafeInteger(fund.forecastFen) || fund.forecastFen < 0)) throw new AppError('INVALID_INPUT', `“${fund.source}”的全年预计执行数不能为负数`);
    const forecast = forecastProblem(fund.forecastFen, fund.executedFen, fund.adjustedFen, month);
    if (forecast) throw new AppError('INVALID_INPUT', `“${fund.source}”${forecast}。没有保存`);
  }
  checkDeviation('预算执行', input.budget, SLOW_SPENDING_REASONS);
  checkIndicatorReports('该项目', record.indicators, input.indicators);
}

/** Each reported indicator is one of the sheet's, with reasons and a likelihood from their lists. */
export function checkIndicatorReports(
  /** Whose approved target: 该项目, or 该单位部门整体. */
  whose: string,
  rows: readonly { indicatorId: string; name: string }[],
  reports: readonly Pick<IndicatorReport, 'indicatorId' | 'likelihood' | 'reasons' | 'reasonOther' | 'measures'>[],
): void {
  const names = new Map(rows.map((i) => [i.indicatorId, i.name]));
  for (const indicator of reports) {
    const name = names.get(indicator.indicatorId);
    if (!name) throw new AppError('INVALID_INPUT', `填报的指标不属于${whose}批复的绩效目标，请刷新后重新填写`);
    checkDeviation(`指标“${name}”`, indicator, DEVIATION_REASONS);
    if (indicator.likelihood !== '' && !(LIKELIHOODS as readonly string[]).includes(indicator.likelihood)) {
      throw new AppError('INVALID_INPUT', `指标“${name}”的完成目标可能性应为：${LIKELIHOODS.join('、')}`);
    }
  }
}

/** What a unit reports on a sheet, as saved, audited and imported. */
export const contentOf = (record: Pick<SheetRecord, 'analysis' | 'budget' | 'goalProgress' | 'remarks' | 'funds' | 'indicators'>) => ({
  analysis: record.analysis,
  budget: record.budget,
  goalProgress: record.goalProgress,
  remarks: record.remarks,
  funds: record.funds.map(({ source, adjustedFen, executedFen, forecastFen }) => ({ source, adjustedFen, executedFen, forecastFen })),
  indicators: record.indicators.map(({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures }) => ({
    indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures,
  })),
});

/** The input over the sheet as it stands: what the input leaves out stays as it was. */
function contentAfter(record: SheetRecord, input: SheetSaveInput): SheetContent {
  const current = contentOf(record);
  const forecasts = new Map(current.funds.map((f) => [f.source as string, f.forecastFen]));
  return {
    analysis: input.analysis,
    budget: input.budget,
    goalProgress: input.goalProgress ?? current.goalProgress,
    remarks: input.remarks ?? current.remarks,
    funds: input.funds.map((f) => ({ source: f.source, adjustedFen: f.adjustedFen, executedFen: f.executedFen, forecastFen: f.forecastFen === undefined ? (forecasts.get(f.source) ?? null) : f.forecastFen })) as SheetContent['funds'],
    indicators: input.indicators.map(({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures }) => ({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures })),
  };
}

type IndicatorContent = SheetContent['indicators'][number];

export const optionalText = (value: string) => (value.trim() === '' ? null : value.trim());
const sameIndicator = (a: IndicatorContent, b: IndicatorContent) =>
  JSON.stringify([a.reached, a.expectedFullYear, a.likelihood, a.reasons, a.reasonOther, a.measures]) ===
  JSON.stringify([b.reached, b.expectedFullYear, b.likelihood, b.reasons, b.reasonOther, b.measures]);

/**
 * Writes sheets' reported content with statements prepared once, for an import of thousands of rows.
 * Given what a sheet held (`before`), only its fund and indicator rows that changed are written. The
 * caller has checked the content and runs this inside a transaction.
 */
export function sheetContentWriter(tx: Db): (sheetId: string, content: SheetContent, before?: SheetContent) => void {
  const p = sql.placeholder;
  const sheet = tx
    .update(monitoringSheets)
    .set({
      analysis: sql`${p('analysis')}`,
      budgetReasons: sql`${p('budgetReasons')}`,
      budgetReasonOther: sql`${p('budgetReasonOther')}`,
      budgetMeasures: sql`${p('budgetMeasures')}`,
      goalProgress: sql`${p('goalProgress')}`,
      remarks: sql`${p('remarks')}`,
      version: sql`${monitoringSheets.version} + 1`,
      updatedAt: sqlNow,
    })
    .where(eq(monitoringSheets.id, sql`${p('id')}`))
    .prepare();
  const fund = tx
    .update(monitoringFunds)
    .set({ adjustedFen: sql`${p('adjustedFen')}`, executedFen: sql`${p('executedFen')}`, forecastFen: sql`${p('forecastFen')}` })
    .where(and(eq(monitoringFunds.sheetId, sql`${p('sheetId')}`), eq(monitoringFunds.source, sql`${p('source')}`)))
    .prepare();
  const indicator = tx
    .update(monitoringIndicators)
    .set({
      reached: sql`${p('reached')}`,
      expectedFullYear: sql`${p('expectedFullYear')}`,
      likelihood: sql`${p('likelihood')}`,
      reasons: sql`${p('reasons')}`,
      reasonOther: sql`${p('reasonOther')}`,
      measures: sql`${p('measures')}`,
    })
    .where(and(eq(monitoringIndicators.sheetId, sql`${p('sheetId')}`), eq(monitoringIndicators.indicatorId, sql`${p('indicatorId')}`)))
    .prepare();
  return (sheetId, content, before) => {
    const { analysis, budget } = content;
    sheet.run({
      id: sheetId,
      analysis: analysis.trim(),
      budgetReasons: JSON.stringify(budget.reasons),
      budgetReasonOther: budget.reasonOther.trim(),
      budgetMeasures: budget.measures.trim(),
      goalProgress: content.goalProgress.trim(),
      remarks: content.remarks.trim(),
    });
    for (const f of content.funds) {
      const was = before?.funds.find((b) => b.source === f.source);
      if (was && was.adjustedFen === f.adjustedFen && was.executedFen === f.executedFen && was.forecastFen === f.forecastFen) continue;
      fund.run({ sheetId, source: f.source, adjustedFen: f.adjustedFen, executedFen: f.executedFen, forecastFen: f.forecastFen });
    }
    for (const i of content.indicators) {
      const was = before?.indicators.find((b) => b.indicatorId === i.indicatorId);
      if (was && sameIndicator(was, i)) continue;
      indicator.run({
        sheetId,
        indicatorId: i.indicatorId,
        reached: optionalText(i.reached),
        expectedFullYear: optionalText(i.expectedFullYear),
        likelihood: optionalText(i.likelihood),
        reasons: JSON.stringify(i.reasons),
        reasonOther: i.reasonOther.trim(),
        measures: i.measures.trim(),
      });
    }
  };
}

/** Writes a sheet's reported content; the caller has checked it and runs this inside a transaction. */
export function writeSheetContent(tx: Db, sheetId: string, content: SheetContent): void {
  sheetContentWriter(tx)(sheetId, content);
}

export function saveSheet(db: Db, actor: Actor, input: SheetSaveInput): SheetDetail {
  db.transaction((tx) => {
    const before = requireSheet(tx, input.sheetId);
    refuseStale(before, input.version);
    refuseLocked(before);
    const content = contentAfter(before, input);
    checkSave(before, content, requireRound(tx, before.roundId).month);
    writeSheetContent(tx, input.sheetId, content);
    const after = requireSheet(tx, input.sheetId);
    recordAudit(tx, actor, { entity: 'monitoring-sheet', naturalKey: sheetKey(tx, before), action: '保存监控表', before: contentOf(before), after: contentOf(after) });
  });
  return getSheet(db, input.sheetId);
}

export interface SheetTransitionInput {
  sheetId: string;
  version: number;
  action: WorkflowAction;
  opinion?: string | null;
}

/** 送审 / 撤回 / 审核通过 / 退回. A submission must pass the §5 required fields for its lights. */
export function transitionSheet(db: Db, actor: Actor, input: SheetTransitionInput): SheetDetail {
  db.transaction((tx) => {
    const record = requireSheet(tx, input.sheetId);
    refuseStale(record, input.version);
    const move = transition(record.status, input.action, input.opinion);
    if (!move.ok) throw new AppError('CONFLICT', move.message);
    requirePermission(tx, actor, workflowActionPermission(input));
    const decided = input.action === 'approve' || input.action === 'return';
    if (decided) refuseSelfReview(tx, actor, record.submittedBy, { entity: 'monitoring-sheet', naturalKey: sheetKey(tx, record) });
    if (input.action === 'submit') refuseIncomplete(tx, record);
    const opinion = input.opinion?.trim() || null;
    tx.update(monitoringSheets)
      .set({
        status: move.next,
        version: sql`${monitoringSheets.version} + 1`,
        updatedAt: sqlNow,
        ...(input.action === 'submit' ? { submittedAt: sqlNow, submittedBy: actor.id } : {}),
        ...(decided ? { decidedAt: sqlNow, reviewOpinion: opinion } : {}),
      })
      .where(eq(monitoringSheets.id, record.id))
      .run();
    recordAudit(tx, actor, {
      entity: 'monitoring-sheet',
      naturalKey: sheetKey(tx, record),
      action: `${ACTION_LABELS[input.action]}监控表`,
      before: { status: record.status },
      after: { status: move.next },
      opinion,
    });
  });
  return getSheet(db, input.sheetId);
}

function refuseIncomplete(db: Db, record: SheetRecord): void {
  const assessment = assessRecord(record, roundRuleSettings(db, requireRound(db, record.roundId)));
  refuseSubmission(`“${record.project.name}”的监控表`, listSheetProblems(assessment, record.indicators.map((i) => i.name), record.funds.map((f) => f.source)));
}

/** A submission of `what` with problems left is refused, naming the first five. */
export function refuseSubmission(what: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).join('；');
  const more = problems.length > 5 ? `等 ${problems.length} 处` : '';
  throw new AppError('INVALID_INPUT', `${what}还不能送审，请先补充：${shown}${more}`);
}

/**
 * The last round of the project's year with a sheet for it (the latest month, then the latest round of it): its
 * sheet; with `approvedOnly`, the last whose sheet was approved (what the bureau accepted as reported).
 */
export function lastSheetOf(db: Db, projectId: string, { approvedOnly = false } = {}): string | null {
  const sheet = db
    .select({ id: monitoringSheets.id })
    .from(monitoringSheets)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringSheets.roundId))
    .where(
      and(
        eq(monitoringSheets.projectId, projectId),
        eq(monitoringSheets.deleted, false),
        eq(monitoringRounds.deleted, false),
        approvedOnly ? eq(monitoringSheets.status, 'approved') : undefined,
      ),
    )
    .orderBy(desc(monitoringRounds.month), desc(monitoringRounds.seq))
    .get();
  return sheet?.id ?? null;
}
