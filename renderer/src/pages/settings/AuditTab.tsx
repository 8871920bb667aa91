import { Alert, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AuditFilter } from '../../../../electron/settings/contract';
import { invoke } from '../../api';
import { DownloadButton } from '../../components/FileActions';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';

const PAGE_SIZE = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date field's text as a filter value: nothing while empty or half typed. */
const dateOrNothing = (text: string) => (ISO_DATE.test(text.trim()) ? text.trim() : undefined);

export function AuditTab() {
  const [entity, setEntity] = useState<string | null>(null);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [page, setPage] = useState(1);
  const filter: AuditFilter = { entity: entity ?? undefined, from: dateOrNothing(fromText), to: dateOrNothing(toText) };
  const audit = useInvoke('audit.list', { ...filter, page, pageSize: PAGE_SIZE });
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / PAGE_SIZE)) : 1;

  const dateField = (label: string, value: string, set: (text: string) => void) => (
    <TextInput
      label={label}
      placeholder="YYYY-MM-DD"
      value={value}
      onChange={(event) => {
        set(event.currentTarget.value);
        setPage(1);
      }}
      error={value.trim() !== '' && !ISO_DATE.test(value.trim()) ? '格式如 2026-12-01' : null}
      w={150}
    />
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className="no-print">
        <Group align="flex-start">
          <Select
            label="对象类型"
            placeholder="全部"
            data={audit.data?.kinds ?? []}
            value={entity}
            onChange={(next) => {
              setEntity(next);
              setPage(1);
            }}
            clearable
            w={200}
          />
          {dateField('开始日期', fromText, setFromText)}
          {dateField('结束日期', toText, setToText)}
        </Group>
        <DownloadButton label="导出 Excel" variant="default" fetchFile={() => invoke('audit.export', filter)} />
      </Group>
      {audit.error && <Alert color="red">{audit.error}</Alert>}
      {!audit.data ? (
        !audit.error && <Loader aria-label="正在读取操作日志" />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            共 {audit.data.total} 条{audit.data.total > PAGE_SIZE ? `，第 ${audit.data.page} / ${pages} 页` : ''}
          </Text>
          <Table withTableBorder striped aria-label="操作日志">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>时间</Table.Th>
                <Table.Th w={110}>操作员</Table.Th>
                <Table.Th>对象</Table.Th>
                <Table.Th w={170}>动作</Table.Th>
                <Table.Th>意见</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data.rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{formatDateTime(row.at)}</Table.Td>
                  <Table.Td>{row.operatorName}</Table.Td>
                  <Table.Td>
                    <Text span size="sm" c="dimmed" mr={6}>
                      {row.kind}
                    </Text>
                    {row.object}
                  </Table.Td>
                  <Table.Td>{row.action}</Table.Td>
                  <Table.Td>{row.opinion ?? ''}</Table.Td>
                </Table.Tr>
              ))}
              {audit.data.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      没有符合条件的操作记录
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {pages > 1 && <Pagination total={pages} value={audit.data.page} onChange={setPage} className="no-print" aria-label="翻页" />}
        </>
      )}
    </Stack>
  );
}
