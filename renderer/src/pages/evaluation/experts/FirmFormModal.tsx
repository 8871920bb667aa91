import { Alert, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { checkFirm, type FirmDraft } from '../../../../../electron/domain/experts';
import { hasErrors } from '../../../../../electron/domain/validation';
import type { Firm } from '../../../../../electron/experts/contract';
import { errorMessage, invoke } from '../../../api';
import { FormActions } from '../../../components/FormActions';
import { notifySuccess } from '../../../components/notify';

/** Registers a firm or edits one; the 统一社会信用代码 check digit is checked while typing (GB 32100-2015). */
export function FirmFormModal({ firm, onClose, onSaved }: { firm: Firm | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<FirmDraft>(() => (firm ? { name: firm.name, creditCode: firm.creditCode, qualifications: firm.qualifications, contact: firm.contact } : { name: '', creditCode: '', qualifications: '', contact: '' }));
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = checkFirm(draft);
  // The code is checked as soon as it has its 18 characters, the others from the first 保存 on.
  const shown = (field: keyof FirmDraft) => (attempted || (field === 'creditCode' && draft.creditCode.trim().length >= 18) ? errors[field] : undefined);
  const change = (field: keyof FirmDraft, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (hasErrors(errors)) return;
    setSaving(true);
    setServerError(null);
    try {
      const saved = firm ? await invoke('firms.update', { ...draft, id: firm.id, version: firm.version }) : await invoke('firms.create', draft);
      notifySuccess(saved.name, firm ? '已保存修改' : '已登记第三方机构');
      await onSaved();
      onClose();
    } catch (error) {
      setServerError(errorMessage(error));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={firm ? `修改机构：${firm.name}` : '登记第三方机构'} size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <TextInput label="机构名称" value={draft.name} onChange={(e) => change('name', e.currentTarget.value)} error={shown('name')} withAsterisk data-autofocus />
          <Group grow align="flex-start">
            <TextInput label="统一社会信用代码" description="18 位，见营业执照" value={draft.creditCode} onChange={(e) => change('creditCode', e.currentTarget.value)} error={shown('creditCode')} withAsterisk />
            <TextInput label="联系方式" value={draft.contact} onChange={(e) => change('contact', e.currentTarget.value)} error={shown('contact')} />
          </Group>
          <Textarea label="资质" placeholder="如 工程咨询单位甲级资信、会计师事务所执业证书" autosize minRows={2} value={draft.qualifications} onChange={(e) => change('qualifications', e.currentTarget.value)} error={shown('qualifications')} />
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
