import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupFile } from '../../../../electron/settings/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';

/** Restoring replaces every record, so the user confirms explicitly after reading what happens. */
export function RestoreModal({ backup, onClose }: { backup: BackupFile; onClose: () => void }) {
  const { reloadAll } = useSession();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);

  async function restore() {
    setBusy(true);
    try {
      const { safetyBackup } = await invoke('backup.restore', { name: backup.name });
      notifySuccess(`恢复前的数据已自动备份为 ${safetyBackup.split(/[\\/]/).pop()}`, '已从备份恢复');
      onClose();
      await reloadAll();
    } catch (error) {
      notifyError(error, '恢复失败，当前数据没有改变');
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="从备份恢复" size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="red" title="本机当前的全部数据将被这个备份替换">
          <Text size="sm" lh={1.7}>
            备份文件：{backup.name}（{formatDateTime(backup.modifiedAt)}）
            <br />
            这个备份之后录入和修改的单位、目标、监控、评价等数据都会回到备份时的状态。恢复前，程序会先把当前数据自动备份一份，如恢复错了，可以再从那份自动备份恢复回来。
          </Text>
        </Alert>
        <Checkbox label="我已了解：恢复会替换本机当前的全部数据" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button color="red" onClick={restore} disabled={!understood} loading={busy}>
            恢复此备份
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
