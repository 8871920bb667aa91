// The county's 首页 line for 上级通知 it has not read yet, leading to 数据交换 → 上级通知.
import { Alert, Anchor } from '@mantine/core';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';

export function UnreadNoticesLine() {
  const unread = useInvoke('notices.unread', {});
  if (!unread.data) return null;
  return (
    <Alert color="blue" title="上级通知">
      州财政局有 {unread.data} 份通知尚未阅读，请到<Anchor href={routeHref('exchange', 'notices')}>数据交换 → 上级通知</Anchor>中阅读并下载附件。
    </Alert>
  );
}
