import { Stack, Textarea, Title } from '@mantine/core';
import { Locked } from './Locked';

/** A free text of the sheet (情况分析, 备注): a text box while editable, plain text once locked. */
export function TextSection({ label, value, canEdit, onChange }: { label: string; value: string; canEdit: boolean; onChange: (text: string) => void }) {
  if (canEdit) {
    return <Textarea label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={3} />;
  }
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {label}
      </Title>
      <Locked label={label} text={value} multiline />
    </Stack>
  );
}
