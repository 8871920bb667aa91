// How a notice's status and deadline read in lists and on its page.
import { Badge, Group } from '@mantine/core';
import { DEADLINE_LABELS, type DeadlineState } from '../../../../electron/domain/monitoring';
import { NOTICE_HOLDER_LABELS, RECTIFICATION_LABELS, type NoticeHolder, type RectificationStatus } from '../../../../electron/domain/rectification';

const STATUS_COLORS: Record<RectificationStatus, string> = { pending: 'gray', issued: 'blue', answered: 'violet', passed: 'teal', returned: 'orange' };

/** 已下达 · 主管部门办理中: the status and who holds the notice now. */
export function NoticeStatusBadge({ status, holder }: { status: RectificationStatus; holder: NoticeHolder | null }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STATUS_COLORS[status]} style={{ flexShrink: 0 }}>
        {RECTIFICATION_LABELS[status]}
      </Badge>
      {holder && status !== 'pending' && (
        <Badge variant="outline" color="gray" fw={400} style={{ flexShrink: 0 }}>
          {NOTICE_HOLDER_LABELS[holder]}办理
        </Badge>
      )}
    </Group>
  );
}

const DEADLINE_COLORS: Record<DeadlineState, string> = { open: 'gray', dueSoon: 'yellow', overdue: 'red' };

/** The deadline with 即将截止 or 逾期 N 天 beside it while the notice is open. */
export function DeadlineText({ deadline, state, daysOverdue }: { deadline: string; state: DeadlineState | 'done'; daysOverdue: number }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span style={{ whiteSpace: 'nowrap' }}>{deadline}</span>
      {state === 'dueSoon' && (
        <Badge size="sm" variant="light" color={DEADLINE_COLORS.dueSoon} style={{ flexShrink: 0 }}>
          {DEADLINE_LABELS.dueSoon}
        </Badge>
      )}
      {state === 'overdue' && (
        <Badge size="sm" variant="filled" color={DEADLINE_COLORS.overdue} style={{ flexShrink: 0 }}>
          逾期 {daysOverdue} 天
        </Badge>
      )}
    </Group>
  );
}
