// The list at a glance: how many lines each measure has, what is to be recovered, and how far the budget
// section adopted the proposals.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { ResultsView } from '../../../../electron/results/contract';

function Card({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

export function SummaryCards({ view }: { view: ResultsView }) {
  const { adoption } = view;
  return (
    <SimpleGrid cols={{ base: 2, md: 4, lg: view.byMeasure.length + 2 }} spacing="sm" aria-label="清单汇总">
      {view.byMeasure.map((m) => (
        <Card key={m.measure} label={m.label} value={`${m.count} 项`} />
      ))}
      <Card label="收回结转结余" value={`${formatWanYuan(view.recoverFen)} 万元`} />
      <Card
        label="建议采纳率"
        value={adoption.lineShare}
        note={`已录入意见 ${adoption.decided}/${view.lines.length} 条：采纳 ${adoption.adopted}，部分采纳 ${adoption.partly}；核减金额落实 ${adoption.cutShare}`}
      />
    </SimpleGrid>
  );
}
