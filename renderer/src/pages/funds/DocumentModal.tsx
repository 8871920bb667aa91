import { Alert, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { documentProblems, FUND_LEVELS, type DocumentDraft } from '../../../../electron/domain/funds';
import { formatWanYuan, parseWanYuan, wanYuanText } from '../../../../electron/domain/money';
import type { FundDocument, FundsOverview } from '../../../../electron/funds/contract';
import { errorMessage, invoke } from '../../api';
import { FormActions } from '../../components/FormActions';
import { notifySuccess } from '../../components/notify';

type Projects = FundsOverview['projects'];

/**
 * 登记资金文件 (`document` null) or 修改 one: 文号, level, date and amount (万元), and what it gives each
 * 衔接资金 project. The domain checks the fields while typing; the service refuses a 文号 registered
 * already, and keeps an edited document's 文号.
 */
export function DocumentModal({ year, projects, document, onClose, onSaved }: { year: number; projects: Projects; document: FundDocument | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<DocumentDraft>(() =>
    document ? { docNumber: document.docNumber, level: document.level, issuedOn: document.issuedOn, amount: wanYuanText(document.amountFen) } : { docNumber: '', level: '', issuedOn: '', amount: '' },
  );
  const [shares, setShares] = useState<Record<string, string>>(() => Object.fromEntries((document?.allocations ?? []).map((a) => [a.projectId, wanYuanText(a.amountFen)])));
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const problems = documentProblems(draft, year);
  const shown = (field: keyof DocumentDraft) => (attempted ? problems[field] : undefined);
  const change = (field: keyof DocumentDraft, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const allocations = Object.entries(shares).filter(([, amount]) => amount.trim() !== '');
  const shareFen = allocations.reduce((sum, [, amount]) => {
    const parsed = parseWanYuan(amount);
    return sum + (parsed.ok ? parsed.fen : 0);
  }, 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setServerError(null);
    try {
      const input = { year, ...draft, allocations: allocations.map(([projectId, amount]) => ({ projectId, amount })) };
      const saved = document ? await invoke('funds.updateDocument', { ...input, id: document.id, version: document.version }) : await invoke('funds.createDocument', input);
      notifySuccess(`${saved.docNumber}，${formatWanYuan(saved.amountFen)} 万元`, document ? '已修改资金文件' : '已登记资金文件');
      await onSaved();
      onClose();
    } catch (error) {
      setServerError(errorMessage(error));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={document ? `修改资金文件 ${document.docNumber}` : `登记 ${year} 年衔接资金文件`} size="lg" closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="文号" placeholder={`如 新财农〔${year}〕12号`} required value={draft.docNumber} onChange={(e) => change('docNumber', e.currentTarget.value)} error={shown('docNumber')} readOnly={document !== null} description={document ? '文号是文件的标识，不能修改' : undefined} />
          <SimpleGrid cols={3}>
            <Select label="资金级次" required data={[...FUND_LEVELS]} value={draft.level || null} onChange={(v) => change('level', v ?? '')} error={shown('level')} allowDeselect={false} />
            <TextInput label="发文日期" placeholder={`${year}-03-01`} required value={draft.issuedOn} onChange={(e) => change('issuedOn', e.currentTarget.value)} error={shown('issuedOn')} />
            <TextInput label="文件金额（万元）" required value={draft.amount} onChange={(e) => change('amount', e.currentTarget.value)} error={shown('amount')} />
          </SimpleGrid>
          <Text fw={600} size="sm">
            分配到项目（万元，可留空）
          </Text>
          {projects.length === 0 ? (
            <Text size="sm" c="dimmed">
              本年度还没有衔接资金项目，文件可先登记，分配以后再填。
            </Text>
          ) : (
            <Table withTableBorder>
              <Table.Tbody>
                {projects.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {p.name}（{p.code}）
                    </Table.Td>
                    <Table.Td w={160}>
                      <TextInput aria-label={`分配给 ${p.name} 的金额（万元）`} value={shares[p.id] ?? ''} onChange={(e) => {
                          const amount = e.currentTarget.value;
                          setShares((s) => ({ ...s, [p.id]: amount }));
                        }} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" c="dimmed">
            已分配合计 {wanYuanText(shareFen)} 万元
          </Text>
          {serverError && <Alert color="red">{serverError}</Alert>}
          <FormActions onCancel={onClose} saving={saving} submitLabel={document ? '保存' : '登记'} />
        </Stack>
      </form>
    </Modal>
  );
}
