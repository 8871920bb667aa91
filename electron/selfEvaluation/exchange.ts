// Self-evaluations of both kinds travel up in their own stage with their indicator rows (and a
// department-wide one with its annual tasks), like targets with theirs; a unit's copy waits for its
// county's review whatever the unit says about itself.
import { z } from 'zod';
import { REVIEW_CHAIN_CLEARED, selfEvaluationIndicators, selfEvaluations, selfEvaluationTasks } from '../../db/schema';
import { OPERATORS } from '../domain/indicators';
import { type CrossReference, type DeclaredEntity, type Row, childRow, recordRow } from '../exchange/exchange';

/** A unit's self-evaluation waits for the county's review: the unit's own approval and opinion never count. */
function selfEvaluationAwaitingReview(row: Row): Row {
  return { ...row, status: row.status === 'draft' ? 'draft' : 'submitted', review_opinion: null, reviewed_by: null, decided_at: null, ...REVIEW_CHAIN_CLEARED };
}

/**
 * A table evaluates a project of the sender's (its unit's, from a unit) on that project's own target of
 * the same year, or a unit's department-wide target: a signed package cannot hang it on another county's
 * project or score one project against another's target.
 */
const selfEvaluationReferences: readonly CrossReference[] = [
  {
    outside: `SELECT e.id, COALESCE((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = e.project_id), e.project_id) AS detail
      FROM self_evaluations e WHERE e.id IN (SELECT value FROM json_each(:ids)) AND e.project_id IS NOT NULL
      AND e.project_id NOT IN (SELECT id FROM projects WHERE region_code = :region AND year = :year AND (:unit IS NULL OR unit_code = :unit))`,
    refusal: (project) => `评价的项目 ${project} 不是发送方本地区、本年度（单位上报时为本单位）的项目`,
  },
  {
    outside: `SELECT e.id, e.target_id AS detail FROM self_evaluations e WHERE e.id IN (SELECT value FROM json_each(:ids))
      AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.id = e.target_id AND t.region_code = :region AND t.year = :year AND t.kind = e.kind
        AND CASE e.kind WHEN 'project' THEN t.project_id IS e.project_id ELSE t.owner_code = e.unit_code END)`,
    refusal: (target) => `依据的绩效目标（${target}）不是该项目（部门）在发送方本地区、本年度的绩效目标`,
  },
];

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
    owner: {
      unit: "CASE self_evaluations.kind WHEN 'department' THEN self_evaluations.unit_code ELSE (SELECT p.unit_code FROM projects p WHERE p.id = self_evaluations.project_id) END",
      record: `CASE self_evaluations.kind WHEN 'department' THEN '部门整体 ' || self_evaluations.unit_code
        ELSE '项目 ' || coalesce((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = self_evaluations.project_id), self_evaluations.project_code) END`,
    },
    children: [
      { table: 'self_evaluation_indicators', foreignKey: 'self_evaluation_id', key: ['id'], row: childRow(selfEvaluationIndicators, { operator }) },
      { table: 'self_evaluation_tasks', foreignKey: 'self_evaluation_id', key: ['id'], row: childRow(selfEvaluationTasks) },
    ],
    unitColumn: 'unit_code',
    statusColumn: 'status',
    references: selfEvaluationReferences,
    awaitingReview: selfEvaluationAwaitingReview,
  },
];
