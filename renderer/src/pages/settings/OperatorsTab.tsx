import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { OPERATOR_ROLE_LABELS, OPERATOR_ROLES, type OperatorRole } from '../../../../electron/domain/registry';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { EMPTY_PASSWORDS, PasswordFields, passwordMismatch, passwordOrNull } from '../../components/PasswordFields';
import { useInvoke } from '../../components/useInvoke';
import { FormActions } from '../../components/FormActions';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';

export function OperatorsTab() {
  const operators = useInvoke('operators.list', {});
  const [adding, setAdding] = useState(false);
  const allowance = useAllowed('operators.manage');
  if (operators.error) return <Alert color="red" title="无法读取操作员">{operators.error}</Alert>;
  if (!operators.data) return <Loader aria-label="正在读取操作员" />;
  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between">
        <Alert variant="light" color="blue" p="xs" style={{ flex: 1 }}>
          每一次修改、送审和审核都以当时登录的操作员记入操作日志。
        </Alert>
        <Button onClick={() => setAdding(true)} className="no-print" disabled={!allowance.allowed}>
          添加操作员
        </Button>
      </Group>
      <NotAllowedNote allowance={allowance} />
      <Table withTableBorder striped aria-label="操作员">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>角色</Table.Th>
            <Table.Th>登录密码</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {operators.data.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>{OPERATOR_ROLE_LABELS[o.role]}</Table.Td>
              <Table.Td>{o.hasPassword ? '已设置' : '未设置'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={o.active ? 'teal' : 'gray'}>
                  {o.active ? '启用' : '停用'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && <AddOperatorModal onClose={() => setAdding(false)} onAdded={operators.reload} />}
    </Stack>
  );
}

function AddOperatorModal({ onClose, onAdded }: { onClose: () => void; onAdded: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<OperatorRole>('clerk');
  const [passwords, setPasswords] = useState(EMPTY_PASSWORDS);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameError = attempted && name.trim() === '' ? '请填写操作员姓名' : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (name.trim() === '' || passwordMismatch(passwords)) return;
    setSaving(true);
    setError(null);
    try {
      const added = await invoke('operators.create', { name: name.trim(), role, password: passwordOrNull(passwords) });
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
          <PasswordFields value={passwords} onChange={setPasswords} showErrors={attempted} />
          {error && <Alert color="red">{error}</Alert>}
          <FormActions onCancel={onClose} saving={saving} submitLabel="添加" />
        </Stack>
      </form>
    </Modal>
  );
}
