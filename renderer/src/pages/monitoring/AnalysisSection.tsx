import { Stack, Textarea, Title } from '@mantine/core';
import { Locked } from './Locked';

/** 三、情况分析: the unit's short account of the round. */
export function AnalysisSection({ value, canEdit, onChange }: { value: string; canEdit: boolean; onChange: (analysis: string) => void }) {
  if (canEdit) {
    return <Textarea label="三、情况分析" value={value} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={3} />;
  }
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        三、情况分析
      </Title>
      <Locked label="三、情况分析" text={value} multiline />
    </Stack>
  );
}
