// 改判: a decision on a target already went down to the level below on this very version; a new one says why.
// The reason goes down with the opinion (domain/prefecture.ts) and stays in the log.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { REDECISION_REASON_MAX, redecisionRefusal } from '../../../../electron/domain/prefecture';
import { transition } from '../../../../electron/domain/workflow';
import type { CountyTarget } from '../../../../electron/prefecture/contract';
import { errorMessage, invoke } from '../../api';
import { targetName } from './targets';

const ACTION_LABELS = { approve: '通过', return: '退回' } as const;

export function RedecideModal({
  target,
  action,
  receiver,
  onClose,
  onDecided,
}: {
  target: CountyTarget;
  action: 'approve' | 'return';
  receiver: string;
  onClose: () => void;
  onDecided: () => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const reasonProblem = redecisionRefusal(true, reason);
  const opinionCheck = transition('submitted', action, opinion);
  // Shown from the first try on, then live: a message appearing while typing the first words would only distract.
  const reasonShown = tried || reason.trim().length > REDECISION_REASON_MAX ? reasonProblem : null;

  async function save() {
    setTried(true);
    if (reasonProblem || !opinionCheck.ok) return;
    setSaving(true);
    setRefused(null);
    try {
      await invoke('exchange.decide', { entity: 'target', recordId: target.id, action, opinion, reason });
      await onDecided();
      onClose();
    } catch (error) {
      // The service's refusal stays in the dialog beside what was typed, so nothing needs typing again.
      setRefused(errorMessage(error));
      setSaving(false);
    }
  }

  /** Enter starts a new line in the text; Ctrl+Enter decides, as the button does. */
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const sent = target.decision!;
  return (
    <Modal opened onClose={onClose} title={`改判为${ACTION_LABELS[action]}：${targetName(target)}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          已发给{receiver}的审核结论是“{ACTION_LABELS[sent.action]}”{sent.opinion ? `（${sent.opinion}）` : ''}。改判理由随下一个反馈包发给{receiver}，并记入操作日志。
        </Text>
        <Textarea
          label="改判理由"
          description={
            <>
              例如：对方补充了测算依据，原退回意见已解决。
              <Text span inherit c={reason.trim().length > REDECISION_REASON_MAX ? 'red' : undefined} style={{ float: 'right' }}>
                已写 {reason.trim().length} / {REDECISION_REASON_MAX} 字
              </Text>
            </>
          }
          autosize
          minRows={2}
          maxRows={6}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={submitOnCtrlEnter}
          error={reasonShown}
          data-autofocus
          withAsterisk
        />
        <Textarea
          label="审核意见"
          autosize
          minRows={2}
          maxRows={6}
          value={opinion}
          onChange={(e) => setOpinion(e.currentTarget.value)}
          onKeyDown={submitOnCtrlEnter}
          error={tried && !opinionCheck.ok ? opinionCheck.message : null}
          withAsterisk={action === 'return'}
        />
        {refused && (
          <Alert color="red" title="没有记下改判" role="alert">
            {refused}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            取消
          </Button>
          <Button color={action === 'return' ? 'red' : 'teal'} onClick={save} loading={saving} title="Ctrl+Enter">
            改判为{ACTION_LABELS[action]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
