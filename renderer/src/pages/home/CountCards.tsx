import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { Loaded } from '../../components/useInvoke';

export type Count = { key: string; label: string; unit: string; href: string };

/** 首页's counts of what this installation holds, each leading to its page. */
export function CountCards({ counts, stats }: { counts: readonly Count[]; stats: Loaded<{ counts: Record<string, number> }> }) {
  return (
    <SimpleGrid cols={{ base: 2, md: counts.length }}>
      {counts.map((item) => (
        <Card key={item.key} withBorder padding="lg" component="a" href={item.href} aria-label={`${item.label}：${stats.data?.counts[item.key] ?? ''}${item.unit}`}>
          <Text size="sm" c="dimmed">
            {item.label}
          </Text>
          {stats.data ? (
            <Text fz={30} fw={700} lh={1.3}>
              {stats.data.counts[item.key] ?? 0}
              <Text span size="sm" c="dimmed" ml={4}>
                {item.unit}
              </Text>
            </Text>
          ) : (
            <Skeleton h={39} mt={2} />
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}
