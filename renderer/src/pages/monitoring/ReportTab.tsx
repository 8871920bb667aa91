import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { Light } from '../../../../electron/domain/monitoring';
import type { LightCounts } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton } from '../../components/FileActions';
import { useInvoke } from '../../components/useInvoke';
import { ExecutionChart } from './ExecutionChart';
import { LightBadge } from './LightBadge';

const ORDER: Light[] = ['red', 'yellow', 'green', 'blue', 'none'];

function CountsRow({ label, counts, unreported }: { label: string; counts: LightCounts; unreported: number }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      {ORDER.map((l) => (
        <Table.Td key={l} ta="right" fw={counts[l] > 0 && (l === 'red' || l === 'yellow') ? 700 : undefined}>
          {counts[l]}
        </Table.Td>
      ))}
      <Table.Td ta="right">{unreported}</Table.Td>
    </Table.Tr>
  );
}

/** 报告: the round's summary for the leadership, printable and exportable to Excel. */
export function ReportTab({ roundId }: { roundId: string }) {
  const report = useInvoke('monitoring.report', { roundId });
  if (report.error) return <Alert color="red" title="无法生成监控报告">{report.error}</Alert>;
  if (!report.data) return <Loader aria-label="正在生成监控报告" />;
  const r = report.data;
  if (r.totals.sheets === 0) return <EmptyNotice title="本轮没有监控表" description="没有可汇总的数据。" />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed">
          数据为当前填报情况（含未报送的监控表），灯色按本县设置的阈值计算。
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => window.print()}>
            打印报告
          </Button>
          <DownloadButton label="导出 Excel" variant="default" fetchFile={() => invoke('monitoring.reportExport', { roundId })} />
        </Group>
      </Group>
      <Title order={2} size="h3" ta="center">
        {r.round.title}情况报告
      </Title>
      <SimpleGrid cols={4}>
        {[
          ['监控项目', `${r.totals.sheets} 个`],
          ['调整后预算', `${formatWanYuan(r.totals.adjustedFen)} 万元`],
          ['执行数', `${formatWanYuan(r.totals.executedFen)} 万元`],
          ['执行率 / 序时进度', `${r.totals.executionRate}% / ${r.timeProgress}%`],
        ].map(([label, value]) => (
          <Paper key={label} withBorder p="sm" ta="center">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} fz="lg">
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Stack gap={6}>
        <Title order={3} size="h5">
          一、灯色统计（项目数；部门整体为单位数）
        </Title>
        <Table withTableBorder aria-label="灯色统计" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>监控内容</Table.Th>
              {ORDER.map((l) => (
                <Table.Th key={l} ta="right">
                  <LightBadge light={l} size="sm" />
                </Table.Th>
              ))}
              <Table.Th ta="right">
                <LightBadge light="none" reported={false} size="sm" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <CountsRow label="预算执行进度" counts={r.counts.budget} unreported={r.counts.unreported} />
            <CountsRow label="绩效目标实现" counts={r.counts.project} unreported={r.counts.unreported} />
            {r.department.sheets > 0 && (
              <>
                <CountsRow label={`部门整体 · 预算执行进度（${r.department.sheets} 张）`} counts={r.department.counts.budget} unreported={r.department.counts.unreported} />
                <CountsRow label="部门整体 · 绩效目标实现" counts={r.department.counts.project} unreported={r.department.counts.unreported} />
              </>
            )}
          </Table.Tbody>
        </Table>
      </Stack>

      <Stack gap={6}>
        <Title order={3} size="h5">
          二、各单位预算执行率与序时进度
        </Title>
        <Text size="xs" c="dimmed">
          柱长为单位全部监控项目的预算执行率，柱色为其已填报项目的执行灯色（尚无填报的单位为灰色）；虚线为序时进度 {r.timeProgress}%。
        </Text>
        <ExecutionChart units={r.units} timeProgress={r.timeProgress} />
      </Stack>

      <Stack gap={6}>
        <Title order={3} size="h5">
          三、红灯项目（{r.red.length} 个）
        </Title>
        {r.red.length === 0 ? (
          <Text size="sm">本轮没有红灯项目。</Text>
        ) : (
          <Table withTableBorder aria-label="红灯项目" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>项目</Table.Th>
                <Table.Th w={170}>实施单位</Table.Th>
                <Table.Th w={90}>执行率</Table.Th>
                <Table.Th w={150}>红灯指标</Table.Th>
                <Table.Th>偏差原因</Table.Th>
                <Table.Th>纠偏措施</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.red.map((p) => (
                <Table.Tr key={p.sheetId}>
                  <Table.Td>
                    {p.projectName}
                    <Text size="xs" c="dimmed">
                      {p.projectCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.unitName}</Table.Td>
                  <Table.Td>
                    {p.executionRate}%{p.budgetLight === 'red' && <LightBadge light="red" size="xs" ml={4} />}
                  </Table.Td>
                  <Table.Td>{p.indicators.join('、') || '—'}</Table.Td>
                  <Table.Td>{p.reasons.join('；') || '未填写'}</Table.Td>
                  <Table.Td>{p.measures.join('；') || '未填写'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
