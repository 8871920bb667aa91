import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMemo, useState } from 'react';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { ProjectForEditing, ProjectImportPreview, ProjectImportRow, ProjectListRow } from '../../../../electron/projects/contract';
import { invoke } from '../../api';
import { CellAction, CellBadge, CellGroup, CellLink } from '../../components/cells';
import { EmptyNotice, NoMatches } from '../../components/EmptyNotice';
import { IfAllowed, useAllowed } from '../../components/useAllowed';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifyError, notifySuccess } from '../../components/notify';
import { sortRows, type SortState } from '../../components/tableSort';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, routeHref, useRoute } from '../../router';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { ProjectFormModal } from './ProjectFormModal';
import { filterProjects, projectMarks } from './projectList';

const downloadTemplate = () => invoke('projects.template', {});

const money = (fen: number) => formatWanYuan(fen);

const IMPORT_COLUMNS: Column<ProjectImportRow>[] = [
  { key: 'rows', header: '行号', width: '90px', cell: (p) => p.rowNumbers.join('、') },
  { key: 'code', header: '项目编码', width: '164px', cell: (p) => p.code },
  { key: 'name', header: '项目名称', width: 'minmax(180px, 1fr)', cell: (p) => <span title={p.name}>{p.name}</span> },
  { key: 'adjusted', header: '调整后预算（万元）', width: '150px', align: 'right', cell: (p) => money(p.adjustedFen) },
  { key: 'action', header: '处理方式', width: '100px', cell: (p) => actionBadge(p.action) },
];

/** 项目: the year's projects with funds in 万元, the project form, and the budget system's Excel export. */
export function ProjectsTab() {
  const [, , yearSegment] = useRoute();
  const year = yearFromRoute(yearSegment);
  const projects = useInvoke('projects.list', { year });
  const types = useInvoke('projects.types', {});
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [editing, setEditing] = useState<ProjectForEditing | 'new' | null>(null);
  // The list carries totals only; the form needs the funds by source as they are now.
  const edit = async (row: ProjectListRow) => {
    try {
      setEditing(await invoke('projects.get', { id: row.id }));
    } catch (error) {
      notifyError(error, '无法打开项目');
    }
  };

  const budgetImport = useImportFlow<ProjectImportPreview>({
    preview: (file) => invoke('projects.importPreview', { ...file, year }),
    commit: (file) => invoke('projects.importCommit', { ...file, year }),
    onImported: async (result) => {
      await projects.reload();
      const skipped = result.counts.error > 0 ? `，跳过 ${result.counts.error} 个有错误的项目` : '';
      notifySuccess(`已导入 ${result.written} 个项目${skipped}`, '导入完成');
    },
    renderModal: (props) => (
      <ImportPreviewModal
        unitLabel="个项目"
        skipNote="这些项目的各行整体不导入"
        rowColumns={IMPORT_COLUMNS}
        rowKey={(p) => p.code || String(p.rowNumbers[0])}
        {...props}
      />
    ),
  });

  // Without the right to enter, a row offers only its targets; the note above the list says why.
  const entering = useAllowed('enter').allowed;
  const columns = useMemo<Column<ProjectListRow>[]>(
    () => [
      { key: 'code', header: '项目编码', width: '164px', cell: (p) => p.code, sortValue: (p) => p.code },
      {
        key: 'name',
        header: '项目名称',
        width: 'minmax(200px, 2fr)',
        // The name opens the project's whole cycle (全过程): the actions column has no room for a fourth button.
        cell: (p) => (
          <CellLink href={routeHref('registry', 'cycle', p.id)} title={`${p.name}：打开全过程`} label={`${p.name}的全过程`}>
            {p.name}
          </CellLink>
        ),
        sortValue: (p) => p.name,
      },
      {
        key: 'unit',
        header: '实施单位',
        width: 'minmax(150px, 1.4fr)',
        cell: (p) => <span title={p.unitName}>{p.unitName}</span>,
        sortValue: (p) => p.unitName,
      },
      {
        key: 'marks',
        header: '标记',
        width: '130px',
        cell: (p) => (
          <CellGroup gap={4}>
            {projectMarks(p).map((mark) => (
              <CellBadge key={mark} size="sm" color={mark === '涉密' ? 'red' : mark === '重点' ? 'grape' : 'yellow'}>
                {mark}
              </CellBadge>
            ))}
          </CellGroup>
        ),
      },
      { key: 'initial', header: '年初预算（万元）', width: '136px', align: 'right', cell: (p) => money(p.totals.initialFen), sortValue: (p) => p.totals.initialFen },
      { key: 'adjusted', header: '调整后预算（万元）', width: '150px', align: 'right', cell: (p) => money(p.totals.adjustedFen), sortValue: (p) => p.totals.adjustedFen },
      { key: 'target', header: '绩效目标', width: '108px', cell: (p) => <WorkflowStatusBadge status={p.targetStatus} />, sortValue: (p) => p.targetStatus ?? '' },
      {
        key: 'actions',
        header: '操作',
        width: '170px',
        cell: (p) => (
          <CellGroup gap={2} noPrint>
            {entering && (
              <CellAction onClick={() => void edit(p)} label={`修改 ${p.name}`}>
                修改
              </CellAction>
            )}
            <CellAction href={routeHref('targets', 'project', p.id)} label={`${p.name}的绩效目标`}>
              目标
            </CellAction>
            {entering && (
              <CellAction color="gray" onClick={() => confirmDelete(p, projects.reload)} label={`删除 ${p.name}`}>
                删除
              </CellAction>
            )}
          </CellGroup>
        ),
      },
    ],
    [projects.reload, entering],
  );

  const all = projects.data ?? [];
  const visible = useMemo(() => {
    const filtered = filterProjects(all, query);
    const column = columns.find((c) => c.key === sort?.key);
    return sort && column?.sortValue ? sortRows(filtered, column.sortValue, sort.direction) : filtered;
  }, [all, query, sort, columns]);

  const totalAdjusted = visible.reduce((sum, p) => sum + p.totals.adjustedFen, 0);
  const importButton = (variant: 'default' | 'filled') => (
    <PickFileButton label="从预算系统导入" accept={XLSX_ACCEPT} onFile={budgetImport.choose} loading={budgetImport.reading} variant={variant} />
  );

  let body;
  if (projects.error) body = <Alert color="red" title="无法读取项目列表">{projects.error}</Alert>;
  else if (!projects.data) body = <Loader aria-label="正在读取项目列表" />;
  else if (all.length === 0) {
    body = (
      <EmptyNotice
        title={`还没有 ${year} 年的项目`}
        description="可以逐个新增，也可以把预算系统导出的项目明细（Excel，每个项目每个资金来源一行）直接导入，按项目编码匹配，不必重新录入。导入前请先登记预算单位。"
      >
        <IfAllowed permission="enter">
          <Button onClick={() => setEditing('new')}>新增项目</Button>
          {importButton('default')}
          <DownloadButton label="下载导入模板" fetchFile={downloadTemplate} variant="subtle" />
        </IfAllowed>
      </EmptyNotice>
    );
  } else {
    body = (
      <>
        {visible.length > 0 ? (
          <VirtualTable label="项目" rows={visible} columns={columns} rowKey={(p) => p.id} sort={sort} onSortChange={setSort} />
        ) : (
          <NoMatches title="没有符合条件的项目" description={`没有编码、名称或实施单位包含“${query.trim()}”的项目。`} onClear={() => setQuery('')} />
        )}
      </>
    );
  }

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" className="no-print">
        <Group gap="sm">
          <YearSelect value={year} onChange={(next) => navigate('registry', 'projects', String(next))} />
          {all.length > 0 && (
            <>
              <TextInput aria-label="搜索项目" placeholder="按项目编码、名称或实施单位搜索" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={280} />
              <Text size="sm" c="dimmed" role="status">
                共 {all.length} 个项目{visible.length !== all.length && `，筛选出 ${visible.length} 个`}，调整后预算合计 {money(totalAdjusted)} 万元
              </Text>
            </>
          )}
        </Group>
        {all.length > 0 && (
          <Group gap="xs">
            <IfAllowed permission="enter">
              <Button onClick={() => setEditing('new')}>新增项目</Button>
              {importButton('default')}
            </IfAllowed>
            <DownloadButton label="导出" fetchFile={() => invoke('projects.export', { year })} variant="default" />
            <DownloadButton label="下载导入模板" fetchFile={downloadTemplate} variant="subtle" />
          </Group>
        )}
      </Group>
      {body}
      {editing && (
        <ProjectFormModal
          project={editing === 'new' ? null : editing}
          year={year}
          types={types.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={projects.reload}
        />
      )}
      {budgetImport.modal}
    </Stack>
  );
}

function confirmDelete(project: ProjectListRow, reload: () => Promise<void>) {
  modals.openConfirmModal({
    title: `删除项目：${project.name}`,
    children: (
      <Text size="sm" lh={1.7}>
        删除后该项目不再出现在项目列表、绩效目标和监控中；尚未送审的绩效目标草稿一并删除。已送审或已通过的目标不能删除。操作记录会保留。
      </Text>
    ),
    labels: { confirm: '删除', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await invoke('projects.delete', { id: project.id, version: project.version });
        await reload();
        notifySuccess(`${project.name}（${project.code}）`, '已删除项目');
      } catch (error) {
        notifyError(error, '删除失败');
      }
    },
  });
}
