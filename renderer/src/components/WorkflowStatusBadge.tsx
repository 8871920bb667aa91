import { WORKFLOW_LABELS, type WorkflowState } from '../../../electron/domain/workflow';
import { CellBadge, type CellColor } from './cells';

const COLORS: Record<WorkflowState, CellColor> = { draft: 'gray', submitted: 'blue', approved: 'teal', returned: 'orange' };

/**
 * Where a target or a monitoring sheet stands in review; null means nothing was filled in yet. A plain badge
 * (cells.tsx): most of them stand in list rows, mounted by the screenful while a list scrolls.
 */
export function WorkflowStatusBadge({ status }: { status: WorkflowState | null }) {
  if (!status) {
    return (
      <CellBadge variant="outline" color="gray">
        未填报
      </CellBadge>
    );
  }
  return (
    <CellBadge variant="light" color={COLORS[status]}>
      {WORKFLOW_LABELS[status]}
    </CellBadge>
  );
}
