// 上级通知: the notices the prefecture wrote to this county, as its replies brought them: text, date and
// files to download; 标记已读 records who read it, and the mark goes back up in the next report.
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { Notice } from '../../../../electron/notices/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton } from '../../components/FileActions';
import { notifyError } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';
import { useExchange, useReloadWhen } from './exchangeContext';

export function NoticesFromAboveTab() {
  const { year, packagesRevision } = useExchange();
  const notices = useInvoke('notices.fromAbove', { year });
  useReloadWhen(notices.reload, packagesRevision);

  if (notices.error) return <Alert color="red">{notices.error}</Alert>;
  if (!notices.data) return <Loader aria-label="正在读取" />;
  if (notices.data.length === 0) {
    return <EmptyNotice title={`${year} 年度还没有上级通知`} description="州财政局下发的通知随反馈包送达：在“上报与导入”中导入反馈包后即列在这里，附件可以下载。" />;
  }
  const unread = notices.data.filter((n) => !n.readAt).length;
  return (
    <Stack gap="md">
      <Text size="sm" role="status">
        {year} 年度共 {notices.data.length} 份上级通知{unread ? `，其中 ${unread} 份未读` : '，均已读'}。已读情况随下一个上报包报州财政局。
      </Text>
      {notices.data.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} onRead={notices.reload} />
      ))}
    </Stack>
  );
}

function NoticeCard({ notice, onRead }: { notice: Notice; onRead: () => Promise<void> }) {
  async function markRead() {
    try {
      await invoke('notices.markRead', { id: notice.id, version: notice.version });
      await onRead();
    } catch (error) {
      notifyError(error, '没有标记为已读');
    }
  }
  const titleId = `notice-${notice.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} size="h5" id={titleId}>
              {notice.title}
            </Title>
            <Text size="sm" c="dimmed">
              {notice.from ?? '州财政局'} · {notice.issuedByName} · {notice.issuedOn}
            </Text>
          </Stack>
          {notice.readAt ? (
            <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
              已读 · {notice.readBy}
            </Badge>
          ) : (
            <Button size="xs" variant="light" onClick={markRead} aria-label={`标记已读：${notice.title}`}>
              标记已读
            </Button>
          )}
        </Group>
        {notice.body && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {notice.body}
          </Text>
        )}
        {notice.files.length > 0 && (
          <Group gap="xs">
            <Text size="sm" fw={500}>
              附件：
            </Text>
            {notice.files.map((f) => (
              <DownloadButton key={f.id} label={f.name} size="compact-sm" variant="default" fetchFile={() => invoke('notices.file', { attachmentId: f.id })} />
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
