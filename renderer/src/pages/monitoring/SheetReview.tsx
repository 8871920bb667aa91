import type { ReactNode } from 'react';
import type { WorkflowAction } from '../../../../electron/domain/workflow';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { OpinionReview, ReviewPanel } from '../../components/ReviewPanel';
import { useAllowed } from '../../components/useAllowed';

interface SavedSheet {
  version: number;
}

/**
 * A monitoring sheet in review, around its sections: where it stands with the last opinion above them,
 * 保存 / 送审 / 撤回 and the bureau's 审核 below. The bureau's decision needs no grade, only the opinion.
 */
export function SheetReview({
  detail,
  dirty,
  problemCount,
  onSave,
  onAttempt,
  reload,
  transition = (saved, action, opinion) => invoke('monitoring.transition', { sheetId: detail.id, version: saved.version, action, opinion }),
  children,
}: {
  detail: Pick<SheetDetail, 'id' | 'status' | 'reviewOpinion' | 'version'>;
  dirty: boolean;
  problemCount: number;
  /** Saves the form; resolves to the new version, or null when it did not save (already reported). */
  onSave: () => Promise<SavedSheet | null>;
  onAttempt: () => void;
  reload: () => Promise<void>;
  /** 送审 / 撤回 / 审核 on the server: a project sheet's unless told (a department sheet has its own channel). */
  transition?: (saved: SavedSheet, action: WorkflowAction, opinion: string | null) => Promise<unknown>;
  children: ReactNode;
}) {
  const canReview = useAllowed('review').allowed;
  return (
    <ReviewPanel<SavedSheet, { opinion: string | null }>
      status={detail.status}
      reviewOpinion={detail.reviewOpinion}
      approvedNote="监控表已锁定。"
      stored={{ version: detail.version }}
      dirty={dirty}
      problemCount={problemCount}
      saveLabel="保存"
      canWithdraw
      canReview={canReview}
      onSave={onSave}
      onSaved={reload}
      onAttempt={onAttempt}
      onTransition={(saved, action, decision) => transition(saved, action, decision?.opinion ?? null)}
      onChanged={reload}
      review={(decide) => <OpinionReview decide={decide} />}
    >
      {children}
    </ReviewPanel>
  );
}
