// 部门整体绩效监控: a unit's whole budget in a round. Every unit with an approved department-wide target
// gets a sheet when the round opens, with the target's 基本支出 and 项目支出 and its indicators snapshotted.
// The unit reports what it executed of each (项目支出 can be taken from its project sheets of the round)
// and each indicator's progress; the lights are the project sheets' §5 rules, run on the two budget parts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { sqliteOf, type Db } from '../../db/open';
import { monitoringDepartmentIndicators, monitoringDepartmentSheets, monitoringFunds, monitoringSheets, projects, sqlNow, targets, units } from '../../db/schema';
import { listAudit, recordAudit, type Actor, type AuditRow } from '../audit/audit';
import {
  assessSheet,
  listSheetProblems,
  overspendMessage,
  sheetRules,
  SLOW_SPENDING_REASONS,
  type Deviation,
  type RoundRuleSettings,
  type SheetAssessment,
} from '../domain/monitoring';
import { BUDGET_PARTS, budgetPartsOf } from '../domain/departmentMonitoring';
import { workflowActionPermission } from '../domain/permissions';
import { expectedGoal } from '../domain/targets';
import { ACTION_LABELS, transition, type WorkflowAction, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { refuseSelfReview, requirePermission } from '../registry';
import { checkDeviation, checkIndicatorReports, optionalText, refuseLockedStatus, refuseSubmission, type IndicatorReport } from './sheets';
import { figuresOf, requireRound, roundKey, roundRuleSettings, type SheetFigures, type SheetIndicator } from './store';

const ENTITY = 'monitoring-department-sheet';

export interface DepartmentSheetRecord {
  id: string;
  version: number;
  roundId: string;
  unitCode: string;
  unitName: string;
  status: WorkflowState;
  basicBudgetFen: number;
  projectBudgetFen: number;
  basicExecutedFen: number;
  projectExecutedFen: number;
  budget: Deviation;
  /** 年度总体目标 of the department-wide target it was opened from (its annual goals, else its overall goal); empty where this installation lacks the target. */
  goal: string;
  /** What the unit reports of that goal to date (1–X月执行情况). */
  goalProgress: string;
  remarks: string;
  reviewOpinion: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  indicators: SheetIndicator[];
}

export type DepartmentSheetRow = Omit<DepartmentSheetRecord, 'indicators' | 'budget' | 'goal' | 'goalProgress' | 'remarks'> & SheetFigures & { indicatorCount: number };

export interface DepartmentSheetDetail extends DepartmentSheetRecord {
  round: { id: string; title: string; year: number; month: number };
  /** The unit's 主管部门, for the printed sheet's header. */
  department: { code: string; name: string } | null;
  rules: RoundRuleSettings;
  figures: SheetFigures;
  /** 项目支出 executed to date on the unit's project sheets of the same round, to prefill the 项目支出 figure. */
  projectSheetsExecutedFen: number;
  problems: string[];
  history: AuditRow[];
}

const parseReasons = (json: string): string[] => JSON.parse(json) as string[];

/** The department sheets of a round (or some of them), by unit code. */
export function loadDepartmentSheets(db: Db, roundId: string, sheetIds?: readonly string[]): DepartmentSheetRecord[] {
  const round = requireRound(db, roundId);
  const conditions = [eq(monitoringDepartmentSheets.roundId, roundId), eq(monitoringDepartmentSheets.deleted, false)];
  if (sheetIds) conditions.push(inArray(monitoringDepartmentSheets.id, [...sheetIds]));
  const rows = db
    .select({ sheet: monitoringDepartmentSheets, unitName: units.name, target: { id: targets.id, overallGoal: targets.overallGoal, annualGoals: targets.annualGoals } })
    .from(monitoringDepartmentSheets)
    .leftJoin(units, and(eq(units.regionCode, round.regionCode), eq(units.code, monitoringDepartmentSheets.unitCode)))
    .leftJoin(targets, and(eq(targets.id, monitoringDepartmentSheets.targetId), eq(targets.deleted, false)))
    .where(and(...conditions))
    .orderBy(asc(monitoringDepartmentSheets.unitCode))
    .all();
  if (rows.length === 0) return [];
  const indicators = db
    .select()
    .from(monitoringDepartmentIndicators)
    .where(inArray(monitoringDepartmentIndicators.sheetId, rows.map((r) => r.sheet.id)))
    .orderBy(asc(monitoringDepartmentIndicators.seq))
    .all();
  return rows.map(({ sheet, unitName, target }) => ({
    id: sheet.id,
    version: sheet.version,
    roundId: sheet.roundId,
    unitCode: sheet.unitCode,
    unitName: unitName ?? sheet.unitCode,
    status: sheet.status,
    basicBudgetFen: sheet.basicBudgetFen,
    projectBudgetFen: sheet.projectBudgetFen,
    basicExecutedFen: sheet.basicExecutedFen,
    projectExecutedFen: sheet.projectExecutedFen,
    budget: { reasons: parseReasons(sheet.budgetReasons), reasonOther: sheet.budgetReasonOther, measures: sheet.budgetMeasures },
    goal: target?.id ? expectedGoal({ overallGoal: target.overallGoal ?? '', annualGoals: target.annualGoals ?? '[]' }) : '',
    goalProgress: sheet.goalProgress,
    remarks: sheet.remarks,
    reviewOpinion: sheet.reviewOpinion,
    submittedAt: sheet.submittedAt,
    submittedBy: sheet.submittedBy,
    decidedAt: sheet.decidedAt,
    indicators: indicators
      .filter((i) => i.sheetId === sheet.id)
      .map((i) => ({
        indicatorId: i.indicatorId,
        seq: i.seq,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        unit: i.unit,
        operator: i.operator,
        target: i.targetValue,
        accrual: i.accrual,
        reached: i.reached ?? '',
        expectedFullYear: i.expectedFullYear ?? '',
        likelihood: i.likelihood ?? '',
        reasons: parseReasons(i.reasons),
        reasonOther: i.reasonOther,
        measures: i.measures,
      })),
  }));
}

export function requireDepartmentSheet(db: Db, sheetId: string): DepartmentSheetRecord {
  const sheet = db.select({ roundId: monitoringDepartmentSheets.roundId }).from(monitoringDepartmentSheets).where(eq(monitoringDepartmentSheets.id, sheetId)).get();
  const [record] = sheet ? loadDepartmentSheets(db, sheet.roundId, [sheetId]) : [];
  if (!record) throw new AppError('NOT_FOUND', '该部门整体监控表不存在或已删除，请刷新后重试');
  return record;
}

export function assessDepartmentSheet(record: DepartmentSheetRecord, settings: RoundRuleSettings): SheetAssessment {
  return assessSheet({ funds: budgetPartsOf(record), submitted: record.submittedAt !== null, budget: record.budget, indicators: record.indicators }, sheetRules(settings));
}

const departmentFigures = (record: DepartmentSheetRecord, assessment: SheetAssessment): SheetFigures => figuresOf({ funds: budgetPartsOf(record) }, assessment);

const problemsOf = (record: DepartmentSheetRecord, assessment: SheetAssessment) => listSheetProblems(assessment, record.indicators.map((i) => i.name), [...BUDGET_PARTS]);

/** The department sheets of a round (or some of them) with their figures and lights. */
export function listDepartmentSheets(db: Db, roundId: string, sheetIds?: readonly string[]): DepartmentSheetRow[] {
  const settings = roundRuleSettings(db, requireRound(db, roundId));
  return loadDepartmentSheets(db, roundId, sheetIds).map((record) => {
    const { indicators, budget: _budget, goal: _goal, goalProgress: _goalProgress, remarks: _remarks, ...row } = record;
    return { ...row, indicatorCount: indicators.length, ...departmentFigures(record, assessDepartmentSheet(record, settings)) };
  });
}

/** 项目支出 executed to date on the unit's project sheets of the round. */
function projectSheetsExecutedFen(db: Db, roundId: string, unitCode: string): number {
  return (
    db
      .select({ fen: sql<number>`coalesce(sum(${monitoringFunds.executedFen}), 0)` })
      .from(monitoringFunds)
      .innerJoin(monitoringSheets, and(eq(monitoringSheets.id, monitoringFunds.sheetId), eq(monitoringSheets.deleted, false)))
      .innerJoin(projects, eq(projects.id, monitoringSheets.projectId))
      .where(and(eq(monitoringSheets.roundId, roundId), eq(projects.unitCode, unitCode)))
      .get()?.fen ?? 0
  );
}

const naturalKey = (db: Db, record: DepartmentSheetRecord) => `${roundKey(requireRound(db, record.roundId))}/${record.unitCode}`;

/** Each unit's 主管部门 (code and name), for the department sheets' header. */
export function departmentsOf(db: Db, region: string, unitCodes: readonly string[]): Map<string, { code: string; name: string }> {
  const rows = sqliteOf(db)
    .prepare(
      `SELECT u.code AS unit, coalesce(u.department_code, u.code) AS code, coalesce(d.name, u.department_code, u.name) AS name FROM units u
       LEFT JOIN units d ON d.region_code = u.region_code AND d.code = u.department_code
       WHERE u.region_code = ? AND u.code IN (SELECT value FROM json_each(?))`,
    )
    .all(region, JSON.stringify(unitCodes)) as { unit: string; code: string; name: string }[];
  return new Map(rows.map((r) => [r.unit, { code: r.code, name: r.name }]));
}

export function getDepartmentSheet(db: Db, sheetId: string): DepartmentSheetDetail {
  const record = requireDepartmentSheet(db, sheetId);
  const round = requireRound(db, record.roundId);
  const rules = roundRuleSettings(db, round);
  const assessment = assessDepartmentSheet(record, rules);
  return {
    ...record,
    round: { id: round.id, title: round.title, year: round.year, month: round.month },
    department: departmentsOf(db, round.regionCode, [record.unitCode]).get(record.unitCode) ?? null,
    rules,
    figures: departmentFigures(record, assessment),
    projectSheetsExecutedFen: projectSheetsExecutedFen(db, round.id, record.unitCode),
    problems: problemsOf(record, assessment),
    history: listAudit(db, { entity: ENTITY, naturalKey: naturalKey(db, record), limit: 50 }),
  };
}

export interface DepartmentSheetSaveInput {
  sheetId: string;
  version: number;
  basicExecutedFen: number;
  projectExecutedFen: number;
  budget: Deviation;
  /** Omitted, the progress text stays as saved (a caller written before the sheet had one). */
  goalProgress?: string;
  remarks: string;
  indicators: readonly IndicatorReport[];
}

const sheetName = (record: DepartmentSheetRecord) => `“${record.unitName}”的部门整体监控表`;

function refuseUnchangeable(record: DepartmentSheetRecord, version: number): void {
  if (record.version !== version) throw new AppError('CONFLICT', `${sheetName(record)}已被他人修改，请刷新后重新填写`);
  refuseLockedStatus(sheetName(record), record.status);
}

function checkDepartmentSave(record: DepartmentSheetRecord, input: DepartmentSheetSaveInput): void {
  for (const part of budgetPartsOf({ ...record, basicExecutedFen: input.basicExecutedFen, projectExecutedFen: input.projectExecutedFen })) {
    if (!Number.isSafeInteger(part.executedFen) || part.executedFen < 0) throw new AppError('INVALID_INPUT', `“${part.source}”的执行数不能为负数`);
    const overspent = overspendMessage(part.executedFen, part.adjustedFen);
    if (overspent) throw new AppError('INVALID_INPUT', `“${part.source}”${overspent}。超支不能保存`);
  }
  checkDeviation('预算执行', input.budget, SLOW_SPENDING_REASONS);
  checkIndicatorReports('该单位部门整体', record.indicators, input.indicators);
}

const contentOf = (record: DepartmentSheetRecord) => ({
  basicExecutedFen: record.basicExecutedFen,
  projectExecutedFen: record.projectExecutedFen,
  budget: record.budget,
  goalProgress: record.goalProgress,
  remarks: record.remarks,
  indicators: record.indicators.map(({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures }) => ({ indicatorId, reached, expectedFullYear, likelihood, reasons, reasonOther, measures })),
});

function writeContent(tx: Db, sheetId: string, input: DepartmentSheetSaveInput): void {
  tx.update(monitoringDepartmentSheets)
    .set({
      basicExecutedFen: input.basicExecutedFen,
      projectExecutedFen: input.projectExecutedFen,
      budgetReasons: JSON.stringify(input.budget.reasons),
      budgetReasonOther: input.budget.reasonOther.trim(),
      budgetMeasures: input.budget.measures.trim(),
      ...(input.goalProgress === undefined ? {} : { goalProgress: input.goalProgress.trim() }),
      remarks: input.remarks.trim(),
      version: sql`${monitoringDepartmentSheets.version} + 1`,
      updatedAt: sqlNow,
    })
    .where(eq(monitoringDepartmentSheets.id, sheetId))
    .run();
  for (const i of input.indicators) {
    tx.update(monitoringDepartmentIndicators)
      .set({
        reached: optionalText(i.reached),
        expectedFullYear: optionalText(i.expectedFullYear),
        likelihood: optionalText(i.likelihood),
        reasons: JSON.stringify(i.reasons),
        reasonOther: i.reasonOther.trim(),
        measures: i.measures.trim(),
      })
      .where(and(eq(monitoringDepartmentIndicators.sheetId, sheetId), eq(monitoringDepartmentIndicators.indicatorId, i.indicatorId)))
      .run();
  }
}

export function saveDepartmentSheet(db: Db, actor: Actor, input: DepartmentSheetSaveInput): DepartmentSheetDetail {
  db.transaction((tx) => {
    const before = requireDepartmentSheet(tx, input.sheetId);
    refuseUnchangeable(before, input.version);
    checkDepartmentSave(before, input);
    writeContent(tx, input.sheetId, input);
    const after = requireDepartmentSheet(tx, input.sheetId);
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: naturalKey(tx, before), action: '保存部门整体监控表', before: contentOf(before), after: contentOf(after) });
  });
  return getDepartmentSheet(db, input.sheetId);
}

export interface DepartmentSheetTransitionInput {
  sheetId: string;
  version: number;
  action: WorkflowAction;
  opinion?: string | null;
}

function refuseIncomplete(db: Db, record: DepartmentSheetRecord): void {
  refuseSubmission(sheetName(record), problemsOf(record, assessDepartmentSheet(record, roundRuleSettings(db, requireRound(db, record.roundId)))));
}

/** 送审 / 撤回 / 审核通过 / 退回, as project sheets: nobody decides on what they submitted themselves. */
export function transitionDepartmentSheet(db: Db, actor: Actor, input: DepartmentSheetTransitionInput): DepartmentSheetDetail {
  db.transaction((tx) => {
    const record = requireDepartmentSheet(tx, input.sheetId);
    if (record.version !== input.version) throw new AppError('CONFLICT', `${sheetName(record)}已被他人修改，请刷新后重试`);
    const move = transition(record.status, input.action, input.opinion);
    if (!move.ok) throw new AppError('CONFLICT', move.message);
    requirePermission(tx, actor, workflowActionPermission(input));
    const key = naturalKey(tx, record);
    const decided = input.action === 'approve' || input.action === 'return';
    if (decided) refuseSelfReview(tx, actor, record.submittedBy, { entity: ENTITY, naturalKey: key });
    if (input.action === 'submit') refuseIncomplete(tx, record);
    const opinion = input.opinion?.trim() || null;
    tx.update(monitoringDepartmentSheets)
      .set({
        status: move.next,
        version: sql`${monitoringDepartmentSheets.version} + 1`,
        updatedAt: sqlNow,
        ...(input.action === 'submit' ? { submittedAt: sqlNow, submittedBy: actor.id } : {}),
        ...(decided ? { decidedAt: sqlNow, reviewOpinion: opinion } : {}),
      })
      .where(eq(monitoringDepartmentSheets.id, record.id))
      .run();
    recordAudit(tx, actor, { entity: ENTITY, naturalKey: key, action: `${ACTION_LABELS[input.action]}部门整体监控表`, before: { status: record.status }, after: { status: move.next }, opinion });
  });
  return getDepartmentSheet(db, input.sheetId);
}
