import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { WORKFLOW_LABELS, WORKFLOW_STATES, type WorkflowState } from '../../../../electron/domain/workflow';
import type { SelfEvaluationListRow } from '../../../../electron/selfEvaluation/contract';
import { invoke } from '../../api';
import { CellAction, CellDimmed } from '../../components/cells';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { notifyError } from '../../components/notify';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { navigate, routeHref } from '../../router';
import { TemplateDownload } from './review/ExternalReviewTab';
import { useTemplateImport } from './useTemplateImport';

type StatusFilter = WorkflowState | 'none';

const dash = <CellDimmed>—</CellDimmed>;

/** 开始自评 in a list row: creates the table (by `create`) and opens it; `name` says whose, for the button's label. */
export function StartButton({ name, create, canEnter }: { name: string; create: () => Promise<{ id: string }>; canEnter: boolean }) {
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      const created = await create();
      navigate('selfEvaluation', 'edit', created.id);
    } catch (error) {
      notifyError(error, '没有开始自评');
      setBusy(false);
    }
  }
  return (
    <CellAction variant="light" onClick={() => void start()} busy={busy} disabled={!canEnter} label={`开始自评：${name}`}>
      开始自评
    </CellAction>
  );
}

/** A list row's name: a link to its table once started, plain text before. */
export const tableName = (id: string | null, name: string) =>
  id ? <a href={routeHref('selfEvaluation', 'edit', id)} title={name}>{name}</a> : <span title={name}>{name}</span>;

function columns(canEnter: boolean): Column<SelfEvaluationListRow>[] {
  return [
    { key: 'code', header: '项目编码', width: '150px', cell: (r) => <span title={r.projectCode}>{r.projectCode}</span> },
    {
      key: 'name',
      header: '项目名称',
      width: 'minmax(200px, 2.2fr)',
      cell: (r) => tableName(r.id, r.projectName),
    },
    { key: 'unit', header: '实施单位', width: 'minmax(160px, 1.3fr)', cell: (r) => <span title={r.unitName}>{r.unitName}</span> },
    ...standingColumns<SelfEvaluationListRow>((r) => <StartButton name={r.projectName} create={() => invoke('selfEvaluation.create', { targetId: r.targetId })} canEnter={canEnter} />),
  ];
}

type Standing = Pick<SelfEvaluationListRow, 'status' | 'executionRate' | 'totalScore' | 'grade'>;

/** 自评状态 (or the 开始自评 button), 执行率, 总分 and 等级: the columns of both lists, project and 部门整体. */
export function standingColumns<T extends Standing>(startButton: (row: T) => ReactNode): Column<T>[] {
  return [
    { key: 'status', header: '自评状态', width: '100px', cell: (r) => (r.status ? <WorkflowStatusBadge status={r.status} /> : startButton(r)), align: 'center' },
    { key: 'rate', header: '执行率', width: '90px', cell: (r) => (r.executionRate ? `${r.executionRate}%` : dash), align: 'right' },
    { key: 'total', header: '总分', width: '80px', cell: (r) => r.totalScore ?? dash, align: 'right' },
    { key: 'grade', header: '等级', width: '70px', cell: (r) => r.grade ?? dash, align: 'center' },
  ];
}

/** The year's approved project targets, each with where its self-evaluation stands. */
export function SelfEvaluationList({ year }: { year: number }) {
  const list = useInvoke('selfEvaluation.list', { year });
  const enter = useAllowed('enter');
  const [unit, setUnit] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const all = list.data ?? [];
  const units = useMemo(() => [...new Map(all.map((r) => [r.unitCode, r.unitName]))].map(([value, name]) => ({ value, label: `${name}（${value}）` })), [all]);
  const visible = all.filter((r) => (!unit || r.unitCode === unit) && (!status || (r.status ?? 'none') === status));
  const started = all.filter((r) => r.status !== null).length;
  const templateImport = useTemplateImport(year, list.reload);
  // The same columns from render to render, so that the rows' memo holds when the page renders again.
  const listColumns = useMemo(() => columns(enter.allowed), [enter.allowed]);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      {list.error && <Alert color="red" title="无法读取自评列表">{list.error}</Alert>}
      {!list.data && !list.error && <Loader aria-label="正在读取自评列表" />}
      {list.data && all.length === 0 && (
        <EmptyNotice
          title="还没有批复的项目目标"
          description={`${year} 年还没有审核通过的项目绩效目标。自评针对批复的指标进行：请先在“绩效目标”中完成目标的填报和审核，再回到这里开展自评。`}
        >
          <Button variant="default" component="a" href={routeHref('targets')}>
            前往绩效目标
          </Button>
        </EmptyNotice>
      )}
      {all.length > 0 && (
        <>
          <Group justify="space-between" align="flex-end" className="no-print">
            <Group gap="xs">
              <Select aria-label="按单位筛选" placeholder="全部单位" data={units} value={unit} onChange={setUnit} searchable clearable w={230} />
              <Select
                aria-label="按状态筛选"
                placeholder="全部状态"
                data={[{ value: 'none', label: '未自评' }, ...WORKFLOW_STATES.map((s) => ({ value: s, label: WORKFLOW_LABELS[s] }))]}
                value={status}
                onChange={(v) => setStatus(v as StatusFilter | null)}
                clearable
                w={120}
              />
            </Group>
            <Group gap="xs">
              <TemplateDownload year={year} />
              <PickFileButton label="导入自评模板" variant="default" accept={XLSX_ACCEPT} onFile={templateImport.choose} loading={templateImport.reading} disabled={!enter.allowed} />
              <DownloadButton label="导出全年自评表" variant="default" disabled={started === 0} fetchFile={() => invoke('selfEvaluation.yearWorkbook', { year })} />
            </Group>
          </Group>
          <Text size="sm" c="dimmed" role="status">
            共 {all.length} 个批复的项目，已开始自评 {started} 个{visible.length !== all.length && `，筛选出 ${visible.length} 个`}
          </Text>
          <NotAllowedNote allowance={enter} />
          {visible.length > 0 ? (
            <VirtualTable label="自评列表" rows={visible} columns={listColumns} rowKey={(r) => r.targetId} />
          ) : (
            <EmptyNotice title="没有符合条件的项目" description="请调整单位或状态筛选条件。">
              <Button variant="default" onClick={() => { setUnit(null); setStatus(null); }}>
                清除筛选
              </Button>
            </EmptyNotice>
          )}
        </>
      )}
      {templateImport.modal}
    </Stack>
  );
}
