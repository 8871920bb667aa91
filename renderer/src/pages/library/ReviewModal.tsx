import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { LIBRARY_ACTION_LABELS, type LibraryAction } from '../../../../electron/domain/library';
import type { LibraryIndicatorRow } from '../../../../electron/library/contract';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { UnitPicker } from '../../components/UnitPicker';

export interface PendingReview {
  action: LibraryAction;
  indicators: LibraryIndicatorRow[];
}

const EXPLAIN: Record<LibraryAction, string> = {
  propose: '提交后由绩效办审核：确认入库后成为建议指标，或退回修改。',
  confirm: '确认入库后，这些指标进入指标库的新版本，填报绩效目标时选定项目类型即可带出。',
  reject: '退回后指标回到草稿，提出人按退回意见修改后可再次提交。',
  retire: '停用后不再作为建议指标出现；已填报的绩效目标不受影响，之后可恢复为草稿重新提交。',
  restore: '恢复后指标成为草稿，修改后可再次提交入库申请。',
};

async function perform(action: LibraryAction, indicators: LibraryIndicatorRow[], text: string, unitCode: string | null): Promise<string> {
  const [first] = indicators;
  const id = first!.id;
  switch (action) {
    case 'propose':
      await invoke('library.propose', { id, proposingUnitCode: unitCode });
      return '已提交入库申请，等待绩效办确认';
    case 'confirm': {
      const result = await invoke('library.confirm', { ids: indicators.map((i) => i.id), note: text || undefined });
      return `已确认入库 ${result.indicators.length} 条，指标库更新为第 ${result.libraryVersion} 版`;
    }
    case 'reject':
      await invoke('library.reject', { id, opinion: text });
      return '已退回，提出人可按意见修改';
    case 'retire':
      await invoke('library.retire', { id, reason: text || undefined });
      return '已停用';
    case 'restore':
      await invoke('library.restore', { id });
      return '已恢复为草稿';
  }
}

/** Asks for what a move needs (a unit, an opinion, a note), then moves the indicator(s). */
export function ReviewModal({ pending, onClose, onDone }: { pending: PendingReview; onClose: () => void; onDone: () => Promise<void> }) {
  const { action, indicators } = pending;
  const [text, setText] = useState('');
  const [unitCode, setUnitCode] = useState<string | null>(indicators[0]?.proposingUnitCode ?? null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const label = LIBRARY_ACTION_LABELS[action];
  const opinionMissing = action === 'reject' && text.trim() === '';

  async function submit() {
    setAttempted(true);
    if (opinionMissing) return;
    setBusy(true);
    setFailure(null);
    try {
      const message = await perform(action, indicators, text.trim(), unitCode);
      notifySuccess(message, indicators.length === 1 ? `${indicators[0]!.name}（${indicators[0]!.code}）` : label);
      await onDone();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  const title = indicators.length === 1 ? `${label}：${indicators[0]!.name}` : `${label}：${indicators.length} 条指标`;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        <Text size="sm" lh={1.7}>
          {EXPLAIN[action]}
        </Text>
        {indicators.length > 1 && (
          <List size="sm" spacing={2} style={{ maxHeight: 180, overflow: 'auto' }}>
            {indicators.map((i) => (
              <List.Item key={i.id}>
                {i.name}（{i.code}）
              </List.Item>
            ))}
          </List>
        )}
        {action === 'propose' && (
          <UnitPicker label="提出单位" description="输入名称或编码查找" placeholder="不选" value={unitCode} onChange={(code) => setUnitCode(code)} clearable />
        )}
        {(action === 'reject' || action === 'retire' || action === 'confirm') && (
          <Textarea
            label={action === 'reject' ? '退回意见' : action === 'retire' ? '停用原因' : '版本说明'}
            description={action === 'confirm' ? '可不填，默认写明确认的指标' : undefined}
            placeholder={action === 'reject' ? '说明需要修改什么，如“参考值偏低，请按年度计划填写”' : undefined}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={attempted && opinionMissing ? '退回时必须填写退回意见' : undefined}
            withAsterisk={action === 'reject'}
            autosize
            minRows={2}
            data-autofocus
          />
        )}
        {failure && (
          <Alert color="red" title={`没有${label}`}>
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button onClick={submit} loading={busy} color={action === 'reject' || action === 'retire' ? 'red' : undefined}>
            {label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
