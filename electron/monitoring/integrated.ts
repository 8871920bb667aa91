// The 一体化 export of a year: approved project targets with their indicators, and every monitoring
// round's sheets (the units' 部门整体 sheets in INTEGRATED_DEPARTMENT_TABLES), in the fields of INTEGRATED_TABLES
// (the 预算管理一体化 performance data standard: which fields are confirmed and which are 模拟 is said there), so
// the county uploads its offline work to the province's system by file.
import { sqliteOf, type Db } from '../../db/open';
import { localDate } from '../domain/clock';
import { formatYuan } from '../domain/money';
import { LIGHT_LABELS, type Light } from '../domain/monitoring';
import { deviationText } from '../domain/monitoringAnnex';
import {
  INTEGRATED_DEPARTMENT_TABLES,
  INTEGRATED_TABLES,
  indicatorLevelCodes,
  type IntegratedDepartmentTableName,
  type IntegratedTable,
  type IntegratedTableName,
} from '../domain/monitoringIntegrated';
import { isIsoDate } from '../domain/projects';
import { displayTarget, type IndicatorOperator } from '../domain/indicators';
import { percent } from '../domain/ratio';
import { expectedGoal } from '../domain/targets';
import { AppError } from '../errors';
import { requireInstallation } from '../registry';
import { writeWorkbook } from '../xlsx/sheet';
import { assessDepartmentSheet, loadDepartmentSheets } from './departmentSheets';
import { listRounds } from './rounds';
import { annexFundGroups, assessRecord, loadSheets, roundRuleSettings, requireRound, type SheetIndicator } from './store';

type Row = Record<string, string | number>;

/**
 * 元 with two decimals, as text: exact to the 分 whatever Excel's locale, and the two decimals survive
 * (a number cell would show 1200 for 1200.00).
 */
const yuan = (fen: number | null) => (fen === null ? '' : formatYuan(fen, { grouping: false }));

interface TargetLine {
  id: string;
  projectId: string;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  category: string;
  overallGoal: string;
  annualGoals: string;
  decidedAt: string | null;
}

interface TargetIndicatorLine {
  id: string;
  seq: number;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  value: string;
  unit: string;
  definition: string;
  basis: string;
  weight: string;
  scoringStandard: string;
}

function targetRows(db: Db, region: string, year: number, head: (unitCode: string, unitName: string, projectCode: string) => Row): { targets: Row[]; indicators: Row[] } {
  const sqlite = sqliteOf(db);
  const lines = sqlite
    .prepare(
      `SELECT t.id, p.id AS projectId, p.code, p.name, p.unit_code AS unitCode, coalesce(u.name, p.unit_code) AS unitName, p.department_code AS departmentCode,
              p.category, t.overall_goal AS overallGoal, t.annual_goals AS annualGoals, t.decided_at AS decidedAt
         FROM targets t JOIN projects p ON p.id = t.project_id AND p.deleted = 0
         LEFT JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code
        WHERE t.region_code = ? AND t.year = ? AND t.kind = 'project' AND t.status = 'approved' AND t.deleted = 0
        ORDER BY p.unit_code, p.code`,
    )
    .all(region, year) as TargetLine[];
  const fundsOf = sqlite.prepare('SELECT source, initial_fen + addition_fen - cut_fen AS adjustedFen FROM project_funds WHERE project_id = ?');
  const indicatorsOf = sqlite.prepare(
    'SELECT id, seq, level1, level2, name, operator, value, unit, definition, basis, weight, scoring_standard AS scoringStandard FROM target_indicators WHERE target_id = ? ORDER BY seq',
  );
  const groups = annexFundGroups(db);
  const targets: Row[] = [];
  const indicators: Row[] = [];
  for (const t of lines) {
    const funds = fundsOf.all(t.projectId) as { source: keyof typeof groups; adjustedFen: number }[];
    const total = (group?: 'fiscal' | 'other') => funds.filter((f) => !group || (groups[f.source] ?? 'fiscal') === group).reduce((sum, f) => sum + f.adjustedFen, 0);
    targets.push({
      ...head(t.unitCode, t.unitName, t.code),
      KPI_PER_ID: t.id,
      PRO_NAME: t.name,
      DEPT_CODE: t.departmentCode,
      PRO_KIND: t.category,
      PRO_TOTAL_AMT: yuan(total()),
      FIN_AMT: yuan(total('fiscal')),
      OTHER_AMT: yuan(total('other')),
      KPI_TARGET: expectedGoal(t),
      AUDIT_DATE: t.decidedAt?.slice(0, 10) ?? '',
    });
    for (const i of indicatorsOf.all(t.id) as TargetIndicatorLine[]) {
      const codes = indicatorLevelCodes(i.level1, i.level2, i.seq);
      indicators.push({
        ...head(t.unitCode, t.unitName, t.code),
        KPI_ID: i.id,
        KPI_LV1: codes.level1,
        KPI_LV2: codes.level2,
        KPI_LV3: codes.level3,
        KPI_CONTENT: i.name,
        KPI_EVALSTD: i.scoringStandard,
        KPI_VAL: i.value,
        LV1_PERF_IND_NAME: i.level1,
        LV2_PERF_IND_NAME: i.level2,
        IND_WEIGHT: i.weight,
        KPI_SYMBOL: i.operator,
        KPI_UNIT: i.unit,
        KPI_EXPLAIN: i.definition,
        KPI_BASIS: i.basis,
      });
    }
  }
  return { targets, indicators };
}

/** 预警 as the standard's text: the light's name, or 未填报 for a sheet nobody has reported on yet. */
const lightText = (light: Light, reported: boolean) => (reported ? LIGHT_LABELS[light] : '未填报');

/** One indicator's progress in a round, a project's or a unit's 部门整体 alike. */
function indicatorProgressRow(lead: Row, i: SheetIndicator, light: Light): Row {
  const codes = indicatorLevelCodes(i.level1, i.level2, i.seq);
  return {
    ...lead,
    KPI_ID: i.indicatorId,
    KPI_LV1: codes.level1,
    KPI_LV2: codes.level2,
    KPI_LV3: codes.level3,
    KPI_CONTENT: i.name,
    KPI_TARGET_VAL: displayTarget({ operator: i.operator as IndicatorOperator, value: i.target, unit: i.unit }),
    KPI_EXE_VAL: i.reached,
    KPI_EST_VAL: i.expectedFullYear,
    KPI_POSSIBLE: i.likelihood,
    DEV_REASON: deviationText({ ...i, measures: '' }),
    MEASURE: i.measures,
    KPI_LIGHT: lightText(light, i.reached.trim() !== ''),
  };
}

function monitoringRows(db: Db, year: number, head: (unitCode: string, unitName: string, projectCode: string) => Row): { monitoring: Row[]; monitoringIndicators: Row[] } {
  const monitoring: Row[] = [];
  const monitoringIndicators: Row[] = [];
  // Oldest round first: the province reads a year's monitoring in the order it was reported.
  for (const summary of listRounds(db, year).reverse()) {
    const round = requireRound(db, summary.id);
    const settings = roundRuleSettings(db, round);
    for (const record of loadSheets(db, round.id)) {
      const assessment = assessRecord(record, settings);
      const sum = (pick: (f: (typeof record.funds)[number]) => number) => record.funds.reduce((n, f) => n + pick(f), 0);
      const forecast = record.funds.length > 0 && record.funds.every((f) => f.forecastFen !== null) ? sum((f) => f.forecastFen!) : null;
      const lead = { ...head(record.project.unitCode, record.project.unitName, record.project.code), MONITOR_MONTH: round.month };
      monitoring.push({
        ...lead,
        YEAR_BGT_AMT: yuan(sum((f) => f.initialFen)),
        ADJ_BGT_AMT: yuan(sum((f) => f.adjustedFen)),
        EXE_AMT: yuan(sum((f) => f.executedFen)),
        EXE_RATE: percent(assessment.execution.rate),
        EST_EXE_AMT: yuan(forecast),
        EST_BAL_AMT: yuan(forecast === null ? null : sum((f) => f.adjustedFen) - forecast),
        BGT_LIGHT: lightText(assessment.budgetLight, assessment.reported),
        DEV_REASON: deviationText({ ...record.budget, measures: '' }),
        MEASURE: record.budget.measures,
        GOAL_EXE: record.goalProgress,
      });
      record.indicators.forEach((i, n) => monitoringIndicators.push(indicatorProgressRow(lead, i, assessment.indicators[n]!.light)));
    }
  }
  return { monitoring, monitoringIndicators };
}

/** The units' 部门整体 sheets of every round, oldest round first, with their indicators: tables of their own. */
function departmentMonitoringRows(db: Db, year: number, head: (unitCode: string, unitName: string, projectCode: string) => Row): Record<IntegratedDepartmentTableName, Row[]> {
  const departmentMonitoring: Row[] = [];
  const departmentMonitoringIndicators: Row[] = [];
  for (const summary of listRounds(db, year).reverse()) {
    const round = requireRound(db, summary.id);
    const settings = roundRuleSettings(db, round);
    for (const record of loadDepartmentSheets(db, round.id)) {
      const assessment = assessDepartmentSheet(record, settings);
      const lead = { ...head(record.unitCode, record.unitName, ''), MONITOR_MONTH: round.month };
      departmentMonitoring.push({
        ...lead,
        BASIC_BGT_AMT: yuan(record.basicBudgetFen),
        BASIC_EXE_AMT: yuan(record.basicExecutedFen),
        PRO_BGT_AMT: yuan(record.projectBudgetFen),
        PRO_EXE_AMT: yuan(record.projectExecutedFen),
        ADJ_BGT_AMT: yuan(record.basicBudgetFen + record.projectBudgetFen),
        EXE_AMT: yuan(record.basicExecutedFen + record.projectExecutedFen),
        EXE_RATE: percent(assessment.execution.rate),
        BGT_LIGHT: lightText(assessment.budgetLight, assessment.reported),
        DEV_REASON: deviationText({ ...record.budget, measures: '' }),
        MEASURE: record.budget.measures,
        GOAL_EXE: record.goalProgress,
        REMARK: record.remarks,
      });
      record.indicators.forEach((i, n) => departmentMonitoringIndicators.push(indicatorProgressRow(lead, i, assessment.indicators[n]!.light)));
    }
  }
  return { departmentMonitoring, departmentMonitoringIndicators };
}

const sheetOf = (table: IntegratedTable, rows: readonly Row[]) => ({
  name: table.sheet,
  headers: table.fields.map((field) => field.name),
  // The element codes under the Chinese names: what the province's import maps its columns by.
  rows: [table.fields.map((field) => field.code), ...rows.map((row) => table.fields.map((field) => row[field.code] ?? ''))],
  widths: table.fields.map((field) => Math.max(12, field.name.length * 2 + 2)),
});

/** The year's workbook for the province's 一体化 system; `reportDate` (报送日期) defaults to today. */
export function integratedWorkbook(db: Db, year: number, reportDate = localDate()): Uint8Array {
  if (!isIsoDate(reportDate)) throw new AppError('INVALID_INPUT', `报送日期“${reportDate}”应为“2020-08-31”这样的日期`);
  const { region } = requireInstallation(db);
  const head = (unitCode: string, unitName: string, projectCode: string): Row => ({
    MOF_DIV_CODE: region.code,
    FISCAL_YEAR: year,
    REPORT_DATE: reportDate,
    AGENCY_CODE: unitCode,
    AGENCY_NAME: unitName,
    PRO_CODE: projectCode,
  });
  const rows: Record<IntegratedTableName, Row[]> = { ...targetRows(db, region.code, year, head), ...monitoringRows(db, year, head) };
  const departmentRows = departmentMonitoringRows(db, year, head);
  return writeWorkbook([
    ...(Object.keys(INTEGRATED_TABLES) as IntegratedTableName[]).map((name) => sheetOf(INTEGRATED_TABLES[name], rows[name])),
    ...(Object.keys(INTEGRATED_DEPARTMENT_TABLES) as IntegratedDepartmentTableName[]).map((name) => sheetOf(INTEGRATED_DEPARTMENT_TABLES[name], departmentRows[name])),
  ]);
}
