// 各县绩效监控: every county's monitoring rounds of the year with their sheets' lights; a round opens its
// sheets a page at a time, and a sheet its rows with their lights, as the county's own board shows them.
import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { LIGHT_LABELS, type Light } from '../../../../electron/domain/monitoring';
import type { WorkflowState } from '../../../../electron/domain/workflow';
import type { CountyListInput, CountyRoundRow, CountySheetRow, RoundSheetsInput } from '../../../../electron/prefecture/contract';
import { invoke } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import type { Column } from '../../components/VirtualTable';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { LIGHT_COLORS, LightBadge } from '../monitoring/LightBadge';
import { CountyList, PAGE_SIZE, Pager, PageTable, useLatest } from './CountyList';
import { SourceCell } from './SourceCell';

const loadRounds = (input: CountyListInput) => invoke('prefecture.rounds', input);
const loadSheets = (input: RoundSheetsInput) => invoke('prefecture.sheets', input);
const SHOWN_LIGHTS: Light[] = ['red', 'yellow', 'green', 'blue'];

function LightCounts({ round }: { round: CountyRoundRow }) {
  return (
    <Group gap={4} wrap="nowrap">
      {SHOWN_LIGHTS.map((light) => (
        <Badge key={light} color={LIGHT_COLORS[light]} variant="light" radius="sm" title={LIGHT_LABELS[light]}>
          {LIGHT_LABELS[light].slice(0, 1)} {round.lights[light]}
        </Badge>
      ))}
      <Text span size="xs" c="dimmed">
        未填报 {round.unreported}
      </Text>
    </Group>
  );
}

function SheetDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const sheet = useInvoke('prefecture.sheet', { id });
  const data = sheet.data;
  return (
    <Modal opened onClose={onClose} title={data ? `${data.projectName}（${data.roundTitle}，只读）` : '监控表（只读）'} size="xl">
      {sheet.error && <Alert color="red">{sheet.error}</Alert>}
      {!data ? (
        !sheet.error && <Skeleton h={200} />
      ) : (
        <Stack gap="sm">
          <Group gap="md">
            <Text size="sm">
              {data.projectCode} · {data.unitName}
            </Text>
            <WorkflowStatusBadge status={data.status as WorkflowState} />
            <Text size="sm">预算执行率 {data.executionRate}%</Text>
            <LightBadge light={data.budgetLight} reported={data.reported} prefix="预算执行：" />
            <LightBadge light={data.projectLight} reported={data.reported} prefix="绩效目标：" />
          </Group>
          {data.analysis && <Text size="sm">执行分析：{data.analysis}</Text>}
          <Title order={3} size="h5">
            绩效指标
          </Title>
          <Table striped withTableBorder fz="sm" aria-label="监控指标">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>二级指标</Table.Th>
                <Table.Th>三级指标</Table.Th>
                <Table.Th>年度指标值</Table.Th>
                <Table.Th>实际完成</Table.Th>
                <Table.Th ta="right">完成进度</Table.Th>
                <Table.Th>灯色</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.indicators.map((indicator, n) => (
                <Table.Tr key={n}>
                  <Table.Td>{indicator.level2}</Table.Td>
                  <Table.Td>{indicator.name}</Table.Td>
                  <Table.Td>{indicator.operator === '定性' ? '定性' : `${indicator.operator}${indicator.target}${indicator.unit}`}</Table.Td>
                  <Table.Td>{indicator.reached || '—'}</Table.Td>
                  <Table.Td ta="right">{indicator.ratio ? `${indicator.ratio}%` : ''}</Table.Td>
                  <Table.Td>
                    <LightBadge light={indicator.light} reported={data.reported} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}

/** One round's sheets, a page at a time, each opening its rows. */
function RoundSheets({ round, onClose }: { round: CountyRoundRow; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => setOffset(0), [search]);
  const page = useLatest(loadSheets, { roundId: round.id, search, offset, limit: PAGE_SIZE });
  const columns: Column<CountySheetRow>[] = [
    { key: 'code', header: '项目编码', width: '170px', cell: (s) => <Text span ff="monospace" size="sm">{s.projectCode}</Text> },
    {
      key: 'name',
      header: '项目名称',
      width: 'minmax(180px, 2fr)',
      cell: (s) => (
        <UnstyledButton onClick={() => setOpened(s.id)} aria-label={`查看 ${s.projectName} 的监控表`}>
          <Text span size="sm" c="blue.7">
            {s.projectName}
          </Text>
        </UnstyledButton>
      ),
    },
    { key: 'unit', header: '单位', width: 'minmax(140px, 1fr)', cell: (s) => s.unitName },
    { key: 'status', header: '状态', width: '90px', cell: (s) => <WorkflowStatusBadge status={s.status} /> },
    { key: 'rate', header: '执行率', width: '80px', align: 'right', cell: (s) => (s.reported ? `${s.executionRate}%` : '') },
    { key: 'budget', header: '预算执行', width: '90px', cell: (s) => <LightBadge light={s.budgetLight} reported={s.reported} size="sm" /> },
    { key: 'project', header: '绩效目标', width: '90px', cell: (s) => <LightBadge light={s.projectLight} reported={s.reported} size="sm" /> },
    { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (s) => <SourceCell source={s.source} /> },
  ];
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {round.countyName} · {round.title} 的监控表
        </Title>
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索监控表" placeholder="项目编码、项目或单位名称" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} w={240} />
          <Button variant="default" onClick={onClose}>
            收起
          </Button>
        </Group>
      </Group>
      {page.error && <Alert color="red">{page.error}</Alert>}
      {page.data && (
        <>
          {page.data.total === 0 ? (
            <Text size="sm" c="dimmed">
              {search ? `没有与“${search}”相符的监控表。` : '本轮没有监控表。'}
            </Text>
          ) : (
            <PageTable label={`${round.countyName}${round.title}监控表`} rows={page.data.rows} columns={columns} />
          )}
          <Pager total={page.data.total} offset={offset} onOffset={setOffset} />
        </>
      )}
      {opened && <SheetDetail id={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}

export function CountyMonitoringPage() {
  const [round, setRound] = useState<CountyRoundRow | null>(null);
  const columns: Column<CountyRoundRow>[] = [
    { key: 'county', header: '县市', width: '90px', cell: (r) => r.countyName },
    {
      key: 'title',
      header: '监控轮次',
      width: 'minmax(160px, 1.5fr)',
      cell: (r) => (
        <UnstyledButton onClick={() => setRound(r)} aria-label={`查看 ${r.countyName}${r.title} 的监控表`}>
          <Text span size="sm" c="blue.7">
            {r.title}
          </Text>
        </UnstyledButton>
      ),
    },
    { key: 'deadline', header: '截止日期', width: '100px', cell: (r) => r.deadline },
    { key: 'sheets', header: '监控表', width: '70px', align: 'right', cell: (r) => r.sheets },
    { key: 'submitted', header: '已报送', width: '70px', align: 'right', cell: (r) => r.submitted },
    { key: 'lights', header: '绩效目标灯色', width: '290px', cell: (r) => <LightCounts round={r} /> },
    { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (r) => <SourceCell source={r.source} /> },
  ];
  return (
    <Stack gap="md">
      <PageHeader title="各县绩效监控" description="各县市开展的监控轮次及其监控表的红黄绿蓝灯，灯色按监控规则计算；点击轮次查看其监控表，点击项目查看逐条指标的灯色。" />
      <CountyList label="各县监控轮次" noun="监控轮次" load={loadRounds} columns={columns} searchPlaceholder="轮次名称或县市" />
      {round && <RoundSheets key={round.id} round={round} onClose={() => setRound(null)} />}
    </Stack>
  );
}
