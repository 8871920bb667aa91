import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Region } from '../../../../electron/registry/contract';
import { useSession } from '../../appState';
import { useInvoke } from '../../components/useInvoke';
import { AddRegionModal } from './AddRegionModal';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';

/** Prefectures with their counties, in code order, as the list of divisions is usually read. */
function groupByPrefecture(regions: readonly Region[]) {
  return regions
    .filter((r) => r.level === 'prefecture')
    .map((prefecture) => ({ prefecture, counties: regions.filter((r) => r.level === 'county' && r.parentCode === prefecture.code) }));
}

export function RegionsTab() {
  const { installation } = useSession();
  const regions = useInvoke('regions.list', {});
  const [adding, setAdding] = useState(false);
  const allowance = useAllowed('regions.manage');
  const groups = useMemo(() => groupByPrefecture(regions.data ?? []), [regions.data]);
  if (regions.error) return <Alert color="red" title="无法读取区划">{regions.error}</Alert>;
  if (!regions.data) return <Loader aria-label="正在读取区划" />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          已预置新疆各地州市及所辖县市区。区划调整后新设的县市区（如 2024 年设立的和康县）可自行添加。
        </Text>
        <Button onClick={() => setAdding(true)} className="no-print" disabled={!allowance.allowed}>
          新增区划
        </Button>
      </Group>
      <NotAllowedNote allowance={allowance} />
      <Table withTableBorder striped verticalSpacing="sm" aria-label="区划">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>地州市</Table.Th>
            <Table.Th>所辖县市区</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map(({ prefecture, counties }) => (
            <Table.Tr key={prefecture.code}>
              <Table.Td valign="top">
                <Text size="sm" fw={600}>
                  {prefecture.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {prefecture.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {counties.map((county) => (
                    <CountyBadge key={county.code} county={county} isOwn={county.code === installation.region.code} />
                  ))}
                  {counties.length === 0 && <Text size="sm" c="dimmed">（无）</Text>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && <AddRegionModal regions={regions.data} onClose={() => setAdding(false)} onAdded={regions.reload} />}
    </Stack>
  );
}

function CountyBadge({ county, isOwn }: { county: Region; isOwn: boolean }) {
  const color = isOwn ? 'blue' : county.builtin ? 'gray' : 'orange';
  return (
    <Badge variant={isOwn || !county.builtin ? 'light' : 'default'} color={color} radius="sm" size="lg" fw={400} tt="none">
      {county.name}{' '}
      <Text span size="xs" c="dimmed">
        {county.code}
      </Text>
      {isOwn && ' · 本机'}
      {!county.builtin && ' · 自行添加'}
    </Badge>
  );
}
