import { Alert, Button, Group, List, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { FilePayload } from '../../../../electron/ipc/contract';
import type { PackageChange, PackagePreview, Tally, LibraryVersion } from '../../../../electron/library/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton, PickFileButton } from '../../components/FileActions';
import { readFilePayload } from '../../components/files';
import { formatDateTime } from '../../components/format';
import { actionBadge } from '../../components/ImportPreview';
import { notifyError, notifySuccess } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { versionSource } from './libraryView';

const JSON_ACCEPT = '.json,application/json';
const exportPackage = () => invoke('library.packageExport', {});

const CHANGE_COLUMNS: Column<PackageChange>[] = [
  { key: 'kind', header: '类别', width: '90px', cell: (c) => c.kind },
  { key: 'code', header: '编码', width: '160px', cell: (c) => c.code },
  { key: 'name', header: '名称', width: 'minmax(200px, 1fr)', cell: (c) => <span title={c.name}>{c.name}</span> },
  { key: 'action', header: '处理方式', width: '100px', cell: (c) => actionBadge(c.action) },
];

function TallyCard({ title, tally }: { title: string; tally: Tally }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      <Text size="sm">
        新增 <b>{tally.create}</b>，更新 <b>{tally.update}</b>，无变化 {tally.unchanged}
      </Text>
    </Paper>
  );
}

/** The dry run of a version file: what it would change, what blocks it; applies only on confirmation. */
function PackagePreviewModal({ file, preview, onClose, onApplied }: { file: FilePayload; preview: PackagePreview; onClose: () => void; onApplied: () => Promise<void> }) {
  const [applying, setApplying] = useState(false);
  const blocked = preview.refusal !== null || preview.problems.length > 0;
  async function apply() {
    setApplying(true);
    try {
      const result = await invoke('library.packageApply', file);
      await onApplied();
      notifySuccess(`新增 ${result.indicators.create} 条、更新 ${result.indicators.update} 条指标；本机指标库为第 ${result.libraryVersion} 版`, '已导入指标库版本');
      onClose();
    } catch (error) {
      notifyError(error, '导入失败，没有写入任何数据');
      setApplying(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={`导入预览：${file.fileName}`} size="xl" closeOnClickOutside={false}>
      <Stack gap="md">
        <Text size="sm">
          {preview.sourceName || preview.source} 第 {preview.version} 版{preview.publishedAt ? `（${formatDateTime(preview.publishedAt)} 发布）` : ''}
          {preview.note ? `：${preview.note}` : ''}
        </Text>
        <SimpleGrid cols={2}>
          <TallyCard title="项目类型" tally={preview.projectTypes} />
          <TallyCard title="指标" tally={preview.indicators} />
        </SimpleGrid>
        {preview.refusal && (
          <Alert color="yellow" title="不能导入这个文件">
            {preview.refusal}
          </Alert>
        )}
        {preview.problems.length > 0 && (
          <Alert color="red" title={`文件中有 ${preview.problems.length} 处问题，整个文件不能导入`}>
            <List size="sm" style={{ maxHeight: 160, overflow: 'auto' }}>
              {preview.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview.changes.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              将新增或更新的 {preview.changes.length} 项
            </Title>
            <VirtualTable label="版本变化" rows={preview.changes} columns={CHANGE_COLUMNS} rowKey={(c) => `${c.kind}-${c.code}`} height={Math.min(260, 40 * (preview.changes.length + 1) + 2)} />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={applying}>
            取消
          </Button>
          <Button onClick={apply} loading={applying} disabled={blocked}>
            确认导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const versionColumns = (regionName: (code: string) => string | undefined): Column<LibraryVersion>[] => [
  { key: 'version', header: '版本', width: '80px', cell: (v) => `第 ${v.version} 版` },
  { key: 'at', header: '发布时间', width: '150px', cell: (v) => formatDateTime(v.publishedAt) },
  { key: 'by', header: '发布人', width: '110px', cell: (v) => v.publishedBy },
  { key: 'source', header: '来源', width: '220px', cell: (v) => versionSource(v, regionName) },
  { key: 'note', header: '说明', width: 'minmax(240px, 1fr)', cell: (v) => <span title={v.note}>{v.note}</span> },
];

/** 版本: the library's published versions, the version file for the counties, and applying the prefecture's. */
export function VersionsTab({ onApplied }: { onApplied: () => Promise<void> }) {
  const versions = useInvoke('library.versions', {});
  const regions = useInvoke('regions.list', {});
  const [pending, setPending] = useState<{ file: FilePayload; preview: PackagePreview } | null>(null);
  const [reading, setReading] = useState(false);
  const columns = useMemo(() => {
    const names = new Map((regions.data ?? []).map((r) => [r.code, r.name]));
    return versionColumns((code) => names.get(code));
  }, [regions.data]);

  async function choose(chosen: File) {
    setReading(true);
    try {
      const file = await readFilePayload(chosen);
      setPending({ file, preview: await invoke('library.packagePreview', file) });
    } catch (error) {
      notifyError(error, '无法读取这个指标库版本文件');
    } finally {
      setReading(false);
    }
  }

  let body;
  if (versions.error) body = <Alert color="red" title="无法读取指标库版本">{versions.error}</Alert>;
  else if (!versions.data) body = <Loader aria-label="正在读取指标库版本" />;
  else if (versions.data.length === 0) {
    body = <EmptyNotice title="指标库还没有版本" description="确认入库指标、载入初始指标库或导入上级下发的版本后，这里会列出每一个版本。" />;
  } else body = <VirtualTable label="指标库版本" rows={versions.data} columns={columns} rowKey={(v) => String(v.version)} />;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed" maw={720}>
          每次确认入库或停用指标，指标库形成一个新版本。州财政局可把当前版本导出为文件下发各县；县里导入时先预览将新增、更新的内容，确认后才写入，并记下来源和上级的版本号。
        </Text>
        <Group gap="xs" wrap="nowrap">
          <DownloadButton label="导出当前版本" fetchFile={exportPackage} variant="default" disabled={!versions.data?.length} />
          <PickFileButton label="导入上级下发的版本" accept={JSON_ACCEPT} onFile={choose} loading={reading} />
        </Group>
      </Group>
      {body}
      {pending && (
        <PackagePreviewModal
          file={pending.file}
          preview={pending.preview}
          onClose={() => setPending(null)}
          onApplied={async () => {
            await Promise.all([versions.reload(), onApplied()]);
          }}
        />
      )}
    </Stack>
  );
}
