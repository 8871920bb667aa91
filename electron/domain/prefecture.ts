// The review above (a prefecture's of its counties' records, a county's of its units'): which records it may
// decide. Only what the level below has put forward: a draft, or a record sent back for revision, is still
// being written there. A decision already taken here may be replaced (the newest travels). The 审核 list
// previews the rule and the service enforces it.
import { WORKFLOW_LABELS, type WorkflowState } from './workflow';

/** Why a record in this state (as the level below reported it) cannot be approved or returned here, or null when it can. */
export function reviewAboveRefusal(status: WorkflowState): string | null {
  if (status === 'draft' || status === 'returned') return `下级的状态是“${WORKFLOW_LABELS[status]}”，尚未送审，不能审核；请等下级送审后再报来`;
  return null;
}
