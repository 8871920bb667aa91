// 评价: the year's evaluations with their kind, subject, total, grade and status, and 新建评价.
import { Alert, Button, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { EVALUATION_KIND_LABELS, EVALUATION_KINDS, type EvaluationKind } from '../../../../electron/domain/evaluation';
import type { EvaluationListRow, EvaluationSubjects } from '../../../../electron/evaluation/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { notifyError } from '../../components/notify';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { navigate, routeHref } from '../../router';
import { templateLabel } from './TemplatesTab';

const dash = <Text span c="dimmed" size="sm">—</Text>;

export function EvaluationList({ year }: { year: number }) {
  const list = useInvoke('evaluation.list', { year });
  const evaluate = useAllowed('evaluate');
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <Stack gap="sm">
      {list.error && <Alert color="red" title="无法读取评价列表">{list.error}</Alert>}
      {!list.data && !list.error && <Loader aria-label="正在读取评价列表" />}
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed" role="status">
          {rows.length > 0 ? `${year} 年共 ${rows.length} 项评价` : ''}
        </Text>
        <Button onClick={() => setCreating(true)} disabled={!evaluate.allowed}>
          新建评价
        </Button>
      </Group>
      <NotAllowedNote allowance={evaluate} />
      {list.data && rows.length === 0 && (
        <EmptyNotice
          title="还没有绩效评价"
          description={`${year} 年还没有部门评价或财政评价。点“新建评价”，选择评价类型、评价模板和评价计划中的项目（不在计划中的项目会在确认后手动加入计划；部门整体评价选择单位），再逐项打分；评价模板可在“评价模板”中查看和调整。`}
        />
      )}
      {rows.length > 0 && <EvaluationTable rows={rows} />}
      {creating && <CreateEvaluation year={year} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function EvaluationTable({ rows }: { rows: EvaluationListRow[] }) {
  return (
    <Table striped highlightOnHover aria-label="评价列表">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>评价类型</Table.Th>
          <Table.Th w={140}>项目编码</Table.Th>
          <Table.Th>项目（单位）名称</Table.Th>
          <Table.Th>实施单位</Table.Th>
          <Table.Th>评价模板</Table.Th>
          <Table.Th w={80} ta="right">总分</Table.Th>
          <Table.Th w={60} ta="center">等级</Table.Th>
          <Table.Th w={90} ta="center">状态</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{EVALUATION_KIND_LABELS[r.kind]}</Table.Td>
            <Table.Td>{r.subjectCode}</Table.Td>
            <Table.Td>
              <a href={routeHref('evaluation', 'edit', r.id)}>{r.subjectName}</a>
            </Table.Td>
            <Table.Td>{r.unitName}</Table.Td>
            <Table.Td>{`${r.templateName} 第 ${r.templateVersion} 版`}</Table.Td>
            <Table.Td ta="right">{r.totalScore ?? dash}</Table.Td>
            <Table.Td ta="center">{r.grade ?? dash}</Table.Td>
            <Table.Td ta="center">
              <WorkflowStatusBadge status={r.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 新建评价: the kind, the template version, and the project (or, on a department-wide template, the unit). */
function CreateEvaluation({ year, onClose }: { year: number; onClose: () => void }) {
  const templates = useInvoke('evaluation.templates', {});
  const subjects = useInvoke('evaluation.subjects', { year });
  // 财政评价 is the bureau's: a 主管部门审核人 is offered 部门评价 only (the service refuses the other).
  const kinds = useSession().operator.role === 'department' ? (['department-evaluation'] as const) : EVALUATION_KINDS;
  const [kind, setKind] = useState<EvaluationKind | null>(kinds.length === 1 ? kinds[0] : null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates.data?.find((t) => t.id === templateId);
  const planned = new Set(kind ? subjects.data?.planned[kind] : []);
  const projectChoice = (p: EvaluationSubjects['projects'][number]) => ({ value: p.id, label: `${p.code} ${p.name}（${p.unitName}）` });
  const projects = subjects.data?.projects ?? [];
  // The plan's projects come first; one outside it is added to the plan by hand once the user agrees.
  const subjectChoices =
    template?.kind === 'department'
      ? (subjects.data?.units ?? []).map((u) => ({ value: u.code, label: `${u.code} ${u.name}` }))
      : [
          { group: `${year} 年${kind ? EVALUATION_KIND_LABELS[kind] : ''}计划中的项目`, items: projects.filter((p) => planned.has(p.id)).map(projectChoice) },
          { group: '不在计划中的项目（新建时手动加入计划）', items: projects.filter((p) => !planned.has(p.id)).map(projectChoice) },
        ].filter((g) => g.items.length > 0);

  async function create(addToPlan: boolean) {
    if (!kind || !template || !subject) return;
    setBusy(true);
    try {
      const target = template.kind === 'department' ? { unitCode: subject } : { projectId: subject, addToPlan };
      const created = await invoke('evaluation.create', { kind, year, templateId: template.id, ...target });
      navigate('evaluation', 'edit', created.id);
    } catch (error) {
      notifyError(error, '没有新建评价');
      setBusy(false);
    }
  }

  function confirmCreate() {
    const project = projects.find((p) => p.id === subject);
    if (template?.kind === 'department' || !project || planned.has(project.id)) return void create(false);
    modals.openConfirmModal({
      title: '加入评价计划',
      children: (
        <Text size="sm" lh={1.7}>
          “{project.code} {project.name}”不在 {year} 年{EVALUATION_KIND_LABELS[kind!]}计划中。新建评价会把它手动加入计划（入选原因“手动添加”，记入操作日志），计入评价覆盖面。
        </Text>
      ),
      labels: { confirm: '加入计划并新建', cancel: '取消' },
      onConfirm: () => void create(true),
    });
  }

  return (
    <Modal opened onClose={onClose} title={`新建 ${year} 年绩效评价`} size="lg">
      <Stack gap="sm">
        <Select
          label="评价类型"
          placeholder="请选择"
          data={kinds.map((k) => ({ value: k, label: EVALUATION_KIND_LABELS[k] }))}
          value={kind}
          onChange={(v) => {
            setKind(v as EvaluationKind | null);
            setSubject(null);
          }}
        />
        <Select
          label="评价模板"
          placeholder="请选择"
          data={(templates.data ?? []).map((t) => ({ value: t.id, label: templateLabel(t) }))}
          value={templateId}
          onChange={(v) => {
            setTemplateId(v);
            setSubject(null);
          }}
        />
        <Select
          label={template?.kind === 'department' ? '被评价单位' : '被评价项目'}
          placeholder={template && kind ? '请选择（可输入编码或名称查找）' : '请先选择评价类型和评价模板'}
          data={subjectChoices}
          value={subject}
          onChange={setSubject}
          searchable
          disabled={!template || !kind}
          nothingFoundMessage={template?.kind === 'department' ? '没有可评价的单位' : `${year} 年没有可评价的项目`}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={confirmCreate} loading={busy} disabled={!kind || !template || !subject}>
            新建并打分
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
