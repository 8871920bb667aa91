// 已登记的县: the senders this installation trusts, each with the fingerprint confirmed on first contact.
import { Alert, Loader, Stack, Table, Text } from '@mantine/core';
import { EmptyNotice } from '../../components/EmptyNotice';
import { Fingerprint } from '../../components/Fingerprint';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';

export function PeersTab() {
  const peers = useInvoke('exchange.peers', {});
  if (peers.error) return <Alert color="red">{peers.error}</Alert>;
  if (!peers.data) return <Loader aria-label="正在读取" />;
  if (peers.data.length === 0) {
    return (
      <EmptyNotice
        title="还没有登记任何县"
        description="第一次导入某县的上报包时，与该县电话核对公钥指纹，选择“信任并导入”，该县即登记在这里；以后它的数据包必须用同一把钥匙签名。"
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        以下县市的公钥已在首次导入时核对并登记。如果某县重装了软件，其新数据包会因公钥不一致被拒绝，请电话核实后再处理。
      </Text>
      <Table withTableBorder aria-label="已登记的县" maw={1000}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>县市</Table.Th>
            <Table.Th>公钥指纹</Table.Th>
            <Table.Th>登记时间</Table.Th>
            <Table.Th>登记人</Table.Th>
            <Table.Th ta="right">最近序号</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {peers.data.map((p) => (
            <Table.Tr key={p.regionCode}>
              <Table.Td>
                {p.name}（{p.regionCode}）
              </Table.Td>
              <Table.Td>
                <Fingerprint value={p.fingerprint} size="sm" />
              </Table.Td>
              <Table.Td>{formatDateTime(p.trustedAt)}</Table.Td>
              <Table.Td>{p.trustedBy}</Table.Td>
              <Table.Td ta="right">{p.lastSequence}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
