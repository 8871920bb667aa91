// 评价、结果与整改: per county, what its evaluations covered (by number and amount), how they graded,
// how far the budget section took its results proposals, its overdue notices and 问责 list, and the
// 衔接资金 industry share against the aim; a county's notices open below with status and days overdue.
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { CountyRow } from '../../../../electron/prefecture/contract';
import { Count, Grades } from './GradeCounts';

const share = (value: string | null) => (value === null ? '—' : `${value}%`);

/** One kind's grades, after its name (财政 / 部门). */
function GradeLine({ label, grades }: { label: string; grades: CountyRow['evaluation']['grades']['finance'] }) {
  return (
    <Group gap={6} wrap="nowrap" aria-label={`${label}等级`}>
      <Text span size="xs" c="dimmed" w={28}>
        {label}
      </Text>
      <Grades grades={grades} none="无" />
    </Group>
  );
}

function Coverage({ e }: { e: CountyRow['evaluation'] }) {
  if (e.projects === 0) {
    return (
      <Text span size="sm" c="dimmed">
        无项目
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">
        {e.evaluated} / {e.projects} 个（{share(e.countShare)}）
      </Text>
      <Text size="xs" c="dimmed">
        {formatWanYuan(e.evaluatedFen)} / {formatWanYuan(e.projectFen)} 万元（{share(e.amountShare)}）
      </Text>
    </Stack>
  );
}

function Industry({ industry }: { industry: CountyRow['industry'] }) {
  if (industry.share === null) {
    return (
      <Text span size="sm" c="dimmed">
        {industry.verdict}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} c={industry.verdict === '达到政策要求' ? 'teal' : 'red'}>
        {industry.share}%
      </Text>
      <Text size="xs" c="dimmed">
        要求不低于 {industry.aim}%
      </Text>
    </Stack>
  );
}

function Notices({ county }: { county: CountyRow }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {county.name} 整改通知（{county.notices.length} 份）
      </Title>
      <Table withTableBorder withColumnBorders striped aria-label={`${county.name}整改通知`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文号</Table.Th>
            <Table.Th>项目</Table.Th>
            <Table.Th>实施单位</Table.Th>
            <Table.Th>整改期限</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th ta="right">逾期天数</Table.Th>
            <Table.Th ta="right">退回次数</Table.Th>
            <Table.Th>问责</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {county.notices.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>{n.number}</Table.Td>
              <Table.Td>{n.projectCode ? `${n.projectCode} ${n.projectName ?? ''}` : '—'}</Table.Td>
              <Table.Td>{n.unitName}</Table.Td>
              <Table.Td>{n.deadline}</Table.Td>
              <Table.Td>{n.statusLabel}</Table.Td>
              <Table.Td ta="right">{n.daysOverdue > 0 ? <Text span size="sm" fw={600} c="red">{n.daysOverdue}</Text> : '—'}</Table.Td>
              <Table.Td ta="right">{n.returns}</Table.Td>
              <Table.Td>
                {n.accountability.length === 0 ? '—' : `${n.accountability.join('，')}${n.measures > 0 ? `；已采取措施 ${n.measures} 项` : '；尚未采取措施'}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function CountyOutcomes({ rows, year }: { rows: readonly CountyRow[]; year: number }) {
  const [open, setOpen] = useState<string | null>(null);
  const opened = rows.find((r) => r.code === open && r.notices.length > 0);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {year} 年度评价、结果应用与整改
      </Title>
      <Table withTableBorder withColumnBorders striped highlightOnHover aria-label="评价与整改汇总">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>县市</Table.Th>
            <Table.Th>评价覆盖（数量 / 金额）</Table.Th>
            <Table.Th>评价等级</Table.Th>
            <Table.Th>结果应用建议采纳</Table.Th>
            <Table.Th ta="center">逾期整改</Table.Th>
            <Table.Th ta="center">问责清单</Table.Th>
            <Table.Th>衔接资金产业占比</Table.Th>
            <Table.Th className="no-print">整改通知</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Coverage e={r.evaluation} />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <GradeLine label="财政" grades={r.evaluation.grades.finance} />
                  <GradeLine label="部门" grades={r.evaluation.grades.department} />
                </Stack>
              </Table.Td>
              <Table.Td>
                {r.adoption.proposals === 0 ? (
                  <Text span size="sm" c="dimmed">
                    未收到清单
                  </Text>
                ) : (
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {r.adoption.share}
                    </Text>
                    <Text size="xs" c="dimmed">
                      已决定 {r.adoption.decided} / {r.adoption.proposals} 条
                    </Text>
                  </Stack>
                )}
              </Table.Td>
              <Table.Td ta="center">
                <Count n={r.overdueRectifications} color="red" />
              </Table.Td>
              <Table.Td ta="center">
                <Count n={r.accountable} color="orange" />
              </Table.Td>
              <Table.Td>
                <Industry industry={r.industry} />
              </Table.Td>
              <Table.Td className="no-print">
                <Button size="compact-sm" variant="subtle" disabled={r.notices.length === 0} onClick={() => setOpen(open === r.code ? null : r.code)} aria-label={`查看${r.name}整改通知`}>
                  {open === r.code ? '收起' : `查看（${r.notices.length}）`}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {opened && <Notices county={opened} />}
      <Text size="xs" c="dimmed">
        评价覆盖：有审核通过的部门评价或财政评价的项目 / 该县本年度项目，按个数与项目预算金额。评价等级：审核通过的财政评价、部门评价的等级分布。结果应用建议采纳：预算科已作决定的建议中“采纳”和“部分采纳”的比例。问责清单：逾期未通过或被退回达到设定次数的整改通知。衔接资金产业占比：分配给产业类项目的衔接资金占已分配总额的比例，政策要求按本机“参数设置”。
      </Text>
    </Stack>
  );
}
