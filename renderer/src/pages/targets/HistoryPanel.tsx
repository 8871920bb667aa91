import { ReviewHistory } from '../../components/ReviewPanel';
import { useInvoke } from '../../components/useInvoke';

/**
 * Every step of a target (saved, submitted, returned with the opinion, approved, adjusted) with who did
 * it. Give it the target's version as `key` so it reloads after each change.
 */
export function HistoryPanel({ targetId }: { targetId: string }) {
  const history = useInvoke('targets.history', { id: targetId });
  return <ReviewHistory rows={history.data ?? []} error={history.error} />;
}
