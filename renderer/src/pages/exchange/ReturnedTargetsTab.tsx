// 退回的目标: the county's (or budget unit's) targets sent back for rework — by the prefecture (or the
// county) through a reply package, or by the installation's own reviewer — with the opinion to act on.
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { CountyTarget } from '../../../../electron/prefecture/contract';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useExchange } from './exchangeContext';
import { TARGET_KINDS, targetName } from './targets';

const COLUMNS: Column<CountyTarget>[] = [
  { key: 'kind', header: '类型', width: '110px', cell: (t) => TARGET_KINDS[t.kind] ?? t.kind },
  { key: 'code', header: '编码', width: '170px', cell: (t) => <Text span ff="monospace" size="sm">{t.ownerCode}</Text> },
  { key: 'name', header: '名称', width: 'minmax(200px, 1.5fr)', cell: (t) => <span title={targetName(t)}>{targetName(t)}</span> },
  { key: 'status', header: '状态', width: '80px', cell: () => <Text span size="sm" c="red.8">被退回</Text> },
  { key: 'opinion', header: '审核意见', width: 'minmax(280px, 3fr)', cell: (t) => <span title={t.reviewOpinion ?? ''}>{t.reviewOpinion}</span> },
];

const RETURNED_HELP = {
  county: {
    empty: '州财政局退回的目标随反馈包回到本县，导入反馈包后即列在这里，连同审核意见；修改后在“绩效目标”中重新送审。',
    some: '意见以“州级审核”开头的来自州财政局的反馈包。',
  },
  unit: {
    empty: '县财政局退回的目标随反馈包回到本单位，导入反馈包后即列在这里，连同审核意见；修改后在“绩效目标”中重新送审，再导出上报包。',
    some: '意见以“县级审核”开头的来自县财政局的反馈包。',
  },
};

export function ReturnedTargetsTab() {
  const { installation } = useSession();
  const help = RETURNED_HELP[installation.role === 'unit' ? 'unit' : 'county'];
  const { year } = useExchange();
  const targets = useInvoke('exchange.countyTargets', { county: installation.region.code, year });
  const returned = useMemo(() => (targets.data ?? []).filter((t) => t.status === 'returned'), [targets.data]);

  if (targets.error) return <Alert color="red">{targets.error}</Alert>;
  if (!targets.data) return <Loader aria-label="正在读取" />;
  if (returned.length === 0) {
    return (
      <EmptyNotice
        title={`${year} 年度没有被退回的绩效目标`}
        description={help.empty}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">
        {year} 年度有 {returned.length} 个绩效目标被退回，请按意见修改后重新送审。{help.some}
      </Text>
      <VirtualTable label="被退回的绩效目标" rows={returned} columns={COLUMNS} rowKey={(t) => t.id} height={Math.min(600, 40 * (returned.length + 1) + 2)} />
    </Stack>
  );
}
