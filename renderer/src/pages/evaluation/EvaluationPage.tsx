// 绩效评价 (部门评价 / 财政评价): 评价计划 (what the year evaluates, its coverage and evaluators), 评价 (the
// evaluations, each scored on a template version), 评价模板, 专家库 and 第三方机构; and one evaluation to score
// and review.
// Routes: #/evaluation[/年度[/evaluations|templates]], #/evaluation/plans/年度/kind[/department],
// #/evaluation/experts, #/evaluation/firms, #/evaluation/edit/<id>.
import { Stack, Tabs } from '@mantine/core';
import { useRef } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, useRoute } from '../../router';
import { EvaluationEditor } from './EvaluationEditor';
import { EvaluationList } from './EvaluationList';
import { ExpertsTab } from './experts/ExpertsTab';
import { FirmsTab } from './experts/FirmsTab';
import { PlansTab } from './plans/PlansTab';
import { TemplatesTab } from './TemplatesTab';

/** Tabs whose route starts with the tab's name; the others start with the year. */
const NAMED_TABS = ['plans', 'experts', 'firms'];

export function EvaluationPage() {
  const [, segment, ...rest] = useRoute();
  if (segment === 'edit' && rest[0]) return <EvaluationEditor key={rest[0]} id={rest[0]} />;
  if (segment && NAMED_TABS.includes(segment)) return <EvaluationTabs tab={segment} year={yearFromRoute(rest[0])} rest={rest} />;
  return <EvaluationTabs tab={rest[0] ?? 'evaluations'} year={yearFromRoute(segment)} rest={rest} />;
}

function EvaluationTabs({ tab, year, rest }: { tab: string; year: number; rest: string[] }) {
  // A plan's year, kind and department live in its route; coming back from another tab returns to them.
  const lastRoute = useRef<Record<string, string[]>>({});
  if (NAMED_TABS.includes(tab)) lastRoute.current[tab] = rest;
  const open = (next: string) => {
    if (NAMED_TABS.includes(next)) navigate('evaluation', next, ...(lastRoute.current[next] ?? (next === 'plans' ? [String(year)] : [])));
    else navigate('evaluation', String(year), next);
  };
  const yearTab = !NAMED_TABS.includes(tab);
  return (
    <Stack gap="sm">
      <PageHeader
        title="绩效评价"
        description="部门评价和财政评价：确定评价计划和覆盖面，从专家库和第三方机构中指派评价人员（按回避规则审查），按评价模板的指标体系逐项打分，形成总分和等级，送审后由另一位审核人审核。单位自评见“绩效自评”。"
        actions={yearTab ? <YearSelect value={year} onChange={(y) => navigate('evaluation', String(y), tab)} /> : undefined}
      />
      <Tabs value={tab} onChange={(next) => open(next ?? 'evaluations')} keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="plans">评价计划</Tabs.Tab>
          <Tabs.Tab value="evaluations">评价</Tabs.Tab>
          <Tabs.Tab value="templates">评价模板</Tabs.Tab>
          <Tabs.Tab value="experts">专家库</Tabs.Tab>
          <Tabs.Tab value="firms">第三方机构</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md">
          <PlansTab />
        </Tabs.Panel>
        <Tabs.Panel value="evaluations" pt="md">
          <EvaluationList year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="experts" pt="md">
          <ExpertsTab />
        </Tabs.Panel>
        <Tabs.Panel value="firms" pt="md">
          <FirmsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
