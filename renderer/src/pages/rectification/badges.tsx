// How a notice's status and deadline read in lists and on its page, and the cells every list of notices
// starts its rows with.
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { NoticeListItem } from '../../../../electron/rectification/contract';
import { routeHref } from '../../router';
import { DEADLINE_LABELS, type DeadlineState } from '../../../../electron/domain/monitoring';
import { NOTICE_HOLDER_LABELS, RECTIFICATION_LABELS, RECTIFICATION_SOURCE_LABELS, type NoticeHolder, type RectificationStatus } from '../../../../electron/domain/rectification';

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

/** The header cells matching NoticeCells. */
export function NoticeHeaderCells() {
  return (
    <>
      <Table.Th miw={110}>编号</Table.Th>
      <Table.Th>来源</Table.Th>
      <Table.Th miw={130}>单位</Table.Th>
      <Table.Th miw={190}>整改期限</Table.Th>
      <Table.Th miw={170}>状态</Table.Th>
    </>
  );
}

/** 编号 (a link to the notice), 来源 (kind and record), 单位, 整改期限, 状态. */
export function NoticeCells({ notice }: { notice: NoticeListItem }) {
  return (
    <>
      <Table.Td>
        <Anchor href={routeHref('rectification', 'notice', notice.id)}>{notice.number}</Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {RECTIFICATION_SOURCE_LABELS[notice.source]}
        </Text>
        <Text size="sm">{notice.sourceLabel || notice.projectName || '—'}</Text>
      </Table.Td>
      <Table.Td>{notice.unitName}</Table.Td>
      <Table.Td>
        <DeadlineText deadline={notice.deadline} state={notice.deadlineState} daysOverdue={notice.daysOverdue} />
      </Table.Td>
      <Table.Td>
        <NoticeStatusBadge status={notice.status} holder={notice.holder} />
      </Table.Td>
    </>
  );
}
