import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A message that replaces the whole app, for situations no page can work around. */
export function FullPageMessage({ title, children, onRetry }: { title: string; children: ReactNode; onRetry?: () => void }) {
  return (
    <Center h="100dvh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={560} role="alert">
        <Stack gap="md">
          <Title order={2} size="h3">
            {title}
          </Title>
          <Text lh={1.8}>{children}</Text>
          {onRetry && (
            <Button onClick={onRetry} w="fit-content">
              重试
            </Button>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
