import { Alert, Loader, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { framework } from '../../../../electron/domain/indicators';
import { formatWanYuan } from '../../../../electron/domain/money';
import { checkDepartmentTargets, unitProjectSpending, type DepartmentBudget } from '../../../../electron/domain/targets';
import { targetQualityWarnings } from '../../../../electron/domain/targetQuality';
import type { CheckedDepartmentTarget } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { ContentEditor } from './ContentEditor';
import { DepartmentTasksSection } from './DepartmentTasksSection';
import { budgetOf, budgetTexts, contentOf, contentState, fieldProblems, moneyField, newKey, taskStates, tasksOf, withFreshKeys, type BudgetTexts, type TaskState } from './targetForm';
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
  const parseErrors = [...BUDGET_FIELDS.map(([f]) => moneyField(budget[f]).error), ...tasks.flatMap((t) => [moneyField(t.fiscal).error, moneyField(t.other).error])].filter(Boolean);
  const unitProjects = unitProjectSpending(target.projects, target.unit.code);
  const problems = checkDepartmentTargets(form, framework(target.frameworkId), { budgetWeight: target.budgetWeight }, {
    linkableProjectCodes: new Set(target.projects.map((p) => p.code)),
    unitProjects,
  });
  const warnings = targetQualityWarnings(form, framework(target.frameworkId), target.quality);
  const budgetProblems = fieldProblems(problems, 'budget');
  const show = draft.attempted || draft.dirty;
  const save = () => draft.save((version) => invoke('targets.saveDepartment', { year: target.year, unitCode: target.unit.code, version, ...form }));


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
          本单位实施的 {unitProjects.count} 个项目调整后预算合计 {formatWanYuan(unitProjects.adjustedFen)} 万元（项目支出应与之相等）
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
        <DepartmentTasksSection
          tasks={tasks}
          onChange={(next) => {
            setTasks(next);
            draft.markDirty();
          }}
          problems={problems}
          budget={form}
          projects={target.projects}
          show={show}
        />
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
