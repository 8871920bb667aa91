import { Alert, Badge, Button, Group, Loader, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { OPERATOR_ROLE_LABELS, OPERATOR_ROLES, type OperatorRole } from '../../../../electron/domain/registry';
import type { Operator } from '../../../../electron/registry/contract';
import { errorMessage, invoke } from '../../api';
import { useSession } from '../../appState';
import { notifyError, notifySuccess } from '../../components/notify';
import { EMPTY_PASSWORDS, PasswordFields, passwordMismatch, passwordOrNull, type PasswordPair } from '../../components/PasswordFields';
import { UnitPicker } from '../../components/UnitPicker';
import { useInvoke } from '../../components/useInvoke';
import { FormActions } from '../../components/FormActions';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';

export function OperatorsTab() {
  const operators = useInvoke('operators.list', {});
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<Operator | null>(null);
  const [changingOwn, setChangingOwn] = useState(false);
  const [binding, setBinding] = useState<Operator | null>(null);
  const allowance = useAllowed('operators.manage');
  const { reloadAll } = useSession();

  async function manage(action: () => Promise<Operator>, done: string) {
    try {
      const changed = await action();
      notifySuccess(`${changed.name}（${OPERATOR_ROLE_LABELS[changed.role]}）`, done);
      // A change to the signed-in operator ends their session; re-reading it leads to the sign-in screen.
      await reloadAll();
    } catch (error) {
      notifyError(error, '操作员没有修改');
      await operators.reload();
    }
  }

  if (operators.error) return <Alert color="red" title="无法读取操作员">{operators.error}</Alert>;
  if (!operators.data) return <Loader aria-label="正在读取操作员" />;
  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between">
        <Alert variant="light" color="blue" p="xs" style={{ flex: 1 }}>
          每一次修改、送审和审核都以当时登录的操作员记入操作日志。
        </Alert>
        <Group gap="xs" className="no-print">
          <Button variant="default" onClick={() => setChangingOwn(true)}>
            修改我的密码
          </Button>
          <Button onClick={() => setAdding(true)} disabled={!allowance.allowed}>
            添加操作员
          </Button>
        </Group>
      </Group>
      <NotAllowedNote allowance={allowance} />
      <Table withTableBorder striped aria-label="操作员">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>角色</Table.Th>
            <Table.Th>登录密码</Table.Th>
            <Table.Th>状态</Table.Th>
            {allowance.allowed && <Table.Th className="no-print">操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {operators.data.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>
                {allowance.allowed ? (
                  <Select
                    size="xs"
                    aria-label={`${o.name}的角色`}
                    data={OPERATOR_ROLES.map((r) => ({ value: r, label: OPERATOR_ROLE_LABELS[r] }))}
                    value={o.role}
                    allowDeselect={false}
                    onChange={(next) => {
                      if (!next || next === o.role) return;
                      // A 主管部门审核人 reviews for one department: ask which before changing the role.
                      if (next === 'department') setBinding(o);
                      else void manage(() => invoke('operators.setRole', { id: o.id, role: next as OperatorRole }), '已变更角色');
                    }}
                  />
                ) : (
                  OPERATOR_ROLE_LABELS[o.role]
                )}
                {o.departmentCode && (
                  <Text size="xs" c="dimmed" mt={2}>
                    主管部门：{o.departmentName ?? ''}（{o.departmentCode}）
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{o.hasPassword ? '已设置' : '未设置'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={o.active ? 'teal' : 'gray'}>
                  {o.active ? '启用' : '停用'}
                </Badge>
              </Table.Td>
              {allowance.allowed && (
                <Table.Td className="no-print">
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => setResetting(o)} aria-label={`重设 ${o.name} 的密码`}>
                      重设密码
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color={o.active ? 'red' : undefined}
                      onClick={() => manage(() => invoke('operators.setActive', { id: o.id, active: !o.active }), o.active ? '已停用操作员' : '已启用操作员')}
                      aria-label={`${o.active ? '停用' : '启用'} ${o.name}`}
                    >
                      {o.active ? '停用' : '启用'}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && <AddOperatorModal onClose={() => setAdding(false)} onAdded={operators.reload} />}
      {binding && (
        <DepartmentBindingModal
          operator={binding}
          onClose={() => setBinding(null)}
          onChoose={(departmentCode) => manage(() => invoke('operators.setRole', { id: binding.id, role: 'department', departmentCode }), '已变更角色')}
        />
      )}
      {resetting && (
        <PasswordModal
          title={`重设 ${resetting.name} 的密码`}
          required
          onClose={() => setResetting(null)}
          onSave={(passwords) => invoke('operators.resetPassword', { id: resetting.id, password: passwords.password })}
          onSaved={operators.reload}
        />
      )}
      {changingOwn && (
        <PasswordModal
          title="修改我的密码"
          askCurrent
          onClose={() => setChangingOwn(false)}
          onSave={(passwords, current) => invoke('session.changePassword', { current, next: passwordOrNull(passwords) })}
          onSaved={operators.reload}
        />
      )}
    </Stack>
  );
}

const DEPARTMENT_REQUIRED = '请选择该审核人所属的主管部门';

/** Which department a 主管部门审核人 reviews for: they see and review only its units' submissions. */
function DepartmentSelect({ value, onChange, error }: { value: string | null; onChange: (code: string | null) => void; error?: string | null }) {
  return (
    <UnitPicker
      label="主管部门"
      description="该审核人只审核这个主管部门所属单位送审的绩效目标"
      placeholder="输入名称或编码查找"
      value={value}
      onChange={(code) => onChange(code)}
      error={error}
      activeOnly
      departmentsOnly
      nothingFoundMessage="没有这个主管部门；主管部门请先在“单位与项目 → 预算单位”中登记"
      withAsterisk
    />
  );
}

function DepartmentBindingModal({ operator, onClose, onChoose }: { operator: Operator; onClose: () => void; onChoose: (code: string) => Promise<void> }) {
  const [code, setCode] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!code) return;
    setSaving(true);
    await onChoose(code);
    onClose();
  }
  return (
    <Modal opened onClose={onClose} title={`将 ${operator.name} 设为${OPERATOR_ROLE_LABELS.department}`} size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <DepartmentSelect value={code} onChange={setCode} error={attempted && !code ? DEPARTMENT_REQUIRED : null} />
          <FormActions onCancel={onClose} saving={saving} submitLabel="确定" />
        </Stack>
      </form>
    </Modal>
  );
}

function AddOperatorModal({ onClose, onAdded }: { onClose: () => void; onAdded: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<OperatorRole>('clerk');
  const [departmentCode, setDepartmentCode] = useState<string | null>(null);
  const [passwords, setPasswords] = useState(EMPTY_PASSWORDS);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameError = attempted && name.trim() === '' ? '请填写操作员姓名' : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (name.trim() === '' || passwordMismatch(passwords) || (role === 'department' && !departmentCode)) return;
    setSaving(true);
    setError(null);
    try {
      const added = await invoke('operators.create', { name: name.trim(), role, password: passwordOrNull(passwords), departmentCode: role === 'department' ? departmentCode : null });
      notifySuccess(`${added.name}（${OPERATOR_ROLE_LABELS[added.role]}）`, '已添加操作员');
      await onAdded();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="添加操作员" size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput label="姓名" value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} maxLength={30} withAsterisk data-autofocus />
            <Select
              label="角色"
              data={OPERATOR_ROLES.map((r) => ({ value: r, label: OPERATOR_ROLE_LABELS[r] }))}
              value={role}
              onChange={(next) => next && setRole(next as OperatorRole)}
              allowDeselect={false}
            />
          </Group>
          {role === 'department' && (
            <DepartmentSelect value={departmentCode} onChange={setDepartmentCode} error={attempted && !departmentCode ? DEPARTMENT_REQUIRED : null} />
          )}
          <PasswordFields value={passwords} onChange={setPasswords} showErrors={attempted} />
          {error && <Alert color="red">{error}</Alert>}
          <FormActions onCancel={onClose} saving={saving} submitLabel="添加" />
        </Stack>
      </form>
    </Modal>
  );
}

/** A new password with its confirmation; for one's own, the current password first. */
function PasswordModal({
  title,
  required = false,
  askCurrent = false,
  onClose,
  onSave,
  onSaved,
}: {
  title: string;
  required?: boolean;
  askCurrent?: boolean;
  onClose: () => void;
  onSave: (passwords: PasswordPair, current: string | null) => Promise<Operator>;
  onSaved: () => Promise<void>;
}) {
  const [current, setCurrent] = useState('');
  const [passwords, setPasswords] = useState(EMPTY_PASSWORDS);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (passwordMismatch(passwords)) return;
    if (required && passwords.password === '') return setError('请填写新密码');
    setSaving(true);
    setError(null);
    try {
      const changed = await onSave(passwords, current === '' ? null : current);
      notifySuccess(changed.name, '密码已修改');
      await onSaved();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          {askCurrent && (
            <PasswordInput label="当前密码" description="未设置密码的可不填" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} data-autofocus />
          )}
          <PasswordFields value={passwords} onChange={setPasswords} showErrors={attempted} />
          {error && <Alert color="red">{error}</Alert>}
          <FormActions onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
