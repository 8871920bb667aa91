import { Alert, Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { checkUnit, duplicateUnitName, type UnitDraft } from '../../../../electron/domain/registry';
import { hasErrors } from '../../../../electron/domain/validation';
import type { Unit } from '../../../../electron/registry/contract';
import { ApiError, errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { FormActions } from '../../components/FormActions';
import { useUnsavedWork } from '../../components/unsavedWork';

type Field = keyof UnitDraft;

const draftOf = (unit: Unit | null): UnitDraft =>
  unit
    ? { code: unit.code, name: unit.name, departmentCode: unit.departmentCode, isDepartment: unit.isDepartment }
    : { code: '', name: '', departmentCode: null, isDepartment: false };

/**
 * Creates a unit (`unit` null) or edits one. Field rules come from the domain's checkUnit while typing,
 * and a name another unit under the same department already has from duplicateUnitName over the loaded
 * register; what only the service can know (duplicate codes, a concurrent edit) comes back as a server error.
 */
export function UnitFormModal({
  unit,
  departments,
  register,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  departments: readonly Unit[];
  /** Every unit, to tell a name already used under the chosen department. */
  register: readonly Unit[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [initial] = useState(() => draftOf(unit));
  const [draft, setDraft] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const fieldErrors = checkUnit(draft);
  const sameName = fieldErrors.name ? null : duplicateUnitName(draft, register.filter((u) => u.id !== unit?.id));
  const errors = sameName ? { ...fieldErrors, name: sameName } : fieldErrors;
  // Messages show from the first 保存 on (then live): a message appearing on blur moved the buttons away
  // from under the cursor and swallowed the click.
  const shown = (field: Field) => (attempted ? errors[field] : undefined);
  const change = (field: Field, value: UnitDraft[Field]) => setDraft((current) => ({ ...current, [field]: value }));
  const work = useUnsavedWork({ dirty: JSON.stringify(draft) !== JSON.stringify(initial), save });
  const close = async () => (await work.confirmLeave()) && onClose();

  /** Resolves true when the unit was saved (the dialog then closes). */
  async function save(): Promise<boolean> {
    setAttempted(true);
    if (hasErrors(errors)) return false;
    setSaving(true);
    setServerError(null);
    try {
      const saved = unit ? await invoke('units.update', { ...draft, id: unit.id, version: unit.version }) : await invoke('units.create', draft);
      notifySuccess(`${saved.name}（${saved.code}）`, unit ? '已保存修改' : '已新增单位');
      await onSaved();
      onClose();
      return true;
    } catch (error) {
      setServerError(error instanceof ApiError ? error : new ApiError('INTERNAL', errorMessage(error)));
      setSaving(false);
      return false;
    }
  }

  async function refreshAfterConflict() {
    await onSaved();
    onClose();
  }

  const departmentOptions = departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）${d.active ? '' : '（已停用）'}` }));

  return (
    <Modal opened onClose={close} title={unit ? `修改单位：${unit.name}` : '新增单位'} size="lg">
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput
              label="单位编码"
              description="预算系统中的单位编码，如 101001"
              value={draft.code}
              onChange={(e) => change('code', e.currentTarget.value)}
              error={shown('code')}
              withAsterisk
              data-autofocus
            />
            <Select
              label="主管部门"
              description={draft.isDepartment ? '主管部门本身可不选' : '下属单位请选择其主管部门'}
              placeholder="不选"
              data={departmentOptions}
              value={draft.departmentCode}
              onChange={(code) => change('departmentCode', code)}
              error={shown('departmentCode')}
              searchable
              clearable
              nothingFoundMessage="没有匹配的主管部门"
            />
          </Group>
          <TextInput
            label="单位名称"
            value={draft.name}
            onChange={(e) => change('name', e.currentTarget.value)}
            error={shown('name')}
            withAsterisk
          />
          <Switch
            label="是否主管部门"
            description="主管部门下可以挂下属单位"
            checked={draft.isDepartment}
            onChange={(e) => change('isDepartment', e.currentTarget.checked)}
          />
          {serverError && (
            <Alert color="red" title={serverError.code === 'CONFLICT' && unit ? '保存冲突' : '没有保存'}>
              {serverError.message}
              {serverError.code === 'CONFLICT' && unit && (
                <Button size="xs" variant="white" color="red" ml="sm" onClick={refreshAfterConflict}>
                  刷新列表
                </Button>
              )}
            </Alert>
          )}
          <FormActions onCancel={close} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
