// What the signed-in person may do to a notice now (the service says which actions; it checks them
// again): the bureau issues and decides, the 主管部门 passes the notice down and the feedback up, the
// unit writes its feedback with files.
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { ATTACHMENT_ACCEPT } from '../../../../electron/domain/attachments';
import type { NoticeDetail } from '../../../../electron/rectification/contract';
import { errorMessage, invoke } from '../../api';
import { PickFileButton } from '../../components/FileActions';
import { readFilePayload } from '../../components/files';
import { notifyError, notifySuccess } from '../../components/notify';
import { AttachmentLine } from './AttachmentLine';

interface Props {
  detail: NoticeDetail;
  reload: () => Promise<void>;
}

/** Runs one action: success told and the notice reloaded, a refusal shown where the person acted. */
function useAction(reload: () => Promise<void>) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(name: string, action: () => Promise<unknown>, done: string) {
    setBusy(name);
    setError(null);
    try {
      await action();
      notifySuccess(done);
      await reload();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, run };
}

export function NoticeActions({ detail, reload }: Props) {
  const { notice, actions } = detail;
  const [text, setText] = useState('');
  const { busy, error, run } = useAction(reload);
  const ref = { id: notice.id, version: notice.version };
  if (actions.length === 0) return <Waiting detail={detail} />;
  // A done action clears what was typed for it: the next step starts with an empty field.
  const act = (name: string, call: () => Promise<unknown>, done: string) =>
    void run(
      name,
      async () => {
        await call();
        setText('');
      },
      done,
    );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          办理
        </Title>
        {actions.includes('issue') && (
          <Group>
            <Text size="sm">通知尚未下达。{detail.departmentName === null ? '下达后按“主管部门审核”设置经主管部门转到单位，或直接到单位。' : ''}</Text>
            <Button loading={busy === 'issue'} onClick={() => act('issue', () => invoke('rectification.issue', ref), `整改通知${notice.number}已下达`)}>
              下达
            </Button>
          </Group>
        )}
        {actions.includes('forward') && notice.status === 'issued' && (
          <>
            <Textarea label="主管部门的整改要求（可选，随通知转给单位）" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} />
            <Group>
              <Button loading={busy === 'forward'} onClick={() => act('forward', () => invoke('rectification.forward', { ...ref, note: text }), `已转发给${notice.unitName}`)}>
                转发给{notice.unitName}
              </Button>
            </Group>
          </>
        )}
        {actions.includes('answer') && <FeedbackForm detail={detail} text={text} setText={setText} busy={busy} onSubmit={() => act('answer', () => invoke('rectification.answer', { ...ref, feedback: text }), '整改反馈已提交')} reload={reload} />}
        {(actions.includes('return') || (actions.includes('forward') && notice.status === 'answered')) && (
          <>
            <Textarea label={actions.includes('approve') ? '审核意见（退回时必填）' : '意见（退回单位时必填）'} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} />
            <Group>
              {actions.includes('approve') && (
                <Button color="teal" loading={busy === 'approve'} onClick={() => act('approve', () => invoke('rectification.decide', { ...ref, action: 'approve', opinion: text }), '整改已审核通过')}>
                  审核通过
                </Button>
              )}
              {actions.includes('forward') && (
                <Button loading={busy === 'forward'} onClick={() => act('forward', () => invoke('rectification.forward', { ...ref, note: text }), '整改反馈已转报财政局')}>
                  转报财政局
                </Button>
              )}
              <Button color="orange" variant="light" loading={busy === 'return'} onClick={() => act('return', () => invoke('rectification.decide', { ...ref, action: 'return', opinion: text }), `已退回${notice.unitName}重新整改`)}>
                退回
              </Button>
            </Group>
          </>
        )}
        {error && (
          <Alert color="red" title="没有办理">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function FeedbackForm({ detail, text, setText, busy, onSubmit, reload }: { detail: NoticeDetail; text: string; setText: (t: string) => void; busy: string | null; onSubmit: () => void; reload: () => Promise<void> }) {
  const [uploading, setUploading] = useState(false);
  const { notice } = detail;
  const last = detail.rounds.at(-1);
  const returnedWith = notice.status === 'returned' ? (last?.verdictOpinion ?? last?.departmentOpinion) : null;
  async function attach(file: File) {
    setUploading(true);
    try {
      await invoke('rectification.attach', { id: notice.id, file: await readFilePayload(file) });
      await reload();
    } catch (failure) {
      notifyError(failure, '附件没有上传');
    } finally {
      setUploading(false);
    }
  }
  const remove = (id: string, name: string) =>
    modals.openConfirmModal({
      title: `删除附件：${name}`,
      children: <Text size="sm">删除后该附件不随整改反馈提交。已提交的反馈中的附件不能删除。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await invoke('rectification.removeAttachment', { attachmentId: id });
          await reload();
        } catch (failure) {
          notifyError(failure, '删除失败');
        }
      },
    });
  return (
    <Stack gap="xs">
      {returnedWith && (
        <Alert color="orange" title="整改反馈被退回">
          {returnedWith}
        </Alert>
      )}
      {detail.feedbackOnBehalf && (
        <Text size="sm" c="dimmed" role="note">
          本机是财政局：请按单位报送的书面整改材料录入，提交后记录标注“财政局代录”。
        </Text>
      )}
      <Textarea label="整改情况" description="写明做了什么、结果如何；支付凭证、验收单等作为附件上传" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} withAsterisk />
      <Stack gap={2} aria-label="反馈附件">
        {detail.draftAttachments.map((file) => (
          <AttachmentLine
            key={file.id}
            file={file}
            extra={
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(file.id, file.name)}>
                删除
              </Button>
            }
          />
        ))}
      </Stack>
      <Group>
        <PickFileButton label="添加附件" variant="default" accept={ATTACHMENT_ACCEPT} loading={uploading} onFile={(file) => void attach(file)} />
        <Text size="xs" c="dimmed">
          PDF、Word、Excel、JPG 或 PNG
        </Text>
      </Group>
      <Group>
        <Button loading={busy === 'answer'} onClick={onSubmit}>
          提交整改反馈
        </Button>
      </Group>
    </Stack>
  );
}

/** Nothing for this person to do: say who the notice waits for. */
function Waiting({ detail }: { detail: NoticeDetail }) {
  const { notice } = detail;
  const who =
    notice.status === 'passed'
      ? '整改已审核通过，办理结束。'
      : notice.status === 'pending'
        ? '通知尚未下达，由财政局审核人下达。'
        : notice.holder === 'department'
          ? `正在等待主管部门（${detail.departmentName ?? notice.departmentCode}）办理。`
          : notice.holder === 'unit'
            ? `正在等待${notice.unitName}填写整改反馈（由经办人提交）。`
            : '正在等待财政局审核整改反馈（由未下达本通知、未填写反馈的审核人审核）。';
  return (
    <Alert color="gray" title="当前无需您办理">
      {who}
    </Alert>
  );
}
