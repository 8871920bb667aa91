// The review above (a prefecture's of its counties' records, a county's of its units'): which records it may
// decide. Only what the level below has put forward: a draft, or a record sent back for revision, is still
// being written there. A decision already taken here may be replaced (the newest travels); once one went down
// on the version decided, a new one is an explicit 改判 with its reason. The 审核 list previews the rules and the
// service enforces them.
import { WORKFLOW_LABELS, type WorkflowState } from './workflow';

/** Why a record in this state (as the level below reported it) cannot be approved or returned here, or null when it can. */
export function reviewAboveRefusal(status: WorkflowState): string | null {
  if (status === 'draft' || status === 'returned') return `下级的状态是“${WORKFLOW_LABELS[status]}”，尚未送审，不能审核；请等下级送审后再报来`;
  return null;
}

/** A new decision on this version of the record would be a 改判: a sent decision was on this very version. */
export const isRedecision = (sentOnVersion: number | null | undefined, version: number): boolean => sentOnVersion === version;

/** A 改判理由 is read by the level below beside the opinion: a few sentences, not a report. */
export const REDECISION_REASON_MAX = 500;

/** Why a 改判理由 cannot be sent as typed (too long), or null; counted as the service stores it, trimmed. */
export function redecisionReasonTooLong(reason: string | undefined): string | null {
  const length = reason?.trim().length ?? 0;
  if (length <= REDECISION_REASON_MAX) return null;
  return `改判理由最多 ${REDECISION_REASON_MAX} 个字，现在有 ${length} 个字，请精简后再改判`;
}

/**
 * Why a new decision on a record cannot be taken as it stands, or null when it can: once a reply carried a
 * decision on the version the level below sent, deciding it again is a 改判, which says why.
 */
export function redecisionRefusal(decisionSent: boolean, reason: string | undefined): string | null {
  if (!decisionSent) return null;
  if (!reason?.trim()) return '对这一版本的审核结论已随回复发给下级，再次审核即为改判：请填写改判理由，下级会看到它';
  return redecisionReasonTooLong(reason);
}

/** The opinion a 改判 sends down: marked, its reason first, then the reviewer's opinion if any. */
export function redecisionOpinion(reason: string, opinion: string): string {
  const rest = opinion.trim();
  return `【改判】理由：${reason.trim()}${rest ? `；审核意见：${rest}` : ''}`;
}
