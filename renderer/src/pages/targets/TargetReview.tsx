// A target in review: the shared review panel with what is particular to targets — the grade (优/良/中/差)
// that decides the reviewer's action, 目标调整 once approved, and 保存草稿 for the unit.
import { Button, Group, Paper, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { checkReview, REVIEW_GRADES, REVIEW_OUTCOMES, type ReviewGrade } from '../../../../electron/domain/targets';
import { ACTION_LABELS } from '../../../../electron/domain/workflow';
import type { TargetState } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { chainedReview, DepartmentReviewNote, OpinionReview, ReviewPanel, type Decide } from '../../components/ReviewPanel';
import { useAllowed } from '../../components/useAllowed';

export interface SavedTarget {
  id: string;
  version: number;
}

/** The bureau's decision carries a grade; the 主管部门's only its opinion. */
interface GradeDecision {
  grade?: ReviewGrade;
  opinion: string | null;
}


/**
 * Where a target stands and what can be done with it now: 保存草稿 / 送审 for the unit, 撤回 while it waits,
 * for its 主管部门's reviewer (when the review chain has it wait there) the opinion with 审核通过 / 退回,
 * and for the bureau's reviewer the grade with its consequence and the opinion.
 */
export function TargetReview({
  target,
  dirty,
  problemCount,
  onSave,
  onAttempt,
  onChanged,
  onAdjust,
  reviewNotes,
}: {
  target: TargetState;
  dirty: boolean;
  problemCount: number;
  onSave: () => Promise<SavedTarget | null>;
  onAttempt: () => void;
  onChanged: () => Promise<void>;
  onAdjust?: () => void;
  /** Listed on the reviewer's form, e.g. the 目标质量提示. */
  reviewNotes?: ReactNode;
}) {
  const { operator } = useSession();
  const canEnter = useAllowed('enter').allowed;
  const step = target.reviewStep;
  const { canReview, waitingFor } = chainedReview(operator, step, target.supervisingDepartment);
  const stored: SavedTarget | null = target.id && target.version !== null ? { id: target.id, version: target.version } : null;
  const grade = target.reviewGrade;
  return (
    <div className="no-print">
      <ReviewPanel<SavedTarget, GradeDecision>
        status={target.id ? target.status : null}
        reviewOpinion={target.reviewOpinion}
        decisionNote={grade ? `（审核等级：${grade}，${REVIEW_OUTCOMES[grade].consequence}）` : ''}
        approvedNote={
          <>
            目标已锁定；年中确需变更的，请办理目标调整，原目标将保留。
            {onAdjust && (
              <Button size="xs" variant="white" color="teal" ml="sm" onClick={onAdjust}>
                目标调整
              </Button>
            )}
          </>
        }
        stored={stored}
        dirty={dirty}
        problemCount={problemCount}
        saveLabel="保存草稿"
        // A reviewer does not withdraw what a unit sent.
        canWithdraw={canEnter && operator.role !== 'reviewer'}
        canReview={canReview}
        waitingFor={waitingFor}
        reviewStep={step}
        onSave={onSave}
        onAttempt={onAttempt}
        onTransition={(saved, action, decision) => invoke('targets.transition', { ...saved, action, ...decision })}
        onChanged={onChanged}
        review={(decide) =>
          step === 'department' ? (
            <Stack gap="sm">
              {reviewNotes}
              <OpinionReview title="主管部门审核" decide={decide} />
            </Stack>
          ) : (
            <GradeReview decide={decide} notes={reviewNotes} />
          )
        }
      >
        <DepartmentReviewNote review={target.departmentReview} />
      </ReviewPanel>
    </div>
  );
}

/** 目标审核: the grade decides the action (优/良 approve, 中/差 return); the opinion is required where the grade asks. */
function GradeReview({ decide, notes }: { decide: Decide<GradeDecision>; notes?: ReactNode }) {
  const [grade, setGrade] = useState<ReviewGrade | null>(null);
  const [opinion, setOpinion] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const outcome = grade ? REVIEW_OUTCOMES[grade] : null;
  const problem = outcome ? checkReview(outcome.action, grade, opinion) : '请选择审核等级（优、良、中、差）';

  async function submitDecision() {
    setAttempted(true);
    if (problem || !outcome || !grade) return;
    setBusy(true);
    await decide(outcome.action, { grade, opinion });
    setBusy(false);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="目标审核">
      <Stack gap="sm">
        <Title order={3} size="h5">
          目标审核
        </Title>
        {notes}
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
          <Button color={outcome?.action === 'return' ? 'orange' : 'teal'} onClick={() => void submitDecision()} loading={busy}>
            {outcome ? ACTION_LABELS[outcome.action] : '审核'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
