// Projects travel up with their funds by source, in the stages of the targets and sheets written for them.
import { projectFunds, projects } from '../../db/schema';
import { type DeclaredEntity, childRow, recordRow } from '../exchange/exchange';

export const projectExchange: readonly DeclaredEntity[] = [
  {
    name: 'project',
    label: '项目',
    table: 'projects',
    row: recordRow(projects),
    naturalKey: ['region_code', 'year', 'code'],
    parents: ['unit'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    unitScope: 'unit_code = :unit',
    children: [{ table: 'project_funds', foreignKey: 'project_id', key: ['source'], row: childRow(projectFunds) }],
    unitColumn: 'unit_code',
  },
];
