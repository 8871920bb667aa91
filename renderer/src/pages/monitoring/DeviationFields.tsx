import { Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DEVIATION_REASONS, type Deviation, type DeviationField } from '../../../../electron/domain/monitoring';

/** A locked sheet's explanation as text: readable, not greyed-out checkboxes. */
function LockedDeviation({ label, value }: { label: string; value: Deviation }) {
  const reasons = value.reasons.map((r) => (r === '其他' && value.reasonOther.trim() ? `其他（${value.reasonOther.trim()}）` : r));
  return (
    <Stack gap={2} aria-label={`${label}偏差说明`}>
      <Text size="sm">
        <b>偏差原因：</b>
        {reasons.join('、') || '—'}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <b>纠偏措施：</b>
        {value.measures.trim() || '—'}
      </Text>
    </Stack>
  );
}

/**
 * 偏差原因 (multi-select from its list, with a text for 其他) and 纠偏措施: required while a light is red or yellow, so the
 * prompts show as soon as the light turns.
 */
export function DeviationFields({
  label,
  choices = DEVIATION_REASONS,
  value,
  problems,
  disabled,
  onChange,
}: {
  /** Whose deviation, for screen readers: 预算执行, or the indicator's name. */
  label: string;
  /** The reasons to choose from: the five 保障 of indicators unless told (slow spending has its own). */
  choices?: readonly string[];
  value: Deviation;
  problems: Partial<Record<DeviationField, string>>;
  disabled: boolean;
  onChange: (next: Deviation) => void;
}) {
  if (disabled) return <LockedDeviation label={label} value={value} />;
  return (
    <Stack gap={6}>
      <Checkbox.Group
        label="偏差原因"
        aria-label={`${label}偏差原因`}
        value={[...value.reasons]}
        onChange={(reasons) => onChange({ ...value, reasons })}
        error={problems.reasons}
        withAsterisk
      >
        <Group gap="md" mt={4}>
          {choices.map((reason) => (
            <Checkbox key={reason} value={reason} label={reason} />
          ))}
        </Group>
      </Checkbox.Group>
      {value.reasons.includes('其他') && (
        <TextInput
          label="其他原因说明"
          aria-label={`${label}其他原因说明`}
          value={value.reasonOther}
          onChange={(e) => onChange({ ...value, reasonOther: e.currentTarget.value })}
          error={problems.reasonOther}
          withAsterisk
        />
      )}
      <Textarea
        label="纠偏措施"
        aria-label={`${label}纠偏措施`}
        value={value.measures}
        onChange={(e) => onChange({ ...value, measures: e.currentTarget.value })}
        error={problems.measures}
        autosize
        minRows={2}
        withAsterisk
      />
    </Stack>
  );
}
