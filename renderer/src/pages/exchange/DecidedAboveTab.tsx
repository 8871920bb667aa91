// 上级审核: this installation's targets on which the level above sent a decision in a reply — the
// prefecture's 已批复 (approved there, recorded without changing the county's own review) or 退回 — with
// the opinion and date, so that a county sees what its prefecture decided on each target it reported.
import { Alert, Badge, Loader, Stack, Text } from '@mantine/core';
import type { AboveDecidedTarget } from '../../../../electron/prefecture/contract';
import { WORKFLOW_LABELS, type WorkflowState } from '../../../../electron/domain/workflow';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useExchange } from './exchangeContext';
import { TARGET_KINDS, targetName } from './targets';

const COLUMNS: Column<AboveDecidedTarget>[] = [
  { key: 'kind', header: '类型', width: '110px', cell: (t) => TARGET_KINDS[t.kind] ?? t.kind },
  { key: 'code', header: '编码', width: '170px', cell: (t) => <Text span ff="monospace" size="sm">{t.ownerCode}</Text> },
  { key: 'name', header: '名称', width: 'minmax(200px, 1.5fr)', cell: (t) => <span title={targetName(t)}>{targetName(t)}</span> },
  { key: 'status', header: '本机状态', width: '90px', cell: (t) => WORKFLOW_LABELS[t.status as WorkflowState] ?? t.status },
  {
    key: 'decision',
    header: '上级审核',
    width: '90px',
    cell: (t) =>
      t.aboveDecision.action === 'approve' ? (
        <Badge variant="light" color="teal">
          已批复
        </Badge>
      ) : (
        <Badge variant="light" color="red">
          退回
        </Badge>
      ),
  },
  { key: 'opinion', header: '审核意见', width: 'minmax(220px, 2fr)', cell: (t) => <span title={t.aboveDecision.opinion}>{t.aboveDecision.opinion || '—'}</span> },
  { key: 'at', header: '审核日期', width: '110px', cell: (t) => t.aboveDecision.decidedAt.slice(0, 10) },
];

export function DecidedAboveTab() {
  const { installation } = useSession();
  const above = installation.role === 'unit' ? '县财政局' : '州财政局';
  const { year } = useExchange();
  const decided = useInvoke('exchange.decidedAbove', { year });

  if (decided.error) return <Alert color="red">{decided.error}</Alert>;
  if (!decided.data) return <Loader aria-label="正在读取" />;
  if (decided.data.length === 0) {
    return <EmptyNotice title={`${year} 年度还没有${above}的审核结果`} description={`${above}审核本机上报的绩效目标后，审核结果随反馈包发来；导入反馈包后即列在这里，连同审核意见。`} />;
  }
  const approved = decided.data.filter((t) => t.aboveDecision.action === 'approve').length;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">
        {year} 年度{above}已审核 {decided.data.length} 个绩效目标：已批复 {approved} 个，退回 {decided.data.length - approved} 个。
      </Text>
      <VirtualTable label={`${above}的审核结果`} rows={decided.data} columns={COLUMNS} rowKey={(t) => t.id} height={Math.min(600, 40 * (decided.data.length + 1) + 2)} />
    </Stack>
  );
}
