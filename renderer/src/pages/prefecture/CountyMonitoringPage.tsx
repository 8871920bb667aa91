// 各县绩效监控: every county's monitoring rounds of the year with their sheets' lights; a round opens its
// sheets (and, on its 部门整体 tab, its units' whole-budget sheets) a page at a time, and a sheet its rows with
// their lights, as the county's own board shows them.
import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Table, Tabs, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { LIGHT_LABELS, type Light } from '../../../../electron/domain/monitoring';
import type { WorkflowState } from '../../../../electron/domain/workflow';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { CountyDepartmentSheetRow, CountyListInput, CountyRoundRow, CountySheetRow, RoundSheetsInput } from '../../../../electron/prefecture/contract';
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
const loadDepartmentSheets = (input: RoundSheetsInput) => invoke('prefecture.departmentSheets', input);
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

/** A search box and a page of rows, loaded a page at a time: each of a round's two kinds of sheet. */
function useSheetPage<Row extends { id: string }>(load: (input: RoundSheetsInput) => Promise<{ rows: Row[]; total: number }>, roundId: string) {
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), 300);
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [search]);
  const page = useLatest(load, { roundId, search, offset, limit: PAGE_SIZE });
  return { typed, setTyped, search, offset, setOffset, page };
}

function SheetPage<Row extends { id: string }>({ label, noun, state, columns, placeholder }: {
  label: string;
  noun: string;
  state: ReturnType<typeof useSheetPage<Row>>;
  columns: Column<Row>[];
  placeholder: string;
}) {
  const { typed, setTyped, search, offset, setOffset, page } = state;
  return (
    <Stack gap="sm">
      <TextInput label={`搜索${noun}`} placeholder={placeholder} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} w={260} />
      {page.error && <Alert color="red">{page.error}</Alert>}
      {page.data && (
        <>
          {page.data.total === 0 ? (
            <Text size="sm" c="dimmed">
              {search ? `没有与“${search}”相符的${noun}。` : `本轮没有${noun}。`}
            </Text>
          ) : (
            <PageTable label={label} rows={page.data.rows} columns={columns} />
          )}
          <Pager total={page.data.total} offset={offset} onOffset={setOffset} />
        </>
      )}
    </Stack>
  );
}

const lightColumns = <Row extends { reported: boolean; executionRate: string; budgetLight: Light; projectLight: Light }>(): Column<Row>[] => [
  { key: 'rate', header: '执行率', width: '80px', align: 'right', cell: (s) => (s.reported ? `${s.executionRate}%` : '') },
  { key: 'budget', header: '预算执行', width: '90px', cell: (s) => <LightBadge light={s.budgetLight} reported={s.reported} size="sm" /> },
  { key: 'project', header: '绩效目标', width: '90px', cell: (s) => <LightBadge light={s.projectLight} reported={s.reported} size="sm" /> },
];

function ProjectSheets({ round }: { round: CountyRoundRow }) {
  const [opened, setOpened] = useState<string | null>(null);
  const state = useSheetPage(loadSheets, round.id);
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
    ...lightColumns<CountySheetRow>(),
    { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (s) => <SourceCell source={s.source} /> },
  ];
  return (
    <>
      <SheetPage label={`${round.countyName}${round.title}监控表`} noun="监控表" state={state} columns={columns} placeholder="项目编码、项目或单位名称" />
      {opened && <SheetDetail id={opened} onClose={() => setOpened(null)} />}
    </>
  );
}

/** The round's 部门整体 sheets: each unit's whole budget (基本支出 + 项目支出), read-only with its lights. */
function DepartmentSheets({ round }: { round: CountyRoundRow }) {
  const state = useSheetPage(loadDepartmentSheets, round.id);
  const columns: Column<CountyDepartmentSheetRow>[] = [
    { key: 'code', header: '单位编码', width: '110px', cell: (s) => <Text span ff="monospace" size="sm">{s.unitCode}</Text> },
    { key: 'unit', header: '单位', width: 'minmax(160px, 1.5fr)', cell: (s) => s.unitName },
    { key: 'status', header: '状态', width: '90px', cell: (s) => <WorkflowStatusBadge status={s.status} /> },
    { key: 'budget', header: '全年预算（万元）', width: '150px', align: 'right', cell: (s) => formatWanYuan(s.adjustedFen) },
    { key: 'executed', header: '执行数（万元）', width: '130px', align: 'right', cell: (s) => (s.reported ? formatWanYuan(s.executedFen) : '') },
    ...lightColumns<CountyDepartmentSheetRow>(),
    { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (s) => <SourceCell source={s.source} /> },
  ];
  return <SheetPage label={`${round.countyName}${round.title}部门整体监控表`} noun="部门整体监控表" state={state} columns={columns} placeholder="单位编码或名称" />;
}

/** One round's sheets: the projects', and on their own tab the units' 部门整体 sheets. */
function RoundSheets({ round, onClose }: { round: CountyRoundRow; onClose: () => void }) {
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {round.countyName} · {round.title} 的监控表
        </Title>
        <Button variant="default" onClick={onClose}>
          收起
        </Button>
      </Group>
      <Tabs defaultValue="projects" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="projects">项目（{round.sheets}）</Tabs.Tab>
          <Tabs.Tab value="department">部门整体（{round.departmentSheets}）</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="projects" pt="sm">
          <ProjectSheets round={round} />
        </Tabs.Panel>
        <Tabs.Panel value="department" pt="sm">
          <DepartmentSheets round={round} />
        </Tabs.Panel>
      </Tabs>
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
    { key: 'department', header: '部门整体', width: '80px', align: 'right', cell: (r) => r.departmentSheets },
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
