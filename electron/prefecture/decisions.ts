// The review of records that came up from below (a prefecture reviewing a county's, a county a unit's):
// approve, or return with an opinion. The exchange engine keeps each decision until a reply carries it back.
import type { Store } from '../../db/open';
import type { Actor } from '../audit/audit';
import { transition } from '../domain/workflow';
import { AppError } from '../errors';
import { queueDecision, type DecisionInput } from '../exchange';
import { requireInstallation } from '../registry';

export function recordDecision(store: Store, actor: Actor, input: DecisionInput) {
  const installation = requireInstallation(store.db);
  if (installation.role === 'unit') throw new AppError('INVALID_INPUT', '预算单位不审核其他单位上报的数据');
  const check = transition('submitted', input.action, input.opinion);
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message);
  return queueDecision(store, actor, input);
}
