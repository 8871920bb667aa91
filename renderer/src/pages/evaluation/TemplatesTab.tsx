// 评价模板: the templates by version, and a tree editor whose problems show at their node while typing
// (the domain's validateTemplate, which the service enforces). A frozen version — one an evaluation was
// scored on — is read-only; 另存为新版本 edits a copy that saves as the next version.
import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  isLeaf,
  placedNodes,
  problemsAt,
  RULE_LABELS,
  RULE_TYPES,
  TEMPLATE_KIND_LABELS,
  validateTemplate,
  type PlacedNode,
  type Rule,
  type RuleType,
  type Step,
  type TemplateNode,
} from '../../../../electron/domain/evaluation';
import type { TemplateVersion } from '../../../../electron/evaluation/contract';
import { invoke } from '../../api';
import { notifyError, notifySuccess } from '../../components/notify';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import { addChild, addTopLevel, removeNode, ruleOfType, updateNode } from './treeEdit';

export const templateLabel = (t: Pick<TemplateVersion, 'name' | 'version' | 'kind'>) => `${t.name} 第 ${t.version} 版（${TEMPLATE_KIND_LABELS[t.kind]}）`;

export function TemplatesTab() {
  const templates = useInvoke('evaluation.templates', {});
  const [selected, setSelected] = useState<string | null>(null);
  if (templates.error) return <Alert color="red" title="无法读取评价模板">{templates.error}</Alert>;
  if (!templates.data) return <Loader aria-label="正在读取评价模板" />;
  const current = templates.data.find((t) => t.id === selected) ?? templates.data[0];
  return (
    <Stack gap="md">
      <Table aria-label="评价模板列表" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>模板名称</Table.Th>
            <Table.Th w={90}>类型</Table.Th>
            <Table.Th w={70} ta="center">版本</Table.Th>
            <Table.Th w={170}>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.data.map((t) => (
            <Table.Tr key={t.id} bg={t.id === current?.id ? 'var(--mantine-color-blue-light)' : undefined}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setSelected(t.id)} aria-label={`打开模板：${templateLabel(t)}`}>
                  {t.name}
                </Button>
              </Table.Td>
              <Table.Td>{TEMPLATE_KIND_LABELS[t.kind]}</Table.Td>
              <Table.Td ta="center">{t.version}</Table.Td>
              <Table.Td>{t.frozen ? <Badge color="gray" variant="light">已使用（{t.usedBy} 项评价），只读</Badge> : <Badge color="teal" variant="light">可修改</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {current && (
        <TemplateEditor
          key={`${current.id}:${current.updatedAt}`}
          template={current}
          onSaved={async (saved) => {
            await templates.reload();
            setSelected(saved.id);
          }}
        />
      )}
    </Stack>
  );
}

function TemplateEditor({ template, onSaved }: { template: TemplateVersion; onSaved: (saved: TemplateVersion) => Promise<void> }) {
  const [tree, setTree] = useState<TemplateNode[]>(template.tree);
  const [name, setName] = useState(template.name);
  const [copying, setCopying] = useState(false);
  const [busy, setBusy] = useState(false);
  const allowance = useAllowed('review');
  const canEdit = allowance.allowed && (!template.frozen || copying);
  const problems = useMemo(() => validateTemplate(template.kind, tree), [template.kind, tree]);
  const dirty = JSON.stringify(tree) !== JSON.stringify(template.tree) || name !== template.name;
  // Leaving with an edited tree asks first; a template is small enough to keep no draft of.
  useUnsavedWork({ dirty: canEdit && dirty });

  async function save() {
    setBusy(true);
    try {
      const saved = await invoke('evaluation.saveTemplate', { id: template.id, kind: template.kind, name, tree });
      notifySuccess(saved.id === template.id ? '模板已保存' : `已保存为“${saved.name}”第 ${saved.version} 版`, '已保存');
      await onSaved(saved);
    } catch (error) {
      notifyError(error, '模板没有保存');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="模板内容">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            {canEdit ? (
              <TextInput label="模板名称" value={name} onChange={(e) => setName(e.currentTarget.value)} w={380} description="改名后保存为一个新模板" />
            ) : (
              <Title order={2} size="h4">{templateLabel(template)}</Title>
            )}
          </Group>
          <Group gap="xs">
            {template.frozen && !copying && (
              <Button variant="default" onClick={() => setCopying(true)} disabled={!allowance.allowed}>
                另存为新版本
              </Button>
            )}
            {canEdit && (
              <Button onClick={() => void save()} loading={busy} disabled={problems.length > 0 || !dirty}>
                {template.frozen ? '保存为新版本' : '保存模板'}
              </Button>
            )}
          </Group>
        </Group>
        <NotAllowedNote allowance={allowance} />
        {template.frozen && !copying && (
          <Text size="sm" c="dimmed">该版本已被评价使用，已冻结不能修改；如需调整，请“另存为新版本”，已有评价仍按原版本计分。</Text>
        )}
        {problemsAt(problems, null).map((p) => (
          <Text key={p} size="sm" c="red" role="alert">{p}</Text>
        ))}
        <TreeTable tree={tree} canEdit={canEdit} problems={problems} onChange={setTree} />
        {canEdit && (
          <Group>
            <Button variant="light" size="xs" onClick={() => setTree((t) => addTopLevel(t))}>
              添加一级指标
            </Button>
            <Text size="sm" c={problems.length ? 'red' : 'teal'} role="status">
              {problems.length ? `还有 ${problems.length} 处需要改正` : '模板检查通过'}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const LEVEL_LABELS = ['一级指标', '二级指标', '三级指标'];

function TreeTable({ tree, canEdit, problems, onChange }: { tree: TemplateNode[]; canEdit: boolean; problems: ReturnType<typeof validateTemplate>; onChange: (tree: TemplateNode[]) => void }) {
  const edit = (path: string, change: (node: TemplateNode) => TemplateNode) => onChange(updateNode(tree, path, change));
  return (
    <Table withTableBorder withColumnBorders aria-label="指标体系">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>指标</Table.Th>
          <Table.Th w={90}>分值</Table.Th>
          <Table.Th>评分规则</Table.Th>
          {canEdit && <Table.Th w={150}>操作</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {placedNodes(tree).map((placed) => (
          <NodeRow key={placed.path} placed={placed} canEdit={canEdit} errors={problemsAt(problems, placed.path)} edit={(change) => edit(placed.path, change)} onAddChild={() => onChange(addChild(tree, placed.path))} onRemove={() => onChange(removeNode(tree, placed.path))} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NodeRow({ placed, canEdit, errors, edit, onAddChild, onRemove }: { placed: PlacedNode; canEdit: boolean; errors: string[]; edit: (change: (node: TemplateNode) => TemplateNode) => void; onAddChild: () => void; onRemove: () => void }) {
  const { node, level, path } = placed;
  const label = `${LEVEL_LABELS[level - 1] ?? '指标'} ${path}`;
  return (
    <Table.Tr aria-label={`${label} ${node.name}`}>
      <Table.Td style={{ paddingLeft: 8 + (level - 1) * 24 }}>
        {canEdit ? (
          <TextInput size="xs" aria-label={`${label} 名称`} value={node.name} onChange={(e) => { const v = e.currentTarget.value; edit((n) => ({ ...n, name: v })); }} fw={level === 1 ? 700 : undefined} />
        ) : (
          <Text size="sm" fw={level === 1 ? 700 : level === 2 ? 600 : 400}>{node.name}</Text>
        )}
        {errors.map((e) => (
          <Text key={e} size="xs" c="red" role="alert">{e}</Text>
        ))}
      </Table.Td>
      <Table.Td>
        {canEdit ? <TextInput size="xs" aria-label={`${label} 分值`} value={node.points} onChange={(e) => { const v = e.currentTarget.value; edit((n) => ({ ...n, points: v })); }} /> : <Text size="sm" ta="right">{node.points}</Text>}
      </Table.Td>
      <Table.Td>{isLeaf(node) ? <RuleEditor rule={node.rule} points={node.points} canEdit={canEdit} label={label} onChange={(rule) => edit((n) => ({ ...n, rule }))} /> : <Text size="xs" c="dimmed">由下级指标得分相加</Text>}</Table.Td>
      {canEdit && (
        <Table.Td>
          <Group gap={4}>
            {level < 3 && (
              <Button size="compact-xs" variant="subtle" onClick={onAddChild}>
                添加下级
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} aria-label={`删除 ${label}`}>
              删除
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** A rule as text: 「评价人打分 0–3 分」, 「分档计分 [0, 60) 0 分 …」. */
export function ruleText(rule: Rule | undefined): string {
  if (!rule) return '未设评分规则';
  switch (rule.type) {
    case 'proportional':
      return `${RULE_LABELS[rule.type]}（分值 × 实际值 ÷ 目标值，最高得满分）`;
    case 'step-table':
      return `${RULE_LABELS[rule.type]}：${rule.steps.map((s) => `${s.to ? `[${s.from}, ${s.to})` : `${s.from} 及以上`} 得 ${s.points} 分`).join('；')}`;
    case 'deduct-per-unit':
      return `${RULE_LABELS[rule.type]}：每次扣 ${rule.perUnit} 分，最低 ${rule.floor} 分`;
    case 'manual':
      return `${RULE_LABELS[rule.type]}：${rule.min}–${rule.max} 分`;
  }
}

function RuleEditor({ rule, points, canEdit, label, onChange }: { rule: Rule | undefined; points: string; canEdit: boolean; label: string; onChange: (rule: Rule) => void }) {
  if (!canEdit) return <Text size="sm">{ruleText(rule)}</Text>;
  const param = (name: string, value: string, set: (v: string) => void) => <TextInput size="xs" w={80} aria-label={`${label} ${name}`} placeholder={name} value={value} onChange={(e) => set(e.currentTarget.value)} />;
  return (
    <Stack gap={4}>
      <Select size="xs" w={150} aria-label={`${label} 评分规则`} placeholder="选择评分规则" data={RULE_TYPES.map((t) => ({ value: t, label: RULE_LABELS[t] }))} value={rule?.type ?? null} onChange={(t) => t && onChange(ruleOfType(t as RuleType, points))} allowDeselect={false} />
      {rule?.type === 'manual' && (
        <Group gap={4}>
          {param('最低分', rule.min, (min) => onChange({ ...rule, min }))}
          <Text size="xs">至</Text>
          {param('最高分', rule.max, (max) => onChange({ ...rule, max }))}
        </Group>
      )}
      {rule?.type === 'deduct-per-unit' && (
        <Group gap={4}>
          <Text size="xs">每次扣</Text>
          {param('每次扣分', rule.perUnit, (perUnit) => onChange({ ...rule, perUnit }))}
          <Text size="xs">最低</Text>
          {param('最低得分', rule.floor, (floor) => onChange({ ...rule, floor }))}
        </Group>
      )}
      {rule?.type === 'step-table' && <StepsEditor steps={rule.steps} label={label} onChange={(steps) => onChange({ ...rule, steps })} />}
    </Stack>
  );
}

function StepsEditor({ steps, label, onChange }: { steps: Step[]; label: string; onChange: (steps: Step[]) => void }) {
  const set = (i: number, patch: Partial<Step>) => onChange(steps.map((s, n) => (n === i ? { ...s, ...patch } : s)));
  const field = (i: number, key: keyof Step, name: string) => (
    <TextInput size="xs" w={70} aria-label={`${label} 第 ${i + 1} 档${name}`} placeholder={name} value={steps[i]![key]} onChange={(e) => { const v = e.currentTarget.value; set(i, { [key]: v }); }} />
  );
  return (
    <Stack gap={2}>
      {steps.map((_, i) => (
        <Group gap={4} key={i}>
          {field(i, 'from', '下限')}
          <Text size="xs">≤ 值 &lt;</Text>
          {field(i, 'to', '上限')}
          <Text size="xs">得</Text>
          {field(i, 'points', '得分')}
          <ActionIcon size="sm" variant="subtle" color="red" aria-label={`${label} 删除第 ${i + 1} 档`} onClick={() => onChange(steps.filter((__, n) => n !== i))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => onChange([...steps, { from: steps[steps.length - 1]?.to ?? '0', to: '', points: '' }])}>
        添加分档
      </Button>
    </Stack>
  );
}
