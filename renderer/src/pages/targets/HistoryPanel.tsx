import { Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';

/**
 * Every step of a target (saved, submitted, returned with the opinion, approved, adjusted) with who did
 * it. Give it the target's version as `key` so it reloads after each change.
 */
export function HistoryPanel({ targetId }: { targetId: string }) {
  const history = useInvoke('targets.history', { id: targetId });
  return (
    <>
      <Title order={3} size="h5">
        办理记录
      </Title>
      {history.error && <Text c="red">{history.error}</Text>}
      <Table withTableBorder striped aria-label="办理记录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>时间</Table.Th>
            <Table.Th w={110}>操作员</Table.Th>
            <Table.Th w={300}>动作</Table.Th>
            <Table.Th>意见</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(history.data ?? []).map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{formatDateTime(row.at)}</Table.Td>
              <Table.Td>{row.operatorName}</Table.Td>
              <Table.Td>{row.action}</Table.Td>
              <Table.Td>{row.opinion ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
