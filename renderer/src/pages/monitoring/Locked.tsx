import { Text } from '@mantine/core';

/**
 * A value of a sheet that can no longer be edited (submitted or approved): plain text, readable and
 * copyable, instead of a greyed-out disabled input.
 */
export function Locked({ label, text, multiline }: { label: string; text: string; multiline?: boolean }) {
  return (
    <Text size="sm" aria-label={label} style={multiline ? { whiteSpace: 'pre-wrap' } : undefined}>
      {text.trim() === '' ? '—' : text}
    </Text>
  );
}
