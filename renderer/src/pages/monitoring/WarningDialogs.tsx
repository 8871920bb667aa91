// The dialogs the warnings board opens for a red or yellow project: a 整改通知 or a 目标调整.
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { displayTarget, type IndicatorOperator } from '../../../../electron/domain/indicators';
import type { Warning, AdjustmentDraft } from '../../../../electron/monitoring/contract';
import type { NoticeText } from '../../../../electron/rectification/contract';
import { invoke } from '../../api';
import { onSubmitOf, useDialogSubmit } from '../../components/useDialogSubmit';
import { useUnsavedWork } from '../../components/unsavedWork';
import { useInvoke } from '../../components/useInvoke';
import { NoticeModal } from '../rectification/NoticeModal';

/** The problems a notice states, drafted from the lights and the unit's own reasons. */
function draftProblems(w: Warning): string {
  const lines = [];
  if (w.budgetLight === 'red' || w.budgetLight === 'yellow') lines.push(`预算执行率 ${w.executionRate}%，执行进度滞后。`);
  if (w.indicators.length) lines.push(`绩效指标“${w.indicators.map((i) => i.name).join('、')}”完成进度偏离目标。`);
  if (w.reasons.length) lines.push(`单位说明的原因：${w.reasons.join('；')}。`);
  return lines.join('\n');
}

/** 整改通知 for a red or yellow project, drafted from its lights and the unit's reasons. */
export function RectificationModal({ warning, onClose, onDone }: { warning: Warning; onClose: () => void; onDone: () => Promise<void> }) {
  const open = (text: NoticeText) => invoke('monitoring.openRectification', { sheetId: warning.sheetId, ...text });
  return <NoticeModal year={warning.year} subject={warning.projectName} unitName={warning.unitName} draftProblems={draftProblems(warning)} open={open} onClose={onClose} onDone={onDone} />;
}

/** 目标调整 from a red or yellow project: new 指标值 where needed and the reason; the targets workflow reviews it. */
export function AdjustmentModal({ warning, onClose, onDone }: { warning: Warning; onClose: () => void; onDone: () => Promise<void> }) {
  const draft = useInvoke('monitoring.adjustmentDraft', { sheetId: warning.sheetId });
  if (draft.data) return <AdjustmentForm warning={warning} current={draft.data} onClose={onClose} onDone={onDone} />;
  return (
    <Modal opened onClose={onClose} title={`目标调整：${warning.projectName}`} size="xl">
      {draft.error ? <Alert color="red">{draft.error}</Alert> : <Loader aria-label="正在读取现行目标" />}
    </Modal>
  );
}

interface AdjustmentEntry {
  /** 调整为, by indicator row, only where the user typed. */
  values: Record<number, string>;
  reason: string;
}

function AdjustmentForm({ warning, current, onClose, onDone }: { warning: Warning; current: AdjustmentDraft; onClose: () => void; onDone: () => Promise<void> }) {
  const [entry, setEntry] = useState<AdjustmentEntry>({ values: {}, reason: '' });
  const { values, reason } = entry;
  const dirty = reason.trim() !== '' || Object.entries(values).some(([row, value]) => value !== current.indicators[Number(row)]?.value);
  const work = useUnsavedWork({
    dirty,
    save: () => submit(),
    draft: { key: `monitoring-adjustment:${warning.sheetId}`, version: current.targetVersion, value: entry, restore: setEntry },
  });
  const { submit, error, saving } = useDialogSubmit(
    async () => {
      const adjustment = await invoke('monitoring.proposeAdjustment', {
        sheetId: warning.sheetId,
        targetVersion: current.targetVersion,
        reason,
        values: Object.entries(values).map(([row, value]) => ({ row: Number(row), value })),
      });
      return `第 ${adjustment.seq} 次目标调整已提出，等待审核：${warning.projectName}`;
    },
    onDone,
    onClose,
    work,
  );
  const close = async () => (await work.confirmLeave()) && onClose();
  return (
    <Modal opened onClose={close} title={`目标调整：${warning.projectName}`} size="xl">
      <form onSubmit={onSubmitOf(submit)} noValidate>
        <Stack gap="md">
          {work.draftOffer}
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
              {current.indicators.map((indicator, row) => (
                <Table.Tr key={row}>
                  <Table.Td>{indicator.name}</Table.Td>
                  <Table.Td>{displayTarget({ ...indicator, operator: indicator.operator as IndicatorOperator })}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${indicator.name}调整为`}
                      size="xs"
                      value={values[row] ?? indicator.value}
                      onChange={(e) => {
                        const value = e.currentTarget.value; // read now: the updater may run after the event is gone
                        setEntry((now) => ({ ...now, values: { ...now.values, [row]: value } }));
                      }}
                      rightSection={indicator.unit ? <Text size="xs">{indicator.unit}</Text> : undefined}
                      rightSectionWidth={indicator.unit ? 60 : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Textarea
            label="调整原因"
            value={reason}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setEntry((now) => ({ ...now, reason: text }));
            }}
            autosize
            minRows={2}
            withAsterisk
          />
          {error && <Alert color="red" title="没有提出">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button type="submit" loading={saving}>
              提出目标调整
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
