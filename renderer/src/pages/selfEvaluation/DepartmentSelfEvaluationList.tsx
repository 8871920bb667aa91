import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { WORKFLOW_LABELS, WORKFLOW_STATES, type WorkflowState } from '../../../../electron/domain/workflow';
import type { DepartmentSelfEvaluationListRow } from '../../../../electron/selfEvaluation/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { routeHref } from '../../router';
import { StartButton, standingColumns, tableName } from './SelfEvaluationList';

type StatusFilter = WorkflowState | 'none';

function columns(canEnter: boolean): Column<DepartmentSelfEvaluationListRow>[] {
  return [
    { key: 'code', header: '单位编码', width: '120px', cell: (r) => <span title={r.unitCode}>{r.unitCode}</span> },
    {
      key: 'name',
      header: '部门（单位）名称',
      width: 'minmax(220px, 2fr)',
      cell: (r) => tableName(r.id, r.unitName),
    },
    ...standingColumns<DepartmentSelfEvaluationListRow>((r) => <StartButton name={r.unitName} create={() => invoke('selfEvaluation.createDepartment', { targetId: r.targetId })} canEnter={canEnter} />),
  ];
}

/** The year's approved department-wide targets, one per unit, each with where its 部门整体支出绩效自评表 stands. */
export function DepartmentSelfEvaluationList({ year }: { year: number }) {
  const list = useInvoke('selfEvaluation.departmentList', { year });
  const enter = useAllowed('enter');
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const all = list.data ?? [];
  const visible = all.filter((r) => !status || (r.status ?? 'none') === status);
  const started = all.filter((r) => r.status !== null).length;
  // The same columns from render to render, so that the rows' memo holds when the page renders again.
  const listColumns = useMemo(() => columns(enter.allowed), [enter.allowed]);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      {list.error && <Alert color="red" title="无法读取部门整体自评列表">{list.error}</Alert>}
      {!list.data && !list.error && <Loader aria-label="正在读取部门整体自评列表" />}
      {list.data && all.length === 0 && (
        <EmptyNotice
          title="还没有批复的部门整体绩效目标"
          description={`${year} 年还没有审核通过的部门整体支出绩效目标。部门整体自评针对批复的目标进行：请先在“绩效目标 → 部门整体”中完成单位目标的填报和审核，再回到这里开展自评。`}
        >
          <Button variant="default" component="a" href={routeHref('targets', 'departments', String(year))}>
            前往部门整体绩效目标
          </Button>
        </EmptyNotice>
      )}
      {all.length > 0 && (
        <>
          <Group gap="xs" align="flex-end" className="no-print">
            <Select
              aria-label="按状态筛选"
              placeholder="全部状态"
              data={[{ value: 'none', label: '未自评' }, ...WORKFLOW_STATES.map((s) => ({ value: s, label: WORKFLOW_LABELS[s] }))]}
              value={status}
              onChange={(v) => setStatus(v as StatusFilter | null)}
              clearable
              w={120}
            />
            <Text size="sm" c="dimmed" role="status">
              共 {all.length} 个单位的部门整体目标已批复，已开始自评 {started} 个{visible.length !== all.length && `，筛选出 ${visible.length} 个`}
            </Text>
          </Group>
          <NotAllowedNote allowance={enter} />
          {visible.length > 0 ? (
            <VirtualTable label="部门整体自评列表" rows={visible} columns={listColumns} rowKey={(r) => r.targetId} />
          ) : (
            <EmptyNotice title="没有符合条件的单位" description="请调整状态筛选条件。">
              <Button variant="default" onClick={() => setStatus(null)}>
                清除筛选
              </Button>
            </EmptyNotice>
          )}
        </>
      )}
    </Stack>
  );
}
