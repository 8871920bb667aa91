// 首页: how far the year's projects are covered by approved targets, for the county and unit by unit
// (lowest first: those are the units to chase before the budget is approved).
import { Alert, Card, Group, Progress, ScrollArea, Select, Skeleton, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSession } from '../../appState';
import { useInvoke } from '../../components/useInvoke';

const barColor = (percent: number) => (percent >= 100 ? 'teal' : percent >= 60 ? 'blue' : 'orange');

function Coverage({ year, scope }: { year: number; scope: string }) {
  const coverage = useInvoke('coverage.targets', { year });
  const units = useMemo(
    () => [...(coverage.data?.units ?? [])].sort((a, b) => Number(a.percent) - Number(b.percent) || b.projects - a.projects || a.unitCode.localeCompare(b.unitCode)),
    [coverage.data],
  );
  if (coverage.error) return <Alert color="red">{coverage.error}</Alert>;
  if (!coverage.data) return <Skeleton h={120} />;
  const { projects, approved, percent } = coverage.data;
  return (
    <>
      <Text size="sm" mb={6}>
        {scope} {projects} 个项目中，{approved} 个的绩效目标已审核通过，覆盖率 <Text span fw={700}>{percent ?? '0.00'}%</Text>
      </Text>
      <Progress value={Number(percent ?? 0)} size="lg" color={barColor(Number(percent ?? 0))} aria-label={`${scope}绩效目标覆盖率`} mb="md" />
      <ScrollArea.Autosize mah={320} type="auto">
        <Table striped stickyHeader aria-label="各单位绩效目标覆盖情况" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>单位</Table.Th>
              <Table.Th ta="right" w={80}>
                项目数
              </Table.Th>
              <Table.Th ta="right" w={110}>
                目标已通过
              </Table.Th>
              <Table.Th w={260}>覆盖率</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitCode}>
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td ta="right">{u.projects}</Table.Td>
                <Table.Td ta="right">{u.approved}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress value={Number(u.percent)} color={barColor(Number(u.percent))} w={160} aria-hidden />
                    <Text size="sm" ff="monospace">
                      {u.percent}%
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}

/** Nothing until the county has projects: before that, the numbers would only be zeros. */
export function TargetCoverageCard() {
  const { installation } = useSession();
  // A unit's installation holds its own projects only.
  const scope = installation.role === 'unit' ? '本单位' : '全县';
  const years = useInvoke('disclosure.years', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const year = chosen ?? (years.data?.[0] !== undefined ? String(years.data[0]) : null);
  if (!years.data?.length || year === null) return null;
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          绩效目标覆盖情况
        </Title>
        <Select aria-label="年度" data={years.data.map(String)} value={year} onChange={setChosen} allowDeselect={false} w={100} size="xs" />
      </Group>
      <Coverage year={Number(year)} scope={scope} />
    </Card>
  );
}
