import { Table, Text } from '@mantine/core';
import { coverageOf, type CoverageLine } from '../../../../../electron/domain/evaluationPlans';
import { formatWanYuan } from '../../../../../electron/domain/money';
import { percent, type Ratio } from '../../../../../electron/domain/ratio';
import type { PlanProjectRow } from '../../../../../electron/evaluation/plans/contract';

const share = (value: Ratio | null) => (value ? `${percent(value)}%` : '—');

/** Coverage by number and amount against the whole year's projects, by 主管部门 then in total (domain coverageOf). */
export function CoverageTable({ projects, selectedIds }: { projects: readonly PlanProjectRow[]; selectedIds: readonly string[] }) {
  const { overall, byDepartment } = coverageOf(projects, selectedIds);
  const names = new Map(projects.map((p) => [p.departmentCode, p.departmentName]));
  const row = (line: CoverageLine, label: string, strong = false) => (
    <Table.Tr key={line.departmentCode ?? 'total'} fw={strong ? 600 : undefined}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">
        {line.selectedCount} / {line.totalCount}
      </Table.Td>
      <Table.Td ta="right">{share(line.countShare)}</Table.Td>
      <Table.Td ta="right">
        {formatWanYuan(line.selectedFen)} / {formatWanYuan(line.totalFen)}
      </Table.Td>
      <Table.Td ta="right">{share(line.amountShare)}</Table.Td>
    </Table.Tr>
  );
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        评价覆盖面（金额为调整后预算）
      </Text>
      <Table withTableBorder withColumnBorders aria-label="评价覆盖面" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>主管部门</Table.Th>
            <Table.Th w={130} ta="right">评价项目 / 全部</Table.Th>
            <Table.Th w={110} ta="right">数量覆盖率</Table.Th>
            <Table.Th w={260} ta="right">评价金额 / 全部（万元）</Table.Th>
            <Table.Th w={110} ta="right">金额覆盖率</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byDepartment.map((line) => row(line, names.get(line.departmentCode!) ?? line.departmentCode!))}
          {row(overall, '合计', true)}
        </Table.Tbody>
      </Table>
    </div>
  );
}
