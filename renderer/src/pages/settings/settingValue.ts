import type { SettingDefinition, SettingValue } from '../../../../electron/domain/settings';

/** A setting's value as staff read it: 80%, 5、8、11 月, the label of a choice. */
export function formatSettingValue(def: SettingDefinition, value: SettingValue): string {
  switch (def.type) {
    case 'percent':
      return `${String(value)}%`;
    case 'months':
      return `${(value as number[]).join('、')} 月`;
    case 'choice':
      return def.choices.find((c) => c.value === value)?.label ?? String(value);
    default:
      return String(value);
  }
}
