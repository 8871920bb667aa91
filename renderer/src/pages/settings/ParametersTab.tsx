import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { checkSetting, settingConflict, settingTotalProblem, SETTING_GROUPS, SETTING_TOTALS, type SettingValue } from '../../../../electron/domain/settings';
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
              .map((setting) => {
                // Remount when the stored value changes, so the row's draft starts from the saved value.
                const total = SETTING_TOTALS.find((t) => t.keys.includes(setting.key));
                if (!total) return <SettingRow key={`${setting.key}:${JSON.stringify(setting.value)}`} setting={setting} all={all} onSaved={settings.reload} />;
                // Settings that add up are edited and saved as one block, where the first of them stands.
                if (total.keys[0] !== setting.key) return null;
                const members = total.keys.map((key) => all.find((s) => s.key === key)!);
                return <SettingTotalBlock key={`${setting.key}:${JSON.stringify(members.map((m) => m.value))}`} members={members} total={total.total} onSaved={settings.reload} />;
              })}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

const rowStyle = { borderTop: '1px solid var(--mantine-color-gray-2)' };

/** A setting's name, whether it was changed, its help and its default. */
function SettingCaption({ setting }: { setting: SettingView }) {
  return (
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
  );
}

async function saveSettings(action: () => Promise<SettingView[]>, done: string, onSaved: () => Promise<void>, setBusy: (busy: boolean) => void) {
  setBusy(true);
  try {
    const saved = await action();
    notifySuccess(saved.map((s) => `${s.label}：${formatSettingValue(s, s.value)}`).join('；'), done);
    await onSaved();
  } catch (error) {
    notifyError(error);
    setBusy(false);
  }
}

/**
 * Settings that must add up (the self-evaluation weights, 100 in all): one of them alone cannot change
 * without breaking the total, so they are edited together, the sum shown while typing, and saved at once.
 */
function SettingTotalBlock({ members, total, onSaved }: { members: SettingView[]; total: number; onSaved: () => Promise<void> }) {
  const saved = members.map((m) => m.value);
  const [drafts, setDrafts] = useState<SettingValue[]>(saved);
  const [busy, setBusy] = useState(false);
  const { allowed } = useAllowed('settings.manage');
  const keys = members.map((m) => m.key);
  const dirty = JSON.stringify(drafts) !== JSON.stringify(saved);
  const checks = members.map((m, i) => checkSetting(m, drafts[i]));
  const valid = checks.every((c) => c.ok);
  const totalProblem = valid ? settingTotalProblem(keys, (key) => drafts[keys.indexOf(key)]!) : null;
  const sum = drafts.reduce<number>((acc, value) => acc + (Number(value) || 0), 0);
  const setDraft = (index: number, value: SettingValue) => setDrafts((current) => current.map((v, i) => (i === index ? value : v)));

  return (
    <>
      {members.map((member, i) => {
        const check = checks[i]!;
        return (
          <Group key={member.key} justify="space-between" align="flex-start" wrap="nowrap" py="sm" style={rowStyle}>
            <SettingCaption setting={member} />
            <SettingInput def={member} value={drafts[i]!} error={dirty && !check.ok ? check.message : null} onChange={(value) => setDraft(i, value)} />
            <div style={{ width: 190 }} />
          </Group>
        );
      })}
      <Group justify="space-between" align="flex-start" wrap="nowrap" py="sm" style={rowStyle}>
        <Stack gap={2} style={{ flex: 1 }}>
          <Text size="sm" fw={500} c={sum === total ? undefined : 'red.8'} aria-label="分值合计">
            合计 {sum}（应为 {total}）
          </Text>
          {dirty && totalProblem && (
            <Text size="xs" c="red.8">
              {totalProblem}
            </Text>
          )}
        </Stack>
        <Group gap="xs" w={190} wrap="nowrap">
          {dirty ? (
            <>
              <Button
                size="sm"
                disabled={!valid || !!totalProblem || !allowed}
                loading={busy}
                onClick={() =>
                  saveSettings(() => invoke('settings.updateMany', { changes: members.map((m, i) => ({ key: m.key, value: drafts[i] as number })) }), '分值已保存', onSaved, setBusy)
                }
              >
                保存
              </Button>
              <Button size="sm" variant="subtle" color="gray" disabled={busy} onClick={() => setDrafts(saved)}>
                撤销
              </Button>
            </>
          ) : (
            members.some((m) => m.changed) && (
              <Button size="sm" variant="subtle" disabled={busy || !allowed} onClick={() => saveSettings(() => invoke('settings.resetMany', { keys }), '已恢复默认', onSaved, setBusy)}>
                恢复默认
              </Button>
            )
          )}
        </Group>
      </Group>
    </>
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

  const run = (action: () => Promise<SettingView>, done: string) => saveSettings(async () => [await action()], done, onSaved, setBusy);

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" py="sm" style={rowStyle}>
      <SettingCaption setting={setting} />
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
