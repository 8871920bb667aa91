import { Button, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list or page: a heading (so it is announced and findable), why it is empty, what to do. */
export function EmptyNotice({ title, description, icon, children }: { title: string; description: ReactNode; icon?: ReactNode; children?: ReactNode }) {
  return (
    <EmptyState mt="xl" mx="auto" maw={600} icon={icon}>
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** A filtered list that matched nothing: say what was searched and offer to clear the search. */
export function NoMatches({ title, description, onClear }: { title: string; description: ReactNode; onClear: () => void }) {
  return (
    <EmptyNotice title={title} description={description}>
      <Button variant="default" onClick={onClear}>
        清除搜索
      </Button>
    </EmptyNotice>
  );
}
