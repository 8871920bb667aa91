import { Badge } from '@mantine/core';
import { WORKFLOW_LABELS, type WorkflowState } from '../../../electron/domain/workflow';

const COLORS: Record<WorkflowState, string> = { draft: 'gray', submitted: 'blue', approved: 'teal', returned: 'orange' };

/** Where a target or a monitoring sheet stands in review; null means nothing was filled in yet. */
export function WorkflowStatusBadge({ status }: { status: WorkflowState | null }) {
  if (!status) {
    return (
      <Badge variant="outline" color="gray">
        未填报
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={COLORS[status]}>
      {WORKFLOW_LABELS[status]}
    </Badge>
  );
}
