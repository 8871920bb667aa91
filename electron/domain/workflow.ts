// The maker/checker workflow of domain.md §11, shared by targets, adjustments and monitoring sheets:
// 草稿 → 已送审 → 通过 | 被退回 (a return needs an opinion); approved records are locked.

export const WORKFLOW_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];
export const WORKFLOW_LABELS: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '已送审',
  approved: '通过',
  returned: '被退回',
};

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'approve', 'return'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '送审',
  withdraw: '撤回',
  approve: '审核通过',
  return: '退回',
};

const MOVES: Record<WorkflowAction, { from: readonly WorkflowState[]; to: WorkflowState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

export type Transition = { ok: true; next: WorkflowState } | { ok: false; message: string };

/** The state after `action`, or why the action is not allowed now. */
export function transition(state: WorkflowState, action: WorkflowAction, opinion?: string | null): Transition {
  const move = MOVES[action];
  if (!move.from.includes(state)) {
    return { ok: false, message: `当前状态为“${WORKFLOW_LABELS[state]}”，不能${ACTION_LABELS[action]}` };
  }
  if (action === 'return' && !opinion?.trim()) return { ok: false, message: '退回时必须填写审核意见' };
  return { ok: true, next: move.to };
}

/** Only drafts and returned records can be edited; submitted ones wait for review, approved ones are locked. */
export const editable = (state: WorkflowState): boolean => state === 'draft' || state === 'returned';

/** The actions a person could take on a record in this state (the UI shows these buttons). */
export const availableActions = (state: WorkflowState): WorkflowAction[] =>
  WORKFLOW_ACTIONS.filter((action) => MOVES[action].from.includes(state));
