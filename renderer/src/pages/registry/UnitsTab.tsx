import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../../electron/registry/contract';
import { invoke } from '../../api';
import { CellAction, CellBadge, CellDimmed, CellGroup, CellText } from '../../components/cells';
import { EmptyNotice, NoMatches } from '../../components/EmptyNotice';
import { IfAllowed, useAllowed } from '../../components/useAllowed';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { notifyError, notifySuccess } from '../../components/notify';
import { sortRows, type SortState } from '../../components/tableSort';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { UnitFormModal } from './UnitFormModal';
import { departmentName, filterUnits } from './unitList';
import { useUnitImport } from './useUnitImport';

const downloadTemplate = () => invoke('units.template', {});
const exportUnits = () => invoke('units.export', {});

/** 预算单位: the list, its search and sort, the unit form and the Excel round trip. */
export function UnitsTab() {
  const units = useInvoke('units.list', {});
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const unitImport = useUnitImport(units.reload);

  const all = units.data ?? [];
  const byCode = useMemo(() => new Map(all.map((u) => [u.code, u])), [all]);
  const departments = useMemo(() => all.filter((u) => u.isDepartment), [all]);

  // A role that may not enter (a 主管部门审核人) sees the register without row actions; the note above the list says why.
  const entering = useAllowed('enter').allowed;
  const columns = useMemo<Column<Unit>[]>(
    () => [
      { key: 'code', header: '单位编码', width: '130px', cell: (u) => u.code, sortValue: (u) => u.code },
      { key: 'name', header: '单位名称', width: 'minmax(220px, 2fr)', cell: (u) => <span title={u.name}>{u.name}</span>, sortValue: (u) => u.name },
      {
        key: 'department',
        header: '主管部门',
        width: 'minmax(180px, 1.5fr)',
        cell: (u) => departmentName(u, byCode) || <CellDimmed>—</CellDimmed>,
        sortValue: (u) => departmentName(u, byCode),
      },
      {
        key: 'type',
        header: '类型',
        width: '110px',
        cell: (u) => (u.isDepartment ? <CellBadge>主管部门</CellBadge> : <CellText>下属单位</CellText>),
        sortValue: (u) => (u.isDepartment ? 0 : 1),
      },
      {
        key: 'active',
        header: '状态',
        width: '90px',
        cell: (u) => <CellBadge color={u.active ? 'teal' : 'gray'} variant={u.active ? 'light' : 'outline'}>{u.active ? '启用' : '停用'}</CellBadge>,
        sortValue: (u) => (u.active ? 0 : 1),
      },
      ...(entering ? [{
        key: 'actions',
        header: '操作',
        width: '130px',
        cell: (u) => (
          <CellGroup gap={4} noPrint>
            <CellAction onClick={() => setEditing(u)} label={`修改 ${u.name}`}>
              修改
            </CellAction>
            <CellAction color={u.active ? 'gray' : 'teal'} onClick={() => confirmSetActive(u, !u.active, units.reload)} label={`${u.active ? '停用' : '启用'} ${u.name}`}>
              {u.active ? '停用' : '启用'}
            </CellAction>
          </CellGroup>
        ),
      } satisfies Column<Unit>] : []),
    ],
    [byCode, units.reload, entering],
  );

  const visible = useMemo(() => {
    const filtered = filterUnits(all, query);
    const column = columns.find((c) => c.key === sort?.key);
    return sort && column?.sortValue ? sortRows(filtered, column.sortValue, sort.direction) : filtered;
  }, [all, query, sort, columns]);

  const importButton = (
    <PickFileButton label="从 Excel 导入" accept={XLSX_ACCEPT} onFile={unitImport.choose} loading={unitImport.reading} variant="default" />
  );

  let body;
  if (units.error) body = <Alert color="red" title="无法读取单位列表">{units.error}</Alert>;
  else if (!units.data) body = <Loader aria-label="正在读取单位列表" />;
  else if (all.length === 0) {
    body = (
      <EmptyNotice
        title="还没有预算单位"
        description="可以逐个新增，也可以下载 Excel 模板，填好后一次导入。主管部门要先于其下属单位录入，或放在同一个文件里一起导入。"
      >
        <IfAllowed permission="enter">
          <Button onClick={() => setEditing('new')}>新增单位</Button>
          {importButton}
          <DownloadButton label="下载模板" fetchFile={downloadTemplate} variant="subtle" />
        </IfAllowed>
      </EmptyNotice>
    );
  } else {
    body = (
      <>
        <Group justify="space-between" className="no-print">
          <Group gap="sm">
            <TextInput
              aria-label="搜索单位"
              placeholder="按单位编码或名称搜索"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={260}
            />
            <Text size="sm" c="dimmed" role="status">
              共 {all.length} 个单位{visible.length !== all.length && `，筛选出 ${visible.length} 个`}
            </Text>
          </Group>
          <Group gap="xs">
            <IfAllowed permission="enter">
              <Button onClick={() => setEditing('new')}>新增单位</Button>
              {importButton}
            </IfAllowed>
            <DownloadButton label="导出" fetchFile={exportUnits} variant="default" />
            <DownloadButton label="下载模板" fetchFile={downloadTemplate} variant="subtle" />
          </Group>
        </Group>
        {visible.length > 0 ? (
          <VirtualTable label="预算单位" rows={visible} columns={columns} rowKey={(u) => u.id} sort={sort} onSortChange={setSort} />
        ) : (
          <NoMatches title="没有符合条件的单位" description={`没有单位编码或名称包含“${query.trim()}”的单位。`} onClear={() => setQuery('')} />
        )}
      </>
    );
  }

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      {body}
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          departments={departments}
          register={all}
          onClose={() => setEditing(null)}
          onSaved={units.reload}
        />
      )}
      {unitImport.modal}
    </Stack>
  );
}

function confirmSetActive(unit: Unit, active: boolean, reload: () => Promise<void>) {
  const verb = active ? '启用' : '停用';
  modals.openConfirmModal({
    title: `${verb}单位：${unit.name}`,
    children: (
      <Text size="sm" lh={1.7}>
        {active
          ? '启用后，该单位重新出现在填报、监控和评价的单位选择中。'
          : '停用后，该单位不再出现在新的填报、监控和评价的单位选择中；它的历史数据和操作记录全部保留，之后可以随时重新启用。'}
      </Text>
    ),
    labels: { confirm: verb, cancel: '取消' },
    confirmProps: { color: active ? 'teal' : 'red' },
    onConfirm: async () => {
      try {
        await invoke('units.setActive', { id: unit.id, active });
        await reload();
        notifySuccess(`${unit.name}（${unit.code}）`, `已${verb}`);
      } catch (error) {
        notifyError(error, `${verb}失败`);
      }
    },
  });
}
