import { PasswordInput, SimpleGrid } from '@mantine/core';

export interface PasswordPair {
  password: string;
  confirm: string;
}

export const EMPTY_PASSWORDS: PasswordPair = { password: '', confirm: '' };

export function passwordMismatch({ password, confirm }: PasswordPair): string | null {
  return password !== confirm ? '两次输入的密码不一致' : null;
}

/** The password the service expects: null when the operator chose to have none. */
export const passwordOrNull = ({ password }: PasswordPair): string | null => (password === '' ? null : password);

/** A password with its confirmation, optional unless `required`; `showErrors` once the user tried to submit. */
export function PasswordFields({
  value,
  onChange,
  showErrors,
  required = false,
}: {
  value: PasswordPair;
  onChange: (next: PasswordPair) => void;
  showErrors: boolean;
  required?: boolean;
}) {
  const mismatch = value.confirm !== '' || showErrors ? passwordMismatch(value) : null;
  return (
    <SimpleGrid cols={2}>
      <PasswordInput
        label="登录密码"
        description={required ? '必须设置' : '可不填；多人共用一台电脑时建议设置'}
        withAsterisk={required}
        error={required && showErrors && value.password === '' ? '请设置登录密码' : undefined}
        autoComplete="new-password"
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
      />
      <PasswordInput
        label="确认密码"
        description="再输入一次登录密码"
        autoComplete="new-password"
        value={value.confirm}
        error={mismatch}
        onChange={(event) => onChange({ ...value, confirm: event.currentTarget.value })}
      />
    </SimpleGrid>
  );
}
