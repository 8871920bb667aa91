// 整改问责 (domain.md §8): the year's notices and the 问责 list as tabs, and one notice with its timeline.
// Routes: #/rectification[/年度[/notices|accountability]], #/rectification/notice/<id>.
import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { YearSelect, yearFromRoute } from '../../components/YearSelect';
import { navigate, useRoute } from '../../router';
import { AccountabilityTab } from './AccountabilityTab';
import { NoticeView } from './NoticeView';
import { NoticesTab } from './NoticesTab';

const TABS = ['notices', 'accountability'] as const;
type Tab = (typeof TABS)[number];

export function RectificationPage() {
  const [, first, second] = useRoute();
  if (first === 'notice' && second) return <NoticeView key={second} id={second} />;
  const year = yearFromRoute(first);
  const tab: Tab = TABS.includes(second as Tab) ? (second as Tab) : 'notices';
  return (
    <Stack gap="md">
      <PageHeader
        title="整改问责"
        description="监控预警、自评和抽查发现的问题下达整改通知，经主管部门转到实施单位；单位反馈、审核结论和逾期问责都记在这里。"
        actions={<YearSelect value={year} onChange={(next) => navigate('rectification', String(next), tab)} />}
      />
      <Tabs value={tab} onChange={(next) => next && navigate('rectification', String(year), next)} keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="notices">整改通知</Tabs.Tab>
          <Tabs.Tab value="accountability">问责清单</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="notices" pt="md">
          <NoticesTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="accountability" pt="md">
          <AccountabilityTab year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
