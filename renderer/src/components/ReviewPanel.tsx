// Where a record under review stands and what can be done with it now (domain.md §11: 草稿 → 已送审 →
// 通过 | 被退回), the same for a performance target and a monitoring sheet: the status with the last
// opinion, 保存 / 送审 for the unit, 撤回 while it waits, the reviewer's decision, and the history.
import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Output } from '../../../electron/ipc/contract';
import { ACTION_LABELS, editable, type WorkflowAction, type WorkflowState } from '../../../electron/domain/workflow';
import { formatDateTime } from './format';
import { notifyError, notifySuccess } from './notify';
import { NotAllowedNote, useAllowed } from './useAllowed';
import { WorkflowStatusBadge } from './WorkflowStatusBadge';
import { rolesAllowed, type Permission } from '../../../electron/domain/permissions';
import { checkReviewer, decisionDoneMessage, type DepartmentReview, type Reviewer, type ReviewStep } from '../../../electron/domain/reviewChain';

const ENTERED: Record<'submit' | 'withdraw', string> = { submit: '已送审，等待审核', withdraw: '已撤回，可继续修改' };

/** The toast after an action: a decision says where the chain left the record (a department's pass only hands it on). */
const doneMessage = (action: WorkflowAction, step: ReviewStep | null | undefined) =>
  action === 'approve' || action === 'return' ? decisionDoneMessage(step ?? 'bureau', action) : ENTERED[action];

export type ReviewDecision = 'approve' | 'return';

/** How a reviewer's card hands its decision to the panel, with what the record's workflow asks for (opinion, grade). */
export type Decide<D> = (action: ReviewDecision, decision: D) => Promise<void>;

export interface ReviewPanelProps<S, D> {
  /** null: nothing saved yet (未填报). */
  status: WorkflowState | null;
  reviewOpinion: string | null;
  /** Added to the 被退回 and 已审核通过 titles, e.g. the review grade and what it means. */
  decisionNote?: string;
  /** What approval means for the record, after the opinion, with any action it allows (e.g. 目标调整). */
  approvedNote: ReactNode;
  /** The saved record to act on; null until it is first saved. */
  stored: S | null;
  dirty: boolean;
  problemCount: number;
  saveLabel: string;
  canWithdraw: boolean;
  canReview: boolean;
  /** Who saves and submits, where it is not the entering roles (部门评价 lets the 主管部门审核人 in). */
  enterPermission?: Permission;
  /** Who a submitted record waits for, where it is not the reviewers of the permission table (e.g. 主管部门（…）). */
  waitingFor?: string;
  /** The review chain's step a submitted record waits at, for what a decision is said to have done. */
  reviewStep?: ReviewStep | null;
  /** Saves the form; resolves to the saved record, or null when it did not save (already reported). */
  onSave: () => Promise<S | null>;
  /** After 保存 alone, e.g. to reload the record at its new version. */
  onSaved?: () => Promise<void>;
  /** The user tried to submit: show every problem inline. */
  onAttempt: () => void;
  onTransition: (saved: S, action: WorkflowAction, decision?: D) => Promise<unknown>;
  onChanged: () => Promise<void>;
  /** The reviewer's card, shown while the record waits for review. */
  review: (decide: Decide<D>) => ReactNode;
  /** The record itself, between where it stands and what can be done with it. */
  children?: ReactNode;
}

export function ReviewPanel<S, D>(props: ReviewPanelProps<S, D>) {
  const { status, stored, dirty, problemCount, onSave, onTransition, onChanged } = props;
  const [busy, setBusy] = useState<WorkflowAction | 'save' | null>(null);

  async function run(action: WorkflowAction, saved: S, decision?: D) {
    try {
      await onTransition(saved, action, decision);
      notifySuccess(doneMessage(action, props.reviewStep), ACTION_LABELS[action]);
      await onChanged();
    } catch (error) {
      notifyError(error, `${ACTION_LABELS[action]}没有完成`);
    }
  }

  async function busyWith(action: WorkflowAction | 'save', work: () => Promise<void>) {
    setBusy(action);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }

  const save = () =>
    busyWith('save', async () => {
      if (!(await onSave())) return;
      notifySuccess('可以继续修改，或在填写完整后送审', '已保存');
      await props.onSaved?.();
    });

  const submit = () =>
    busyWith('submit', async () => {
      props.onAttempt();
      if (problemCount > 0) {
        notifyError(new Error(`还有 ${problemCount} 处需要填写或改正，请按表中红色提示改正后再送审`), '暂不能送审');
        return;
      }
      const saved = dirty || !stored ? await onSave() : stored;
      if (saved) await run('submit', saved);
    });

  const withdraw = () => busyWith('withdraw', () => run('withdraw', stored!));
  const decide: Decide<D> = (action, decision) => run(action, stored!, decision);

  // Saving and submitting is the entering roles' part: a 主管部门审核人 opening a draft only reads it.
  const enter = useAllowed(props.enterPermission ?? 'enter');
  const canEdit = (status === null || editable(status)) && enter.allowed;
  const action = (name: WorkflowAction | 'save', label: string, onClick: () => Promise<void>, variant?: string) => (
    <Button variant={variant} onClick={() => void onClick()} loading={busy === name} disabled={busy !== null}>
      {label}
    </Button>
  );
  return (
    <Stack gap="md">
      <StatusAlert {...props} />
      {props.children}
      <Group gap="xs" className="no-print">
        <WorkflowStatusBadge status={status} />
        {canEdit && (
          <>
            {action('save', props.saveLabel, save, 'default')}
            {action('submit', ACTION_LABELS.submit, submit)}
          </>
        )}
        {status === 'submitted' && props.canWithdraw && action('withdraw', ACTION_LABELS.withdraw, withdraw, 'default')}
        <Button variant="subtle" onClick={() => window.print()}>
          打印
        </Button>
        {canEdit && (
          <Text size="sm" c={problemCount ? 'red' : 'teal'} role="status">
            {problemCount ? `送审前还需修改 ${problemCount} 处` : '已符合送审要求'}
            {dirty ? '（有未保存的修改）' : ''}
          </Text>
        )}
        {(status === null || editable(status)) && <NotAllowedNote allowance={enter} />}
      </Group>
      {status === 'submitted' && props.canReview && <div className="no-print">{props.review(decide)}</div>}
      {status === 'submitted' && !props.canReview && (
        <Text size="sm" c="dimmed" className="no-print">
          已送审，等待{props.waitingFor ?? rolesAllowed('review')}审核。
        </Text>
      )}
    </Stack>
  );
}

function StatusAlert({ status, reviewOpinion, decisionNote = '', approvedNote, waitingFor }: Pick<ReviewPanelProps<unknown, unknown>, 'status' | 'reviewOpinion' | 'decisionNote' | 'approvedNote' | 'waitingFor'>) {
  if (status === 'returned') {
    return (
      <Alert color="orange" title={`被退回${decisionNote}`}>
        审核意见：{reviewOpinion}。请按意见修改后重新送审。
      </Alert>
    );
  }
  if (status === 'submitted') {
    return (
      <Alert color="blue" title={`已送审，等待${waitingFor ?? ''}审核`}>
        审核期间不能修改；如需修改，请先撤回。
      </Alert>
    );
  }
  if (status === 'approved') {
    return (
      <Alert color="teal" title={`已审核通过${decisionNote}`}>
        {reviewOpinion ? `审核意见：${reviewOpinion}。` : ''}
        {approvedNote}
      </Alert>
    );
  }
  return null;
}

/**
 * Who may decide a record on the review chain now, and who it waits for as the panel says it: the
 * department's reviewer at its step, the bureau's after (reviewChain.checkReviewer).
 */
export function chainedReview(reviewer: Reviewer, step: ReviewStep | null, department: { code: string; name: string } | null) {
  return {
    canReview: step !== null && checkReviewer(step, reviewer, department?.code ?? null) === null,
    waitingFor: step === 'department' && department ? `主管部门（${department.name}）` : undefined,
  };
}

/** The 主管部门's decision as the form shows and prints it: 「主管部门审核意见（马部门，2020-03-02 审核通过）：…」. */
export function departmentReviewLine(review: DepartmentReview): string {
  const decided = `${review.decidedBy ?? ''}，${formatDateTime(review.decidedAt).slice(0, 10)} ${review.decision === 'approve' ? '审核通过' : '退回'}`;
  return `主管部门审核意见（${decided}）：${review.opinion ?? '无'}`;
}

/** The 主管部门's decision beside where the record stands (on screen: the printed form has its own line). */
export function DepartmentReviewNote({ review }: { review: DepartmentReview | null }) {
  if (!review) return null;
  return (
    <Text size="sm" role="note" aria-label="主管部门审核意见" className="no-print">
      {departmentReviewLine(review)}
    </Text>
  );
}

/** 审核: the opinion, and 审核通过 or 退回 (which needs the opinion). */
export function OpinionReview({ decide, title = '审核' }: { decide: Decide<{ opinion: string | null }>; title?: string }) {
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState<ReviewDecision | null>(null);
  async function choose(action: ReviewDecision) {
    setBusy(action);
    await decide(action, { opinion: opinion.trim() || null });
    setBusy(null);
  }
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Textarea label="审核意见" description="退回时必须填写，说明需要单位修改的问题" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} autosize minRows={2} />
        <Group gap="xs">
          <Button color="teal" onClick={() => void choose('approve')} loading={busy === 'approve'} disabled={busy !== null}>
            {ACTION_LABELS.approve}
          </Button>
          <Button color="orange" onClick={() => void choose('return')} loading={busy === 'return'} disabled={busy !== null}>
            {ACTION_LABELS.return}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export type HistoryRow = Output<'targets.history'>[number];

/** 办理记录: every step of the record (saved, submitted, returned with the opinion, approved) with who did it. */
export function ReviewHistory({ rows, error }: { rows: readonly HistoryRow[]; error?: string | null }) {
  if (rows.length === 0 && !error) return null;
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        办理记录
      </Title>
      {error && <Text c="red">{error}</Text>}
      <Table withTableBorder striped aria-label="办理记录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>时间</Table.Th>
            <Table.Th w={110}>操作员</Table.Th>
            <Table.Th w={300}>动作</Table.Th>
            <Table.Th>意见</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{formatDateTime(row.at)}</Table.Td>
              <Table.Td>{row.operatorName}</Table.Td>
              <Table.Td>{row.action}</Table.Td>
              <Table.Td>{row.opinion ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
