import { Tabs } from '@mantine/core';
import { useRef } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { navigate, useRoute } from '../../router';
import { ExpertsTab } from './experts/ExpertsTab';
import { FirmsTab } from './experts/FirmsTab';
import { PlansTab } from './plans/PlansTab';

/** 绩效评价: the year's evaluation plans, the expert pool and the third-party firms. */
export function EvaluationPage() {
  const [, tab = 'plans', ...rest] = useRoute();
  // The plan's year, kind and department live in its route; coming back from another tab returns to them.
  const lastRoute = useRef<Record<string, string[]>>({});
  lastRoute.current[tab] = rest;
  const open = (next: string) => navigate('evaluation', next, ...(lastRoute.current[next] ?? []));
  return (
    <div className="fill-height">
      <PageHeader title="绩效评价" description="部门评价和财政评价：确定评价计划和覆盖面，从专家库和第三方机构中指派评价人员（按回避规则审查）。" />
      <Tabs value={tab} onChange={(next) => open(next ?? 'plans')} keepMounted={false} className="fill-tabs" mt="md">
        <Tabs.List className="no-print">
          <Tabs.Tab value="plans">评价计划</Tabs.Tab>
          <Tabs.Tab value="experts">专家库</Tabs.Tab>
          <Tabs.Tab value="firms">第三方机构</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md" className="fill-panel">
          <PlansTab />
        </Tabs.Panel>
        <Tabs.Panel value="experts" pt="md" className="fill-panel">
          <ExpertsTab />
        </Tabs.Panel>
        <Tabs.Panel value="firms" pt="md" className="fill-panel">
          <FirmsTab />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
