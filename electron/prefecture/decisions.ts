// The review of records that came up from below (a prefecture reviewing a county's, a county a unit's):
// approve, or return with an opinion, one record or many at once. Only what the level below put forward
// can be decided (domain/prefecture.ts). The exchange engine keeps each decision until a reply carries it back.
import type { Store } from '../../db/open';
import type { Actor } from '../audit/audit';
import { reviewAboveRefusal } from '../domain/prefecture';
import { transition, WORKFLOW_STATES, type WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { queueDecisions, type DecisionInput, type DecisionSubject } from '../exchange';
import { requireInstallation } from '../registry';

const isWorkflowState = (status: string): status is WorkflowState => (WORKFLOW_STATES as readonly string[]).includes(status);

function refusal({ status }: DecisionSubject): string | null {
  if (!isWorkflowState(status)) return `的状态“${status}”不能审核`;
  const why = reviewAboveRefusal(status);
  return why && `：${why}`;
}

/**
 * Decisions on many records in one transaction, one audit entry each: an approval may share one opinion,
 * a return needs its own. One record that may not be decided refuses them all, naming it.
 */
export function recordDecisions(store: Store, actor: Actor, inputs: readonly DecisionInput[]) {
  const installation = requireInstallation(store.db);
  if (installation.role === 'unit') throw new AppError('INVALID_INPUT', '预算单位不审核其他单位上报的数据');
  if (inputs.length === 0) throw new AppError('INVALID_INPUT', '请至少选择一项要审核的记录');
  if (new Set(inputs.map((i) => `${i.entity}/${i.recordId}`)).size < inputs.length) throw new AppError('INVALID_INPUT', '同一项记录在一次审核中只能出现一次');
  for (const input of inputs) {
    const check = transition('submitted', input.action, input.opinion);
    if (!check.ok) throw new AppError('INVALID_INPUT', inputs.length > 1 ? `${check.message}：请为每一项退回的记录填写意见` : check.message);
  }
  return queueDecisions(store, actor, inputs, refusal);
}

export const recordDecision = (store: Store, actor: Actor, input: DecisionInput) => recordDecisions(store, actor, [input])[0]!;
