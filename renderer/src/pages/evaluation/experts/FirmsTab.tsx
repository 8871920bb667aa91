import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatWanYuan } from '../../../../../electron/domain/money';
import type { Firm } from '../../../../../electron/experts/contract';
import { EmptyNotice } from '../../../components/EmptyNotice';
import { IfAllowed, useAllowed } from '../../../components/useAllowed';
import { useInvoke } from '../../../components/useInvoke';
import { currentFiscalYear, YearSelect } from '../../../components/YearSelect';
import { FirmDetail } from './FirmDetail';
import { FirmFormModal } from './FirmFormModal';

/** 第三方机构: the registered firms, and the year's engagements across them. */
export function FirmsTab() {
  const firms = useInvoke('firms.list', {});
  const [year, setYear] = useState(currentFiscalYear());
  const engagements = useInvoke('firms.engagements', { year });
  const [editing, setEditing] = useState<Firm | 'new' | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const canEnter = useAllowed('enter').allowed;
  const reload = async () => {
    await firms.reload();
    await engagements.reload();
  };
  if (firms.error) return <Alert color="red" title="无法读取第三方机构">{firms.error}</Alert>;
  if (!firms.data) return <Loader aria-label="正在读取第三方机构" />;
  const detail = firms.data.find((f) => f.id === opened);
  return (
    <Stack gap="md">
      {firms.data.length === 0 ? (
        <EmptyNotice title="还没有登记第三方机构" description="财政评价常委托第三方机构开展。登记机构（名称、统一社会信用代码、资质）后，可记录每年的委托业务和完成后的质量评价。">
          <IfAllowed permission="enter">
            <Button onClick={() => setEditing('new')}>登记第三方机构</Button>
          </IfAllowed>
        </EmptyNotice>
      ) : (
        <>
          <Group justify="space-between" className="no-print">
            <Text size="sm" c="dimmed" role="status">
              共 {firms.data.length} 家机构
            </Text>
            <IfAllowed permission="enter">
              <Button onClick={() => setEditing('new')}>登记第三方机构</Button>
            </IfAllowed>
          </Group>
          <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="第三方机构">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>机构名称</Table.Th>
                <Table.Th w={190}>统一社会信用代码</Table.Th>
                <Table.Th w={260}>资质</Table.Th>
                <Table.Th w={90} ta="right">委托次数</Table.Th>
                <Table.Th w={90} ta="right">平均评分</Table.Th>
                <Table.Th w={130} className="no-print">操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {firms.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{f.creditCode}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>{f.qualifications || '—'}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.engagementCount}</Table.Td>
                  <Table.Td ta="right">{f.averageRating ?? '—'}</Table.Td>
                  <Table.Td className="no-print">
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setOpened(f.id)} aria-label={`查看 ${f.name}`}>
                        详情
                      </Button>
                      {canEnter && (
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(f)} aria-label={`修改 ${f.name}`}>
                          修改
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap="sm">
            <Text fw={600} size="sm">
              年度委托业务
            </Text>
            <YearSelect value={year} onChange={setYear} />
          </Group>
          {engagements.data && engagements.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {year} 年没有委托业务。在机构“详情”中登记。
            </Text>
          ) : (
            <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label={`${year} 年委托业务`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>机构</Table.Th>
                  <Table.Th>委托内容</Table.Th>
                  <Table.Th w={130} ta="right">合同金额（万元）</Table.Th>
                  <Table.Th w={130} ta="right">已付费用（万元）</Table.Th>
                  <Table.Th w={200}>起止日期</Table.Th>
                  <Table.Th w={90} ta="right">质量评分</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(engagements.data ?? []).map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>{job.firmName}</Table.Td>
                    <Table.Td>{job.subject}</Table.Td>
                    <Table.Td ta="right">{formatWanYuan(job.contractFen)}</Table.Td>
                    <Table.Td ta="right">{formatWanYuan(job.feeFen)}</Table.Td>
                    <Table.Td>
                      {job.startDate} 至 {job.endDate}
                    </Table.Td>
                    <Table.Td ta="right">{job.rating ?? '未评价'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {editing && <FirmFormModal firm={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={reload} />}
      {detail && <FirmDetail firm={detail} canEnter={canEnter} onClose={() => setOpened(null)} onChanged={reload} />}
    </Stack>
  );
}
