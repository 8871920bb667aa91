// 各县绩效目标: every county's project and department-wide targets with their review on both levels — the
// county's own state and this prefecture's latest decision — and each target's indicators, read-only.
// Deciding stays on 数据交换 → 审核与反馈, with the reply it goes into.
import { Alert, Anchor, Group, List, Modal, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { WorkflowState } from '../../../../electron/domain/workflow';
import type { CountyListInput, CountyTargetRow } from '../../../../electron/prefecture/contract';
import { invoke } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import type { Column } from '../../components/VirtualTable';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { routeHref } from '../../router';
import { DecisionCell } from '../exchange/ReviewTab';
import { TARGET_KINDS } from '../exchange/targets';
import { CountyList } from './CountyList';
import { SourceCell } from './SourceCell';

const loadTargets = (input: CountyListInput) => invoke('prefecture.targets', input);

function TargetDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const target = useInvoke('prefecture.target', { id });
  const data = target.data;
  return (
    <Modal opened onClose={onClose} title="绩效目标（只读）" size="xl">
      {target.error && <Alert color="red">{target.error}</Alert>}
      {!data ? (
        !target.error && <Skeleton h={200} />
      ) : (
        <Stack gap="sm">
          <Group gap="md">
            <Text size="sm">
              {TARGET_KINDS[data.kind]} · {data.ownerCode}
            </Text>
            <Group gap={4}>
              <Text size="sm">县级状态</Text>
              <WorkflowStatusBadge status={data.status as WorkflowState} />
            </Group>
            <Group gap={4}>
              <Text size="sm">州级审核</Text>
              <DecisionCell target={data} />
            </Group>
          </Group>
          {data.decision?.opinion && <Text size="sm">州级意见：{data.decision.opinion}</Text>}
          {data.reviewOpinion && <Text size="sm">审核意见：{data.reviewOpinion}</Text>}
          <Title order={3} size="h5">
            总体目标
          </Title>
          <Text size="sm">{data.overallGoal || '（未填写）'}</Text>
          {data.annualGoals.length > 0 && (
            <>
              <Title order={3} size="h5">
                年度目标
              </Title>
              <List size="sm" type="ordered">
                {data.annualGoals.map((goal, n) => (
                  <List.Item key={n}>{goal}</List.Item>
                ))}
              </List>
            </>
          )}
          <Title order={3} size="h5">
            绩效指标（{data.indicators.length} 条）
          </Title>
          <Table striped withTableBorder fz="sm" aria-label="绩效指标">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>一级指标</Table.Th>
                <Table.Th>二级指标</Table.Th>
                <Table.Th>三级指标</Table.Th>
                <Table.Th>指标值</Table.Th>
                <Table.Th ta="right">分值</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.indicators.map((indicator, n) => (
                <Table.Tr key={n}>
                  <Table.Td>{indicator.level1}</Table.Td>
                  <Table.Td>{indicator.level2}</Table.Td>
                  <Table.Td>{indicator.name}</Table.Td>
                  <Table.Td>
                    {indicator.operator === '定性' ? '定性' : `${indicator.operator}${indicator.value}${indicator.unit}`}
                  </Table.Td>
                  <Table.Td ta="right">{indicator.weight}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}

export function CountyTargetsPage() {
  const [opened, setOpened] = useState<string | null>(null);
  const columns: Column<CountyTargetRow>[] = [
    { key: 'county', header: '县市', width: '90px', cell: (t) => t.countyName },
    { key: 'kind', header: '类型', width: '80px', cell: (t) => TARGET_KINDS[t.kind] },
    { key: 'code', header: '编码', width: '160px', cell: (t) => <Text span ff="monospace" size="sm">{t.ownerCode}</Text> },
    {
      key: 'name',
      header: '项目或单位',
      width: 'minmax(160px, 2fr)',
      cell: (t) => (
        <UnstyledButton onClick={() => setOpened(t.id)} aria-label={`查看 ${t.name ?? t.ownerCode} 的绩效目标`}>
          <Text span size="sm" c="blue.7">
            {t.name ?? t.ownerCode}
          </Text>
        </UnstyledButton>
      ),
    },
    { key: 'unit', header: '单位', width: 'minmax(110px, 1fr)', cell: (t) => t.unitName ?? '' },
    { key: 'status', header: '县级状态', width: '90px', cell: (t) => <WorkflowStatusBadge status={t.status as WorkflowState} /> },
    { key: 'decision', header: '州级审核', width: 'minmax(190px, 1.2fr)', cell: (t) => <DecisionCell target={t} /> },
    { key: 'indicators', header: '指标', width: '60px', align: 'right', cell: (t) => t.indicatorCount },
    { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (t) => <SourceCell source={t.source} /> },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title="各县绩效目标"
        description={
          <>
            各县市报送的项目支出和部门整体支出绩效目标，县级状态为该县的审核进度，州级审核为本机最近一次的意见。审核请到
            <Anchor href={routeHref('exchange', 'review')} size="sm">
              数据交换 → 审核与反馈
            </Anchor>
            。
          </>
        }
      />
      <CountyList label="各县绩效目标" noun="绩效目标" load={loadTargets} columns={columns} searchPlaceholder="项目编码、项目或单位名称" />
      {opened && <TargetDetail id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
