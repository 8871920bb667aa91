// 下级单位: a county whose larger budget units run Jixiao themselves takes in their report packages here,
// reviews each unit's targets (通过, or 退回 with an opinion) and sends the decisions back to that unit
// as a reply package — the same round the prefecture makes with its counties.
import { Alert, Group, Loader, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { EmptyNotice } from '../../components/EmptyNotice';
import { useInvoke } from '../../components/useInvoke';
import { navigate, useRoute } from '../../router';
import { useExchange, useReloadWhen } from './exchangeContext';
import { ImportCard } from './ImportCard';
import { isUnitPeer, unitCodeOf, type ReplyPeer } from './peers';
import { PeerReview } from './ReviewTab';

export function UnitsTab() {
  const { packagesRevision } = useExchange();
  const [, , unitCode] = useRoute();
  const peers = useInvoke('exchange.peers', {});
  // Importing a unit's first package registers it.
  useReloadWhen(peers.reload, packagesRevision);
  const units = useMemo<ReplyPeer[]>(
    () => (peers.data ?? []).filter((p) => isUnitPeer(p.regionCode)).map((p) => ({ via: 'unit', code: unitCodeOf(p.regionCode), name: p.name })),
    [peers.data],
  );
  // With a single unit there is nothing to choose.
  const unit = units.find((u) => u.code === unitCode) ?? (units.length === 1 ? units[0] : undefined);

  let body;
  if (peers.error) body = <Alert color="red">{peers.error}</Alert>;
  else if (!peers.data) body = <Loader aria-label="正在读取下级单位" />;
  else if (units.length === 0) {
    body = (
      <EmptyNotice
        title="尚未收到下级单位的上报包"
        description="自行使用本软件的预算单位（如较大的主管部门）不必再交 Excel：单位在本机导出上报包，通过 U 盘交来后在上方导入；第一次导入时与该单位电话核对公钥指纹。导入后，该单位报送的绩效目标列在这里，逐项通过或填写意见退回，再把审核意见导出为反馈包交回该单位。"
      />
    );
  } else {
    body = (
      <Stack gap="md">
        <Group gap="sm" className="no-print">
          <Select
            label="审核的单位"
            placeholder="请选择单位"
            searchable
            data={units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
            value={unit?.code ?? null}
            onChange={(code) => navigate('exchange', 'units', ...(code ? [code] : []))}
            w={320}
          />
        </Group>
        {unit ? (
          <PeerReview key={unit.code} peer={unit} />
        ) : (
          <EmptyNotice title="请选择要审核的单位" description="选择一个已报送数据的单位，逐项审核其绩效目标，并导出给该单位的反馈包。" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <ImportCard
        title="导入单位上报包或回执"
        description="选择预算单位交来的上报包（.zip），或本机反馈包的回执。导入前先校验签名、文件完整性和序号，并列出每条记录将如何处理；确认后一次写入。导入上报包后请出具回执交回该单位。"
      />
      {body}
    </Stack>
  );
}
