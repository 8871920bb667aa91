// 各县单位与项目: every county's budget units, and its projects of the year with their amount and the
// state of their targets, as the counties' packages brought them.
import { Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { WorkflowState } from '../../../../electron/domain/workflow';
import type { CountyListInput, CountyProjectRow, CountyUnitRow } from '../../../../electron/prefecture/contract';
import { invoke } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import type { Column } from '../../components/VirtualTable';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { CountyList } from './CountyList';
import { SourceCell } from './SourceCell';

const loadUnits = (input: CountyListInput) => invoke('prefecture.units', input);
const loadProjects = (input: CountyListInput) => invoke('prefecture.projects', input);
const code = (text: string) => <Text span ff="monospace" size="sm">{text}</Text>;

const UNIT_COLUMNS: Column<CountyUnitRow>[] = [
  { key: 'county', header: '县市', width: '90px', cell: (u) => u.countyName },
  { key: 'code', header: '单位编码', width: '110px', cell: (u) => code(u.code) },
  { key: 'name', header: '单位名称', width: 'minmax(200px, 2fr)', cell: (u) => u.name },
  { key: 'department', header: '主管部门', width: 'minmax(160px, 1.5fr)', cell: (u) => (u.isDepartment ? <Badge variant="light" radius="sm">主管部门</Badge> : u.departmentName ?? '') },
  { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (u) => <SourceCell source={u.source} /> },
];

const PROJECT_COLUMNS: Column<CountyProjectRow>[] = [
  { key: 'county', header: '县市', width: '90px', cell: (p) => p.countyName },
  { key: 'code', header: '项目编码', width: '170px', cell: (p) => code(p.code) },
  {
    key: 'name',
    header: '项目名称',
    width: 'minmax(200px, 2fr)',
    cell: (p) => (
      <Group gap={4} wrap="nowrap">
        {p.name}
        {p.keyProject && <Badge size="xs" variant="light" color="grape">重点</Badge>}
        {p.povertyFund && <Badge size="xs" variant="light" color="orange">衔接资金</Badge>}
      </Group>
    ),
  },
  { key: 'unit', header: '实施单位', width: 'minmax(150px, 1.2fr)', cell: (p) => p.unitName ?? p.unitCode },
  { key: 'amount', header: '调整后预算（万元）', width: '160px', align: 'right', cell: (p) => formatWanYuan(p.adjustedFen) },
  { key: 'target', header: '绩效目标', width: '90px', cell: (p) => <WorkflowStatusBadge status={p.targetStatus as WorkflowState | null} /> },
  { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (p) => <SourceCell source={p.source} /> },
];

export function CountyRegistryPage() {
  const [tab, setTab] = useState<string | null>('projects');
  return (
    <Stack gap="md">
      <PageHeader title="各县单位与项目" description="各县市上报包带来的预算单位和项目（只读）；单位与项目由各县市自行登记。" />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="projects">项目</Tabs.Tab>
          <Tabs.Tab value="units">预算单位</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="projects">
          <CountyList label="各县项目" noun="项目" load={loadProjects} columns={PROJECT_COLUMNS} searchPlaceholder="项目编码、项目或单位名称" />
        </Tabs.Panel>
        <Tabs.Panel value="units">
          <CountyList label="各县预算单位" noun="预算单位" load={loadUnits} columns={UNIT_COLUMNS} searchPlaceholder="单位编码或名称" yearless />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
