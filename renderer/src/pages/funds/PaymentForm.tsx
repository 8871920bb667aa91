import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PAYEE_TYPES, paymentProblems, type PaymentDraft } from '../../../../electron/domain/funds';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { FundProjectView } from '../../../../electron/funds/contract';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';

const EMPTY: PaymentDraft = { paidOn: '', amount: '', payeeType: '', voucher: '', note: '' };

/** 登记一笔支付. The domain checks the fields; the service refuses a voucher the project has, and warns an overrun. */
export function PaymentForm({ projectId, year, documents, onSaved }: { projectId: string; year: number; documents: FundProjectView['documents']; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<PaymentDraft>(EMPTY);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const problems = paymentProblems(draft, year);
  const shown = (field: keyof PaymentDraft) => (attempted ? problems[field] : undefined);
  const change = (field: keyof PaymentDraft, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setServerError(null);
    try {
      const saved = await invoke('funds.addPayment', { projectId, documentId, ...draft });
      notifySuccess(`凭证 ${saved.payment.voucher}，${formatWanYuan(saved.payment.amountFen)} 万元`, '已登记支付');
      setWarning(saved.warning);
      setDraft(EMPTY);
      setAttempted(false);
      await onSaved();
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="登记支付">
      <Stack gap="xs" mt="md">
        <Group align="flex-start" grow>
          <TextInput label="支付日期" placeholder={`${year}-06-30`} required value={draft.paidOn} onChange={(e) => change('paidOn', e.currentTarget.value)} error={shown('paidOn')} />
          <TextInput label="金额（万元）" required value={draft.amount} onChange={(e) => change('amount', e.currentTarget.value)} error={shown('amount')} />
          <Select label="收款人类型" required data={[...PAYEE_TYPES]} value={draft.payeeType || null} onChange={(v) => change('payeeType', v ?? '')} error={shown('payeeType')} allowDeselect={false} />
          <TextInput label="凭证号" required value={draft.voucher} onChange={(e) => change('voucher', e.currentTarget.value)} error={shown('voucher')} />
        </Group>
        <Group align="flex-end" grow>
          <Select label="资金文件（可不选）" data={documents.map((d) => ({ value: d.id, label: d.docNumber }))} value={documentId} onChange={setDocumentId} clearable />
          <TextInput label="备注" value={draft.note} onChange={(e) => change('note', e.currentTarget.value)} error={shown('note')} />
          <Button type="submit" loading={saving} style={{ flexGrow: 0 }}>
            登记支付
          </Button>
        </Group>
        {serverError && <Alert color="red">{serverError}</Alert>}
        {warning && <Alert color="orange">{warning}</Alert>}
      </Stack>
    </form>
  );
}
