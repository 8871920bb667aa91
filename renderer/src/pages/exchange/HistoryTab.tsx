// 往来记录: every package sent and received, with what is still outstanding on each, so that staff can
// always tell what was sent, what was received and what is still unacknowledged (domain.md §11).
import { Badge, Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { PackageHistoryRow } from '../../../../electron/exchange/contract';
import { EmptyNotice } from '../../components/EmptyNotice';
import { formatDateTime } from '../../components/format';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useExchange } from './exchangeContext';
import { downloadReceipt } from './ImportCard';
import { countsText, isOutstanding, packageState } from './packageState';

type Filter = 'all' | 'out' | 'in' | 'outstanding';

export function HistoryTab() {
  const { history, options, countLabels, packagesChanged } = useExchange();
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(
    () => (history ?? []).filter((r) => (filter === 'all' ? true : filter === 'outstanding' ? isOutstanding(r) : r.direction === filter)),
    [history, filter],
  );

  const columns = useMemo<Column<PackageHistoryRow>[]>(
    () => [
      {
        key: 'direction',
        header: '方向',
        width: '70px',
        cell: (r) => (
          <Badge variant="outline" color={r.direction === 'out' ? 'indigo' : 'grape'}>
            {r.direction === 'out' ? '发出' : '收到'}
          </Badge>
        ),
      },
      { key: 'kind', header: '类型', width: '110px', cell: (r) => options.kinds[r.kind as keyof typeof options.kinds] ?? r.kind },
      { key: 'peer', header: '对方', width: '170px', cell: (r) => (r.direction === 'out' ? r.receiverName : r.senderName) },
      { key: 'year', header: '年度', width: '64px', cell: (r) => r.year },
      { key: 'stage', header: '阶段', width: '80px', cell: (r) => options.stages.find((s) => s.value === r.stage)?.label ?? r.stage },
      { key: 'sequence', header: '序号', width: '60px', align: 'right', cell: (r) => r.sequence },
      { key: 'time', header: '时间', width: '140px', cell: (r) => formatDateTime(r.recordedAt) },
      {
        key: 'counts',
        header: '内容',
        width: 'minmax(200px, 1fr)',
        cell: (r) => {
          const text = r.kind === 'receipt' ? '回执' : countsText(r.counts, countLabels);
          return (
            <Text span size="sm" title={text}>
              {text}
            </Text>
          );
        },
      },
      {
        key: 'state',
        header: '状态',
        width: '210px',
        cell: (r) => {
          const state = packageState(r);
          return (
            <Group gap={4} wrap="nowrap">
              <Badge variant="light" color={state.color}>
                {state.label}
              </Badge>
              {state.outstanding && (
                <Badge variant="filled" color="orange">
                  {state.outstanding}
                </Badge>
              )}
            </Group>
          );
        },
      },
      {
        key: 'actions',
        header: '操作',
        width: '100px',
        cell: (r) =>
          r.direction === 'in' &&
          r.kind !== 'receipt' && (
            <Button
              size="compact-sm"
              variant="subtle"
              className="no-print"
              aria-label={`为${r.senderName}第 ${r.sequence} 号包出具回执`}
              onClick={async () => {
                if (await downloadReceipt(r.id)) await packagesChanged();
              }}
            >
              {r.state === 'imported' ? '出具回执' : '再次出具'}
            </Button>
          ),
      },
    ],
    [options, countLabels, packagesChanged],
  );

  if (!history) return <Loader aria-label="正在读取往来记录" />;
  if (history.length === 0) {
    return (
      <EmptyNotice
        title="还没有往来的数据包"
        description="县财政局导出上报包交州财政局导入；州财政局导入后出具回执，并把审核意见导出为反馈包交回县里导入。发出和收到的每个数据包都会记录在这里。"
      />
    );
  }

  const sent = history.filter((r) => r.direction === 'out' && r.kind !== 'receipt');
  const received = history.filter((r) => r.direction === 'in' && r.kind !== 'receipt');
  const unacknowledged = sent.filter(isOutstanding).length;
  const withoutReceipt = received.filter(isOutstanding).length;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" role="status">
          发出 {sent.length} 个数据包{unacknowledged > 0 ? `，其中 ${unacknowledged} 个对方尚未确认收到` : '，均已确认收到'}；收到 {received.length} 个
          {withoutReceipt > 0 ? `，其中 ${withoutReceipt} 个尚未出具回执` : received.length ? '，均已出具回执' : ''}。
        </Text>
        <Group gap="xs" className="no-print">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'all', label: '全部' },
              { value: 'out', label: '发出' },
              { value: 'in', label: '收到' },
              { value: 'outstanding', label: `待回执 ${unacknowledged + withoutReceipt}` },
            ]}
          />
          <Button size="xs" variant="default" onClick={() => window.print()}>
            打印
          </Button>
        </Group>
      </Group>
      <VirtualTable label="往来记录" rows={rows} columns={columns} rowKey={(r) => `${r.direction}-${r.id}`} height={Math.min(600, 40 * (rows.length + 1) + 2)} />
    </Stack>
  );
}
