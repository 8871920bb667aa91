import { Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { SelfEvaluationTask } from '../../../../electron/selfEvaluation/contract';
import { Locked } from '../monitoring/Locked';

/** 年度主要任务 of the 部门整体支出绩效自评表: each approved task with its amount and what the unit reports done. */
export function TasksSection({
  tasks,
  completions,
  canEdit,
  attempted,
  onCompletion,
}: {
  tasks: readonly SelfEvaluationTask[];
  completions: readonly string[];
  canEdit: boolean;
  attempted: boolean;
  onCompletion: (n: number, value: string) => void;
}) {
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        年度主要任务
      </Title>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          批复的部门整体绩效目标没有列出年度主要任务，本表不需填写完成情况。
        </Text>
      ) : (
        <Table withTableBorder withColumnBorders aria-label="年度主要任务" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>部门职能</Table.Th>
              <Table.Th>任务名称</Table.Th>
              <Table.Th w={130} ta="right">预算数（万元）</Table.Th>
              <Table.Th w={380}>完成情况</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task, n) => {
              const label = `任务“${task.task}”的完成情况`;
              const value = completions[n] ?? '';
              return (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.function || '—'}</Table.Td>
                  <Table.Td>{task.task}</Table.Td>
                  <Table.Td ta="right">{task.amountFen > 0 ? formatWanYuan(task.amountFen) : '—'}</Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <Textarea size="xs" aria-label={label} value={value} onChange={(e) => onCompletion(n, e.currentTarget.value)} error={attempted && value.trim() === '' ? '请填写完成情况' : null} autosize minRows={1} />
                    ) : (
                      <Locked label={label} text={value} multiline />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
