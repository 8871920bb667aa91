// Monitoring rounds travel both ways (a prefecture can issue a round to its counties); sheets travel
// up with their execution figures and indicator progress.
import { overspendMessage } from '../domain/monitoring';
import type { ExchangeEntity, PackageRecord, Row } from '../exchange';

/**
 * 超支 travels no further than the sheet form lets it: a package whose sheet reports a fund source
 * executed above its adjusted budget is refused, naming the project and the figures.
 */
function refuseOverspentSheet(record: PackageRecord, rowOf: (table: string, id: string) => Row | undefined): string | null {
  for (const fund of record.children.monitoring_funds ?? []) {
    const message = overspendMessage(Number(fund.executed_fen), Number(fund.adjusted_fen));
    if (!message) continue;
    const project = rowOf('projects', String(record.row.project_id));
    const name = project ? `项目 ${project.code}“${project.name}”` : `项目 ${record.row.project_id}`;
    return `监控表（${name}）的“${fund.source}”${message}`;
  }
  return null;
}

export const monitoringExchange: readonly ExchangeEntity[] = [
  {
    name: 'monitoring-round',
    label: '监控轮次',
    table: 'monitoring_rounds',
    naturalKey: ['region_code', 'year', 'month', 'seq'],
    stages: ['monitoring'],
    directions: ['up', 'down'],
    scope: 'region_code = :region AND year = :year',
  },
  {
    name: 'monitoring-sheet',
    label: '监控表',
    table: 'monitoring_sheets',
    naturalKey: ['round_id', 'project_id'],
    stages: ['monitoring'],
    directions: ['up'],
    scope: 'round_id IN (SELECT id FROM monitoring_rounds WHERE region_code = :region AND year = :year)',
    unitScope: 'project_id IN (SELECT id FROM projects WHERE unit_code = :unit)',
    children: [
      { table: 'monitoring_funds', foreignKey: 'sheet_id', key: ['source'] },
      { table: 'monitoring_indicators', foreignKey: 'sheet_id', key: ['indicator_id'] },
    ],
    statusColumn: 'status',
    refuseIncoming: refuseOverspentSheet,
  },
  {
    name: 'rectification',
    label: '整改通知',
    table: 'rectifications',
    naturalKey: ['region_code', 'year', 'seq'],
    stages: ['rectification', 'monitoring'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    unitScope: 'unit_code = :unit',
    unitColumn: 'unit_code',
    statusColumn: 'status',
  },
];
