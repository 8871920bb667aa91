import { Badge } from '@mantine/core';
import { EmptyNotice } from './EmptyNotice';

/** The honest placeholder of a workflow that is planned but not built yet: what it will do. */
export function UnderConstruction({ summary }: { summary: string }) {
  return <EmptyNotice icon={<Badge variant="light" color="gray" size="lg">建设中</Badge>} title="该功能正在建设中" description={summary} />;
}
