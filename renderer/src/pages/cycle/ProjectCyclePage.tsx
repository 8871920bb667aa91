// One project's whole cycle (全过程) on one page: its facts, then one timeline with a stage per workflow in
// the budget year's order (目标 → 监控 → 自评 → 评价 → 结果应用 → 整改 → 资金 → 公开 → 上报), each step
// linked to its record. The stages and their order come from the server (each workflow tells its own).
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { CycleStage, CycleStep, CycleTone, ProjectCycle, ProjectFacts } from '../../../../electron/projects/contract';
import { EmptyNotice } from '../../components/EmptyNotice';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';

const TONE_COLORS: Record<CycleTone, string> = { done: 'green', attention: 'orange', pending: 'gray' };

/** A stage is as good as its worst step: one thing needing attention marks the whole stage. */
function stageTone(stage: CycleStage): CycleTone | null {
  if (stage.steps.length === 0) return null;
  if (stage.steps.some((s) => s.tone === 'attention')) return 'attention';
  return stage.steps.every((s) => s.tone === 'done') ? 'done' : 'pending';
}

function flagsOf(project: ProjectFacts): string[] {
  return [project.category, project.attribute, project.keyProject && '重点项目', project.povertyFund && '衔接资金', project.confidential && '涉密'].filter((f): f is string => !!f);
}

function ProjectFactsCard({ project }: { project: ProjectFacts }) {
  return (
    <Paper withBorder p="md" aria-label="项目基本情况">
      <SimpleGrid cols={{ base: 2, md: 5 }} fz="sm">
        <Fact label="项目编码">{project.code}</Fact>
        <Fact label="实施单位">
          {project.unitName}（{project.unitCode}）
        </Fact>
        <Fact label="主管部门">
          {project.departmentName}（{project.departmentCode}）
        </Fact>
        <Fact label="调整后预算">{formatWanYuan(project.adjustedFen)} 万元</Fact>
        <Fact label="项目标记">
          <Group gap={4} component="span">
            {flagsOf(project).map((flag) => (
              <Badge key={flag} variant="light" color={flag === '涉密' ? 'red' : 'blue'} size="sm">
                {flag}
              </Badge>
            ))}
          </Group>
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

function StepLine({ step }: { step: CycleStep }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" className="cycle-step">
      <Text size="sm" c="dimmed" miw={88}>
        {step.date ?? '未定日期'}
      </Text>
      <Stack gap={0} flex={1}>
        <Group gap="xs">
          <Anchor href={routeHref(...step.route)} size="sm" fw={500}>
            {step.title}
          </Anchor>
          <Badge size="sm" variant="light" color={TONE_COLORS[step.tone]}>
            {step.status}
          </Badge>
        </Group>
        <Text size="sm">{step.detail}</Text>
      </Stack>
    </Group>
  );
}

function StageItem({ stage }: { stage: CycleStage }) {
  return (
    <Stack gap={6} pb="xs">
      {stage.steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {stage.empty}
        </Text>
      ) : (
        stage.steps.map((step, i) => <StepLine key={`${step.route.join('/')}-${i}`} step={step} />)
      )}
    </Stack>
  );
}

function CycleTimeline({ cycle }: { cycle: ProjectCycle }) {
  return (
    <Timeline active={-1} bulletSize={22} lineWidth={2} aria-label="全过程时间线">
      {cycle.stages.map((stage) => {
        const tone = stageTone(stage);
        return (
          <Timeline.Item
            key={stage.workflow}
            color={tone ? TONE_COLORS[tone] : 'gray'}
            bullet={<Text size="xs" fw={700} c={tone ? undefined : 'dimmed'}>{tone ? stage.steps.length : '–'}</Text>}
            title={
              <Title order={2} size="h5" c={tone ? undefined : 'dimmed'}>
                {stage.stage}
              </Title>
            }
            aria-label={`${stage.stage}（${stage.steps.length} 项）`}
          >
            <StageItem stage={stage} />
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

export function ProjectCyclePage({ projectId }: { projectId: string }) {
  const loaded = useInvoke('projects.cycle', { projectId });
  const cycle = loaded.data;
  if (loaded.error) return <Alert color="red" title="无法打开该项目的全过程">{loaded.error}</Alert>;
  if (!cycle) return <Loader aria-label="正在读取项目全过程" />;
  const { project } = cycle;
  const nothingYet = cycle.stages.every((s) => s.steps.length === 0);
  return (
    <Stack>
      <Anchor href={routeHref('registry', 'projects', String(project.year))} className="no-print" size="sm">
        ← 返回 {project.year} 年项目列表
      </Anchor>
      <PageHeader
        title={`${project.name} · 全过程`}
        description={`${project.year} 年项目从绩效目标、监控、自评、评价到结果应用、整改、资金、公开和上报的每一步，点击可打开该环节的记录。`}
        actions={
          <Button variant="default" onClick={() => window.print()}>
            打印
          </Button>
        }
      />
      <ProjectFactsCard project={project} />
      {nothingYet ? (
        <EmptyNotice title="该项目还没有任何绩效管理记录" description="从填报绩效目标开始：目标批复后，监控、自评、评价等各环节的记录会按时间出现在这里。">
          <Button component="a" href={routeHref('targets', 'project', project.id)}>
            填报绩效目标
          </Button>
        </EmptyNotice>
      ) : (
        <Paper withBorder p="md">
          <CycleTimeline cycle={cycle} />
        </Paper>
      )}
    </Stack>
  );
}
