import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupFile } from '../../../../electron/settings/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton, PickFileButton } from '../../components/FileActions';
import { readFilePayload } from '../../components/files';
import { formatDateTime, formatFileSize } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';
import { RestoreModal } from './RestoreModal';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';

export function BackupTab() {
  const backups = useInvoke('backup.list', {});
  const [creating, setCreating] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const allowance = useAllowed('backup.manage');

  async function create() {
    setCreating(true);
    try {
      const file = await invoke('backup.create', {});
      notifySuccess(`${file.name}（${formatFileSize(file.size)}）`, '备份完成');
      await backups.reload();
    } catch (error) {
      notifyError(error, '备份失败');
    } finally {
      setCreating(false);
    }
  }

  async function upload(chosen: File) {
    setUploading(true);
    try {
      const file = await invoke('backup.upload', await readFilePayload(chosen));
      notifySuccess(`已存为 ${file.name}，可在列表中选择恢复`, '备份文件已上传');
      await backups.reload();
    } catch (error) {
      notifyError(error, '上传的文件不能用于恢复');
    } finally {
      setUploading(false);
    }
  }

  let list;
  if (backups.error) list = <Alert color="red" title="无法读取备份列表">{backups.error}</Alert>;
  else if (!backups.data) list = <Loader aria-label="正在读取备份列表" />;
  else if (backups.data.length === 0) {
    const what = allowance.allowed ? '点“立即备份”保存当前全部数据。' : '备份和恢复由系统管理员办理：需要备份或从备份恢复时，请联系系统管理员。';
    list = <EmptyNotice title="还没有备份" description={`${what}从备份恢复之前，程序也会先自动备份当前数据。`} />;
  }
  else {
    list = (
      <Table withTableBorder striped aria-label="备份文件">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文件名</Table.Th>
            <Table.Th w={110}>大小</Table.Th>
            <Table.Th w={170}>时间</Table.Th>
            <Table.Th w={170} className="no-print">操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.data.map((file) => (
            <Table.Tr key={file.name}>
              <Table.Td style={{ wordBreak: 'break-all' }}>{file.name}</Table.Td>
              <Table.Td>{formatFileSize(file.size)}</Table.Td>
              <Table.Td>{formatDateTime(file.modifiedAt)}</Table.Td>
              <Table.Td className="no-print">
                <Group gap={4} wrap="nowrap">
                  <DownloadButton label="下载" size="compact-sm" variant="subtle" disabled={!allowance.allowed} fetchFile={() => invoke('backup.download', { name: file.name })} aria-label={`下载 ${file.name}`} />
                  <Button size="compact-sm" variant="subtle" color="red" disabled={!allowance.allowed} onClick={() => setRestoring(file)} aria-label={`恢复 ${file.name}`}>
                    恢复
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={620}>
          备份保存在数据库旁的 backups 文件夹中。请把重要的备份下载后另存到 U 盘或共享文件夹，以防电脑故障。
        </Text>
        <Group gap="xs" className="no-print">
          <Button onClick={create} loading={creating} disabled={!allowance.allowed}>
            立即备份
          </Button>
          <PickFileButton label="上传备份文件" accept=".db" onFile={upload} loading={uploading} variant="default" disabled={!allowance.allowed} />
        </Group>
      </Group>
      <NotAllowedNote allowance={allowance} />
      {list}
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
