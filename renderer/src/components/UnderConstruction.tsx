import { Badge } from '@mantine/core';
import { EmptyNotice } from './EmptyNotice';

/** The honest placeholder of a workflow that is planned but not built yet. */
export function UnderConstruction({ title, summary }: { title: string; summary: string }) {
  return (
    <EmptyNotice
      icon={<Badge variant="light" color="gray" size="lg">建设中</Badge>}
      title={`${title}：该功能正在建设中`}
      description={summary}
    />
  );
}
