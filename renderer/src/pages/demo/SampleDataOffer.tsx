// The first-run offer on 首页 of an empty real county: look at the sample county first, in a database
// file of its own, before entering real data here.
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../appState';
import { SAMPLE_EXPLANATION, SAMPLE_YEARS, SampleYearSelect, useOpenSample } from './SampleOpenModal';

export function SampleDataOffer() {
  const { installation, reloadAll } = useSession();
  const [year, setYear] = useState(SAMPLE_YEARS[0]!);
  const sample = useOpenSample(reloadAll);
  if (installation.role !== 'county') return null;

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        先看看软件用起来的样子？
      </Title>
      <Text size="sm" lh={1.7} mb="md">
        {SAMPLE_EXPLANATION}
      </Text>
      <Group gap="sm" align="flex-end">
        <SampleYearSelect value={year} onChange={setYear} />
        <Button variant="light" onClick={() => void sample.open(Number(year))} loading={sample.busy}>
          打开示例数据库
        </Button>
      </Group>
    </Card>
  );
}
