// A file kept with a notice's feedback: its name downloads it, for whoever may see the notice.
import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AttachmentInfo } from '../../../../electron/rectification/contract';
import { invoke } from '../../api';
import { DownloadButton } from '../../components/FileActions';
import { formatFileSize } from '../../components/format';

export function AttachmentLine({ file, extra }: { file: AttachmentInfo; extra?: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <DownloadButton size="compact-sm" variant="subtle" label={file.name} fetchFile={() => invoke('rectification.downloadAttachment', { attachmentId: file.id })} />
      <Text size="xs" c="dimmed">
        {formatFileSize(file.size)}
      </Text>
      {extra}
    </Group>
  );
}
