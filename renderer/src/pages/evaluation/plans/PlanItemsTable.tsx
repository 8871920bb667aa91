import { Anchor, Badge, Button, CloseButton, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { formatWanYuan } from '../../../../../electron/domain/money';
import type { PlanItem, PlanProjectRow } from '../../../../../electron/evaluation/plans/contract';
import { invoke } from '../../../api';
import { notifyError, notifySuccess } from '../../../components/notify';
import { WorkflowStatusBadge } from '../../../components/WorkflowStatusBadge';
import { routeHref } from '../../../router';
import { AssignModal } from './AssignModal';

/** The plan's projects, each with why it was chosen and its evaluators; removal asks first. */
export function PlanItemsTable({ items, projects, canEnter, onChanged }: { items: readonly PlanItem[]; projects: readonly PlanProjectRow[]; canEnter: boolean; onChanged: () => Promise<void> }) {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const [assigning, setAssigning] = useState<{ item: PlanItem; project: PlanProjectRow } | null>(null);
  return (
    <>
      <Table withTableBorder withColumnBorders aria-label="评价计划项目" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>项目编码</Table.Th>
            <Table.Th miw={150}>项目名称</Table.Th>
            <Table.Th w={150}>实施单位</Table.Th>
            <Table.Th w={130} ta="right">调整后预算（万元）</Table.Th>
            <Table.Th w={180}>入选原因</Table.Th>
            <Table.Th w={230}>评价人员</Table.Th>
            <Table.Th w={120}>评价</Table.Th>
            {canEnter && <Table.Th w={130} className="no-print">操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const project = byId.get(item.projectId)!;
            return (
              <Table.Tr key={item.id}>
                <Table.Td>{project.code}</Table.Td>
                <Table.Td>{project.name}</Table.Td>
                <Table.Td>{project.unitName}</Table.Td>
                <Table.Td ta="right">{formatWanYuan(project.adjustedFen)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{item.reason}</Text>
                </Table.Td>
                <Table.Td>
                  {item.evaluators.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      未指派
                    </Text>
                  ) : (
                    <Stack gap={2}>
                      {item.evaluators.map((e) => (
                        <Group key={e.id} gap={4} wrap="nowrap">
                          <Badge variant="light" color={e.firmId ? 'grape' : e.role === '组长' ? 'blue' : 'gray'} size="sm">
                            {e.role}
                          </Badge>
                          <Text size="sm">
                            {e.name}
                            {e.expertId && <Text span size="xs" c="dimmed">（{e.organisation}）</Text>}
                          </Text>
                          {canEnter && <CloseButton size="xs" className="no-print" aria-label={`撤销 ${e.name}`} onClick={() => confirmUnassign(e.id, e.name, project.name, onChanged)} />}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  {item.evaluation ? (
                    <Group gap={4} wrap="nowrap">
                      <Anchor size="sm" href={routeHref('evaluation', 'edit', item.evaluation.id)}>
                        {item.evaluation.grade ?? '打开'}
                      </Anchor>
                      <WorkflowStatusBadge status={item.evaluation.status} />
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      未开始
                    </Text>
                  )}
                </Table.Td>
                {canEnter && (
                  <Table.Td className="no-print">
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setAssigning({ item, project })} aria-label={`指派 ${project.name}`}>
                        指派
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => confirmRemove(item, project, onChanged)} aria-label={`移除 ${project.name}`}>
                        移除
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {assigning && <AssignModal item={assigning.item} project={assigning.project} onClose={() => setAssigning(null)} onAssigned={onChanged} />}
    </>
  );
}

function confirmRemove(item: PlanItem, project: PlanProjectRow, onChanged: () => Promise<void>) {
  modals.openConfirmModal({
    title: `移出评价计划：${project.name}`,
    children: (
      <Text size="sm" lh={1.7}>
        该项目（{project.code}，入选原因：{item.reason}）将移出本年度评价计划{item.evaluators.length > 0 ? `，已指派的 ${item.evaluators.length} 名评价人员一并撤销` : ''}。移出会记入操作日志，之后可按规则或手工重新加入。
      </Text>
    ),
    labels: { confirm: '移出', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await invoke('evaluationPlans.removeItem', { itemId: item.id });
        await onChanged();
        notifySuccess(`${project.code} ${project.name}`, '已移出评价计划');
      } catch (error) {
        notifyError(error, '没有移出');
      }
    },
  });
}

export function confirmUnassign(id: string, name: string, projectName: string, onChanged: () => Promise<void>) {
  modals.openConfirmModal({
    title: `撤销评价人员：${name}`,
    children: <Text size="sm">撤销 {name} 对“{projectName}”的评价指派？撤销会记入操作日志。</Text>,
    labels: { confirm: '撤销', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await invoke('evaluationPlans.unassign', { id });
        await onChanged();
      } catch (error) {
        notifyError(error, '没有撤销');
      }
    },
  });
}
