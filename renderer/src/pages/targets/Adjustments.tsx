// 目标调整: propose a change to an approved target (a copy of it, edited, with a reason), and the list of
// adjustments with the original kept beside each proposal, approved or returned by a reviewer.
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { displayTarget, framework, type Framework } from '../../../../electron/domain/indicators';
import { checkAdjustedContent, type TargetContent } from '../../../../electron/domain/targets';
import { transition, WORKFLOW_LABELS } from '../../../../electron/domain/workflow';
import type { Adjustment } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { useUnsavedWork } from '../../components/unsavedWork';
import { useInvoke } from '../../components/useInvoke';
import { useSession } from '../../appState';
import { chainedReview, DepartmentReviewNote } from '../../components/ReviewPanel';
import { decisionDoneMessage } from '../../../../electron/domain/reviewChain';
import { ContentEditor } from './ContentEditor';
import { contentOf, contentState, withFreshKeys } from './targetForm';

export function AdjustmentModal({
  targetId,
  targetVersion,
  current,
  frameworkId,
  budgetWeight,
  keyProject,
  projectTypeCode,
  onClose,
  onProposed,
}: {
  targetId: string;
  targetVersion: number;
  current: TargetContent;
  frameworkId: Framework['id'];
  budgetWeight: number;
  keyProject: boolean;
  projectTypeCode: string | null;
  onClose: () => void;
  onProposed: () => Promise<void>;
}) {
  const [state, setState] = useState(() => contentState(current));
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = checkAdjustedContent(contentOf(state), framework(frameworkId), { budgetWeight }, keyProject);
  const dirty = reason.trim() !== '' || JSON.stringify(contentOf(state)) !== JSON.stringify(current);
  const work = useUnsavedWork({
    dirty,
    save: propose,
    draft: {
      key: `target-adjustment:${targetId}`,
      version: targetVersion,
      value: { state, reason },
      restore: (kept) => {
        setState(withFreshKeys(kept.state));
        setReason(kept.reason);
      },
    },
  });

  /** Resolves true when the adjustment was proposed (the dialog then closes). */
  async function propose(): Promise<boolean> {
    setAttempted(true);
    if (problems.length || reason.trim() === '') return false;
    setBusy(true);
    try {
      await invoke('targets.proposeAdjustment', { targetId, targetVersion, reason, proposed: contentOf(state) });
      notifySuccess('目标调整已提出，等待审核；审核通过前仍按原目标执行', '已提出目标调整');
      work.settled();
      await onProposed();
      onClose();
      return true;
    } catch (error) {
      notifyError(error, '目标调整没有提出');
      setBusy(false);
      return false;
    }
  }
  const close = async () => (await work.confirmLeave()) && onClose();

  return (
    <Modal opened onClose={close} title="目标调整" size="95%" closeOnClickOutside={false}>
      <Stack gap="md">
        {work.draftOffer}
        <Alert color="blue">在原目标的基础上修改需要调整的内容。调整经审核通过后生效，原目标保留在调整记录中。</Alert>
        <Textarea
          label="调整原因"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={attempted && reason.trim() === '' ? '请填写调整原因' : undefined}
          withAsterisk
          autosize
          minRows={2}
        />
        <ContentEditor state={state} onChange={setState} problems={problems} frameworkId={frameworkId} attempted={attempted} projectTypeCode={projectTypeCode} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            取消
          </Button>
          <Button onClick={() => void propose()} loading={busy}>
            提出调整并送审
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ContentSummary({ title, content }: { title: string; content: TargetContent }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="sm">总体目标：{content.overallGoal}</Text>
      {content.indicators.map((i, index) => (
        <Text key={index} size="sm">
          {index + 1}. {i.name}：{displayTarget(i)}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The adjustments of a target, each with the original beside the proposal; whoever the review chain lets
 * act at an open one's step (its 主管部门's reviewer, then the bureau's) decides it.
 */
export function AdjustmentList({ targetId, onDecided }: { targetId: string; onDecided: () => Promise<void> }) {
  const adjustments = useInvoke('targets.adjustments', { targetId });
  if (!adjustments.data?.length) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        目标调整
      </Title>
      {adjustments.data.map((a) => (
        <AdjustmentCard key={a.id} adjustment={a} onDecided={onDecided} />
      ))}
    </Stack>
  );
}

/** What a decision did: the department's pass only hands the adjustment on; the bureau's puts it in force. */
function decidedMessage(step: Adjustment['reviewStep'], action: 'approve' | 'return'): string {
  if (action === 'return') return '已退回，目标仍按原目标执行';
  return step === 'department' ? decisionDoneMessage('department', 'approve') : '调整后的目标已生效，原目标保留在调整记录中';
}

function AdjustmentCard({ adjustment, onDecided }: { adjustment: Adjustment; onDecided: () => Promise<void> }) {
  const { operator } = useSession();
  const { canReview, waitingFor } = chainedReview(operator, adjustment.reviewStep, adjustment.department);
  const [opinion, setOpinion] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function decide(action: 'approve' | 'return') {
    const move = transition(adjustment.status, action, opinion);
    setRefusal(move.ok ? null : move.message);
    if (!move.ok) return;
    setBusy(true);
    try {
      await invoke('targets.decideAdjustment', { id: adjustment.id, version: adjustment.version, action, opinion });
      notifySuccess(decidedMessage(adjustment.reviewStep, action), `第 ${adjustment.seq} 次目标调整`);
      await onDecided();
    } catch (error) {
      notifyError(error, '没有完成');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-label={`第 ${adjustment.seq} 次目标调整`}>
      <Stack gap="sm">
        <Group gap="sm">
          <Text fw={600}>第 {adjustment.seq} 次调整</Text>
          <Badge variant="light">{WORKFLOW_LABELS[adjustment.status]}</Badge>
          <Text size="sm" c="dimmed">
            提出于 {formatDateTime(adjustment.createdAt)}
            {adjustment.decidedAt ? `，审核于 ${formatDateTime(adjustment.decidedAt)}` : ''}
          </Text>
        </Group>
        <Text size="sm">调整原因：{adjustment.reason}</Text>
        <DepartmentReviewNote review={adjustment.departmentReview} />
        {adjustment.opinion && <Text size="sm">审核意见：{adjustment.opinion}</Text>}
        {adjustment.status === 'submitted' && !canReview && waitingFor && (
          <Text size="sm" c="dimmed">
            等待{waitingFor}审核。
          </Text>
        )}
        <SimpleGrid cols={2}>
          <ContentSummary title="原目标" content={adjustment.original} />
          <ContentSummary title="调整为" content={adjustment.proposed} />
        </SimpleGrid>
        {adjustment.status === 'submitted' && canReview && (
          <Group align="flex-end" className="no-print">
            <Textarea label="审核意见" description="退回时必填" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} error={refusal} autosize style={{ flex: 1 }} />
            <Button color="teal" onClick={() => decide('approve')} loading={busy}>
              同意调整
            </Button>
            <Button color="orange" variant="light" onClick={() => decide('return')} loading={busy}>
              退回
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
