import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the screens shown before the workspace: first-run setup and sign-in. */
export function CenteredCard({ subtitle, width, children }: { subtitle: string; width: number; children: ReactNode }) {
  return (
    <Center mih="100dvh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={width}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} size="h2" c="blue.8">
              绩效 · 预算绩效管理
            </Title>
            <Text c="dimmed">{subtitle}</Text>
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
