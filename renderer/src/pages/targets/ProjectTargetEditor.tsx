import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { framework } from '../../../../electron/domain/indicators';
import { formatWanYuan } from '../../../../electron/domain/money';
import { adjustedFen } from '../../../../electron/domain/projects';
import { mandatoryProblems } from '../../../../electron/domain/mandatoryIndicators';
import { targetQualityWarnings } from '../../../../electron/domain/targetQuality';
import { checkProjectAnnex, hasMidterm, proposedAnnualSplit } from '../../../../electron/domain/targetAnnex';
import { checkProjectTargets } from '../../../../electron/domain/targets';
import type { CheckedProjectTarget, ProjectTarget, ProjectTypeOption } from '../../../../electron/targets/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { ProjectFormModal } from '../projects/ProjectFormModal';
import { projectMarks } from '../projects/projectList';
import { annexOf, annexParseErrors, annexState, annexWithFreshKeys, type AnnexState } from './annexForm';
import { ContentEditor } from './ContentEditor';
import { annexIndicatorColumns } from './IndicatorAnnexColumns';
import { AnnexDetailsSection, AnnexFundsSection } from './ProjectAnnexSection';
import type { ContentState } from './targetForm';
import { contentOf, contentState, withFreshKeys } from './targetForm';
import { ProjectTargetSheet } from './TargetSheet';
import { EditingWarnings, ReviewWarnings } from './TargetQualityPanel';
import { TargetEditorFrame, useTargetDraft } from './TargetEditorFrame';

/** 项目支出绩效目标申报表 of one project: fill in, submit, review, adjust. */
export function ProjectTargetEditor({ projectId }: { projectId: string }) {
  const target = useInvoke('targets.forProject', { projectId });

  if (target.error) {
    return (
      <Alert color="red" title="无法打开绩效目标">
        {target.error}
      </Alert>
    );
  }
  if (!target.data) return <Loader aria-label="正在读取绩效目标" />;
  return <Editor key={`${target.data.id}-${target.data.version}`} target={target.data} reload={target.reload} />;
}

function Editor({ target, reload }: { target: CheckedProjectTarget; reload: () => Promise<void> }) {
  const { project, unitNames } = target;
  // The answer names the project's unit and department: the page downloads no units list to look them up.
  const unitName = (code: string) => (code === project.unitCode ? unitNames.unit : code === project.departmentCode ? unitNames.department : code);
  const draft = useTargetDraft(target);
  const [state, setState] = useState(() => contentState(target));
  const [annexDraft, setAnnexDraft] = useState<AnnexState>(() => annexState(target.annex, proposedAnnualSplit(project.funds)));
  const [editingProject, setEditingProject] = useState(false);
  const types = useInvoke('projects.types', {});
  const midterm = hasMidterm(project);

  const content = contentOf(state);
  const annex = annexOf(annexDraft);
  const fw = framework(target.frameworkId);
  const problems = [
    ...checkProjectTargets({ ...content, keyProject: project.keyProject, funds: project.funds }, fw, { budgetWeight: target.budgetWeight }),
    ...mandatoryProblems(content.indicators, target.mandatory),
    ...checkProjectAnnex(annex, { annualTotalFen: project.totals.adjustedFen, midterm }, fw),
  ];
  const warnings = targetQualityWarnings(content, fw, target.quality);
  const fundProblems = problems.filter((p) => p.area === 'funds');
  const changeAnnex = (next: AnnexState) => {
    setAnnexDraft(next);
    draft.markDirty();
  };
  const save = () => draft.save((version) => invoke('targets.save', { projectId: project.id, version, ...content, annex }));

  const form = (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Title order={2} size="h5">
              项目信息
            </Title>
            {projectMarks(project).map((m) => (
              <Badge key={m} variant="light" color="grape" size="sm">
                {m}
              </Badge>
            ))}
          </Group>
          <Button size="compact-sm" variant="light" onClick={() => setEditingProject(true)}>
            修改项目信息和资金
          </Button>
        </Group>
        <SimpleGrid cols={4} spacing="xs" verticalSpacing={4}>
          <Field label="项目编码" value={project.code} />
          <Field label="主管部门" value={unitName(project.departmentCode)} />
          <Field label="实施单位" value={unitName(project.unitCode)} />
          <Field label="项目负责人" value={project.personInCharge || '—'} />
          <Field label="项目类别" value={project.category} />
          <Field label="项目属性" value={project.attribute} />
          <Field label="项目期限" value={project.startDate || project.endDate ? `${project.startDate ?? '—'} 至 ${project.endDate ?? '—'}` : '—'} />
          <Field label="项目类型" value={types.data?.find((t) => t.code === project.projectTypeCode)?.name ?? '未选'} />
        </SimpleGrid>
        <FundsTable project={project} />
        <AnnexFundsSection state={annexDraft} onChange={changeAnnex} problems={problems} annualTotalFen={project.totals.adjustedFen} midterm={midterm} />
        {fundProblems.length > 0 && (
          <Alert color="red" variant="light" mt="sm" p="xs">
            {fundProblems.map((p) => p.message).join('；')}
            <Anchor ml="xs" size="sm" onClick={() => setEditingProject(true)}>
              填写项目资金
            </Anchor>
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="md">
        <ContentEditor
          state={state}
          onChange={(next) => {
            setState(next);
            draft.markDirty();
          }}
          problems={problems}
          frameworkId={target.frameworkId}
          attempted={draft.attempted}
          projectTypeCode={project.projectTypeCode}
          mandatory={target.mandatory}
          notes={<EditingWarnings warnings={warnings} />}
          indicatorColumns={annexIndicatorColumns(target.quality.previous)}
        />
      </Paper>
      <Paper withBorder p="md" aria-label="申报表其他内容">
        <AnnexDetailsSection
          state={annexDraft}
          onChange={changeAnnex}
          problems={problems}
          frameworkId={target.frameworkId}
          midterm={midterm}
          annualIndicators={content.indicators}
          attempted={draft.attempted}
        />
      </Paper>
      {editingProject && <ProjectEditing project={project} types={types.data ?? []} onClose={() => setEditingProject(false)} onSaved={reload} />}
    </Stack>
  );

  return (
    <TargetEditorFrame
      draft={draft}
      kept={{
        key: `project-target:${project.id}`,
        value: { content: state, annex: annexDraft },
        // A draft kept before the annex existed holds the goals and indicators alone.
        restore: (kept: { content: ContentState; annex: AnnexState } | ContentState) => {
          if (!('content' in kept)) return setState(withFreshKeys(kept));
          setState(withFreshKeys(kept.content));
          setAnnexDraft(annexWithFreshKeys(kept.annex));
        },
      }}
      title="项目支出绩效目标申报表"
      description={`${project.year} 年 · ${project.name}（${project.code}）· ${unitName(project.unitCode)}`}
      back={{ href: routeHref('targets', 'projects', String(project.year)), label: '返回目标列表' }}
      problemCount={problems.length + annexParseErrors(annexDraft).length}
      onSave={save}
      reload={reload}
      content={content}
      keyProject={project.keyProject}
      projectTypeCode={project.projectTypeCode}
      reviewNotes={<ReviewWarnings warnings={target.warnings} />}
      form={form}
      sheet={<ProjectTargetSheet target={{ ...target, ...content, annex }} unitName={unitName} />}
    />
  );
}

function FundsTable({ project }: { project: ProjectTarget['project'] }) {
  return (
    <Table withTableBorder mt="sm" aria-label="资金情况" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>资金来源</Table.Th>
          <Table.Th ta="right">年初预算（万元）</Table.Th>
          <Table.Th ta="right">追加</Table.Th>
          <Table.Th ta="right">调减</Table.Th>
          <Table.Th ta="right">调整后预算</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {project.funds.map((f) => (
          <Table.Tr key={f.source}>
            <Table.Td>{f.source}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(f.initialFen)}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(f.additionFen)}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(f.cutFen)}</Table.Td>
            <Table.Td ta="right">{formatWanYuan(adjustedFen(f))}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={600}>
          <Table.Td>合计</Table.Td>
          <Table.Td ta="right">{formatWanYuan(project.totals.initialFen)}</Table.Td>
          <Table.Td ta="right">{formatWanYuan(project.totals.additionFen)}</Table.Td>
          <Table.Td ta="right">{formatWanYuan(project.totals.cutFen)}</Table.Td>
          <Table.Td ta="right">{formatWanYuan(project.totals.adjustedFen)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** 修改项目 from the 申报表: the form edits the project as it is now, its unit named by the answer. */
function ProjectEditing({ project, types, onClose, onSaved }: { project: ProjectTarget['project']; types: readonly ProjectTypeOption[]; onClose: () => void; onSaved: () => Promise<void> }) {
  const editing = useInvoke('projects.get', { id: project.id });
  if (editing.error) return <Alert color="red" title="无法打开项目">{editing.error}</Alert>;
  if (!editing.data) return null;
  return <ProjectFormModal project={editing.data} year={project.year} types={types} onClose={onClose} onSaved={onSaved} />;
}
