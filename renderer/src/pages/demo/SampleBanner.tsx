// While the app works on the sample database, every page says so, names the file and offers the way
// back, so that nobody takes its figures for real ones or enters real work into it.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { notifyError } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';

export function SampleBanner() {
  const { reloadAll } = useSession();
  const current = useInvoke('database.current', {});
  const [busy, setBusy] = useState(false);
  if (!current.data?.sample) return null;

  async function leave() {
    setBusy(true);
    try {
      await invoke('database.leaveSample', {});
      await reloadAll();
    } catch (error) {
      notifyError(error, '无法返回正式数据库');
      setBusy(false);
    }
  }

  // Sticky under the header, so it stays in view while a long page scrolls.
  return (
    <Paper
      role="status"
      aria-label="示例数据库"
      bg="orange.7"
      c="white"
      radius="sm"
      px="md"
      py={6}
      mb="md"
      className="print-in-flow"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height) + 4px)', zIndex: 50 }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Text fw={700}>示例数据库 · 仅供练习，数据是虚构的，请勿上报</Text>
          <Text size="sm" c="orange.0">
            当前文件：{current.data.fileName}
          </Text>
        </Group>
        <Button size="xs" variant="white" color="orange" className="no-print" loading={busy} onClick={() => void leave()}>
          返回正式数据库
        </Button>
      </Group>
    </Paper>
  );
}
