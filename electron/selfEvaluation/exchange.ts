// Self-evaluations of both kinds travel up in their own stage with their indicator rows (and a
// department-wide one with its annual tasks), like targets with theirs; a unit's copy waits for its
// county's review whatever the unit says about itself.
import { z } from 'zod';
import { REVIEW_CHAIN_CLEARED, selfEvaluationIndicators, selfEvaluations, selfEvaluationTasks } from '../../db/schema';
import { OPERATORS } from '../domain/indicators';
import { type DeclaredEntity, type Row, childRow, recordRow } from '../exchange/exchange';

/** A unit's self-evaluation waits for the county's review: the unit's own approval and opinion never count. */
function selfEvaluationAwaitingReview(row: Row): Row {
  return { ...row, status: row.status === 'draft' ? 'draft' : 'submitted', review_opinion: null, reviewed_by: null, decided_at: null, ...REVIEW_CHAIN_CLEARED };
}

// A row copied from a target draft may have no operator.
const operator = z.enum([...OPERATORS, '']);

export const selfEvaluationExchange: readonly DeclaredEntity[] = [
  {
    name: 'self-evaluation',
    label: '绩效自评',
    table: 'self_evaluations',
    row: recordRow(selfEvaluations),
    naturalKey: ['region_code', 'year', 'kind', 'project_code'],
    stages: ['self-evaluation'],
    parents: ['project', 'target'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    unitScope: "(project_id IN (SELECT id FROM projects WHERE unit_code = :unit) OR (kind = 'department' AND unit_code = :unit))",
    children: [
      { table: 'self_evaluation_indicators', foreignKey: 'self_evaluation_id', key: ['id'], row: childRow(selfEvaluationIndicators, { operator }) },
      { table: 'self_evaluation_tasks', foreignKey: 'self_evaluation_id', key: ['id'], row: childRow(selfEvaluationTasks) },
    ],
    unitColumn: 'unit_code',
    statusColumn: 'status',
    awaitingReview: selfEvaluationAwaitingReview,
  },
];
