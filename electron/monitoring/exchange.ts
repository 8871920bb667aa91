// Monitoring rounds travel both ways (a prefecture can issue a round to its counties); sheets travel
// up with their execution figures and indicator progress.
import { z } from 'zod';
import { monitoringFunds, monitoringIndicators, monitoringRounds, monitoringSheets } from '../../db/schema';
import { forecastProblem, overspendMessage, slowSpendingDeviation } from '../domain/monitoring';
import { requireInstallation } from '../registry';
import { openIssuedRoundSheets } from './issued';
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

/**
 * A sheet is of a project in the package's scope, and its indicator rows are those of that project's
 * target. An indicator id that names no indicator here is let through: an approved adjustment rewrites a
 * target's rows under new ids, and the sheet keeps its own copy of what it reported on.
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
    scope: 'round_id IN (SELECT id FROM monitoring_rounds WHERE region_code = :region AND year = :year)',
    unitScope: 'project_id IN (SELECT id FROM projects WHERE unit_code = :unit)',
    children: [
      { table: 'monitoring_funds', foreignKey: 'sheet_id', key: ['source'], row: childRow(monitoringFunds) },
      { table: 'monitoring_indicators', foreignKey: 'sheet_id', key: ['indicator_id'], row: childRow(monitoringIndicators, { reasons: jsonStrings }) },
    ],
    statusColumn: 'status',
    references: sheetReferences,
    refuseIncoming: refuseOverspentSheet,
    awaitingReview: sheetAwaitingReview,
    incomingRow: budgetReasonsOnTheList,
  },
];
