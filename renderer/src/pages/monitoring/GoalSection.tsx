import { SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { Locked } from './Locked';

/** 二、绩效目标完成情况 opens with 年度总体目标 of the approved target beside what the unit reports of it to date (1–X月执行情况), as the 136号 annex has it. */
export function GoalSection({ goal, month, value, canEdit, onChange }: { goal: string; month: number; value: string; canEdit: boolean; onChange: (goalProgress: string) => void }) {
  const label = `1—${month} 月执行情况`;
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        二、绩效目标完成情况
      </Title>
      <Title order={3} size="h5">
        年度总体目标
      </Title>
      <SimpleGrid cols={2}>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            年初目标
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="年度总体目标">
            {goal.trim() || '（批复的绩效目标未填写年度目标）'}
          </Text>
        </Stack>
        {canEdit ? (
          <Textarea label={label} aria-label="年度总体目标执行情况" value={value} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={3} />
        ) : (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <Locked label="年度总体目标执行情况" text={value} multiline />
          </Stack>
        )}
      </SimpleGrid>
    </Stack>
  );
}
