// Who may change an evaluation plan and its evaluators, apart from the plan's own code so that the plan and
// its assignments both use it.
import type { Db } from '../../../db/open';
import type { Actor } from '../../audit/audit';
import { AppError } from '../../errors';
import { requirePermission, reviewerOf } from '../../registry';
import type { PlanScope } from './plans';

/**
 * Who may change a plan: whoever evaluates; a 主管部门审核人 only its own department's 部门评价 plan, since
 * 部门评价 is that department's work and 财政评价 the bureau's.
 */
export function refusePlanOutsideRole(db: Db, actor: Actor, scope: PlanScope): void {
  requirePermission(db, actor, 'evaluate');
  const reviewer = reviewerOf(db, actor);
  if (reviewer.role !== 'department') return;
  if (scope.kind !== 'department') throw new AppError('FORBIDDEN', '主管部门审核人只能管理本部门的部门评价计划，财政评价计划由财政局制定');
  if (scope.departmentCode !== reviewer.departmentCode) throw new AppError('FORBIDDEN', `主管部门审核人只能管理本部门（${reviewer.departmentCode}）的部门评价计划`);
}
