// Projects travel up with their funds by source.
import { projectFunds, projects } from '../../db/schema';
import { type ExchangeEntity, childRow, recordRow } from '../exchange';

export const projectExchange: readonly ExchangeEntity[] = [
  {
    name: 'project',
    label: '项目',
    table: 'projects',
    row: recordRow(projects),
    naturalKey: ['region_code', 'year', 'code'],
    stages: ['targets', 'monitoring'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    unitScope: 'unit_code = :unit',
    children: [{ table: 'project_funds', foreignKey: 'project_id', key: ['source'], row: childRow(projectFunds) }],
    unitColumn: 'unit_code',
  },
];
