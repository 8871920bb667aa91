// 各县汇总: one row per county of the prefecture for the year, from what the counties' packages brought
// in, with small bars for target approval and monitoring submission.
import { Button, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { CountyRow } from '../../../../electron/prefecture/contract';
import { formatDateTime } from '../../components/format';
import { navigate } from '../../router';
import { Count, Counts, Grades } from './GradeCounts';
import classes from './dashboard.module.css';

/** "52 / 140" with a bar of the exact share the service computed; no bar when there is nothing to measure against. */
function Share({ part, whole, share, label }: { part: number; whole: number; share: string | null; label: string }) {
  return (
    <Stack gap={2} miw={110}>
      <Text size="sm">
        {part} / {whole}
        {share !== null && (
          <Text span size="xs" c="dimmed">
            {' '}
            （{share}%）
          </Text>
        )}
      </Text>
      {share !== null && (
        <Progress value={Number(share)} size="sm" color={part === whole ? 'teal' : 'blue'} aria-label={`${label} ${share}%`} className={classes.printColors} />
      )}
    </Stack>
  );
}

export function CountyTable({ rows, year }: { rows: readonly CountyRow[]; year: number }) {
  return (
    <Stack gap="sm" className={classes.section}>
      <Title order={2} size="h4">
        {year} 年度各县汇总
      </Title>
      <Table withTableBorder withColumnBorders striped highlightOnHover aria-label="各县汇总">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>县市</Table.Th>
            <Table.Th ta="right">收到数据包</Table.Th>
            <Table.Th>最近接收</Table.Th>
            <Table.Th ta="center">未出回执</Table.Th>
            <Table.Th ta="right">项目数</Table.Th>
            <Table.Th>目标已批复</Table.Th>
            <Table.Th>监控已报送 / 监控表</Table.Th>
            <Table.Th>最近一轮监控</Table.Th>
            <Table.Th>目标审核等级</Table.Th>
            <Table.Th>已自评 / 目标已批复</Table.Th>
            <Table.Th style={{ minWidth: 84 }}>自评等级</Table.Th>
            <Table.Th ta="center">逾期整改</Table.Th>
            <Table.Th ta="center">待发送审核意见</Table.Th>
            <Table.Th className="no-print">操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td>
                {r.name}
                <Text span size="xs" c="dimmed">
                  {' '}
                  {r.code}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{r.packagesReceived}</Table.Td>
              <Table.Td>{r.lastReceivedAt ? formatDateTime(r.lastReceivedAt) : <Text span size="sm" c="dimmed">未收到</Text>}</Table.Td>
              <Table.Td ta="center">
                <Count n={r.unacknowledged} color="orange" />
              </Table.Td>
              <Table.Td ta="right">{r.projects}</Table.Td>
              <Table.Td>
                <Share part={r.approvedTargets} whole={r.projects} share={r.coverage.targets} label="目标已批复" />
              </Table.Td>
              <Table.Td>
                <Share part={r.monitoringSubmitted} whole={r.monitoringSheets} share={r.coverage.monitoring} label="监控已报送" />
              </Table.Td>
              <Table.Td>
                <RoundLights round={r.latestRound} />
              </Table.Td>
              <Table.Td>
                <Grades grades={r.grades} />
              </Table.Td>
              <Table.Td>
                <Share part={r.selfEvaluation.evaluated} whole={r.selfEvaluation.approvedTargets} share={r.coverage.selfEvaluation} label="已自评" />
                {r.selfEvaluation.department.approvedTargets > 0 && (
                  <Text size="xs" c="dimmed" aria-label="部门整体已自评">
                    部门整体 {r.selfEvaluation.department.evaluated} / {r.selfEvaluation.department.approvedTargets}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SelfEvaluationGrades tally={r.selfEvaluation} />
              </Table.Td>
              <Table.Td ta="center">
                <Count n={r.overdueRectifications} color="red" />
              </Table.Td>
              <Table.Td ta="center">
                <Count n={r.pendingDecisions} color="orange" />
              </Table.Td>
              <Table.Td className="no-print">
                <Button size="compact-sm" variant="subtle" onClick={() => navigate('exchange', 'review', r.code)} aria-label={`审核${r.name}`} disabled={r.projects === 0}>
                  审核
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        目标已批复：县级已批复的项目支出绩效目标数 / 项目数。监控已报送：已报送或已审核的监控表 / 监控表总数。最近一轮监控：该县本年度最后一个监控轮次中各项目的项目灯，尚无任何填报的监控表不亮灯，计为“未填报”。目标审核等级：县级对项目支出绩效目标的审核等级分布。已自评：已开展绩效自评的项目 / 已批复目标的项目，其下“部门整体”为已开展部门整体支出绩效自评的单位 / 部门整体目标已批复的单位。自评等级：县级审核通过的项目自评表的评价等级分布。未出回执：已导入但尚未向该县出具回执的数据包。
      </Text>
    </Stack>
  );
}

const ROUND_LIGHTS = [
  ['red', '红', 'red'],
  ['yellow', '黄', 'yellow.8'],
  ['green', '绿', 'green'],
  ['blue', '蓝', 'blue'],
] as const;

/** The project lights of a county's latest round, and its sheets nobody has reported yet. */
function RoundLights({ round }: { round: CountyRow['latestRound'] }) {
  if (!round) {
    return (
      <Text span size="sm" c="dimmed">
        未开展
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text span size="xs" c="dimmed">
        {round.month}月
      </Text>
      <Counts
        items={[
          ...ROUND_LIGHTS.map(([light, label, color]) => ({ key: light, label, n: round.lights[light], color })),
          { key: 'unreported', label: '未填报', n: round.unreported, color: 'gray.7' },
        ]}
      />
    </Stack>
  );
}

const SELF_EVALUATION_COLORS = ['green', 'teal', 'yellow.8', 'red'];

/** The grades of the county's approved self-evaluations (优/良/中/差 unless the bureau names them otherwise). */
function SelfEvaluationGrades({ tally }: { tally: CountyRow['selfEvaluation'] }) {
  if (tally.approved === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {tally.evaluated > 0 ? '审核中' : '未自评'}
      </Text>
    );
  }
  return <Counts items={tally.grades.map(({ grade, count }, i) => ({ key: grade, label: grade, n: count, color: SELF_EVALUATION_COLORS[i] ?? 'gray.7' }))} />;
}
