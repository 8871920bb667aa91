import { ActionIcon, Alert, Button, Group, Loader, MultiSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { framework } from '../../../../electron/domain/indicators';
import { formatWanYuan } from '../../../../electron/domain/money';
import { checkDepartmentTargets, type DepartmentBudget } from '../../../../electron/domain/targets';
import { targetQualityWarnings } from '../../../../electron/domain/targetQuality';
import type { CheckedDepartmentTarget } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { ContentEditor } from './ContentEditor';
import { areaMessages, budgetOf, budgetTexts, contentOf, contentState, fieldProblems, moneyField, newKey, taskStates, tasksOf, withFreshKeys, type BudgetTexts, type TaskState } from './targetForm';
import { DepartmentTargetSheet } from './TargetSheet';
import { EditingWarnings, ReviewWarnings } from './TargetQualityPanel';
import { TargetEditorFrame, useTargetDraft } from './TargetEditorFrame';

const BUDGET_FIELDS: [keyof DepartmentBudget, string][] = [
  ['basicFen', '基本支出'],
  ['projectFen', '项目支出'],
  ['fiscalFen', '财政拨款'],
  ['otherFen', '其他资金'],
];

/** 部门整体支出绩效目标表 of one unit and year. */
export function DepartmentTargetEditor({ year, unitCode }: { year: number; unitCode: string }) {
  const target = useInvoke('targets.department', { year, unitCode });
  if (target.error) {
    return (
      <Alert color="red" title="无法打开部门整体支出绩效目标">
        {target.error}
      </Alert>
    );
  }
  if (!target.data) return <Loader aria-label="正在读取部门整体支出绩效目标" />;
  return <Editor key={`${target.data.id}-${target.data.version}`} target={target.data} reload={target.reload} />;
}

function Editor({ target, reload }: { target: CheckedDepartmentTarget; reload: () => Promise<void> }) {
  const draft = useTargetDraft(target);
  const [content, setContent] = useState(() => contentState(target));
  const [budget, setBudget] = useState<BudgetTexts>(() => budgetTexts(target));
  const [functions, setFunctions] = useState(target.functions);
  const [tasks, setTasks] = useState<TaskState[]>(() => taskStates(target.tasks));

  const form = { ...contentOf(content), ...budgetOf(budget), functions, tasks: tasksOf(tasks) };
  const parseErrors = [...BUDGET_FIELDS.map(([f]) => moneyField(budget[f]).error), ...tasks.map((t) => moneyField(t.amount).error)].filter(Boolean);
  const problems = checkDepartmentTargets(form, framework(target.frameworkId), { budgetWeight: target.budgetWeight }, new Set(target.projects.map((p) => p.code)));
  const warnings = targetQualityWarnings(form, framework(target.frameworkId), target.quality);
  const budgetProblems = fieldProblems(problems, 'budget');
  const taskTotal = form.tasks.reduce((sum, t) => sum + t.amountFen, 0);
  const show = draft.attempted || draft.dirty;
  const save = () => draft.save((version) => invoke('targets.saveDepartment', { year: target.year, unitCode: target.unit.code, version, ...form }));

  const setTask = (index: number, patch: Partial<TaskState>) => {
    setTasks((now) => now.map((t, i) => (i === index ? { ...t, ...patch } : t)));
    draft.markDirty();
  };
  const projectOptions = target.projects.map((p) => ({ value: p.code, label: `${p.name}（${p.code}，${formatWanYuan(p.adjustedFen)} 万元）` }));

  const editor = (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">
          预算安排（万元）
        </Title>
        <SimpleGrid cols={4}>
          {BUDGET_FIELDS.map(([field, label]) => (
            <TextInput
              key={field}
              label={label}
              value={budget[field]}
              onChange={(e) => {
                setBudget({ ...budget, [field]: e.currentTarget.value });
                draft.markDirty();
              }}
              error={moneyField(budget[field]).error ?? (show ? budgetProblems[field] : undefined)}
              styles={{ input: { textAlign: 'right' } }}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="xs">
          按用途合计 {formatWanYuan(form.basicFen + form.projectFen)} 万元；按来源合计 {formatWanYuan(form.fiscalFen + form.otherFen)} 万元；
          {target.unit.isDepartment ? '本部门及所属单位' : '本单位'}项目调整后预算合计 {formatWanYuan(target.projects.reduce((sum, p) => sum + p.adjustedFen, 0))} 万元
        </Text>
        <Textarea
          mt="md"
          label="职能概述"
          value={functions}
          onChange={(e) => {
            setFunctions(e.currentTarget.value);
            draft.markDirty();
          }}
          error={show ? fieldProblems(problems, 'functions')[''] : undefined}
          autosize
          minRows={2}
          withAsterisk
        />
      </Paper>

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">
            年度主要任务
          </Title>
          <Button size="compact-sm" variant="light" onClick={() => setTasks([...tasks, { key: newKey(), function: '', task: '', projectCodes: [], amount: '' }])}>
            添加任务
          </Button>
        </Group>
        {show && areaMessages(problems, ['tasks']).length > 0 && (
          <Alert color="red" variant="light" p="xs" mb="sm">
            {areaMessages(problems, ['tasks']).join('；')}
          </Alert>
        )}
        <Table withTableBorder layout="fixed" verticalSpacing={4} aria-label="年度主要任务">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>部门职能</Table.Th>
              <Table.Th w={240}>年度任务</Table.Th>
              <Table.Th>对应项目</Table.Th>
              <Table.Th w={150}>金额（万元）</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task, index) => {
              const errors = show ? fieldProblems(problems, 'tasks', index) : {};
              return (
                <Table.Tr key={task.key} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Textarea aria-label={`第 ${index + 1} 项任务的部门职能`} value={task.function} onChange={(e) => setTask(index, { function: e.currentTarget.value })} error={errors.function} autosize minRows={1} />
                  </Table.Td>
                  <Table.Td>
                    <Textarea aria-label={`第 ${index + 1} 项年度任务`} value={task.task} onChange={(e) => setTask(index, { task: e.currentTarget.value })} error={errors.task} autosize minRows={1} />
                  </Table.Td>
                  <Table.Td>
                    <MultiSelect
                      aria-label={`第 ${index + 1} 项任务的对应项目`}
                      data={projectOptions}
                      value={task.projectCodes}
                      onChange={(projectCodes) => setTask(index, { projectCodes })}
                      error={errors.projectCodes}
                      searchable
                      nothingFoundMessage="本单位没有匹配的项目"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`第 ${index + 1} 项任务的金额`}
                      value={task.amount}
                      onChange={(e) => setTask(index, { amount: e.currentTarget.value })}
                      error={moneyField(task.amount).error ?? errors.amountFen}
                      styles={{ input: { textAlign: 'right' } }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" mt={4} aria-label={`删除第 ${index + 1} 项任务`} onClick={() => setTasks(tasks.filter((_, i) => i !== index))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed" mt="xs">
          任务金额合计 {formatWanYuan(taskTotal)} 万元，应等于项目支出 {formatWanYuan(form.projectFen)} 万元
        </Text>
      </Paper>

      <Paper withBorder p="md">
        <ContentEditor
          state={content}
          onChange={(next) => {
            setContent(next);
            draft.markDirty();
          }}
          problems={problems}
          frameworkId={target.frameworkId}
          attempted={draft.attempted}
          projectTypeCode={null}
          goalHint="本单位履行职能、完成年度工作任务要达到的总体产出和效果"
          notes={<EditingWarnings warnings={warnings} />}
        />
      </Paper>
    </Stack>
  );

  return (
    <TargetEditorFrame
      draft={draft}
      kept={{
        key: `department-target:${target.year}:${target.unit.code}`,
        value: { content, budget, functions, tasks },
        restore: (kept) => {
          setContent(withFreshKeys(kept.content));
          setBudget(kept.budget);
          setFunctions(kept.functions);
          setTasks(kept.tasks.map((task) => ({ ...task, key: newKey() })));
        },
      }}
      title="部门整体支出绩效目标表"
      description={`${target.year} 年 · ${target.unit.name}（${target.unit.code}）`}
      back={{ href: routeHref('targets', 'departments', String(target.year)), label: '返回单位列表' }}
      problemCount={problems.length + parseErrors.length}
      onSave={save}
      reload={reload}
      content={contentOf(content)}
      keyProject={false}
      projectTypeCode={null}
      reviewNotes={<ReviewWarnings warnings={target.warnings} />}
      form={editor}
      sheet={<DepartmentTargetSheet target={{ ...target, ...form }} />}
    />
  );
}
