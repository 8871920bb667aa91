import { Alert, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { checkProjectType, SECTORS, type ProjectTypeDraft } from '../../../../electron/domain/library';
import { hasErrors } from '../../../../electron/domain/validation';
import type { ProjectTypeSummary } from '../../../../electron/library/contract';
import { errorMessage, invoke } from '../../api';
import { FormActions } from '../../components/FormActions';
import { notifySuccess } from '../../components/notify';

/** Adds a project type (`type` null) or renames one; its code is fixed once indicators are numbered from it. */
export function ProjectTypeModal({ type, onClose, onSaved }: { type: ProjectTypeSummary | null; onClose: () => void; onSaved: (code: string) => Promise<void> }) {
  const [draft, setDraft] = useState<ProjectTypeDraft>(() =>
    type ? { code: type.code, name: type.name, sector: type.sector, description: type.description } : { code: '', name: '', sector: '', description: '' },
  );
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = checkProjectType({ ...draft, code: draft.code.toUpperCase() });
  const shown = (field: keyof ProjectTypeDraft) => (attempted ? errors[field] : undefined);
  const change = (field: keyof ProjectTypeDraft, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (hasErrors(errors)) return;
    setSaving(true);
    try {
      const saved = type ? await invoke('library.updateProjectType', { ...draft, id: type.id, version: type.version }) : await invoke('library.createProjectType', draft);
      notifySuccess(`${saved.name}（${saved.code}）`, type ? '已保存项目类型' : '已新增项目类型');
      await onSaved(saved.code);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={type ? `修改项目类型：${type.name}` : '新增项目类型'}>
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput
              label="项目类型编码"
              description="2–12 位大写字母或数字，如 JT03"
              value={draft.code}
              onChange={(e) => change('code', e.currentTarget.value.toUpperCase())}
              error={shown('code')}
              disabled={type !== null}
              withAsterisk
              data-autofocus
            />
            <Select label="所属领域" description="项目类型按领域分组显示" placeholder="请选择" data={[...SECTORS]} value={draft.sector || null} onChange={(s) => change('sector', s ?? '')} error={shown('sector')} withAsterisk />
          </Group>
          <TextInput label="项目类型名称" value={draft.name} onChange={(e) => change('name', e.currentTarget.value)} error={shown('name')} withAsterisk />
          <Textarea label="说明" description="该类项目包括哪些支出" value={draft.description} onChange={(e) => change('description', e.currentTarget.value)} error={shown('description')} autosize minRows={2} />
          {failure && (
            <Alert color="red" title="没有保存">
              {failure}
            </Alert>
          )}
          <FormActions onCancel={onClose} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
