import { Alert, Button, Group, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { OPERATOR_ROLE_LABELS, ROLE_LABELS } from '../../../../electron/domain/registry';
import type { Operator, Installation } from '../../../../electron/registry/contract';
import { errorMessage, invoke } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { DatabaseMenu } from '../../layout/DatabaseMenu';
import { mustSetPasswordToSignIn, PASSWORD_REQUIRED_AT_SIGN_IN } from '../../../../electron/domain/signIn';
import { EMPTY_PASSWORDS, PasswordFields, passwordMismatch } from '../../components/PasswordFields';

export function SignIn({
  installation,
  operators,
  onSignedIn,
}: {
  installation: Installation;
  operators: Operator[];
  onSignedIn: () => Promise<void>;
}) {
  const active = operators.filter((o) => o.active);
  const [operatorId, setOperatorId] = useState<string | null>(active.length === 1 ? active[0]!.id : null);
  const [password, setPassword] = useState('');
  const [newPasswords, setNewPasswords] = useState(EMPTY_PASSWORDS);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = active.find((o) => o.id === operatorId);
  const settingPassword = chosen !== undefined && mustSetPasswordToSignIn(chosen, operators.length);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setError('请选择操作员');
      return;
    }
    setAttempted(true);
    if (settingPassword && (newPasswords.password === '' || passwordMismatch(newPasswords))) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await invoke('session.signIn', {
        operatorId: chosen.id,
        password: chosen.hasPassword ? password : null,
        ...(settingPassword ? { newPassword: newPasswords.password } : {}),
      });
      await onSignedIn();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <CenteredCard subtitle={`${installation.region.name} · ${ROLE_LABELS[installation.role]}`} width={440}>
      <form onSubmit={signIn} noValidate>
        <Stack gap="md">
          <Select
            label="操作员"
            placeholder="请选择"
            data={active.map((o) => ({ value: o.id, label: `${o.name}（${OPERATOR_ROLE_LABELS[o.role]}）` }))}
            value={operatorId}
            onChange={(id) => {
              setOperatorId(id);
              setPassword('');
              setNewPasswords(EMPTY_PASSWORDS);
              setAttempted(false);
            }}
            searchable
            nothingFoundMessage="没有这个操作员"
          />
          {chosen?.hasPassword && (
            <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
          )}
          {settingPassword && (
            <>
              <Alert color="orange" title="请先设置登录密码">
                {PASSWORD_REQUIRED_AT_SIGN_IN}。设置后，以后登录都需要输入这个密码。
              </Alert>
              <PasswordFields value={newPasswords} onChange={setNewPasswords} showErrors={attempted} required />
            </>
          )}
          {active.length === 0 && <Text c="red">本机没有可用的操作员，请联系系统管理员。</Text>}
          {error && <Alert color="red">{error}</Alert>}
          <Button type="submit" loading={busy} fullWidth>
            登录
          </Button>
        </Stack>
      </form>
      <Group justify="space-between" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Text size="sm" c="dimmed">
          要打开另一个数据库？
        </Text>
        <DatabaseMenu onSwitched={onSignedIn} label="切换数据库" />
      </Group>
    </CenteredCard>
  );
}
