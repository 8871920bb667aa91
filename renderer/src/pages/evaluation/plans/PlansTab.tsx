import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { PLAN_KIND_LABELS, type PlanKind } from '../../../../../electron/domain/evaluationPlans';
import { useSession } from '../../../appState';
import { EmptyNotice } from '../../../components/EmptyNotice';
import { UnitPicker } from '../../../components/UnitPicker';
import { NotAllowedNote, useAllowed } from '../../../components/useAllowed';
import { useInvoke } from '../../../components/useInvoke';
import { yearFromRoute, YearSelect } from '../../../components/YearSelect';
import { navigate, useRoute } from '../../../router';
import { CoverageTable } from './CoverageTable';
import { PlanItemsTable } from './PlanItemsTable';
import { RulePanel } from './RulePanel';

/** 评价计划: a year's plan of one kind, the rules that fill it, its coverage and its evaluators. */
export function PlansTab() {
  const [, , yearSegment, kindSegment, departmentSegment] = useRoute();
  const year = yearFromRoute(yearSegment);
  const kind: PlanKind = kindSegment === 'department' ? 'department' : 'finance';
  if (kind === 'department' && !departmentSegment) return <FirstDepartmentPlans year={year} />;
  return <PlansView year={year} kind={kind} departmentCode={kind === 'department' ? departmentSegment! : null} />;
}

/** 部门评价 before a department is chosen opens on the register's first 主管部门, or says there is none. */
function FirstDepartmentPlans({ year }: { year: number }) {
  const first = useInvoke('units.lookup', { query: '', departmentsOnly: true });
  if (first.error) return <Alert color="red" title="无法读取主管部门">{first.error}</Alert>;
  if (!first.data) return <Loader aria-label="正在读取单位" />;
  return <PlansView year={year} kind="department" departmentCode={first.data.units[0]?.code ?? null} />;
}

function PlansView({ year, kind, departmentCode }: { year: number; kind: PlanKind; departmentCode: string | null }) {
  const go = (next: { year?: number; kind?: PlanKind; departmentCode?: string | null }) => {
    const nextKind = next.kind ?? kind;
    navigate('evaluation', 'plans', String(next.year ?? year), nextKind, ...(nextKind === 'department' && (next.departmentCode ?? departmentCode) ? [next.departmentCode ?? departmentCode!] : []));
  };
  const evaluate = useAllowed('evaluate');
  const { operator } = useSession();
  // A 主管部门审核人 manages its own department's 部门评价 plan only; the service refuses the others.
  const ownPlan = operator.role !== 'department' || (kind === 'department' && departmentCode === operator.departmentCode);
  const ready = kind === 'finance' || departmentCode !== null;

  return (
    <Stack gap="md">
      <Group gap="sm" className="no-print">
        <YearSelect value={year} onChange={(y) => go({ year: y })} />
        <SegmentedControl
          aria-label="评价类型"
          value={kind}
          onChange={(value) => go({ kind: value as PlanKind })}
          data={[
            { value: 'finance', label: '财政评价（财政局）' },
            { value: 'department', label: '部门评价（主管部门）' },
          ]}
        />
        {kind === 'department' && (
          <UnitPicker
            aria-label="开展评价的主管部门"
            placeholder="选择主管部门"
            value={departmentCode}
            onChange={(code) => code && go({ departmentCode: code })}
            departmentsOnly
            allowDeselect={false}
            nothingFoundMessage="没有匹配的主管部门"
            w={300}
          />
        )}
        <Button variant="default" ml="auto" onClick={() => window.print()}>
          打印计划
        </Button>
      </Group>
      <NotAllowedNote allowance={evaluate} />
      {evaluate.allowed && !ownPlan && (
        <Text size="sm" c="dimmed">
          主管部门审核人只能管理本部门的部门评价计划，这里只能查看。
        </Text>
      )}
      {ready ? (
        <PlanBody year={year} kind={kind} departmentCode={departmentCode} canEnter={evaluate.allowed && ownPlan} />
      ) : (
        <EmptyNotice title="还没有主管部门" description="部门评价由主管部门对其下属单位的项目开展。请先在“单位与项目 → 预算单位”中登记主管部门。" />
      )}
    </Stack>
  );
}

function PlanBody({ year, kind, departmentCode, canEnter }: { year: number; kind: PlanKind; departmentCode: string | null; canEnter: boolean }) {
  const view = useInvoke('evaluationPlans.get', { year, kind, departmentCode });
  if (view.error) return <Alert color="red" title="无法读取评价计划">{view.error}</Alert>;
  if (!view.data) return <Loader aria-label="正在读取评价计划" />;
  const { projects, items } = view.data;
  const title = `${year} 年度${PLAN_KIND_LABELS[kind]}计划${departmentCode ? `（${projects[0]?.departmentName ?? departmentCode}）` : ''}`;
  if (projects.length === 0) {
    return (
      <EmptyNotice
        title={`${year} 年没有可评价的项目`}
        description="评价计划从本年度项目库中选择项目。请先在“单位与项目 → 项目”中录入或从预算系统导入本年度项目，再回来制定计划。"
      />
    );
  }
  const scope = { year, kind, departmentCode };
  return (
    <Stack gap="md">
      {canEnter && <RulePanel scope={scope} projects={projects} inPlan={items.map((i) => i.projectId)} onAdded={view.reload} />}
      <Title order={2} size="h4">
        {title}
      </Title>
      {view.data.plan && (
        <Text size="sm" c="dimmed">
          计划由 {view.data.plan.createdBy} 建立；共 {items.length} 个项目。
        </Text>
      )}
      <CoverageTable projects={projects} selectedIds={items.map((i) => i.projectId)} evaluatedIds={items.filter((i) => i.evaluation?.status === 'approved').map((i) => i.projectId)} />
      {items.length === 0 ? (
        <EmptyNotice
          title="计划中还没有项目"
          description="在上方选择规则：重点项目、调整后预算达到某一金额、衔接资金项目、按比例随机抽取（记录随机种子，可重现），或手工选择。先看预览，再加入计划。"
        />
      ) : (
        <PlanItemsTable items={items} projects={projects} canEnter={canEnter} onChanged={view.reload} />
      )}
    </Stack>
  );
}
