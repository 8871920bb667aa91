// 退回: the prefecture's opinion on one county target, or a county's on one of its units' targets. The
// check is the workflow's own rule (a return needs an opinion); the decision waits here as 待发送 until a
// reply package carries it to the sender.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CountyTarget } from '../../../../electron/prefecture/contract';
import { transition } from '../../../../electron/domain/workflow';
import { invoke } from '../../api';
import { notifyError } from '../../components/notify';
import { targetName } from './targets';

export function ReturnModal({
  target,
  receiver,
  onClose,
  onReturned,
}: {
  target: CountyTarget;
  /** Who sent the target and gets the opinion back: 轮台县, 轮台县教育局. */
  receiver: string;
  onClose: () => void;
  onReturned: () => Promise<void>;
}) {
  const [opinion, setOpinion] = useState(target.decision?.action === 'return' && !target.decision.sent ? target.decision.opinion : '');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  // Reported records reach the reviewer as submitted for its review, whatever their status at home.
  const check = transition('submitted', 'return', opinion);
  const problem = tried && !check.ok ? check.message : null;

  async function save() {
    setTried(true);
    if (!check.ok) return;
    setSaving(true);
    try {
      await invoke('exchange.decide', { entity: 'target', recordId: target.id, action: 'return', opinion });
      await onReturned();
      onClose();
    } catch (error) {
      notifyError(error, '没有记下退回意见');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`退回：${targetName(target)}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          退回意见随下一个反馈包发给{receiver}，对方导入后此目标变为“被退回”，修改后重新送审。
        </Text>
        <Textarea
          label="审核意见"
          description="请写明需要修改的内容，例如哪个指标偏低、缺少什么。"
          autosize
          minRows={3}
          maxRows={8}
          value={opinion}
          onChange={(e) => setOpinion(e.currentTarget.value)}
          error={problem}
          data-autofocus
          withAsterisk
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            取消
          </Button>
          <Button color="red" onClick={save} loading={saving}>
            退回
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
