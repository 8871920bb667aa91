// Excel into a round. Two files, one machinery: the budget system's execution export ("三流合一": the
// fund flow joins the performance flow by project code, so units only add the performance part), and
// the units' filled monitoring templates. Preview first (per-row problems, nothing written); the commit
// re-reads the same file and writes the good rows in one transaction. Bad rows never block good ones;
// sheets already submitted or approved are never changed.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { parseWanYuan } from '../domain/money';
import { DEVIATION_REASONS, forecastProblem, LIKELIHOODS, overspendMessage, QUALITATIVE_LEVELS, SLOW_SPENDING_REASONS, unknownReasons, type Deviation } from '../domain/monitoring';
import { parseDecimal } from '../domain/ratio';
import { editable, WORKFLOW_LABELS } from '../domain/workflow';
import { summarise, type ImportAction, type ImportPreview, type ImportResult, type RowProblem } from '../xlsx/importKit';
import { readTable, type ColumnSpec } from '../xlsx/sheet';
import { contentOf, sheetContentWriter, type IndicatorReport } from './sheets';
import { loadSheets, requireRound, roundKey, type RoundRow, type SheetRecord } from './store';
import { EXECUTION_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS, SHEET_NAMES } from './workbook';

export type ImportKind = 'execution' | 'template';

export interface MonitoringImportRow {
  rowNumber: number;
  /** Which sheet of the workbook the row came from. */
  table: string;
  projectCode: string;
  projectName: string;
  /** The fund source, the indicator, or 项目情况. */
  item: string;
  /** A round's sheets exist already: a row updates one or leaves it unchanged, never creates one. */
  action: Exclude<ImportAction, 'create'>;
}

export interface MonitoringImportPreview extends ImportPreview<MonitoringImportRow> {
  kind: ImportKind;
  /** Project codes of the file that are not in this round. */
  unknownCodes: string[];
  /** Sheets the import would change. */
  sheets: number;
}

export type MonitoringImportResult = ImportResult<MonitoringImportPreview>;

interface SheetPatch {
  record: SheetRecord;
  funds: Map<string, { adjustedFen: number; executedFen: number; forecastFen: number | null }>;
  indicators: Map<string, Omit<IndicatorReport, 'indicatorId'>>;
  project?: { analysis: string; budget: Deviation; goalProgress: string; remarks: string };
}

/** What a file would do to a round, built row by row. */
class Plan {
  readonly rows: MonitoringImportRow[] = [];
  readonly problems: RowProblem[] = [];
  readonly unknownCodes = new Set<string>();
  readonly patches = new Map<string, SheetPatch>();
  private readonly byCode: Map<string, SheetRecord>;
  private readonly registered: Set<string>;

  constructor(
    db: Db,
    readonly round: RoundRow,
  ) {
    this.byCode = new Map(loadSheets(db, round.id).map((s) => [s.project.code, s]));
    this.registered = new Set(
      db
        .select({ code: projects.code })
        .from(projects)
        .where(and(eq(projects.regionCode, round.regionCode), eq(projects.year, round.year), eq(projects.deleted, false)))
        .all()
        .map((p) => p.code),
    );
  }

  /** A reporter for one row: problems name the workbook sheet and the column header. */
  reporter(table: string, rowNumber: number, columns: readonly ColumnSpec<string>[]) {
    const found: RowProblem[] = [];
    const report = (key: string, message: string) => {
      const header = columns.find((c) => c.key === key)?.header ?? key;
      found.push({ sheet: table, rowNumber, column: header, message });
    };
    return { found, report };
  }

  /** The editable sheet of a project code, or why the row cannot go there. */
  sheetFor(code: string, report: (key: string, message: string) => void): SheetRecord | null {
    if (code === '') return report('code', '请填写项目编码'), null;
    const record = this.byCode.get(code);
    if (!record) {
      this.unknownCodes.add(code);
      const why = this.registered.has(code)
        ? `项目 ${code} 不在本轮监控范围内（其绩效目标未批复或未选入本轮）`
        : `项目编码 ${code} 在 ${this.round.year} 年项目库中不存在，请核对预算系统的项目编码`;
      return report('code', why), null;
    }
    if (!editable(record.status)) {
      return report('code', `“${record.project.name}”的监控表当前为“${WORKFLOW_LABELS[record.status]}”，不能导入；如需修改请先撤回或退回`), null;
    }
    return record;
  }

  patchOf(record: SheetRecord): SheetPatch {
    let patch = this.patches.get(record.id);
    if (!patch) {
      patch = { record, funds: new Map(), indicators: new Map() };
      this.patches.set(record.id, patch);
    }
    return patch;
  }

  finish(row: Omit<MonitoringImportRow, 'action'>, found: RowProblem[], changed: boolean): void {
    this.problems.push(...found);
    this.rows.push({ ...row, action: found.length ? 'error' : changed ? 'update' : 'unchanged' });
  }
}

function parseAmount(text: string, key: string, report: (key: string, message: string) => void): number | null {
  const parsed = parseWanYuan(text);
  if (!parsed.ok) return report(key, parsed.message), null;
  if (parsed.fen < 0) return report(key, '金额不能为负数'), null;
  return parsed.fen;
}

/** Reasons typed in one cell, separated by 、 , ; or spaces, from their list (an indicator's, or slow spending's). */
function parseReasons(text: string, allowed: readonly string[], key: string, report: (key: string, message: string) => void): string[] {
  const reasons = [...new Set(text.split(/[、,，;；\s]+/).filter((r) => r !== ''))];
  const unknown = unknownReasons(reasons, allowed);
  if (unknown.length) report(key, `偏差原因“${unknown.join('、')}”应为：${allowed.join('、')}`);
  return reasons.filter((r) => !unknown.includes(r));
}

function planExecution(plan: Plan, bytes: Uint8Array): void {
  const seen = new Map<string, number>();
  for (const { rowNumber, values } of readTable(bytes, EXECUTION_COLUMNS)) {
    const { found, report } = plan.reporter(SHEET_NAMES.execution, rowNumber, EXECUTION_COLUMNS);
    const code = values.code.trim();
    const record = plan.sheetFor(code, report);
    let source = values.source.trim();
    let changed = false;
    if (record) {
      const sources = record.funds.map((f) => f.source as string);
      if (source === '' && sources.length === 1) source = sources[0]!;
      else if (source === '') report('source', `该项目有 ${sources.length} 个资金来源（${sources.join('、')}），请填写资金来源`);
      else if (!sources.includes(source)) report('source', `该项目没有“${source}”资金来源（本轮为：${sources.join('、') || '无'}）`);
      const firstRow = seen.get(`${code}/${source}`);
      if (firstRow !== undefined) report('source', `与第 ${firstRow} 行重复（同一项目、同一资金来源）`);
      else seen.set(`${code}/${source}`, rowNumber);
    }
    const executedFen = values.executed.trim() === '' ? (report('executed', '请填写执行数（万元）'), null) : parseAmount(values.executed, 'executed', report);
    const adjustedFen = values.adjusted.trim() === '' ? undefined : parseAmount(values.adjusted, 'adjusted', report);
    const forecastFen = values.forecast.trim() === '' ? undefined : parseAmount(values.forecast, 'forecast', report);
    if (record && found.length === 0) {
      const current = record.funds.find((f) => f.source === source)!;
      // A file without a forecast (the budget system's export) keeps the one the unit gave.
      const next = { executedFen: executedFen!, adjustedFen: adjustedFen ?? current.adjustedFen, forecastFen: forecastFen ?? current.forecastFen };
      // 超支 is refused row by row, so a 元 figure in a 万元 column never lands as 35,455% green.
      const overspent = overspendMessage(next.executedFen, next.adjustedFen);
      const forecast = forecastProblem(next.forecastFen, next.executedFen, next.adjustedFen, plan.round.month);
      if (overspent) report('executed', overspent);
      else if (forecast) report('forecast', forecast);
      else {
        changed = next.executedFen !== current.executedFen || next.adjustedFen !== current.adjustedFen || next.forecastFen !== current.forecastFen;
        plan.patchOf(record).funds.set(source, next);
      }
    }
    plan.finish({ rowNumber, table: SHEET_NAMES.execution, projectCode: code, projectName: record?.project.name ?? values.name, item: source }, found, changed);
  }
}

function checkReached(operator: string, text: string, report: (key: string, message: string) => void): void {
  if (text === '') return;
  if (operator === '定性') {
    if (!(QUALITATIVE_LEVELS as readonly string[]).includes(text)) report('reached', `定性指标的完成值应为：${QUALITATIVE_LEVELS.join('、')}`);
  } else {
    const value = parseDecimal(text);
    if (!value || value.num < 0n) report('reached', `完成值“${text}”应为不小于 0 的数字`);
  }
}

function planIndicators(plan: Plan, bytes: Uint8Array): void {
  for (const { rowNumber, values } of readTable(bytes, INDICATOR_COLUMNS)) {
    const { found, report } = plan.reporter(SHEET_NAMES.indicators, rowNumber, INDICATOR_COLUMNS);
    const code = values.code.trim();
    const record = plan.sheetFor(code, report);
    const indicator = record?.indicators.find((i) => String(i.seq) === values.seq.trim());
    if (record && !indicator) report('seq', `该项目没有第 ${values.seq || '?'} 个指标，请不要修改模板中的指标序号`);
    const entry = {
      reached: values.reached.trim(),
      expectedFullYear: values.expectedFullYear.trim(),
      likelihood: values.likelihood.trim(),
      reasons: parseReasons(values.reasons, DEVIATION_REASONS, 'reasons', report),
      reasonOther: values.reasonOther.trim(),
      measures: values.measures.trim(),
    };
    if (indicator) {
      checkReached(indicator.operator, entry.reached, report);
      if (indicator.operator !== '定性' && entry.expectedFullYear !== '' && !parseDecimal(entry.expectedFullYear)) report('expectedFullYear', '全年预计应为数字');
    }
    if (entry.likelihood !== '' && !(LIKELIHOODS as readonly string[]).includes(entry.likelihood)) report('likelihood', `应为：${LIKELIHOODS.join('、')}`);
    let changed = false;
    if (record && indicator && found.length === 0) {
      const { reached, expectedFullYear, likelihood, reasons, reasonOther, measures } = indicator;
      changed = JSON.stringify(entry) !== JSON.stringify({ reached, expectedFullYear, likelihood, reasons, reasonOther, measures });
      plan.patchOf(record).indicators.set(indicator.indicatorId, entry);
    }
    plan.finish(
      { rowNumber, table: SHEET_NAMES.indicators, projectCode: code, projectName: record?.project.name ?? values.name, item: indicator?.name ?? values.indicator },
      found,
      changed,
    );
  }
}

function planProjects(plan: Plan, bytes: Uint8Array): void {
  for (const { rowNumber, values } of readTable(bytes, PROJECT_COLUMNS)) {
    const { found, report } = plan.reporter(SHEET_NAMES.project, rowNumber, PROJECT_COLUMNS);
    const code = values.code.trim();
    const record = plan.sheetFor(code, report);
    const project = {
      analysis: values.analysis.trim(),
      budget: {
        reasons: parseReasons(values.budgetReasons, SLOW_SPENDING_REASONS, 'budgetReasons', report),
        reasonOther: values.budgetReasonOther.trim(),
        measures: values.budgetMeasures.trim(),
      },
      goalProgress: values.goalProgress.trim(),
      remarks: values.remarks.trim(),
    };
    let changed = false;
    if (record && found.length === 0) {
      const { analysis, budget, goalProgress, remarks } = record;
      changed = JSON.stringify(project) !== JSON.stringify({ analysis, budget, goalProgress, remarks });
      plan.patchOf(record).project = project;
    }
    plan.finish({ rowNumber, table: SHEET_NAMES.project, projectCode: code, projectName: record?.project.name ?? values.name, item: '项目情况' }, found, changed);
  }
}

function planImport(db: Db, roundId: string, kind: ImportKind, bytes: Uint8Array): Plan {
  const plan = new Plan(db, requireRound(db, roundId));
  planExecution(plan, bytes);
  if (kind === 'template') {
    planIndicators(plan, bytes);
    planProjects(plan, bytes);
  }
  return plan;
}

/** The sheet's content with the file's good rows applied. */
function patched({ record, funds, indicators, project }: SheetPatch) {
  const content = contentOf(record);
  return {
    analysis: project?.analysis ?? content.analysis,
    budget: project?.budget ?? content.budget,
    goalProgress: project?.goalProgress ?? content.goalProgress,
    remarks: project?.remarks ?? content.remarks,
    funds: content.funds.map((f) => ({ ...f, ...funds.get(f.source) })),
    indicators: content.indicators.map((i) => ({ ...i, ...indicators.get(i.indicatorId) })),
  };
}

const changedPatches = (plan: Plan) =>
  [...plan.patches.values()].filter((p) => JSON.stringify(patched(p)) !== JSON.stringify(contentOf(p.record)));

function preview(fileName: string, kind: ImportKind, plan: Plan): MonitoringImportPreview {
  return {
    ...summarise(fileName, plan.rows, plan.problems),
    kind,
    unknownCodes: [...plan.unknownCodes].sort(),
    sheets: changedPatches(plan).length,
  };
}

export function previewMonitoringImport(db: Db, roundId: string, kind: ImportKind, fileName: string, bytes: Uint8Array): MonitoringImportPreview {
  return preview(fileName, kind, planImport(db, roundId, kind, bytes));
}

const IMPORT_ACTIONS: Record<ImportKind, string> = { execution: 'Excel 导入预算执行数', template: 'Excel 导入单位监控表' };

export function commitMonitoringImport(db: Db, actor: Actor, roundId: string, kind: ImportKind, fileName: string, bytes: Uint8Array): MonitoringImportResult {
  const plan = planImport(db, roundId, kind, bytes);
  const changes = changedPatches(plan);
  const result = { ...preview(fileName, kind, plan), sheets: changes.length, written: plan.rows.filter((r) => r.action === 'update').length };
  // The same file again: the sheets already hold it, so nothing is written, not even to the audit log.
  if (changes.length === 0) return result;
  const key = roundKey(plan.round);
  db.transaction((tx) => {
    const write = sheetContentWriter(tx);
    for (const patch of changes) {
      const after = patched(patch);
      write(patch.record.id, after, contentOf(patch.record));
      recordAudit(tx, actor, {
        entity: 'monitoring-sheet',
        naturalKey: `${key}/${patch.record.project.code}`,
        action: IMPORT_ACTIONS[kind],
        before: contentOf(patch.record),
        after: { fileName, ...after },
      });
    }
    recordAudit(tx, actor, {
      entity: 'monitoring-round',
      naturalKey: key,
      action: IMPORT_ACTIONS[kind],
      after: {
        fileName,
        updated: changes.map((p) => p.record.project.code),
        skippedRows: plan.rows.filter((r) => r.action === 'error').map((r) => `${r.table}:${r.rowNumber}`),
        unknownCodes: [...plan.unknownCodes],
      },
    });
  });
  return result;
}
