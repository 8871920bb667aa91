// The year's results list travels up in its own stage with its proposals and the budget section's
// decisions, so the prefecture sees how far each county applied its results. It is the county's own
// record: no review of it comes back down.
import { resultLists, resultProposals } from '../../db/schema';
import { type CrossReference, type DeclaredEntity, childRow, recordRow } from '../exchange/exchange';

/** Every proposal names a project of the sender's region and year: a package cannot hang one on another county's project. */
const proposalReferences: readonly CrossReference[] = [
  {
    outside: `SELECT p.list_id AS id, p.project_code AS detail FROM result_proposals p
      WHERE p.list_id IN (SELECT value FROM json_each(:ids))
      AND p.project_id NOT IN (SELECT id FROM projects WHERE region_code = :region AND year = :year)`,
    refusal: (project) => `的建议所针对的项目 ${project} 不是发送方本地区、本年度的项目`,
  },
];

export const resultsExchange: readonly DeclaredEntity[] = [
  {
    name: 'results-list',
    label: '结果应用清单',
    table: 'result_lists',
    row: recordRow(resultLists),
    naturalKey: ['region_code', 'year'],
    stages: ['results'],
    // Each proposal names its project: the projects go with the list.
    parents: ['project'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    children: [{ table: 'result_proposals', foreignKey: 'list_id', key: ['id'], row: childRow(resultProposals) }],
    references: proposalReferences,
  },
];
