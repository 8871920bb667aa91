// 退回: the reviewer's opinions on one or many county targets (or a county's on its units' targets), one
// opinion each, sent in one call. The check is the workflow's own rule (a return needs an opinion); the
// decisions wait here as 待发送 until a reply package carries them to the sender.
import { Button, Group, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CountyTarget } from '../../../../electron/prefecture/contract';
import { transition } from '../../../../electron/domain/workflow';
import { invoke } from '../../api';
import { notifyError } from '../../components/notify';
import { targetName } from './targets';

/** A return not sent yet keeps its opinion for editing. */
const unsentOpinion = (target: CountyTarget) => (target.decision?.action === 'return' && !target.decision.sent ? target.decision.opinion : '');

export function ReturnModal({
  targets,
  receiver,
  onClose,
  onReturned,
}: {
  targets: readonly CountyTarget[];
  /** Who sent the targets and gets the opinions back: 轮台县, 轮台县教育局. */
  receiver: string;
  onClose: () => void;
  onReturned: () => Promise<void>;
}) {
  const [opinions, setOpinions] = useState<Record<string, string>>(() => Object.fromEntries(targets.map((t) => [t.id, unsentOpinion(t)])));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const single = targets.length === 1;
  // Reported records reach the reviewer as submitted for its review, whatever their status at home.
  const problemOf = (id: string) => {
    const check = transition('submitted', 'return', opinions[id]);
    return tried && !check.ok ? check.message : null;
  };
  const complete = targets.every((t) => transition('submitted', 'return', opinions[t.id]).ok);

  async function save() {
    setTried(true);
    if (!complete) return;
    setSaving(true);
    try {
      await invoke('exchange.decideMany', { entity: 'target', decisions: targets.map((t) => ({ recordId: t.id, action: 'return' as const, opinion: opinions[t.id] ?? '' })) });
      await onReturned();
      onClose();
    } catch (error) {
      notifyError(error, '没有记下退回意见');
    } finally {
      setSaving(false);
    }
  }

  const fields = targets.map((target, index) => (
    <Textarea
      key={target.id}
      label={single ? '审核意见' : `退回意见：${targetName(target)}`}
      description={single ? '请写明需要修改的内容，例如哪个指标偏低、缺少什么。' : undefined}
      autosize
      minRows={single ? 3 : 2}
      maxRows={8}
      value={opinions[target.id] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setOpinions((current) => ({ ...current, [target.id]: value }));
      }}
      error={problemOf(target.id)}
      data-autofocus={index === 0 || undefined}
      withAsterisk
    />
  ));

  return (
    <Modal opened onClose={onClose} title={single ? `退回：${targetName(targets[0]!)}` : `退回 ${targets.length} 项绩效目标`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {single ? '退回意见' : '每一项都需要自己的退回意见。意见'}随下一个反馈包发给{receiver}，对方导入后{single ? '此目标' : '这些目标'}变为“被退回”，修改后重新送审。
        </Text>
        {single ? fields : <ScrollArea.Autosize mah="55vh">{<Stack gap="sm">{fields}</Stack>}</ScrollArea.Autosize>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            取消
          </Button>
          <Button color="red" onClick={save} loading={saving}>
            {single ? '退回' : `退回 ${targets.length} 项`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 批量通过: many targets approved with one opinion (which may stay empty), in one call. */
export function ApproveModal({
  targets,
  receiver,
  onClose,
  onApproved,
}: {
  targets: readonly CountyTarget[];
  receiver: string;
  onClose: () => void;
  onApproved: () => Promise<void>;
}) {
  const [opinion, setOpinion] = useState('');
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      await invoke('exchange.decideMany', { entity: 'target', decisions: targets.map((t) => ({ recordId: t.id, action: 'approve' as const, opinion })) });
      await onApproved();
      onClose();
    } catch (error) {
      notifyError(error, '没有记下审核结果');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`通过 ${targets.length} 项绩效目标`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          以下 {targets.length} 项一并审核通过，审核意见（可不填）对每一项都相同，随下一个反馈包发给{receiver}。
        </Text>
        <ScrollArea.Autosize mah="30vh">
          <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: 20 }} aria-label="将通过的绩效目标">
            {targets.map((t) => (
              <Text key={t.id} size="sm" component="li">
                {t.ownerCode} {targetName(t)}
              </Text>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Textarea label="审核意见" autosize minRows={2} maxRows={6} value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            取消
          </Button>
          <Button color="teal" onClick={save} loading={saving}>
            通过 {targets.length} 项
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
