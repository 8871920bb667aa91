import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Framework } from '../../../../electron/domain/indicators';
import { LIBRARY_STATUS_LABELS, LIBRARY_STATUSES, editRefusal, libraryActions, LIBRARY_ACTION_LABELS, referenceTarget, type LibraryStatus } from '../../../../electron/domain/library';
import type { LibraryIndicatorRow, ProjectTypeSummary } from '../../../../electron/library/contract';
import { invoke } from '../../api';
import { CellAction, CellBadge, CellGroup, CellSmall, type CellColor } from '../../components/cells';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { IndicatorFormModal, OpenedIndicatorModal } from './IndicatorFormModal';
import { statusCounts } from './libraryView';
import { ProjectTypeList } from './ProjectTypeList';
import { ProjectTypeModal } from './ProjectTypeModal';
import { ReviewModal, type PendingReview } from './ReviewModal';
import { useLibraryImport } from './useLibraryImport';
import { IfAllowed, useAllowed } from '../../components/useAllowed';

const STATUS_COLORS: Record<LibraryStatus, CellColor> = { draft: 'gray', proposed: 'orange', accepted: 'teal', retired: 'gray' };
const SEARCH_DELAY_MS = 200;

const exportLibrary = () => invoke('library.export', {});
const downloadTemplate = () => invoke('library.template', {});

function StatusBadge({ status }: { status: LibraryStatus }) {
  return (
    <CellBadge color={STATUS_COLORS[status]} variant={status === 'retired' ? 'outline' : 'light'}>
      {LIBRARY_STATUS_LABELS[status]}
    </CellBadge>
  );
}

/** 指标: the types on the left, the instant search and the virtualised indicator table on the right. */
export function IndicatorsTab({
  types,
  preferred,
  reloadTypes,
}: {
  types: readonly ProjectTypeSummary[];
  preferred: Framework;
  reloadTypes: () => Promise<void>;
}) {
  const [typeCode, setTypeCode] = useState<string | null>(null);
  const [status, setStatus] = useState<LibraryStatus | 'all'>('all');
  const [query, setQuery] = useState('');
  const [text] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [editing, setEditing] = useState<LibraryIndicatorRow | 'new' | null>(null);
  const [editingType, setEditingType] = useState<ProjectTypeSummary | 'new' | null>(null);
  const [review, setReview] = useState<PendingReview | null>(null);

  const search = useInvoke('library.search', { text, projectTypeCode: typeCode, status: status === 'all' ? null : status });
  const reload = async () => {
    await Promise.all([search.reload(), reloadTypes()]);
  };
  const libraryImport = useLibraryImport(reload);
  const typeName = useMemo(() => new Map(types.map((t) => [t.code, t.name])), [types]);
  const counts = statusCounts(types, typeCode);
  // Proposing is a clerk's part; confirming, returning, retiring and restoring are the office's.
  const confirmAllowance = useAllowed('library.confirm');
  const canConfirm = confirmAllowance.allowed;
  const found = search.data;

  const columns = useMemo<Column<LibraryIndicatorRow>[]>(
    () => [
      { key: 'code', header: '指标编码', width: '128px', cell: (i) => <CellSmall title={i.code}>{i.code}</CellSmall> },
      { key: 'name', header: '三级指标', width: 'minmax(150px, 2fr)', cell: (i) => <span title={i.definition ? `${i.name}：${i.definition}` : i.name}>{i.name}</span> },
      ...(typeCode === null ? [{ key: 'type', header: '项目类型', width: 'minmax(90px, 1fr)', cell: (i: LibraryIndicatorRow) => <span title={typeName.get(i.projectTypeCode)}>{typeName.get(i.projectTypeCode) ?? i.projectTypeCode}</span> }] : []),
      { key: 'level', header: '二级指标', width: '112px', cell: (i) => <span title={`${i.level1} / ${i.level2}`}>{i.level2}</span> },
      { key: 'target', header: '参考值', width: '100px', cell: (i) => <span title={referenceTarget(i)}>{referenceTarget(i)}</span> },
      { key: 'status', header: '状态', width: '84px', cell: (i) => <StatusBadge status={i.status} /> },
      { key: 'version', header: '版本', width: '60px', align: 'center', cell: (i) => (i.libraryVersion > 0 ? i.libraryVersion : '—') },
      {
        key: 'actions',
        header: '操作',
        width: '190px',
        cell: (i) => (
          <CellGroup gap={0} noPrint>
            <CellAction onClick={() => setEditing(i)} label={`${editRefusal(i.status) ? '查看' : '修改'} ${i.name}`}>
              {editRefusal(i.status) ? '查看' : '修改'}
            </CellAction>
            {libraryActions(i.status).filter((action) => action === 'propose' || canConfirm).map((action) => (
              <CellAction
                key={action}
                color={action === 'reject' || action === 'retire' ? 'red' : 'blue'}
                onClick={() => setReview({ action, indicators: [i] })}
                label={`${LIBRARY_ACTION_LABELS[action]} ${i.name}`}
              >
                {LIBRARY_ACTION_LABELS[action]}
              </CellAction>
            ))}
          </CellGroup>
        ),
      },
    ],
    [typeCode, typeName, canConfirm],
  );

  const proposedShown = status === 'proposed' ? (found?.indicators ?? []) : [];
  const statusOptions = [
    { value: 'all', label: `全部 ${LIBRARY_STATUSES.reduce((sum, s) => sum + counts[s], 0)}` },
    ...(['accepted', 'proposed', 'draft', 'retired'] as const).map((s) => ({ value: s, label: `${LIBRARY_STATUS_LABELS[s]} ${counts[s]}` })),
  ];

  let body;
  if (search.error) body = <Alert color="red" title="无法查询指标库">{search.error}</Alert>;
  else if (!found) body = <Loader aria-label="正在查询指标库" />;
  else if (found.total === 0) {
    body = (
      <EmptyNotice
        title="没有找到指标"
        description={query.trim() ? `没有名称包含“${query.trim()}”的指标。可以换个说法，或只输入名称中的两三个字。` : '这个范围内还没有指标，可以新增，或从 Excel 导入。'}
      >
        {query.trim() && (
          <Button variant="default" onClick={() => setQuery('')}>
            清除搜索
          </Button>
        )}
        <IfAllowed permission="enter">
          <Button onClick={() => setEditing('new')}>新增指标</Button>
        </IfAllowed>
      </EmptyNotice>
    );
  } else body = <VirtualTable label="指标" rows={found.indicators} columns={columns} rowKey={(i) => i.id} />;

  return (
    <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <ProjectTypeList types={types} selected={typeCode} onSelect={setTypeCode} onAdd={() => setEditingType('new')} onEdit={setEditingType} />
      <Stack gap="sm" style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
        <Group justify="space-between" className="no-print" wrap="nowrap">
          <TextInput
            aria-label="搜索指标"
            placeholder="输入指标名称中的任意几个字"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={280}
            rightSection={search.loading ? <Loader size="xs" /> : null}
          />
          <Group gap="xs" wrap="nowrap">
            <IfAllowed permission="enter">
              <Button onClick={() => setEditing('new')}>新增指标</Button>
              <PickFileButton label="Excel 导入" accept={XLSX_ACCEPT} onFile={libraryImport.choose} loading={libraryImport.reading} variant="default" />
            </IfAllowed>
            <DownloadButton label="Excel 导出" fetchFile={exportLibrary} variant="default" />
            <DownloadButton label="下载模板" fetchFile={downloadTemplate} variant="subtle" />
          </Group>
        </Group>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <SegmentedControl size="xs" data={statusOptions} value={status} onChange={(value) => setStatus(value as LibraryStatus | 'all')} aria-label="按状态筛选" className="no-print" />
            <Text size="sm" c="dimmed" role="status">
              {found &&
                (found.total > found.indicators.length
                  ? `共找到 ${found.total} 条，显示前 ${found.indicators.length} 条；请输入更多文字缩小范围`
                  : `共 ${found.total} 条指标`)}
            </Text>
          </Group>
          {proposedShown.length > 0 && (
            <Button size="xs" disabled={!canConfirm} title={confirmAllowance.reason ?? undefined} onClick={() => setReview({ action: 'confirm', indicators: proposedShown })}>
              全部确认入库（{proposedShown.length} 条）
            </Button>
          )}
        </Group>
        {body}
      </Stack>
      {editing === 'new' && <IndicatorFormModal indicator={null} projectTypeCode={typeCode} types={types} preferred={preferred} onClose={() => setEditing(null)} onSaved={reload} />}
      {editing && editing !== 'new' && (
        <OpenedIndicatorModal key={editing.id} row={editing} projectTypeCode={typeCode} types={types} preferred={preferred} onClose={() => setEditing(null)} onSaved={reload} />
      )}
      {editingType && (
        <ProjectTypeModal
          type={editingType === 'new' ? null : editingType}
          onClose={() => setEditingType(null)}
          onSaved={async (code) => {
            await reloadTypes();
            setTypeCode(code);
          }}
        />
      )}
      {review && <ReviewModal pending={review} onClose={() => setReview(null)} onDone={reload} />}
      {libraryImport.modal}
    </Group>
  );
}
