import { Alert, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatWanYuan } from '../../../../electron/domain/money';
import { WORKFLOW_LABELS, WORKFLOW_STATES } from '../../../../electron/domain/workflow';
import type { ProjectTargetRow, TargetImportPreview, TemplateProject } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { CellAction, CellBadge, CellGroup } from '../../components/cells';
import { EmptyNotice } from '../../components/EmptyNotice';
import { IfAllowed } from '../../components/useAllowed';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { formatDateTime } from '../../components/format';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifySuccess } from '../../components/notify';
import { sortRows, type SortState } from '../../components/tableSort';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { routeHref } from '../../router';
import { coverage, filterTargetRows, type Coverage, type StatusFilter } from './targetList';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';

export const STATUS_OPTIONS = [{ value: 'none', label: '未填报' }, ...WORKFLOW_STATES.map((s) => ({ value: s, label: WORKFLOW_LABELS[s] }))];

const COVERAGE_CARDS: { key: keyof Coverage; label: string; color?: string }[] = [
  { key: 'total', label: '项目总数' },
  { key: 'filled', label: '已填报' },
  { key: 'submitted', label: '待审核', color: 'blue' },
  { key: 'approved', label: '已通过', color: 'teal' },
  { key: 'returned', label: '被退回', color: 'orange' },
  { key: 'none', label: '未填报', color: 'gray' },
];

export function CoverageCards({ counts, cards = COVERAGE_CARDS }: { counts: Coverage; cards?: typeof COVERAGE_CARDS }) {
  return (
    <SimpleGrid cols={cards.length} spacing="sm">
      {cards.map((card) => (
        <Paper key={card.key} withBorder p="xs" ta="center" aria-label={`${card.label}：${counts[card.key]}`}>
          <Text size="xs" c="dimmed">
            {card.label}
          </Text>
          <Text fz={22} fw={700} c={card.color && counts[card.key] > 0 ? card.color : undefined}>
            {counts[card.key]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

const IMPORT_COLUMNS: Column<TemplateProject>[] = [
  { key: 'code', header: '项目编码', width: '164px', cell: (p) => p.code },
  { key: 'name', header: '项目名称', width: 'minmax(180px, 1fr)', cell: (p) => <span title={p.name}>{p.name}</span> },
  { key: 'count', header: '指标数', width: '80px', align: 'right', cell: (p) => p.indicatorCount },
  { key: 'action', header: '处理方式', width: '100px', cell: (p) => actionBadge(p.action) },
  {
    key: 'mandatory',
    header: '固化指标',
    width: 'minmax(160px, 1fr)',
    cell: (p) => (p.addedMandatory.length ? <span title={p.addedMandatory.join('、')}>自动补充 {p.addedMandatory.length} 个</span> : ''),
  },
];

/** Per project, the 固化指标 its rows lacked and the import adds (with the library's reference values). */
function AddedMandatoryNotice({ rows }: { rows: readonly TemplateProject[] }) {
  const completed = rows.filter((p) => p.addedMandatory.length > 0);
  if (completed.length === 0) return null;
  return (
    <Alert color="blue" title={`${completed.length} 个项目缺少固化指标，导入时自动补充`}>
      <Stack gap={4}>
        {completed.map((p) => (
          <Text key={p.code} size="sm">
            {p.code} {p.name}：已自动补充固化指标{p.addedMandatory.map((name) => `“${name}”`).join('、')}
          </Text>
        ))}
        <Text size="sm" c="dimmed">
          补充的指标带指标库参考值，请在软件中核对指标值和分值后送审
        </Text>
      </Stack>
    </Alert>
  );
}

/** The year's project targets by unit and status, with coverage counts and the Excel template round trip. */
export function TargetListTab({ year }: { year: number }) {
  const overview = useInvoke('targets.overview', { year });
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);

  const templateImport = useImportFlow<TargetImportPreview>({
    preview: (file) => invoke('targets.importPreview', { ...file, year }),
    commit: (file) => invoke('targets.importCommit', { ...file, year }),
    onImported: async (result) => {
      await overview.reload();
      const skipped = result.counts.error > 0 ? `，${result.counts.error} 个项目有错误未导入` : '';
      const completed = result.rows.filter((p) => p.addedMandatory.length > 0).length;
      const added = completed > 0 ? `，${completed} 个项目已自动补充固化指标` : '';
      notifySuccess(`已导入 ${result.written} 个项目的绩效目标（草稿）${skipped}${added}`, '导入完成');
    },
    renderModal: (props) => (
      <ImportPreviewModal
        unitLabel="个项目"
        skipNote="这些项目的目标整体不导入，其他项目照常导入"
        rowColumns={IMPORT_COLUMNS}
        rowKey={(p) => p.code}
        notice={<AddedMandatoryNotice rows={props.preview.rows} />}
        {...props}
      />
    ),
  });

  const columns = useMemo<Column<ProjectTargetRow>[]>(
    () => [
      { key: 'code', header: '项目编码', width: '164px', cell: (p) => p.code, sortValue: (p) => p.code },
      {
        key: 'name',
        header: '项目名称',
        width: 'minmax(200px, 2fr)',
        cell: (p) => (
          <CellGroup gap={6}>
            <span title={p.name}>{p.name}</span>
            {p.keyProject && (
              <CellBadge size="xs" color="grape">
                重点
              </CellBadge>
            )}
          </CellGroup>
        ),
        sortValue: (p) => p.name,
      },
      { key: 'unit', header: '实施单位', width: 'minmax(160px, 1.4fr)', cell: (p) => p.unitName, sortValue: (p) => p.unitName },
      { key: 'adjusted', header: '调整后预算（万元）', width: '150px', align: 'right', cell: (p) => formatWanYuan(p.adjustedFen), sortValue: (p) => p.adjustedFen },
      { key: 'status', header: '状态', width: '90px', cell: (p) => <WorkflowStatusBadge status={p.status} />, sortValue: (p) => p.status ?? '' },
      { key: 'grade', header: '审核等级', width: '80px', cell: (p) => p.reviewGrade ?? '', sortValue: (p) => p.reviewGrade ?? '' },
      { key: 'updated', header: '更新时间', width: '140px', cell: (p) => (p.updatedAt ? formatDateTime(p.updatedAt) : ''), sortValue: (p) => p.updatedAt ?? '' },
      {
        key: 'open',
        header: '操作',
        width: '80px',
        cell: (p) => (
          <CellAction href={routeHref('targets', 'project', p.projectId)} label={`打开 ${p.name} 的绩效目标`} className="no-print">
            {p.status === 'approved' || p.status === 'submitted' ? '查看' : '填报'}
          </CellAction>
        ),
      },
    ],
    [],
  );

  const all = overview.data?.projects ?? [];
  // The rows carry their unit's name: the filter offers the units that have projects this year.
  const unitNames = useMemo(() => new Map(all.map((p) => [p.unitCode, p.unitName])), [all]);
  const byUnit = useMemo(() => filterTargetRows(all, { unitCode, status: null, query: '' }, () => []), [all, unitCode]);
  const visible = useMemo(() => {
    const filtered = filterTargetRows(all, { unitCode, status, query }, (p) => [p.code, p.name]);
    const column = columns.find((c) => c.key === sort?.key);
    return sort && column?.sortValue ? sortRows(filtered, column.sortValue, sort.direction) : filtered;
  }, [all, unitCode, status, query, sort, columns]);

  if (overview.error) return <Alert color="red" title="无法读取绩效目标">{overview.error}</Alert>;
  if (!overview.data) return <Loader aria-label="正在读取绩效目标" />;
  if (all.length === 0) {
    return (
      <EmptyNotice title={`${year} 年还没有项目`} description="绩效目标按项目填报。请先在“单位与项目”中登记项目，或从预算系统导入项目明细。">
        <IfAllowed permission="enter">
          <Button component="a" href={routeHref('registry', 'projects', String(year))}>
            去登记项目
          </Button>
        </IfAllowed>
      </EmptyNotice>
    );
  }

  const unitOptions = [...new Set(all.map((p) => p.unitCode))].map((code) => ({ value: code, label: `${unitNames.get(code) ?? code}（${code}）` }));
  const chosenUnit = unitCode ? (unitNames.get(unitCode) ?? unitCode) : null;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <CoverageCards counts={coverage(byUnit)} />
      <Group justify="space-between" className="no-print">
        <Group gap="sm">
          <Select aria-label="实施单位" placeholder="全部单位" data={unitOptions} value={unitCode} onChange={setUnitCode} searchable clearable w={240} nothingFoundMessage="没有匹配的单位" />
          <Select aria-label="状态" placeholder="全部状态" data={STATUS_OPTIONS} value={status} onChange={(s) => setStatus(s as StatusFilter | null)} clearable w={130} />
          <TextInput aria-label="搜索项目" placeholder="按项目编码或名称搜索" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={220} />
          <Text size="sm" c="dimmed" role="status">
            {visible.length} 个项目
          </Text>
        </Group>
        <Group gap="xs">
          <Tooltip label="先在左侧选择实施单位，导出该单位的填报模板" disabled={Boolean(unitCode)}>
            <span>
              <DownloadButton
                label="导出单位填报模板"
                variant="default"
                disabled={!unitCode}
                fetchFile={() => invoke('targets.template', { year, unitCode: unitCode! })}
                aria-label={chosenUnit ? `导出${chosenUnit}的填报模板` : '导出单位填报模板'}
              />
            </span>
          </Tooltip>
          <IfAllowed permission="enter">
            <PickFileButton label="导入填好的模板" accept={XLSX_ACCEPT} onFile={templateImport.choose} loading={templateImport.reading} variant="default" />
          </IfAllowed>
        </Group>
      </Group>
      {visible.length > 0 ? (
        <VirtualTable label="项目绩效目标" rows={visible} columns={columns} rowKey={(p) => p.projectId} sort={sort} onSortChange={setSort} />
      ) : (
        <EmptyNotice title="没有符合条件的项目" description="请调整单位、状态或搜索条件。">
          <Button
            variant="default"
            onClick={() => {
              setUnitCode(null);
              setStatus(null);
              setQuery('');
            }}
          >
            清除筛选
          </Button>
        </EmptyNotice>
      )}
      {templateImport.modal}
    </Stack>
  );
}
