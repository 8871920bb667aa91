import { Alert, Badge, Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DepartmentTargetRow } from '../../../../electron/targets/contract';
import { EmptyNotice } from '../../components/EmptyNotice';
import { IfAllowed } from '../../components/useAllowed';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { routeHref } from '../../router';
import { coverage, filterTargetRows, type StatusFilter } from './targetList';
import { CoverageCards, STATUS_OPTIONS } from './TargetListTab';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';

const CARDS = [
  { key: 'total' as const, label: '单位总数' },
  { key: 'filled' as const, label: '已填报' },
  { key: 'submitted' as const, label: '待审核', color: 'blue' },
  { key: 'approved' as const, label: '已通过', color: 'teal' },
  { key: 'returned' as const, label: '被退回', color: 'orange' },
  { key: 'none' as const, label: '未填报', color: 'gray' },
];

/** 部门整体支出绩效目标: one per active unit and year. */
export function DepartmentListTab({ year }: { year: number }) {
  const overview = useInvoke('targets.overview', { year });
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const [query, setQuery] = useState('');
  const all = overview.data?.departments ?? [];
  const visible = useMemo(() => filterTargetRows(all, { unitCode: null, status, query }, (u) => [u.unitCode, u.unitName]), [all, status, query]);

  const columns: Column<DepartmentTargetRow>[] = [
    { key: 'code', header: '单位编码', width: '130px', cell: (u) => u.unitCode },
    {
      key: 'name',
      header: '单位名称',
      width: 'minmax(220px, 2fr)',
      cell: (u) => (
        <Group gap={6} wrap="nowrap">
          <span title={u.unitName}>{u.unitName}</span>
          {u.isDepartment && (
            <Badge size="xs" variant="light">
              主管部门
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'status', header: '状态', width: '90px', cell: (u) => <WorkflowStatusBadge status={u.status} /> },
    { key: 'grade', header: '审核等级', width: '80px', cell: (u) => u.reviewGrade ?? '' },
    { key: 'updated', header: '更新时间', width: '140px', cell: (u) => (u.updatedAt ? formatDateTime(u.updatedAt) : '') },
    {
      key: 'open',
      header: '操作',
      width: '80px',
      cell: (u) => (
        <Button size="compact-sm" variant="subtle" component="a" href={routeHref('targets', 'department', String(year), u.unitCode)} aria-label={`打开 ${u.unitName} 的部门整体支出绩效目标`} className="no-print">
          {u.status === 'approved' || u.status === 'submitted' ? '查看' : '填报'}
        </Button>
      ),
    },
  ];

  if (overview.error) return <Alert color="red" title="无法读取部门整体支出绩效目标">{overview.error}</Alert>;
  if (!overview.data) return <Loader aria-label="正在读取部门整体支出绩效目标" />;
  if (all.length === 0) {
    return (
      <EmptyNotice title="还没有预算单位" description="部门整体支出绩效目标按预算单位填报。请先在“单位与项目”中登记预算单位。">
        <IfAllowed permission="enter">
          <Button component="a" href={routeHref('registry', 'units')}>
            去登记单位
          </Button>
        </IfAllowed>
      </EmptyNotice>
    );
  }
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <CoverageCards counts={coverage(all)} cards={CARDS} />
      <Group gap="sm" className="no-print">
        <Select aria-label="状态" placeholder="全部状态" data={STATUS_OPTIONS} value={status} onChange={(s) => setStatus(s as StatusFilter | null)} clearable w={130} />
        <TextInput aria-label="搜索单位" placeholder="按单位编码或名称搜索" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={240} />
        <Text size="sm" c="dimmed" role="status">
          {visible.length} 个单位
        </Text>
      </Group>
      <VirtualTable label="部门整体支出绩效目标" rows={visible} columns={columns} rowKey={(u) => u.unitCode} />
    </Stack>
  );
}
