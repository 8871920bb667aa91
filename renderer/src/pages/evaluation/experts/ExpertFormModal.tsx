import { Alert, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { checkExpert, type ExpertDraft } from '../../../../../electron/domain/experts';
import { hasErrors } from '../../../../../electron/domain/validation';
import type { Expert } from '../../../../../electron/experts/contract';
import { errorMessage, invoke } from '../../../api';
import { FormActions } from '../../../components/FormActions';
import { notifySuccess } from '../../../components/notify';
import { UnitPicker } from '../../../components/UnitPicker';

const draftOf = (expert: Expert | null): ExpertDraft =>
  expert
    ? { name: expert.name, field: expert.field, title: expert.title, organisation: expert.organisation, unitCode: expert.unitCode, contact: expert.contact, available: expert.available, notes: expert.notes }
    : { name: '', field: '', title: '', organisation: '', unitCode: null, contact: '', available: true, notes: '' };

/** Adds an expert (`expert` null) or edits one, checked by the domain's checkExpert while typing. */
export function ExpertFormModal({ expert, onClose, onSaved }: { expert: Expert | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState(() => draftOf(expert));
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = checkExpert(draft);
  const shown = (field: keyof ExpertDraft) => (attempted ? errors[field] : undefined);
  const change = <K extends keyof ExpertDraft>(field: K, value: ExpertDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (hasErrors(errors)) return;
    setSaving(true);
    setServerError(null);
    try {
      const saved = expert ? await invoke('experts.update', { ...draft, id: expert.id, version: expert.version }) : await invoke('experts.create', draft);
      notifySuccess(`${saved.name}（${saved.organisation}）`, expert ? '已保存修改' : '已加入专家库');
      await onSaved();
      onClose();
    } catch (error) {
      setServerError(errorMessage(error));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={expert ? `修改专家：${expert.name}` : '新增专家'} size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput label="姓名" value={draft.name} onChange={(e) => change('name', e.currentTarget.value)} error={shown('name')} withAsterisk data-autofocus />
            <TextInput label="领域" placeholder="如 交通、教育、财务" value={draft.field} onChange={(e) => change('field', e.currentTarget.value)} error={shown('field')} withAsterisk />
            <TextInput label="职称" placeholder="如 高级工程师" value={draft.title} onChange={(e) => change('title', e.currentTarget.value)} error={shown('title')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="工作单位" description="回避审查按工作单位判断" value={draft.organisation} onChange={(e) => change('organisation', e.currentTarget.value)} error={shown('organisation')} />
            <UnitPicker
              label="本县预算单位（如是）"
              description="在本县预算单位工作的，请选择该单位"
              placeholder="不是本县预算单位"
              value={draft.unitCode}
              onChange={(code) => change('unitCode', code)}
              error={shown('unitCode')}
              clearable
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="联系方式" value={draft.contact} onChange={(e) => change('contact', e.currentTarget.value)} error={shown('contact')} />
            <Switch label="可用（关闭为暂停）" checked={draft.available} onChange={(e) => change('available', e.currentTarget.checked)} mt={28} />
          </Group>
          <Textarea label="备注" autosize minRows={2} value={draft.notes} onChange={(e) => change('notes', e.currentTarget.value)} error={shown('notes')} />
          {serverError && (
            <Alert color="red" title="没有保存" role="alert">
              {serverError}
            </Alert>
          )}
          <FormActions onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
