import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The footer of a form modal: cancel on the left of the submit button, which shows the save in progress. */
export function FormActions({ onCancel, saving, submitLabel = '保存', children }: { onCancel: () => void; saving: boolean; submitLabel?: string; children?: ReactNode }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        取消
      </Button>
      {children}
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
