// Monitoring rounds travel both ways (a prefecture can issue a round to its counties); sheets travel
// up with their execution figures and indicator progress.
import type { ExchangeEntity } from '../exchange/entities';

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
