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
    directions: ['up', 'down'],
    // A unit receives the projects of its own that its notices name, entered at the county or by itself.
    downToUnits: true,
    scope: 'region_code = :region AND year = :year',
    unitScope: 'unit_code = :unit',
    owner: { unit: 'projects.unit_code', record: "projects.code || '“' || projects.name || '”'" },
    children: [{ table: 'project_funds', foreignKey: 'project_id', key: ['source'], row: childRow(projectFunds) }],
    unitColumn: 'unit_code',
    // The receiver's library may lack a type the sender added locally: reported beside the project, not refused.
    references: [
      {
        outside: `SELECT p.id, p.project_type_code AS detail FROM projects p WHERE p.id IN (SELECT value FROM json_each(:ids))
          AND p.project_type_code IS NOT NULL AND p.project_type_code NOT IN (SELECT code FROM project_types WHERE deleted = 0)`,
        note: (type) => `项目类型“${type}”不在本机指标库中，请核对或先更新指标库`,
      },
    ],
  },
];
