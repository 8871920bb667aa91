import { MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import type { SettingDefinition, SettingValue } from '../../../../electron/domain/settings';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));

/** The input that fits a setting's type; the value stays in the type the service expects. */
export function SettingInput({
  def,
  value,
  error,
  onChange,
}: {
  def: SettingDefinition;
  value: SettingValue;
  error: string | null;
  onChange: (value: SettingValue) => void;
}) {
  const common = { 'aria-label': def.label, error, w: 300 };
  switch (def.type) {
    case 'percent':
      return (
        <TextInput
          {...common}
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          rightSection="%"
          inputMode="decimal"
        />
      );
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={value as number}
          onChange={(next) => onChange(typeof next === 'number' ? next : Number.NaN)}
          min={def.min}
          max={def.max}
          allowDecimal={false}
          clampBehavior="none"
        />
      );
    case 'months':
      return (
        <MultiSelect
          {...common}
          data={MONTHS}
          value={(value as number[]).map(String)}
          onChange={(months) => onChange(months.map(Number).sort((a, b) => a - b))}
        />
      );
    case 'text':
      return <TextInput {...common} value={String(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'choice':
      return (
        <Select
          {...common}
          data={def.choices.map((c) => ({ value: c.value, label: c.label }))}
          value={String(value)}
          onChange={(next) => next !== null && onChange(next)}
          allowDeselect={false}
        />
      );
  }
}
