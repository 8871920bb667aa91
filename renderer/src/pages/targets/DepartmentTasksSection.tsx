// 年度主要任务 of 部门整体支出绩效目标申报表 (88号 annex 2): 任务名称, 主要内容 and 预算金额 as 总额 / 财政拨款 /
// 其他资金, each linked to its function and the unit's projects; the task amounts add up to the whole budget
// (基本支出 + 项目支出), which the form says while the user types.
import { ActionIcon, Alert, Button, Group, MultiSelect, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { formatWanYuan, type Fen } from '../../../../electron/domain/money';
import type { DepartmentBudget, TargetProblem } from '../../../../electron/domain/targets';
import type { DepartmentTarget } from '../../../../electron/targets/contract';
import { areaMessages, fieldProblems, moneyField, newKey, tasksOf, type TaskState } from './targetForm';

const right = { input: { textAlign: 'right' as const } };

export function DepartmentTasksSection({
  tasks,
  onChange,
  problems,
  budget,
  projects,
  show,
}: {
  tasks: TaskState[];
  onChange: (next: TaskState[]) => void;
  problems: readonly TargetProblem[];
  budget: DepartmentBudget;
  projects: DepartmentTarget['projects'];
  /** Whether the domain's messages show yet (the form was changed, or the user tried to save or submit). */
  show: boolean;
}) {
  const setTask = (index: number, patch: Partial<TaskState>) => onChange(tasks.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const amounts = tasksOf(tasks);
  const total = amounts.reduce((sum, t) => sum + t.amountFen, 0);
  const whole: Fen = budget.basicFen + budget.projectFen;
  const projectOptions = projects.map((p) => ({ value: p.code, label: `${p.name}（${p.code}，${formatWanYuan(p.adjustedFen)} 万元）` }));
  const messages = show ? areaMessages(problems, ['tasks']) : [];

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          年度主要任务
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => onChange([...tasks, { key: newKey(), function: '', task: '', content: '', projectCodes: [], fiscal: '', other: '' }])}>
          添加任务
        </Button>
      </Group>
      {messages.length > 0 && (
        <Alert color="red" variant="light" p="xs" mb="sm" role="alert" aria-label="年度主要任务问题">
          {messages.join('；')}
        </Alert>
      )}
      <Table withTableBorder layout="fixed" verticalSpacing={4} horizontalSpacing={4} aria-label="年度主要任务">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>部门职能</Table.Th>
            <Table.Th w={170}>任务名称</Table.Th>
            <Table.Th>主要内容</Table.Th>
            <Table.Th w={190}>对应项目</Table.Th>
            <Table.Th w={110}>财政拨款（万元）</Table.Th>
            <Table.Th w={110}>其他资金（万元）</Table.Th>
            <Table.Th w={100} ta="right">
              总额（万元）
            </Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task, index) => {
            const errors = show ? fieldProblems(problems, 'tasks', index) : {};
            const label = (what: string) => `第 ${index + 1} 项任务的${what}`;
            return (
              <Table.Tr key={task.key} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Textarea aria-label={label('部门职能')} value={task.function} onChange={(e) => setTask(index, { function: e.currentTarget.value })} error={errors.function} autosize minRows={1} />
                </Table.Td>
                <Table.Td>
                  <Textarea aria-label={label('任务名称')} value={task.task} onChange={(e) => setTask(index, { task: e.currentTarget.value })} error={errors.task} autosize minRows={1} />
                </Table.Td>
                <Table.Td>
                  <Textarea aria-label={label('主要内容')} value={task.content} onChange={(e) => setTask(index, { content: e.currentTarget.value })} error={errors.content} autosize minRows={1} />
                </Table.Td>
                <Table.Td>
                  <MultiSelect
                    aria-label={label('对应项目')}
                    data={projectOptions}
                    value={task.projectCodes}
                    onChange={(projectCodes) => setTask(index, { projectCodes })}
                    error={errors.projectCodes}
                    searchable
                    nothingFoundMessage="本单位没有匹配的项目"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={label('财政拨款')} value={task.fiscal} onChange={(e) => setTask(index, { fiscal: e.currentTarget.value })} error={moneyField(task.fiscal).error ?? errors.fiscalFen} styles={right} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={label('其他资金')} value={task.other} onChange={(e) => setTask(index, { other: e.currentTarget.value })} error={moneyField(task.other).error} styles={right} />
                </Table.Td>
                <Table.Td ta="right" pt={10} aria-label={label('总额')}>
                  {formatWanYuan(amounts[index]!.amountFen)}
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" mt={4} aria-label={`删除第 ${index + 1} 项任务`} onClick={() => onChange(tasks.filter((_, i) => i !== index))}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" c={total === whole ? 'dimmed' : 'orange.8'} mt="xs" aria-label="任务金额合计">
        任务金额合计 {formatWanYuan(total)} 万元，应等于部门预算总额 {formatWanYuan(whole)} 万元（基本支出 {formatWanYuan(budget.basicFen)} + 项目支出 {formatWanYuan(budget.projectFen)}）
      </Text>
    </>
  );
}
