import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { spotCheckLowered } from '../../../../electron/domain/rectification';
import { adjustedScoreOf, shareProblem } from '../../../../electron/domain/selfEvaluation';
import type { SpotCheckRow } from '../../../../electron/selfEvaluation/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { OpenNoticeButton } from '../rectification/OpenNoticeButton';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';

/** 抽查: draw a share of the approved tables with a recorded seed, then record each recheck. */
export function SpotCheckTab({ year }: { year: number }) {
  const checks = useInvoke('selfEvaluation.spotChecks', { year });
  const review = useAllowed('review');
  if (checks.error) return <Alert color="red" title="无法读取抽查记录">{checks.error}</Alert>;
  if (!checks.data) return <Loader aria-label="正在读取抽查记录" />;
  const draws = [...new Map(checks.data.map((c) => [c.drawId, c])).values()];
  return (
    <Stack gap="md">
      <DrawForm year={year} canDraw={review.allowed} onDrawn={checks.reload} />
      <NotAllowedNote allowance={review} />
      {checks.data.length === 0 ? (
        <EmptyNotice title="本年度还没有抽查" description="审核通过的自评表可以按比例随机抽取复核。每次抽取都会记录随机种子，用同一种子和同一批自评表可以重现抽取结果。" />
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            共抽取 {checks.data.length} 张自评表，已复核 {checks.data.filter((c) => c.adjustedScore !== null).length} 张。
            {draws.map((d) => ` ${formatDateTime(d.drawnAt)} ${d.drawnBy} 抽取 ${d.share}%（随机种子 ${d.seed}）。`).join('')}
          </Text>
          <Table withTableBorder withColumnBorders aria-label="抽查复核" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>项目编码</Table.Th>
                <Table.Th>项目名称</Table.Th>
                <Table.Th w={170}>实施单位</Table.Th>
                <Table.Th w={100} ta="right">单位自评</Table.Th>
                <Table.Th w={300}>复核得分与理由</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checks.data.map((check) => (
                <Table.Tr key={check.id}>
                  <Table.Td>{check.projectCode}</Table.Td>
                  <Table.Td>
                    <a href={routeHref('selfEvaluation', 'edit', check.selfEvaluationId)}>{check.projectName}</a>
                  </Table.Td>
                  <Table.Td>{check.unitName}</Table.Td>
                  <Table.Td ta="right">
                    {check.unitScore ?? '—'} {check.unitGrade ?? ''}
                  </Table.Td>
                  <Table.Td>
                    <RecheckCell check={check} canRecheck={review.allowed} onSaved={checks.reload} />
                    {spotCheckLowered(check.unitScore, check.adjustedScore) && (
                      <OpenNoticeButton
                        year={year}
                        size="compact-xs"
                        subject={check.projectName}
                        unitName={check.unitName}
                        draftProblems={`抽查复核得分 ${check.adjustedScore} 分，低于单位自评 ${check.unitScore} 分：${check.reasons}`}
                        open={(text) => invoke('selfEvaluation.openSpotCheckRectification', { spotCheckId: check.id, ...text })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function DrawForm({ year, canDraw, onDrawn }: { year: number; canDraw: boolean; onDrawn: () => Promise<void> }) {
  const [share, setShare] = useState('20');
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const problem = /^\d+$/.test(share.trim()) ? shareProblem(Number(share)) : '抽查比例应为 1–100 之间的整数（百分比）';
  async function draw() {
    setBusy(true);
    try {
      const rows = await invoke('selfEvaluation.drawSpotCheck', { year, share: Number(share), seed: seed.trim() || null });
      const drawn = rows.filter((r) => r.drawId === rows[rows.length - 1]!.drawId);
      notifySuccess(`抽取 ${drawn.length} 张自评表，随机种子 ${drawn[0]!.seed}`, '已抽取');
      await onDrawn();
    } catch (error) {
      notifyError(error, '没有抽取');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-label="抽取自评表" className="no-print">
      <Stack gap="xs">
        <Title order={3} size="h5">
          抽取自评表
        </Title>
        <Group align="flex-start" gap="sm">
          <TextInput label="抽查比例（%）" value={share} onChange={(e) => setShare(e.currentTarget.value)} error={problem} w={140} disabled={!canDraw} />
          <TextInput label="随机种子（可选）" placeholder="留空则自动生成" value={seed} onChange={(e) => setSeed(e.currentTarget.value)} w={220} disabled={!canDraw} />
          <Button mt={25} onClick={() => void draw()} loading={busy} disabled={!canDraw || problem !== null}>
            抽取
          </Button>
        </Group>
        <Text size="xs" c="dimmed">从本年度审核通过、尚未抽查过的自评表中按项目编码顺序随机抽取，比例向上取整；随机种子留空时自动生成，与抽取结果一并记录，可用于重现。</Text>
      </Stack>
    </Paper>
  );
}

function RecheckCell({ check, canRecheck, onSaved }: { check: SpotCheckRow; canRecheck: boolean; onSaved: () => Promise<void> }) {
  const [score, setScore] = useState(check.adjustedScore ?? '');
  const [reasons, setReasons] = useState(check.reasons);
  const [busy, setBusy] = useState(false);
  const label = `${check.projectName}`;
  const read = adjustedScoreOf(score);
  const scoreProblem = score.trim() !== '' && 'problem' in read ? read.problem : null;
  async function save() {
    setBusy(true);
    try {
      await invoke('selfEvaluation.recheck', { id: check.id, adjustedScore: score, reasons });
      notifySuccess(`${check.projectName}：复核得分已记录`, '已保存');
      await onSaved();
    } catch (error) {
      notifyError(error, '没有保存');
    } finally {
      setBusy(false);
    }
  }
  if (!canRecheck) {
    return <Text size="sm">{check.adjustedScore ? `${check.adjustedScore} ${check.adjustedGrade}：${check.reasons}` : '未复核'}</Text>;
  }
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        <TextInput size="xs" aria-label={`${label}复核得分`} placeholder="复核得分" value={score} onChange={(e) => setScore(e.currentTarget.value)} error={scoreProblem !== null} w={90} />
        {check.adjustedGrade && <Text size="sm">{check.adjustedGrade}</Text>}
        <Button size="compact-xs" onClick={() => void save()} loading={busy} disabled={'problem' in read || reasons.trim() === ''}>
          保存
        </Button>
      </Group>
      {/* Under the row rather than under the narrow field, where the message would wrap letter by letter. */}
      {scoreProblem && (
        <Text size="xs" c="red">
          {scoreProblem}
        </Text>
      )}
      <TextInput size="xs" aria-label={`${label}调整理由`} placeholder="调整理由（必填）" value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
      {check.recheckedBy && (
        <Text size="xs" c="dimmed">
          {check.recheckedBy} 于 {formatDateTime(check.recheckedAt!)} 复核
        </Text>
      )}
    </Stack>
  );
}
