// 整改通知 as the bureau drafts it from wherever the problem was found (a monitoring warning, a
// self-evaluation, a spot check): problems, requirements, a deadline; saved as 待下达 or issued at once.
import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { localDate } from '../../../../electron/domain/clock';
import { deadlineProblem } from '../../../../electron/domain/rectification';
import type { NoticeText, Rectification } from '../../../../electron/rectification/contract';
import { invoke } from '../../api';
import { onSubmitOf, useDialogSubmit } from '../../components/useDialogSubmit';
import { useUnsavedWork } from '../../components/unsavedWork';
import { routeHref } from '../../router';

export interface NoticeModalProps {
  /** The source record's year: the notice is that year's, and the link opens that year's 整改问责. */
  year: number;
  /** What the notice is about, e.g. the project's name. */
  subject: string;
  unitName: string;
  draftProblems: string;
  /** Opens the notice on the source record (its workflow's channel). */
  open: (text: NoticeText) => Promise<Rectification>;
  onClose: () => void;
  onDone: () => Promise<void>;
}

export function NoticeModal({ year, subject, unitName, draftProblems, open, onClose, onDone }: NoticeModalProps) {
  const drafted = useState(() => ({ problems: draftProblems, deadline: dayjs().add(30, 'day').format('YYYY-MM-DD') }))[0];
  const [problems, setProblems] = useState(drafted.problems);
  const [requirements, setRequirements] = useState('');
  const [deadline, setDeadline] = useState(drafted.deadline);
  const dirty = problems !== drafted.problems || requirements !== '' || deadline !== drafted.deadline;
  const issue = (issueNow: boolean) => async () => {
    const notice = await open({ problems, requirements, deadline });
    if (issueNow) await invoke('rectification.issue', { id: notice.id, version: notice.version });
    return `整改通知${notice.number}${issueNow ? '已下达' : '已拟定（待下达）'}：${unitName}`;
  };
  // 保存 in the leave prompt keeps the notice as 待下达: saving must not issue it behind the user's back.
  const work = useUnsavedWork({ dirty, save: () => saveDraft.submit() });
  const saveDraft = useDialogSubmit(issue(false), onDone, onClose, work);
  const issueNow = useDialogSubmit(issue(true), onDone, onClose, work);
  const error = issueNow.error ?? saveDraft.error;
  const close = async () => (await work.confirmLeave()) && onClose();
  return (
    <Modal opened onClose={close} title={`整改通知：${subject}`} size="lg">
      <form onSubmit={onSubmitOf(issueNow.submit)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            下达给 {unitName}。单位反馈和审核在<Anchor href={routeHref('rectification', String(year))} size="sm">“整改问责”（{year} 年）</Anchor>中办理。
          </Text>
          <Textarea label="发现的问题" value={problems} onChange={(e) => setProblems(e.currentTarget.value)} autosize minRows={3} withAsterisk />
          <Textarea label="整改要求" value={requirements} onChange={(e) => setRequirements(e.currentTarget.value)} autosize minRows={2} placeholder="例如：9 月底前完成资金支付，报送整改情况" />
          <TextInput type="date" label="整改期限" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} error={deadlineProblem(deadline, localDate())} withAsterisk w={320} />
          {error && <Alert color="red" title="没有保存">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button variant="default" loading={saveDraft.saving} onClick={() => void saveDraft.submit()}>
              保存为待下达
            </Button>
            <Button type="submit" color="red" loading={issueNow.saving}>
              下达整改通知
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
