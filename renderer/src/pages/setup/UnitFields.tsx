import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkUnit, type UnitDraft } from '../../../../electron/domain/registry';
import type { FieldErrors } from '../../../../electron/domain/validation';

export interface UnitIdentity {
  code: string;
  name: string;
  /** A 主管部门 registers its own projects and has subordinate units. */
  isDepartment: boolean;
}

export const EMPTY_UNIT: UnitIdentity = { code: '', name: '', isDepartment: false };

/** The installation's own unit checked by the same rule as the county's unit list (and the service). */
export function unitProblems(unit: UnitIdentity): FieldErrors<UnitIdentity> {
  const { code, name } = checkUnit({ ...unit, departmentCode: null } satisfies UnitDraft);
  return { ...(code ? { code } : {}), ...(name ? { name } : {}) };
}

/** 本单位编码 / 本单位名称 for a 预算单位 installation; a field shows its problem once left or on 下一步. */
export function UnitFields({ value, onChange, showAll }: { value: UnitIdentity; onChange: (next: UnitIdentity) => void; showAll: boolean }) {
  const [touched, setTouched] = useState<ReadonlySet<keyof UnitIdentity>>(new Set());
  const problems = unitProblems(value);
  const shown = (field: keyof UnitIdentity) => (showAll || touched.has(field) ? problems[field] : undefined);
  const touch = (field: keyof UnitIdentity) => setTouched((current) => new Set(current).add(field));

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        请按县财政局登记的编码和名称填写本单位，县财政局据此识别本机报送的数据，设置后不能更改。
      </Text>
      <Group grow align="flex-start">
        <TextInput
          label="本单位编码"
          description="预算系统中的单位编码，如 101001"
          value={value.code}
          onChange={(e) => onChange({ ...value, code: e.currentTarget.value })}
          onBlur={() => touch('code')}
          error={shown('code')}
          maxLength={20}
          withAsterisk
        />
        <TextInput
          label="本单位名称"
          description="如 轮台县教育局"
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
          onBlur={() => touch('name')}
          error={shown('name')}
          maxLength={60}
          withAsterisk
        />
      </Group>
      <Checkbox
        label="本单位是主管部门（有下属单位）"
        checked={value.isDepartment}
        onChange={(e) => onChange({ ...value, isDepartment: e.currentTarget.checked })}
      />
    </Stack>
  );
}
