import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { LIGHT_LABELS, LIGHTS, type Light } from '../../../../electron/domain/monitoring';
import { WORKFLOW_LABELS, WORKFLOW_STATES, type WorkflowState } from '../../../../electron/domain/workflow';
import type { RoundSummary, SheetListRow } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { CellAlert, CellBadge, CellDimmed } from '../../components/cells';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { sortRows, type SortState } from '../../components/tableSort';
import { IfAllowed, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { LightCell } from './LightBadge';
import { MonitoringLink } from './MonitoringLink';
import { useMonitoringImport } from './useMonitoringImport';

const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2, blue: 3, none: 4 };
/** 未填报 sorts after every light: nothing to judge yet. */
const lightRank = (s: SheetListRow, light: Light) => (s.reported ? LIGHT_RANK[light] : 5);

const COLUMNS: Column<SheetListRow>[] = [
  { key: 'code', header: '项目编码', width: '150px', cell: (s) => <span title={s.projectCode}>{s.projectCode}</span>, sortValue: (s) => s.projectCode },
  {
    key: 'name',
    header: '项目名称',
    width: 'minmax(200px, 2.2fr)',
    cell: (s) => <MonitoringLink to="sheet" id={s.id} text={s.projectName} />,
    sortValue: (s) => s.projectName,
  },
  { key: 'unit', header: '实施单位', width: 'minmax(160px, 1.3fr)', cell: (s) => <span title={s.unitName}>{s.unitName}</span>, sortValue: (s) => s.unitCode },
  {
    key: 'rate',
    header: '执行率',
    width: '90px',
    // Nothing reported yet has no rate: 0.00% would read as reported and not spent.
    cell: (s) => (s.overspent ? <CellAlert title="执行数超过调整后预算">超支 {s.executionRate}%</CellAlert> : s.reported ? `${s.executionRate}%` : <CellDimmed title="未填报">—</CellDimmed>),
    sortValue: (s) => Number(s.executionRate),
    align: 'right',
  },
  { key: 'budget', header: '预算执行', width: '90px', cell: (s) => <LightCell light={s.budgetLight} reported={s.reported} />, sortValue: (s) => lightRank(s, s.budgetLight), align: 'center' },
  { key: 'project', header: '目标实现', width: '90px', cell: (s) => <LightCell light={s.projectLight} reported={s.reported} />, sortValue: (s) => lightRank(s, s.projectLight), align: 'center' },
  { key: 'status', header: '状态', width: '90px', cell: (s) => <WorkflowStatusBadge status={s.status} />, sortValue: (s) => WORKFLOW_STATES.indexOf(s.status), align: 'center' },
  {
    key: 'key',
    header: '重点',
    width: '76px',
    cell: (s) => (s.keyProject ? <CellBadge size="sm">重点</CellBadge> : null),
    sortValue: (s) => (s.keyProject ? 0 : 1),
    align: 'center',
  },
];

type LightFilter = Light | 'unreported';

interface Filters {
  unit: string | null;
  status: WorkflowState | null;
  light: LightFilter | null;
}

const matchesLight = (s: SheetListRow, light: LightFilter) => (light === 'unreported' ? !s.reported : s.reported && s.attention === light);

function filterSheets(rows: readonly SheetListRow[], { unit, status, light }: Filters): SheetListRow[] {
  return rows.filter((s) => (!unit || s.unitCode === unit) && (!status || s.status === status) && (!light || matchesLight(s, light)));
}

/** 填报: every sheet of the round with filters, and the Excel paths in and out. */
export function SheetsTab({ round, onChanged }: { round: RoundSummary; onChanged: () => Promise<void> }) {
  const enterAllowed = useAllowed('enter').allowed;
  const sheets = useInvoke('monitoring.sheets', { roundId: round.id });
  const [filters, setFilters] = useState<Filters>({ unit: null, status: null, light: null });
  const [sort, setSort] = useState<SortState | null>(null);
  const [templateUnit, setTemplateUnit] = useState<string | null>(null);
  const reload = async () => {
    await Promise.all([sheets.reload(), onChanged()]);
  };
  const executionImport = useMonitoringImport(round.id, 'execution', reload);
  const templateImport = useMonitoringImport(round.id, 'template', reload);

  const all = sheets.data ?? [];
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of all) seen.set(s.unitCode, s.unitName);
    return [...seen].map(([value, name]) => ({ value, label: `${name}（${value}）` }));
  }, [all]);
  const visible = useMemo(() => {
    const filtered = filterSheets(all, filters);
    const column = COLUMNS.find((c) => c.key === sort?.key);
    return sort && column?.sortValue ? sortRows(filtered, column.sortValue, sort.direction) : filtered;
  }, [all, filters, sort]);

  if (sheets.error) return <Alert color="red" title="无法读取监控表">{sheets.error}</Alert>;
  if (!sheets.data) return <Loader aria-label="正在读取监控表" />;
  if (all.length === 0) return <EmptyNotice title="本轮没有监控表" description="该轮次的范围内没有已批复绩效目标的项目。" />;

  const unreported = all.filter((s) => !s.reported).length;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" className="no-print" align="flex-end">
        <Group gap="xs" align="flex-end">
          <Select aria-label="按单位筛选" placeholder="全部单位" data={units} value={filters.unit} onChange={(v) => set('unit', v)} searchable clearable w={230} />
          <Select
            aria-label="按状态筛选"
            placeholder="全部状态"
            data={WORKFLOW_STATES.map((s) => ({ value: s, label: WORKFLOW_LABELS[s] }))}
            value={filters.status}
            onChange={(v) => set('status', v as WorkflowState | null)}
            clearable
            w={120}
          />
          <Select
            aria-label="按灯色筛选"
            placeholder="全部灯色"
            data={[...LIGHTS.map((l) => ({ value: l, label: l === 'none' ? '无灯' : LIGHT_LABELS[l] })), { value: 'unreported', label: '未填报' }]}
            value={filters.light}
            onChange={(v) => set('light', v as LightFilter | null)}
            clearable
            w={120}
          />
          <Text size="sm" c="dimmed" role="status">
            共 {all.length} 张监控表{unreported > 0 && `，未填报 ${unreported} 张`}{visible.length !== all.length && `，筛选出 ${visible.length} 张`}
          </Text>
        </Group>
        <Group gap="xs" align="flex-end">
          <IfAllowed permission="enter">
            <PickFileButton label="导入预算执行数" accept={XLSX_ACCEPT} onFile={executionImport.choose} loading={executionImport.reading} variant="default" />
          </IfAllowed>
          <Select aria-label="填报模板的单位" placeholder="模板：全部单位" data={units} value={templateUnit} onChange={setTemplateUnit} searchable clearable w={200} />
          <DownloadButton
            label="下载填报模板"
            variant="default"
            fetchFile={() => invoke('monitoring.workbook', { roundId: round.id, ...(templateUnit ? { unitCode: templateUnit } : {}) })}
          />
          <DownloadButton label="导出监控表（136号格式）" variant="default" fetchFile={() => invoke('monitoring.annexExport', { roundId: round.id })} />
          {/* The reason shows once, beside the first import. */}
          {enterAllowed && <PickFileButton label="导入单位填报表" accept={XLSX_ACCEPT} onFile={templateImport.choose} loading={templateImport.reading} variant="default" />}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" className="no-print">
        预算执行数可直接导入预算系统导出的 Excel（按项目编码匹配，需有“项目编码”“执行数（万元）”列，多资金来源的项目需有“资金来源”列），单位只需补充绩效部分。灯色筛选按预算执行和目标实现中较差的一项。
      </Text>
      {visible.length > 0 ? (
        <VirtualTable label="监控表" rows={visible} columns={COLUMNS} rowKey={(s) => s.id} sort={sort} onSortChange={setSort} />
      ) : (
        <EmptyNotice title="没有符合条件的监控表" description="请调整单位、状态或灯色筛选条件。">
          <Button variant="default" onClick={() => setFilters({ unit: null, status: null, light: null })}>
            清除筛选
          </Button>
        </EmptyNotice>
      )}
      {executionImport.modal}
      {templateImport.modal}
    </Stack>
  );
}
