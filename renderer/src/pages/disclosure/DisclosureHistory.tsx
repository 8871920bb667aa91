// 公开记录: what was published for a year, when, by whom — the answer to "did we publish, and what?".
import { Alert, Table } from '@mantine/core';
import type { ListedDisclosure } from '../../../../electron/disclosure/contract';
import { TABLE_LAYOUTS, type DisclosureKind } from '../../../../electron/domain/disclosure';
import { EmptyNotice } from '../../components/EmptyNotice';
import { formatDateTime } from '../../components/format';
import type { Loaded } from '../../components/useInvoke';

export function DisclosureHistory({ year, history }: { year: number; history: Loaded<ListedDisclosure[]> }) {
  if (history.error) return <Alert color="red" title="无法读取公开记录">{history.error}</Alert>;
  if (!history.data?.length) {
    return <EmptyNotice title={`${year} 年度还没有公开记录`} description="公开表发布后，点“记录公开”记下公开的时间、范围和项目数，便于日后核对。" />;
  }
  return (
    <Table striped withTableBorder aria-label="公开记录" maw={1100}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>公开时间</Table.Th>
          <Table.Th>公开内容</Table.Th>
          <Table.Th>公开范围</Table.Th>
          <Table.Th ta="right">项目（单位）数</Table.Th>
          <Table.Th>文件</Table.Th>
          <Table.Th>操作员</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.data.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{formatDateTime(d.publishedAt)}</Table.Td>
            <Table.Td>{TABLE_LAYOUTS[d.kind as DisclosureKind]?.title ?? d.kind}</Table.Td>
            <Table.Td>{d.scopeName}</Table.Td>
            <Table.Td ta="right">{d.recordCount}</Table.Td>
            <Table.Td>{d.fileName}</Table.Td>
            <Table.Td>{d.publishedBy}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
