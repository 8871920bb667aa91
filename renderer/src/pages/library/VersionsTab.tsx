import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { LibraryVersion } from '../../../../electron/library/contract';
import { EmptyNotice } from '../../components/EmptyNotice';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { navigate } from '../../router';
import { versionSource } from './libraryView';

const versionColumns = (regionName: (code: string) => string | undefined): Column<LibraryVersion>[] => [
  { key: 'version', header: '版本', width: '80px', cell: (v) => `第 ${v.version} 版` },
  { key: 'at', header: '发布时间', width: '150px', cell: (v) => formatDateTime(v.publishedAt) },
  { key: 'by', header: '发布人', width: '110px', cell: (v) => v.publishedBy },
  { key: 'source', header: '来源', width: '220px', cell: (v) => versionSource(v, regionName) },
  { key: 'note', header: '说明', width: 'minmax(240px, 1fr)', cell: (v) => <span title={v.note}>{v.note}</span> },
];

/**
 * 版本: the library's published versions. The prefecture's library comes only as a signed 指标库更新包
 * through 数据交换 (a bare file could be written by anyone), so this tab lists and explains, and sends
 * the user there.
 */
export function VersionsTab() {
  const versions = useInvoke('library.versions', {});
  const regions = useInvoke('regions.list', {});
  const columns = useMemo(() => {
    const names = new Map((regions.data ?? []).map((r) => [r.code, r.name]));
    return versionColumns((code) => names.get(code));
  }, [regions.data]);

  let body;
  if (versions.error) body = <Alert color="red" title="无法读取指标库版本">{versions.error}</Alert>;
  else if (!versions.data) body = <Loader aria-label="正在读取指标库版本" />;
  else if (versions.data.length === 0) {
    body = <EmptyNotice title="指标库还没有版本" description="确认入库指标、载入初始指标库或导入州级的指标库更新包后，这里会列出每一个版本。" />;
  } else body = <VirtualTable label="指标库版本" rows={versions.data} columns={columns} rowKey={(v) => String(v.version)} />;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed" maw={720}>
          每次确认入库或停用指标，指标库形成一个新版本。州财政局在“数据交换”中选阶段“指标库”导出签名的指标库更新包下发各县；县里在“数据交换”中导入，先预览将新增、更新的内容，确认后才写入，并记下来源和州级的版本号。
        </Text>
        <Button variant="default" onClick={() => navigate('exchange')}>
          前往数据交换
        </Button>
      </Group>
      {body}
    </Stack>
  );
}
