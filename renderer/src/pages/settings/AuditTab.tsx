import { Alert, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';

/** The audit log's entity names in the words of the pages where the changes were made. */
const ENTITY_LABELS: Record<string, string> = {
  installation: '本机设置',
  unit: '预算单位',
  operator: '操作员',
  region: '区划',
  setting: '参数设置',
  database: '数据库',
};

const LIMIT = 200;

export function AuditTab() {
  const [entity, setEntity] = useState<string | null>(null);
  const audit = useInvoke('audit.list', entity ? { entity, limit: LIMIT } : { limit: LIMIT });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Select
          label="对象"
          placeholder="全部"
          data={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          value={entity}
          onChange={setEntity}
          clearable
          w={220}
          className="no-print"
        />
        <Text size="sm" c="dimmed">
          显示最近 {LIMIT} 条
        </Text>
      </Group>
      {audit.error && <Alert color="red">{audit.error}</Alert>}
      {!audit.data ? (
        <Loader aria-label="正在读取操作日志" />
      ) : (
        <Table withTableBorder striped aria-label="操作日志">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>时间</Table.Th>
              <Table.Th w={110}>操作员</Table.Th>
              <Table.Th>对象</Table.Th>
              <Table.Th w={150}>动作</Table.Th>
              <Table.Th>意见</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{formatDateTime(row.at)}</Table.Td>
                <Table.Td>{row.operatorName}</Table.Td>
                <Table.Td>
                  {ENTITY_LABELS[row.entity] ?? row.entity}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {row.naturalKey}
                  </Text>
                </Table.Td>
                <Table.Td>{row.action}</Table.Td>
                <Table.Td>{row.opinion ?? ''}</Table.Td>
              </Table.Tr>
            ))}
            {audit.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    没有操作记录
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
