// Shown in the header while the database holds the fictitious sample county, so that nobody takes its
// figures for real ones (screenshots, printouts shown around the office).
import { Badge, Tooltip } from '@mantine/core';
import { useInvoke } from '../../components/useInvoke';

export function SampleDataBadge() {
  const status = useInvoke('demo.status', {});
  if (!status.data?.present) return null;
  return (
    <Tooltip label={`本数据库中的单位、项目和绩效目标是软件生成的虚构示例（${status.data.years.join('、')} 年度），仅供熟悉软件使用`} multiline w={320}>
      <Badge color="orange" variant="filled" size="lg" radius="sm">
        示例数据（虚构）
      </Badge>
    </Tooltip>
  );
}
