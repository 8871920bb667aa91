import { Badge, Text } from '@mantine/core';
import type { SourcePackage } from '../../../../electron/prefecture/contract';
import { formatDateTime } from '../../components/format';

export const packageName = (source: SourcePackage) => source.fileName || `第 ${source.sequence} 号上报包`;

/** Which package brought a county's record and when; 早期导入 for what came before packages were noted. */
export function SourceCell({ source }: { source: SourcePackage | null }) {
  if (!source) {
    return (
      <Badge variant="outline" color="gray" radius="sm" title="该记录在本软件记录来源数据包之前导入">
        早期导入
      </Badge>
    );
  }
  const text = `${packageName(source)} · ${formatDateTime(source.receivedAt)}`;
  return (
    <Text span size="xs" c="dimmed" title={`${packageName(source)}，接收于 ${formatDateTime(source.receivedAt)}`}>
      {text}
    </Text>
  );
}
