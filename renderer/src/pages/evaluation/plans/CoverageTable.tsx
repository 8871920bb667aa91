import { Table, Text } from '@mantine/core';
import { coverageOf, type CoverageLine } from '../../../../../electron/domain/evaluationPlans';
import { formatWanYuan } from '../../../../../electron/domain/money';
import { percent, type Ratio } from '../../../../../electron/domain/ratio';
import type { PlanProjectRow } from '../../../../../electron/evaluation/plans/contract';

const share = (value: Ratio | null) => (value ? `${percent(value)}%` : '—');

/**
 * Coverage by number and amount against the whole year's projects, by 主管部门 then in total (domain
 * coverageOf), twice: what the plan holds, and what was evaluated (approved evaluations of the plan's items).
 */
export function CoverageTable({ projects, selectedIds, evaluatedIds }: { projects: readonly PlanProjectRow[]; selectedIds: readonly string[]; evaluatedIds: readonly string[] }) {
  const planned = coverageOf(projects, selectedIds);
  const evaluated = coverageOf(projects, evaluatedIds);
  const names = new Map(projects.map((p) => [p.departmentCode, p.departmentName]));
  const cells = (line: CoverageLine) => (
    <>
      <Table.Td ta="right">
        {line.selectedCount} / {line.totalCount}（{share(line.countShare)}）
      </Table.Td>
      <Table.Td ta="right">
        {formatWanYuan(line.selectedFen)} / {formatWanYuan(line.totalFen)}（{share(line.amountShare)}）
      </Table.Td>
    </>
  );
  const row = (plannedLine: CoverageLine, evaluatedLine: CoverageLine, label: string, strong = false) => (
    <Table.Tr key={plannedLine.departmentCode ?? 'total'} fw={strong ? 600 : undefined}>
      <Table.Td>{label}</Table.Td>
      {cells(plannedLine)}
      {cells(evaluatedLine)}
    </Table.Tr>
  );
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        评价覆盖面（金额为调整后预算，已评价指评价已审核通过）
      </Text>
      <Table withTableBorder withColumnBorders aria-label="评价覆盖面" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>主管部门</Table.Th>
            <Table.Th colSpan={2} ta="center">计划评价</Table.Th>
            <Table.Th colSpan={2} ta="center">已评价</Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th w={150} ta="right">项目数 / 全部</Table.Th>
            <Table.Th w={250} ta="right">金额 / 全部（万元）</Table.Th>
            <Table.Th w={150} ta="right">项目数 / 全部</Table.Th>
            <Table.Th w={250} ta="right">金额 / 全部（万元）</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {planned.byDepartment.map((line, i) => row(line, evaluated.byDepartment[i]!, names.get(line.departmentCode!) ?? line.departmentCode!))}
          {row(planned.overall, evaluated.overall, '合计', true)}
        </Table.Tbody>
      </Table>
    </div>
  );
}
