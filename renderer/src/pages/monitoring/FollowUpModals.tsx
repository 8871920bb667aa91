import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { displayTarget, type IndicatorOperator } from '../../../../electron/domain/indicators';
import type { Warning } from '../../../../electron/monitoring/boards';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';

/** The problems a notice states, drafted from the lights and the unit's own reasons. */
function draftProblems(w: Warning): string {
  const lines = [];
  if (w.budgetLight === 'red' || w.budgetLight === 'yellow') lines.push(`预算执行率 ${w.executionRate}%，执行进度滞后。`);
  if (w.indicators.length) lines.push(`绩效指标“${w.indicators.map((i) => i.name).join('、')}”完成进度偏离目标。`);
  if (w.reasons.length) lines.push(`单位说明的原因：${w.reasons.join('；')}。`);
  return lines.join('\n');
}

function useSubmit(action: () => Promise<string>, onDone: () => Promise<void>, onClose: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      notifySuccess(await action());
      await onDone();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  }
  return { submit, error, saving };
}

/** 整改通知 for a red or yellow project: problems, requirements, deadline; saved as 待下达, issued on request. */
export function RectificationModal({ warning, onClose, onDone }: { warning: Warning; onClose: () => void; onDone: () => Promise<void> }) {
  const [problems, setProblems] = useState(() => draftProblems(warning));
  const [requirements, setRequirements] = useState('');
  const [deadline, setDeadline] = useState(() => dayjs().add(30, 'day').format('YYYY-MM-DD'));
  const [issueNow, setIssueNow] = useState(true);
  const { submit, error, saving } = useSubmit(
    async () => {
      const notice = await invoke('monitoring.openRectification', { sheetId: warning.sheetId, problems, requirements, deadline });
      if (issueNow) await invoke('monitoring.issueRectification', { id: notice.id, version: notice.version });
      return `整改通知第 ${notice.seq} 号${issueNow ? '已下达' : '已拟定（待下达）'}：${warning.unitName}`;
    },
    onDone,
    onClose,
  );
  return (
    <Modal opened onClose={onClose} title={`整改通知：${warning.projectName}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            下达给 {warning.unitName}。单位反馈和审核在“整改问责”中办理。
          </Text>
          <Textarea label="发现的问题" value={problems} onChange={(e) => setProblems(e.currentTarget.value)} autosize minRows={3} withAsterisk />
          <Textarea label="整改要求" value={requirements} onChange={(e) => setRequirements(e.currentTarget.value)} autosize minRows={2} placeholder="例如：9 月底前完成资金支付，报送整改情况" />
          <TextInput type="date" label="整改期限" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} withAsterisk w={200} />
          {error && <Alert color="red" title="没有保存">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" variant="default" loading={saving && !issueNow} onClick={() => setIssueNow(false)}>
              保存为待下达
            </Button>
            <Button type="submit" color="red" loading={saving && issueNow} onClick={() => setIssueNow(true)}>
              下达整改通知
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 目标调整 from a red or yellow project: new 指标值 where needed and the reason; the targets workflow reviews it. */
export function AdjustmentModal({ warning, onClose, onDone }: { warning: Warning; onClose: () => void; onDone: () => Promise<void> }) {
  const draft = useInvoke('monitoring.adjustmentDraft', { sheetId: warning.sheetId });
  const [values, setValues] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const { submit, error, saving } = useSubmit(
    async () => {
      const adjustment = await invoke('monitoring.proposeAdjustment', {
        sheetId: warning.sheetId,
        targetVersion: draft.data!.targetVersion,
        reason,
        values: Object.entries(values).map(([row, value]) => ({ row: Number(row), value })),
      });
      return `第 ${adjustment.seq} 次目标调整已提出，等待审核：${warning.projectName}`;
    },
    onDone,
    onClose,
  );
  return (
    <Modal opened onClose={onClose} title={`目标调整：${warning.projectName}`} size="xl">
      {draft.error && <Alert color="red">{draft.error}</Alert>}
      {!draft.data && !draft.error && <Loader aria-label="正在读取现行目标" />}
      {draft.data && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              修改需要调整的指标值；提出后进入“绩效目标”的目标调整审核，原目标保留。
            </Text>
            <Table withTableBorder aria-label="调整指标值">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>三级指标</Table.Th>
                  <Table.Th w={150}>现行指标值</Table.Th>
                  <Table.Th w={180}>调整为</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.data.indicators.map((indicator, row) => (
                  <Table.Tr key={row}>
                    <Table.Td>{indicator.name}</Table.Td>
                    <Table.Td>{displayTarget({ ...indicator, operator: indicator.operator as IndicatorOperator })}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${indicator.name}调整为`}
                        size="xs"
                        value={values[row] ?? indicator.value}
                        onChange={(e) => setValues((v) => ({ ...v, [row]: e.currentTarget.value }))}
                        rightSection={indicator.unit ? <Text size="xs">{indicator.unit}</Text> : undefined}
                        rightSectionWidth={indicator.unit ? 60 : undefined}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Textarea label="调整原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} withAsterisk />
            {error && <Alert color="red" title="没有提出">{error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                取消
              </Button>
              <Button type="submit" loading={saving}>
                提出目标调整
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
