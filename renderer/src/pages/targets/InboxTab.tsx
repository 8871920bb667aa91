import { Alert, Badge, Button, Loader, Stack, Text } from '@mantine/core';
import type { InboxItem } from '../../../../electron/targets/contract';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { routeHref } from '../../router';

const KIND_LABELS = (item: InboxItem) =>
  item.kind === 'adjustment' ? '目标调整' : item.targetKind === 'project' ? '项目支出目标' : '部门整体目标';

/** Where an inbox item is reviewed: the target's own page (adjustments are decided there too). */
const hrefOf = (item: InboxItem) =>
  item.projectId ? routeHref('targets', 'project', item.projectId) : routeHref('targets', 'department', String(item.year), item.ownerCode);

const COLUMNS: Column<InboxItem>[] = [
  { key: 'kind', header: '类型', width: '120px', cell: (i) => <Badge variant="light" color={i.kind === 'adjustment' ? 'grape' : 'blue'}>{KIND_LABELS(i)}</Badge> },
  { key: 'code', header: '编码', width: '164px', cell: (i) => i.ownerCode },
  { key: 'title', header: '名称', width: 'minmax(220px, 2fr)', cell: (i) => <span title={i.title}>{i.title}</span> },
  { key: 'unit', header: '单位', width: 'minmax(160px, 1.4fr)', cell: (i) => i.unitName },
  { key: 'submitted', header: '送审时间', width: '140px', cell: (i) => formatDateTime(i.submittedAt) },
  {
    key: 'open',
    header: '操作',
    width: '80px',
    cell: (i) => (
      <Button size="compact-sm" variant="subtle" component="a" href={hrefOf(i)} aria-label={`审核 ${i.title}`}>
        审核
      </Button>
    ),
  },
];

/**
 * 待审核: what waits for a reviewer, oldest first. A 主管部门审核人 sees only what its department's
 * units sent, until it passes them on to the bureau.
 */
export function InboxTab({ year }: { year: number }) {
  const inbox = useInvoke('targets.inbox', { year });
  const { departmentCode } = useSession().operator;
  if (inbox.error) return <Alert color="red" title="无法读取待审核事项">{inbox.error}</Alert>;
  if (!inbox.data) return <Loader aria-label="正在读取待审核事项" />;
  if (inbox.data.length === 0) {
    const what = departmentCode ? `本部门所属单位 ${year} 年送审的绩效目标` : `${year} 年送审的绩效目标和目标调整`;
    return <EmptyNotice title="没有待审核的事项" description={`${what}都已审核完毕。`} />;
  }
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      {departmentCode && (
        <Text size="sm" c="dimmed" role="note">
          这里只列出本部门（{departmentCode}）所属单位送审、等待主管部门审核的绩效目标；审核通过后转财政局审核。
        </Text>
      )}
      <VirtualTable label="待审核" rows={inbox.data} columns={COLUMNS} rowKey={(i) => i.adjustmentId ?? i.targetId} />
    </Stack>
  );
}
