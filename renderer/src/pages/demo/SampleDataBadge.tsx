// Shown in the header beside the county's name while the data is fictitious (a sample database, or an
// older database that was filled with samples before they got a file of their own).
import { Badge, Tooltip } from '@mantine/core';
import { useInvoke } from '../../components/useInvoke';

export function SampleDataBadge() {
  const status = useInvoke('demo.status', {});
  if (!status.data?.sample && !status.data?.present) return null;
  const years = status.data.years.length ? `（${status.data.years.join('、')} 年度）` : '';
  return (
    <Tooltip label={`本数据库中的单位、项目和绩效目标是软件生成的虚构示例${years}，仅供熟悉软件使用`} multiline w={320}>
      <Badge color="orange" variant="filled" size="lg" radius="sm">
        示例
      </Badge>
    </Tooltip>
  );
}
