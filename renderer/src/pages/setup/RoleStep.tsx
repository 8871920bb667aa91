import { Group, Radio, Stack, Text } from '@mantine/core';
import { ROLE_LABELS, ROLES, type InstallationRole } from '../../../../electron/domain/registry';

const ROLE_DESCRIPTIONS: Record<InstallationRole, string> = {
  county: '管理本县的预算单位、绩效目标、监控和评价，并向州财政局报送。',
  prefecture: '汇总所辖各县报送的数据，审核、退回，并下发指标库更新和监控任务。',
  unit: '填报本单位的绩效目标、监控和自评，交县财政局审核。',
};

export function RoleStep({
  value,
  onChange,
  error,
}: {
  value: InstallationRole | null;
  onChange: (role: InstallationRole) => void;
  error: string | null;
}) {
  return (
    <Radio.Group
      label="本机的角色"
      description="角色决定本机管理哪一级的数据，设置后不能更改。"
      value={value}
      onChange={(next) => onChange(next as InstallationRole)}
      error={error}
    >
      <Stack gap="sm" mt="sm">
        {ROLES.map((role) => (
          <Radio.Card key={role} value={role} p="md" radius="sm">
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator mt={3} />
              <div>
                <Text fw={600}>{ROLE_LABELS[role]}</Text>
                <Text size="sm" c="dimmed">
                  {ROLE_DESCRIPTIONS[role]}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
