// One imported table under review: what the recomputation found at the top, the form row by row, and
// the reviewer's 通过 / 退回 with an opinion prefilled from the differences.
import { Alert, Anchor, Button, Group, List, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ExternalReviewDetail } from '../../../../../electron/selfEvaluation/contract';
import { invoke } from '../../../api';
import { formatDateTime } from '../../../components/format';
import { notifyError, notifySuccess } from '../../../components/notify';
import { NotAllowedNote, useAllowed } from '../../../components/useAllowed';
import { useInvoke } from '../../../components/useInvoke';
import { routeHref } from '../../../router';
import { statusBadge } from './StatusBadge';
import { ReviewForm } from './ReviewForm';

export function ReviewView({ id }: { id: string }) {
  const detail = useInvoke('selfEvaluationReview.get', { id });
  if (detail.error) {
    return (
      <Alert color="red" title="无法打开这张自评表">
        {detail.error}
      </Alert>
    );
  }
  if (!detail.data) return <Loader aria-label="正在读取" />;
  const { record } = detail.data;
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Anchor href={routeHref('selfEvaluation', 'review', String(record.year))}>← 返回 {record.year} 年自评表列表</Anchor>
        <Button variant="default" onClick={() => window.print()}>
          打印
        </Button>
      </Group>
      <Group gap="sm" className="no-print">
        <Title order={2} size="h3">
          {record.projectName}
        </Title>
        {statusBadge(record.status)}
      </Group>
      <Text size="sm" c="dimmed" className="no-print">
        {record.unitName}（{record.unitCode}） · 由 {record.importedByName} 于 {formatDateTime(record.importedAt)} 从“{record.fileName}”导入（工作表“{record.sheet}”第 {record.rowNumber} 行）
      </Text>
      <Findings detail={detail.data} />
      <ReviewForm detail={detail.data} />
      <Decision key={`${record.id}-${record.version}`} detail={detail.data} onDecided={detail.reload} />
    </Stack>
  );
}

/** The summary at the top: how many differences, and those of the table as a whole (totals, weights). */
function Findings({ detail }: { detail: ExternalReviewDetail }) {
  const { differences, summary } = detail;
  if (differences.length === 0) {
    return (
      <Alert color="teal" title="按规则复算，未发现差异">
        各行得分、小计、总分和分值合计都与评分规则一致（复算总分 {detail.total.ruleTotal}，{detail.total.grade}）。
      </Alert>
    );
  }
  const rowCount = differences.length - summary.length;
  return (
    <Alert color="red" title={`按规则复算，发现 ${differences.length} 处差异`} role="alert">
      <Stack gap={4}>
        {rowCount > 0 && <Text size="sm">{rowCount} 处在指标或预算执行行上，已在下表中标出（单位得分与复核得分并列）。</Text>}
        {summary.length > 0 && (
          <List size="sm">
            {summary.map((d) => (
              <List.Item key={`${d.kind}-${d.message}`}>{d.message}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">
          复算总分 {detail.total.ruleTotal}，评价等级 {detail.total.grade}。
        </Text>
      </Stack>
    </Alert>
  );
}

/** 通过 or 退回, for a table still waiting; afterwards who decided and what they wrote. */
function Decision({ detail, onDecided }: { detail: ExternalReviewDetail; onDecided: () => Promise<void> }) {
  const { record } = detail;
  const reviewing = useAllowed('review');
  const [opinion, setOpinion] = useState(detail.suggestedOpinion);
  const [busy, setBusy] = useState<'accept' | 'return' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (record.status !== 'pending') {
    return (
      <Paper withBorder p="md">
        <Text size="sm" fw={600}>
          复核结论：{record.status === 'accepted' ? '通过' : '退回'}（{record.reviewedByName}，{record.reviewedAt ? formatDateTime(record.reviewedAt) : ''}）
        </Text>
        {record.opinion && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {record.opinion}
          </Text>
        )}
      </Paper>
    );
  }

  async function decide(action: 'accept' | 'return') {
    if (action === 'return' && opinion.trim() === '') {
      setProblem('请填写退回意见，说明单位需要改正什么');
      return;
    }
    setProblem(null);
    setBusy(action);
    try {
      const input = { id: record.id, version: record.version, opinion: opinion.trim() };
      if (action === 'accept') await invoke('selfEvaluationReview.accept', input);
      else await invoke('selfEvaluationReview.return', input);
      notifySuccess(`“${record.projectName}”的自评表`, action === 'accept' ? '复核通过' : '已退回单位');
      await onDecided();
    } catch (error) {
      notifyError(error, '复核没有完成');
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="md" className="no-print">
      <Stack gap="sm">
        <Title order={3} size="h5">
          复核意见
        </Title>
        <Textarea
          label="复核意见"
          description={detail.differences.length ? '已按复算发现的差异预填，可修改；退回时必须填写' : '通过时可不填；退回时必须填写'}
          value={opinion}
          onChange={(event) => setOpinion(event.currentTarget.value)}
          error={problem}
          autosize
          minRows={3}
          maxRows={12}
          disabled={!reviewing.allowed}
        />
        <Group justify="flex-end">
          <Button color="red" variant="light" onClick={() => decide('return')} loading={busy === 'return'} disabled={!reviewing.allowed || busy !== null}>
            退回单位
          </Button>
          <Button color="teal" onClick={() => decide('accept')} loading={busy === 'accept'} disabled={!reviewing.allowed || busy !== null}>
            复核通过
          </Button>
        </Group>
        <NotAllowedNote allowance={reviewing} />
      </Stack>
    </Paper>
  );
}
