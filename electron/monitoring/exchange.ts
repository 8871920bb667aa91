// Monitoring rounds travel both ways (a prefecture can issue a round to its counties); sheets travel
// up with their execution figures and indicator progress, a project's and a unit's whole budget's alike.
import { z } from 'zod';
import { monitoringDepartmentIndicators, monitoringDepartmentSheets, monitoringFunds, monitoringIndicators, monitoringRounds, monitoringSheets } from '../../db/schema';
import { budgetPartsOf } from '../domain/departmentMonitoring';
import { forecastProblem, overspendMessage, slowSpendingDeviation } from '../domain/monitoring';
import { requireInstallation } from '../registry';
import { openIssuedRoundSheets } from './issued';
import { recountRoundsOfSheets } from './roundLights';
import { type CrossReference, type DeclaredEntity, type PackageRecord, type Row, childRow, jsonStrings, recordRow } from '../exchange/exchange';

/**
 * 超支 and a forecast the budget cannot hold travel no further than the sheet form lets them: a package
 * whose sheet reports a fund source executed, or forecast, above its adjusted budget is refused, naming the
 * project and the figures.
 */
function refuseOverspentSheet(record: PackageRecord, rowOf: (table: string, id: string) => Row | undefined): string | null {
  const month = Number(rowOf('monitoring_rounds', String(record.row.round_id))?.month ?? 12);
  for (const fund of record.children.monitoring_funds ?? []) {
    const [executed, adjusted] = [Number(fund.executed_fen), Number(fund.adjusted_fen)];
    const forecast = fund.forecast_fen === null || fund.forecast_fen === undefined ? null : Number(fund.forecast_fen);
    const message = overspendMessage(executed, adjusted) ?? forecastProblem(forecast, executed, adjusted, month);
    if (!message) continue;
    const project = rowOf('projects', String(record.row.project_id));
    const name = project ? `项目 ${project.code}“${project.name}”` : `项目 ${record.row.project_id}`;
    return `监控表（${name}）的“${fund.source}”${message}`;
  }
  return null;
}

/**
 * A department sheet's 基本支出 and 项目支出 are held to their budget parts as the form holds them: a package
 * carrying either executed above its part is refused, naming the unit code and the figures.
 */
function refuseOverspentDepartmentSheet(record: PackageRecord): string | null {
  const fen = (column: string) => Number(record.row[column]);
  const parts = budgetPartsOf({
    basicBudgetFen: fen('basic_budget_fen'),
    projectBudgetFen: fen('project_budget_fen'),
    basicExecutedFen: fen('basic_executed_fen'),
    projectExecutedFen: fen('project_executed_fen'),
  });
  for (const part of parts) {
    const message = overspendMessage(part.executedFen, part.adjustedFen);
    if (message) return `部门整体监控表（单位 ${String(record.row.unit_code)}）的“${part.source}”${message}`;
  }
  return null;
}

/** A unit's monitoring sheet waits for the county's review: the unit's own approval never counts. */
function sheetAwaitingReview(row: Row): Row {
  return { ...row, status: row.status === 'draft' ? 'draft' : 'submitted', review_opinion: null, decided_at: null };
}

/**
 * A sheet from a package made before slow spending had its own reasons may carry 保障 reasons on its budget
 * light: they arrive on the 136号 list (slowSpendingDeviation), so the sheet never shows a reason it cannot offer.
 */
function budgetReasonsOnTheList(row: Row): Row {
  const sent = { reasons: JSON.parse(String(row.budget_reasons)) as string[], reasonOther: String(row.budget_reason_other) };
  const mapped = slowSpendingDeviation(sent);
  if (mapped === sent) return row;
  return { ...row, budget_reasons: JSON.stringify(mapped.reasons), budget_reason_other: mapped.reasonOther };
}

const incoming = 'SELECT value FROM json_each(:ids)';
/** A sheet's copy of an indicator (mi) differs from the approved one it names (ti): one rule for both kinds of sheet. */
const snapshotChanged = '(mi.name <> ti.name OR mi.operator <> ti.operator OR mi.target_value <> ti.value OR mi.unit <> ti.unit)';
const snapshotRefusal = '与批复的绩效目标不一致：监控只填报完成情况，指标名称、指标性质、指标值和计量单位不能更改';
const sheetsOfRoundsInScope = 'round_id IN (SELECT id FROM monitoring_rounds WHERE region_code = :region AND year = :year)';
/** A stored sheet's round as people know it (its title), for the refusal naming the sheet. */
const roundTitle = (sheets: string) => `coalesce((SELECT r.title FROM monitoring_rounds r WHERE r.id = ${sheets}.round_id), ${sheets}.round_id)`;

/**
 * A sheet is of a project in the package's scope, and its indicator rows are those of that project's
 * target: known here, with the approved 指标、指标性质、指标值 and unit, since a sheet reports progress and
 * never rewrites its target. An indicator id that names no indicator here is let through: an approved
 * adjustment rewrites a target's rows under new ids, and the sheet keeps its own copy of what it reported on.
 */
const sheetReferences: readonly CrossReference[] = [
  {
    outside: `SELECT s.id, s.project_id AS detail FROM monitoring_sheets s WHERE s.id IN (${incoming})
      AND s.project_id NOT IN (SELECT id FROM projects WHERE region_code = :region AND year = :year)`,
    refusal: (project) => `所属的项目（${project}）不是本数据包所属地区和年度的项目`,
  },
  {
    outside: `SELECT s.id, mi.name AS detail FROM monitoring_sheets s
      JOIN monitoring_indicators mi ON mi.sheet_id = s.id
      JOIN target_indicators ti ON ti.id = mi.indicator_id
      JOIN targets t ON t.id = ti.target_id
      WHERE s.id IN (${incoming}) AND NOT (t.kind = 'project' AND t.project_id IS s.project_id)`,
    refusal: (indicator) => `的监控指标“${indicator}”指向另一个项目绩效目标中的指标，不是本项目的指标`,
  },
  {
    outside: `SELECT s.id, mi.name AS detail FROM monitoring_sheets s
      JOIN monitoring_indicators mi ON mi.sheet_id = s.id
      JOIN target_indicators ti ON ti.id = mi.indicator_id
      WHERE s.id IN (${incoming}) AND ${snapshotChanged}`,
    refusal: (indicator) => `的监控指标“${indicator}”${snapshotRefusal}`,
  },
];

/**
 * A department sheet is of a unit of the package's region, opened from that unit's own department-wide
 * target of the year where this installation holds it, and its indicator rows are that target's: known
 * here, their 指标、指标性质、指标值 and unit are the approved ones, since a sheet reports progress against
 * the target and never rewrites it. Ids naming nothing here are let through (an approved adjustment
 * rewrites a target's rows under new ids; the monitoring stage does not carry targets).
 */
const departmentSheetReferences: readonly CrossReference[] = [
  {
    outside: `SELECT d.id, d.unit_code AS detail FROM monitoring_department_sheets d WHERE d.id IN (${incoming})
      AND d.unit_code NOT IN (SELECT code FROM units WHERE region_code = :region)`,
    refusal: (unit) => `所属的单位（${unit}）不是本数据包所属地区的预算单位`,
  },
  {
    outside: `SELECT d.id, d.target_id AS detail FROM monitoring_department_sheets d JOIN targets t ON t.id = d.target_id
      WHERE d.id IN (${incoming}) AND NOT (t.kind = 'department' AND t.owner_code = d.unit_code AND t.region_code = :region AND t.year = :year)`,
    refusal: (target) => `依据的绩效目标（${target}）不是该单位本地区、本年度的部门整体绩效目标`,
  },
  {
    outside: `SELECT d.id, mi.name AS detail FROM monitoring_department_sheets d
      JOIN monitoring_department_indicators mi ON mi.sheet_id = d.id
      JOIN target_indicators ti ON ti.id = mi.indicator_id
      JOIN targets t ON t.id = ti.target_id
      WHERE d.id IN (${incoming}) AND NOT (t.kind = 'department' AND t.owner_code = d.unit_code)`,
    refusal: (indicator) => `的监控指标“${indicator}”指向另一个绩效目标中的指标，不是该单位部门整体绩效目标的指标`,
  },
  {
    outside: `SELECT d.id, mi.name AS detail FROM monitoring_department_sheets d
      JOIN monitoring_department_indicators mi ON mi.sheet_id = d.id
      JOIN target_indicators ti ON ti.id = mi.indicator_id
      WHERE d.id IN (${incoming}) AND ${snapshotChanged}`,
    refusal: (indicator) => `的监控指标“${indicator}”${snapshotRefusal}`,
  },
];

export const monitoringExchange: readonly DeclaredEntity[] = [
  {
    name: 'monitoring-round',
    label: '监控轮次',
    table: 'monitoring_rounds',
    row: recordRow(monitoringRounds, { month: z.number().int().min(1).max(12) }),
    naturalKey: ['region_code', 'year', 'month', 'seq'],
    stages: ['monitoring'],
    directions: ['up', 'down'],
    scope: 'region_code = :region AND year = :year',
    // A round the prefecture issued arrives without sheets: the county opens them over its own projects.
    afterApply: (db, _actor, applied, origin) => {
      const installation = requireInstallation(db);
      if (installation.role !== 'county' || origin.sender !== installation.region.parentCode) return;
      openIssuedRoundSheets(db, applied.filter((r) => r.action === 'created').map((r) => r.id));
    },
  },
  {
    name: 'monitoring-sheet',
    label: '监控表',
    table: 'monitoring_sheets',
    row: recordRow(monitoringSheets, { budget_reasons: jsonStrings }),
    naturalKey: ['round_id', 'project_id'],
    stages: ['monitoring'],
    parents: ['monitoring-round', 'project'],
    directions: ['up'],
    scope: sheetsOfRoundsInScope,
    unitScope: 'project_id IN (SELECT id FROM projects WHERE unit_code = :unit)',
    owner: {
      unit: '(SELECT p.unit_code FROM projects p WHERE p.id = monitoring_sheets.project_id)',
      record: `${roundTitle('monitoring_sheets')} || ' · 项目 ' || coalesce((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = monitoring_sheets.project_id), monitoring_sheets.project_id)`,
    },
    children: [
      { table: 'monitoring_funds', foreignKey: 'sheet_id', key: ['source'], row: childRow(monitoringFunds) },
      { table: 'monitoring_indicators', foreignKey: 'sheet_id', key: ['indicator_id'], row: childRow(monitoringIndicators, { reasons: jsonStrings }) },
    ],
    statusColumn: 'status',
    references: sheetReferences,
    refuseIncoming: refuseOverspentSheet,
    awaitingReview: sheetAwaitingReview,
    incomingRow: budgetReasonsOnTheList,
    // The rounds' kept light counts go with what the package wrote; the prefecture's screens read them, so a
    // prefecture counts them again here, in the import's transaction. A county never reads them.
    afterApply: (db, _actor, applied) => recountRoundsOfSheets(db, applied.map((sheet) => sheet.id), requireInstallation(db).role === 'prefecture'),
  },
  {
    name: 'monitoring-department-sheet',
    label: '部门整体监控表',
    table: 'monitoring_department_sheets',
    row: recordRow(monitoringDepartmentSheets, { budget_reasons: jsonStrings, goal_progress: z.string().max(2000) }),
    // 年度总体目标执行情况 came after the first department sheets travelled: an older package reports none.
    addedColumns: { goal_progress: '' },
    naturalKey: ['round_id', 'unit_code'],
    stages: ['monitoring'],
    parents: ['monitoring-round', 'unit'],
    directions: ['up'],
    scope: sheetsOfRoundsInScope,
    unitScope: 'unit_code = :unit',
    owner: { unit: 'monitoring_department_sheets.unit_code', record: roundTitle('monitoring_department_sheets') },
    children: [
      {
        table: 'monitoring_department_indicators',
        foreignKey: 'sheet_id',
        key: ['indicator_id'],
        row: childRow(monitoringDepartmentIndicators, { reasons: jsonStrings }),
      },
    ],
    unitColumn: 'unit_code',
    statusColumn: 'status',
    references: departmentSheetReferences,
    refuseIncoming: refuseOverspentDepartmentSheet,
    awaitingReview: sheetAwaitingReview,
  },
];
