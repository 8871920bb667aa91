// 整改通知: the year's notices with counts by status, filters by status, source, unit and overdue.
import { Alert, Badge, Checkbox, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { RECTIFICATION_LABELS, RECTIFICATION_SOURCE_LABELS, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES, type RectificationSource, type RectificationStatus } from '../../../../electron/domain/rectification';
import { EmptyNotice, NoMatches } from '../../components/EmptyNotice';
import { useInvoke } from '../../components/useInvoke';
import { NoticeCells, NoticeHeaderCells } from './badges';

export function NoticesTab({ year }: { year: number }) {
  const [status, setStatus] = useState<RectificationStatus | null>(null);
  const [source, setSource] = useState<RectificationSource | null>(null);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const everything = useInvoke('rectification.list', { year });
  const list = useInvoke('rectification.list', { year, ...(status && { status }), ...(source && { source }), ...(unitCode && { unitCode }), ...(overdue && { overdue }) });
  const units = useMemo(() => {
    const seen = new Map((everything.data?.notices ?? []).map((n) => [n.unitCode, `${n.unitName}（${n.unitCode}）`]));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [everything.data]);

  if (everything.error) return <Alert color="red">{everything.error}</Alert>;
  if (!everything.data) return <Loader aria-label="正在读取整改通知" />;
  const { counts } = everything.data;
  if (counts.total === 0) {
    return (
      <EmptyNotice
        title={`${year} 年还没有整改通知`}
        description="整改通知从发现问题的地方下发：在“绩效监控 → 预警”中对红灯、黄灯项目，在“绩效自评”中对审核通过的自评表或抽查调低得分的项目，点“下达整改通知”。之后在这里跟踪单位反馈和审核。"
      />
    );
  }
  const clear = () => {
    setStatus(null);
    setSource(null);
    setUnitCode(null);
    setOverdue(false);
  };
  const notices = list.data?.notices ?? [];
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-label="整改通知数量">
        <Text size="sm">共 {counts.total} 件：</Text>
        {RECTIFICATION_STATUSES.map((s) => (
          <Badge key={s} variant="light" color="gray">
            {RECTIFICATION_LABELS[s]} {counts[s]}
          </Badge>
        ))}
        <Badge variant={counts.overdue ? 'filled' : 'light'} color={counts.overdue ? 'red' : 'gray'}>
          逾期 {counts.overdue}
        </Badge>
      </Group>
      <Group gap="sm" className="no-print" align="flex-end">
        <Select label="状态" placeholder="全部" data={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_LABELS[s] }))} value={status} onChange={(v) => setStatus(v as RectificationStatus | null)} clearable w={130} />
        <Select label="来源" placeholder="全部" data={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s] }))} value={source} onChange={(v) => setSource(v as RectificationSource | null)} clearable w={140} />
        <Select label="单位" placeholder="全部单位" data={units} value={unitCode} onChange={setUnitCode} clearable searchable w={280} />
        <Checkbox label="只看逾期" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {list.data && notices.length === 0 ? (
        <NoMatches title="没有符合条件的整改通知" description="换一个状态、来源或单位，或清除筛选条件。" onClear={clear} />
      ) : (
        <Table striped highlightOnHover withTableBorder aria-label="整改通知">
          <Table.Thead>
            <Table.Tr>
              <NoticeHeaderCells />
              <Table.Th ta="right" miw={80}>退回次数</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notices.map((n) => (
              <Table.Tr key={n.id}>
                <NoticeCells notice={n} />
                <Table.Td ta="right">{n.returnCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
