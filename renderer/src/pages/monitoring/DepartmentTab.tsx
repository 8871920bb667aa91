import { Alert, Loader, Stack, Table, Text } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import { EmptyNotice } from '../../components/EmptyNotice';
import { useInvoke } from '../../components/useInvoke';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { LightBadge } from './LightBadge';
import { MonitoringLink } from './MonitoringLink';

/** 部门整体: each unit's whole-budget sheet of the round, with its budget, executed amount, rate, lights and status. */
export function DepartmentTab({ roundId }: { roundId: string }) {
  const sheets = useInvoke('monitoring.departmentSheets', { roundId });
  if (sheets.error) return <Alert color="red" title="无法读取部门整体监控表">{sheets.error}</Alert>;
  if (!sheets.data) return <Loader aria-label="正在读取部门整体监控表" />;
  if (sheets.data.length === 0) {
    return <EmptyNotice title="本轮没有部门整体监控表" description="开启轮次时没有单位的部门整体支出绩效目标已审核通过。目标通过后开启的轮次会为该单位建立部门整体监控表。" />;
  }
  const unreported = sheets.data.filter((s) => !s.reported).length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        共 {sheets.data.length} 个单位{unreported > 0 && `，未填报 ${unreported} 个`}
      </Text>
      <Table withTableBorder striped aria-label="部门整体监控表" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>单位</Table.Th>
            <Table.Th ta="right">基本支出（万元）</Table.Th>
            <Table.Th ta="right">项目支出（万元）</Table.Th>
            <Table.Th ta="right">预算合计（万元）</Table.Th>
            <Table.Th ta="right">已执行（万元）</Table.Th>
            <Table.Th ta="right">执行率</Table.Th>
            <Table.Th ta="center">预算执行</Table.Th>
            <Table.Th ta="center">目标实现</Table.Th>
            <Table.Th ta="center">状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheets.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <MonitoringLink to="department" id={s.id} text={s.unitName} />
                <Text size="xs" c="dimmed">
                  {s.unitCode} · {s.indicatorCount} 个指标
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatWanYuan(s.basicBudgetFen)}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(s.projectBudgetFen)}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(s.adjustedFen)}</Table.Td>
              <Table.Td ta="right">{s.reported ? formatWanYuan(s.executedFen) : '—'}</Table.Td>
              <Table.Td ta="right">{s.reported ? `${s.executionRate}%` : '—'}</Table.Td>
              <Table.Td ta="center">
                <LightBadge light={s.budgetLight} reported={s.reported} aria-label={`${s.unitName}预算执行灯`} />
              </Table.Td>
              <Table.Td ta="center">
                <LightBadge light={s.projectLight} reported={s.reported} aria-label={`${s.unitName}目标实现灯`} />
              </Table.Td>
              <Table.Td ta="center">
                <WorkflowStatusBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        部门整体监控单位全部预算（基本支出 + 项目支出）的执行和部门整体绩效指标的完成情况，灯色规则与项目监控表相同。
      </Text>
    </Stack>
  );
}
