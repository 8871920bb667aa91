import { Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DEADLINE_LABELS } from '../../../../electron/domain/monitoring';
import type { UnitCoverage } from '../../../../electron/monitoring/contract';
import { useInvoke } from '../../components/useInvoke';
import { DEADLINE_COLORS } from './RoundsList';

function UnitState({ unit }: { unit: UnitCoverage }) {
  if (unit.state === 'complete') {
    return (
      <Badge variant="light" color="teal">
        已全部报送
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={DEADLINE_COLORS[unit.state]}>
      未报送 · {DEADLINE_LABELS[unit.state]}
    </Badge>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm" ta="center">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={value > 0 ? color : 'dimmed'}>
        {value}
      </Text>
    </Paper>
  );
}

/** 覆盖情况: which units have not submitted all their sheets, against the round's deadline. */
export function CoverageTab({ roundId }: { roundId: string }) {
  const coverage = useInvoke('monitoring.coverage', { roundId });
  if (coverage.error) return <Alert color="red" title="无法读取覆盖情况">{coverage.error}</Alert>;
  if (!coverage.data) return <Loader aria-label="正在读取覆盖情况" />;
  const { totals, units, deadline, deadlineState, today, dueSoonDays } = coverage.data;
  const pendingUnits = units.filter((u) => u.state !== 'complete');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 4, lg: 7 }}>
        <Figure label="涉及单位" value={totals.units} />
        <Figure label="已全部报送的单位" value={totals.unitsComplete} color="teal" />
        <Figure label="尚未报送的单位" value={totals.unitsPending} color="red" />
        <Figure label="未报送的监控表" value={totals.pending} color="orange" />
        <Figure label="其中未填报" value={totals.unreported} color="gray" />
        <Figure label="待审核" value={totals.submitted} color="blue" />
        <Figure label="已通过" value={totals.approved} color="teal" />
      </SimpleGrid>
      {pendingUnits.length > 0 ? (
        <Alert color={DEADLINE_COLORS[deadlineState]} title={`${pendingUnits.length} 个单位尚未全部报送（截止 ${deadline}，今天 ${today}）`}>
          {deadlineState === 'overdue'
            ? '已超过报送截止日期，请督促以下单位尽快报送。'
            : deadlineState === 'dueSoon'
              ? `距截止不足 ${dueSoonDays} 天，请提醒以下单位按时报送。`
              : '请提醒以下单位在截止日期前报送。'}
        </Alert>
      ) : (
        <Alert color="teal" title="所有单位均已报送">
          本轮全部监控表都已送审或审核通过。
        </Alert>
      )}
      <Title order={3} size="h5">
        各单位报送情况
      </Title>
      <Table withTableBorder striped aria-label="各单位报送情况">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>单位</Table.Th>
            <Table.Th ta="right">项目数</Table.Th>
            <Table.Th ta="right">未报送</Table.Th>
            <Table.Th ta="right">其中未填报</Table.Th>
            <Table.Th ta="right">其中被退回</Table.Th>
            <Table.Th ta="right">待审核</Table.Th>
            <Table.Th ta="right">已通过</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.unitCode}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <span>{u.unitName}</span>
                  <Text span size="xs" c="dimmed">
                    {u.unitCode}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right">{u.sheets}</Table.Td>
              <Table.Td ta="right">{u.pending}</Table.Td>
              <Table.Td ta="right">{u.unreported}</Table.Td>
              <Table.Td ta="right">{u.returned}</Table.Td>
              <Table.Td ta="right">{u.submitted}</Table.Td>
              <Table.Td ta="right">{u.approved}</Table.Td>
              <Table.Td>
                <UnitState unit={u} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
