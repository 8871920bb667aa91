import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { checkReview, REVIEW_GRADES, REVIEW_OUTCOMES, type ReviewGrade } from '../../../../electron/domain/targets';
import { ACTION_LABELS, editable, type WorkflowAction } from '../../../../electron/domain/workflow';
import type { TargetState } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { notifyError, notifySuccess } from '../../components/notify';
import { TargetStatusBadge } from './TargetStatusBadge';

export interface SavedTarget {
  id: string;
  version: number;
}

/** Reviewers, the performance office and administrators review; a clerk (经办人) fills in. */
export const useCanReview = () => useSession().operator.role !== 'clerk';

const DONE: Partial<Record<WorkflowAction, string>> = { submit: '已送审，等待审核', withdraw: '已撤回，可继续修改', approve: '已审核通过', return: '已退回单位' };

/**
 * Where a target stands and what can be done with it now: 保存草稿 / 送审 for the unit, 撤回 while it waits,
 * and for a reviewer the grade (优/良/中/差) with its consequence and the opinion.
 */
export function WorkflowPanel({
  target,
  dirty,
  problemCount,
  canReview,
  onSave,
  onAttempt,
  onChanged,
  onAdjust,
}: {
  target: TargetState;
  dirty: boolean;
  problemCount: number;
  canReview: boolean;
  /** Saves the form; resolves to the saved target's id and version, or null when saving failed (already reported). */
  onSave: () => Promise<SavedTarget | null>;
  /** The user tried to submit: show every problem inline. */
  onAttempt: () => void;
  onChanged: () => Promise<void>;
  onAdjust?: () => void;
}) {
  const { role } = useSession().operator;
  const [busy, setBusy] = useState<string | null>(null);
  const stored: SavedTarget | null = target.id && target.version !== null ? { id: target.id, version: target.version } : null;

  async function run(action: WorkflowAction, saved: SavedTarget, extra: { grade?: ReviewGrade; opinion?: string } = {}) {
    try {
      await invoke('targets.transition', { ...saved, action, ...extra });
      notifySuccess(DONE[action] ?? ACTION_LABELS[action], ACTION_LABELS[action]);
      await onChanged();
    } catch (error) {
      notifyError(error, `${ACTION_LABELS[action]}没有完成`);
    }
  }

  async function save() {
    setBusy('save');
    const saved = await onSave();
    if (saved) notifySuccess('草稿已保存，可以继续修改或送审', '已保存');
    setBusy(null);
  }

  async function submit() {
    onAttempt();
    if (problemCount > 0) {
      notifyError(new Error(`还有 ${problemCount} 处需要修改，请按表中红色提示改正后再送审`), '暂不能送审');
      return;
    }
    setBusy('submit');
    const saved = dirty || !stored ? await onSave() : stored;
    if (saved) await run('submit', saved);
    setBusy(null);
  }

  async function withdraw() {
    setBusy('withdraw');
    await run('withdraw', stored!);
    setBusy(null);
  }

  const canEdit = editable(target.status);
  return (
    <Stack gap="sm" className="no-print">
      {target.status === 'returned' && (
        <Alert color="orange" title={`被退回${target.reviewGrade ? `（审核等级：${target.reviewGrade}，${REVIEW_OUTCOMES[target.reviewGrade].consequence}）` : ''}`}>
          审核意见：{target.reviewOpinion}。请按意见修改后重新送审。
        </Alert>
      )}
      {target.status === 'submitted' && (
        <Alert color="blue" title="已送审，等待审核">
          审核期间不能修改；如需修改，请先撤回。
        </Alert>
      )}
      {target.status === 'approved' && (
        <Alert color="teal" title={`已审核通过${target.reviewGrade ? `（审核等级：${target.reviewGrade}，${REVIEW_OUTCOMES[target.reviewGrade].consequence}）` : ''}`}>
          {target.reviewOpinion ? `审核意见：${target.reviewOpinion}。` : ''}目标已锁定；年中确需变更的，请办理目标调整，原目标将保留。
          {onAdjust && (
            <Button size="xs" variant="white" color="teal" ml="sm" onClick={onAdjust}>
              目标调整
            </Button>
          )}
        </Alert>
      )}
      <Group gap="xs">
        <TargetStatusBadge status={target.id ? target.status : null} />
        {canEdit && (
          <>
            <Button variant="default" onClick={save} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
              保存草稿
            </Button>
            <Button onClick={submit} loading={busy === 'submit'} disabled={busy !== null && busy !== 'submit'}>
              送审
            </Button>
          </>
        )}
        {target.status === 'submitted' && role !== 'reviewer' && (
          <Button variant="default" onClick={withdraw} loading={busy === 'withdraw'}>
            撤回
          </Button>
        )}
        <Button variant="subtle" onClick={() => window.print()}>
          打印
        </Button>
        {canEdit && (
          <Text size="sm" c={problemCount ? 'red' : 'teal'} role="status">
            {problemCount ? `送审前还需修改 ${problemCount} 处` : '已符合送审要求'}
            {dirty ? '（有未保存的修改）' : ''}
          </Text>
        )}
      </Group>
      {target.status === 'submitted' && canReview && <ReviewCard onDecide={(action, grade, opinion) => run(action, stored!, { grade, opinion })} />}
    </Stack>
  );
}

/** 目标审核: the grade decides the action (优/良 approve, 中/差 return); the opinion is required where the grade asks. */
function ReviewCard({ onDecide }: { onDecide: (action: 'approve' | 'return', grade: ReviewGrade, opinion: string) => Promise<void> }) {
  const [grade, setGrade] = useState<ReviewGrade | null>(null);
  const [opinion, setOpinion] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const outcome = grade ? REVIEW_OUTCOMES[grade] : null;
  const problem = outcome ? checkReview(outcome.action, grade, opinion) : '请选择审核等级（优、良、中、差）';

  async function decide() {
    setAttempted(true);
    if (problem || !outcome || !grade) return;
    setBusy(true);
    await onDecide(outcome.action, grade, opinion);
    setBusy(false);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="目标审核">
      <Stack gap="sm">
        <Title order={3} size="h5">
          目标审核
        </Title>
        <Radio.Group label="审核等级" value={grade} onChange={(value) => setGrade(value as ReviewGrade)} error={attempted && !grade ? '请选择审核等级' : undefined}>
          <Group mt={6} gap="lg">
            {REVIEW_GRADES.map((g) => (
              <Radio key={g} value={g} label={`${g}：${REVIEW_OUTCOMES[g].consequence}`} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="审核意见"
          description={outcome?.opinionRequired ? (grade === '良' ? '写明与单位商定的修改内容' : '写明需要单位修改的问题') : '可不填'}
          value={opinion}
          onChange={(e) => setOpinion(e.currentTarget.value)}
          error={attempted && grade ? problem : undefined}
          withAsterisk={outcome?.opinionRequired}
          autosize
          minRows={2}
        />
        <Group>
          <Button color={outcome?.action === 'return' ? 'orange' : 'teal'} onClick={decide} loading={busy}>
            {outcome ? ACTION_LABELS[outcome.action] : '审核'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
