import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { checkSetting, settingConflict, SETTING_GROUPS, type SettingValue } from '../../../../electron/domain/settings';
import type { SettingView } from '../../../../electron/settings/contract';
import { invoke } from '../../api';
import { notifyError, notifySuccess } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';
import { SettingInput } from './SettingInput';
import { formatSettingValue } from './settingValue';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';

export function ParametersTab() {
  const settings = useInvoke('settings.list', {});
  const allowance = useAllowed('settings.manage');
  if (settings.error) return <Alert color="red" title="无法读取参数">{settings.error}</Alert>;
  if (!settings.data) return <Loader aria-label="正在读取参数" />;
  const all = settings.data;
  return (
    <Stack gap="lg" maw={1040}>
      <Text size="sm" c="dimmed">
        以下参数已按国家规定和常用做法预置。本地文件规定不同的，逐项修改后点“保存”；每次修改都记入操作日志。
      </Text>
      <NotAllowedNote allowance={allowance} />
      {SETTING_GROUPS.map((group) => (
        <Card key={group} withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {group}
          </Title>
          <Stack gap={0}>
            {all
              .filter((s) => s.group === group)
              .map((setting) => (
                // Remount when the stored value changes, so the row's draft starts from the saved value.
                <SettingRow key={`${setting.key}:${JSON.stringify(setting.value)}`} setting={setting} all={all} onSaved={settings.reload} />
              ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function SettingRow({ setting, all, onSaved }: { setting: SettingView; all: SettingView[]; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<SettingValue>(setting.value);
  const [busy, setBusy] = useState(false);
  const { allowed } = useAllowed('settings.manage');
  const dirty = JSON.stringify(draft) !== JSON.stringify(setting.value);
  const valid = checkSetting(setting, draft);
  // The same order rule the service enforces, against the other saved values, while typing.
  const conflict = valid.ok ? settingConflict(setting.key, valid.value, (key) => all.find((s) => s.key === key)!.value) : null;
  const check = conflict ? { ok: false as const, message: conflict } : valid;

  async function run(action: () => Promise<SettingView>, done: string) {
    setBusy(true);
    try {
      const saved = await action();
      notifySuccess(`${saved.label}：${formatSettingValue(saved, saved.value)}`, done);
      await onSaved();
    } catch (error) {
      notifyError(error);
      setBusy(false);
    }
  }

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Stack gap={2} style={{ flex: 1 }}>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {setting.label}
          </Text>
          {setting.changed && (
            <Badge size="xs" variant="light" color="orange">
              已修改
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {setting.help ? `${setting.help}；` : ''}默认：{formatSettingValue(setting, setting.default)}
        </Text>
      </Stack>
      <SettingInput def={setting} value={draft} error={dirty && !check.ok ? check.message : null} onChange={setDraft} />
      <Group gap="xs" w={190} wrap="nowrap">
        {dirty ? (
          <>
            <Button
              size="sm"
              disabled={!check.ok || !allowed}
              loading={busy}
              onClick={() => check.ok && run(() => invoke('settings.update', { key: setting.key, value: check.value }), '参数已保存')}
            >
              保存
            </Button>
            <Button size="sm" variant="subtle" color="gray" disabled={busy} onClick={() => setDraft(setting.value)}>
              撤销
            </Button>
          </>
        ) : (
          setting.changed && (
            <Button size="sm" variant="subtle" disabled={busy || !allowed} onClick={() => run(() => invoke('settings.reset', { key: setting.key }), '已恢复默认')}>
              恢复默认
            </Button>
          )
        )}
      </Group>
    </Group>
  );
}
