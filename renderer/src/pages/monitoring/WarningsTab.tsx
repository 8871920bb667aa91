import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { RECTIFICATION_LABELS } from '../../../../electron/domain/rectification';
import { WORKFLOW_LABELS } from '../../../../electron/domain/workflow';
import type { Warning } from '../../../../electron/monitoring/contract';
import { EmptyNotice } from '../../components/EmptyNotice';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { AdjustmentModal, RectificationModal } from './WarningDialogs';
import { LightBadge } from './LightBadge';

function byUnit(warnings: readonly Warning[]): { unitName: string; unitCode: string; rows: Warning[] }[] {
  const groups = new Map<string, { unitName: string; unitCode: string; rows: Warning[] }>();
  for (const w of warnings) {
    const group = groups.get(w.unitCode) ?? { unitName: w.unitName, unitCode: w.unitCode, rows: [] };
    group.rows.push(w);
    groups.set(w.unitCode, group);
  }
  return [...groups.values()];
}

/** 后续处理: the notice or adjustment already opened, or the button that opens one. */
function NextStepsCell({ warning, onRectify, onAdjust }: { warning: Warning; onRectify: () => void; onAdjust: () => void }) {
  const notice = warning.rectification;
  const adjustment = warning.adjustment;
  return (
    <Stack gap={4}>
      {notice ? (
        <Text size="sm">整改通知第 {notice.seq} 号：{RECTIFICATION_LABELS[notice.status]}</Text>
      ) : (
        <Button size="compact-sm" variant="light" color="red" onClick={onRectify} className="no-print" aria-label={`下达整改通知：${warning.projectName}`}>
          整改通知
        </Button>
      )}
      {adjustment ? (
        <Text size="sm">目标调整第 {adjustment.seq} 次：{WORKFLOW_LABELS[adjustment.status]}</Text>
      ) : (
        <Button size="compact-sm" variant="light" onClick={onAdjust} className="no-print" aria-label={`目标调整：${warning.projectName}`}>
          目标调整
        </Button>
      )}
    </Stack>
  );
}

/** 预警: red and yellow projects by unit, with what the unit says about them, and what the bureau does next. */
export function WarningsTab({ roundId }: { roundId: string }) {
  const board = useInvoke('monitoring.warnings', { roundId });
  const [rectifying, setRectifying] = useState<Warning | null>(null);
  const [adjusting, setAdjusting] = useState<Warning | null>(null);
  const groups = useMemo(() => byUnit(board.data?.warnings ?? []), [board.data]);

  if (board.error) return <Alert color="red" title="无法读取预警">{board.error}</Alert>;
  if (!board.data) return <Loader aria-label="正在读取预警" />;
  const { warnings, unreported } = board.data;
  // Silence is not calm: sheets nobody has reported have no light, so say how many there are.
  const unreportedNote = unreported > 0 ? `另有 ${unreported} 个项目未填报，填报后才能判断灯色。` : '';
  if (warnings.length === 0) {
    return (
      <EmptyNotice
        title="本轮没有红灯、黄灯项目"
        description={unreportedNote || '预算执行进度和绩效目标完成进度都在正常范围内。'}
      />
    );
  }
  const red = warnings.filter((w) => w.attention === 'red').length;
  return (
    <Stack gap="md">
      <Text size="sm" role="status">
        红灯项目 {red} 个，黄灯项目 {warnings.length - red} 个，涉及 {groups.length} 个单位。红灯、黄灯按预算执行和目标实现中较差的一项。{unreportedNote}
      </Text>
      {groups.map((group) => (
        <Stack key={group.unitCode} gap={6}>
          <Title order={3} size="h5">
            {group.unitName}（{group.rows.length} 个）
          </Title>
          <Table withTableBorder aria-label={`${group.unitName}预警项目`} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={220}>项目</Table.Th>
                <Table.Th w={90}>预算执行</Table.Th>
                <Table.Th w={90}>目标实现</Table.Th>
                <Table.Th w={170}>亮灯指标</Table.Th>
                <Table.Th>偏差原因</Table.Th>
                <Table.Th>纠偏措施</Table.Th>
                <Table.Th w={70}>状态</Table.Th>
                <Table.Th w={170}>后续处理</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.rows.map((w) => (
                <Table.Tr key={w.sheetId}>
                  <Table.Td>
                    <Anchor href={routeHref('monitoring', 'sheet', w.sheetId)} size="sm">
                      {w.projectName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {w.projectCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <LightBadge light={w.budgetLight} />
                    <Text size="xs" c="dimmed">
                      执行率 {w.executionRate}%
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <LightBadge light={w.projectLight} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{w.indicators.map((i) => i.name).join('、') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{w.reasons.join('；') || <Text span c="red" size="sm">未填写</Text>}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{w.measures.join('；') || <Text span c="red" size="sm">未填写</Text>}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{WORKFLOW_LABELS[w.status]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <NextStepsCell warning={w} onRectify={() => setRectifying(w)} onAdjust={() => setAdjusting(w)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      <Group className="no-print">
        <Button variant="subtle" onClick={() => window.print()}>
          打印预警清单
        </Button>
      </Group>
      {rectifying && <RectificationModal warning={rectifying} onClose={() => setRectifying(null)} onDone={board.reload} />}
      {adjusting && <AdjustmentModal warning={adjusting} onClose={() => setAdjusting(null)} onDone={board.reload} />}
    </Stack>
  );
}
