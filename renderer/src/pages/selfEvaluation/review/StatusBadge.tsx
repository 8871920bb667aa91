import { Badge } from '@mantine/core';
import { EXTERNAL_REVIEW_STATUS_LABELS, type ExternalReviewStatus } from '../../../../../electron/domain/selfEvaluation/review';

const STATUS_COLORS: Record<ExternalReviewStatus, string> = { pending: 'yellow', accepted: 'teal', returned: 'red' };

export const statusBadge = (status: ExternalReviewStatus) => (
  <Badge variant="light" color={STATUS_COLORS[status]}>
    {EXTERNAL_REVIEW_STATUS_LABELS[status]}
  </Badge>
);
