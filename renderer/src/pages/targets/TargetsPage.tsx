import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { IntegratedExportButton } from '../monitoring/IntegratedExportButton';
import { useInvoke } from '../../components/useInvoke';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, useRoute } from '../../router';
import { DepartmentListTab } from './DepartmentListTab';
import { DepartmentTargetEditor } from './DepartmentTargetEditor';
import { InboxTab } from './InboxTab';
import { ProjectTargetEditor } from './ProjectTargetEditor';
import { TargetListTab } from './TargetListTab';

const TABS = ['projects', 'departments', 'inbox'] as const;
type Tab = (typeof TABS)[number];

/**
 * 绩效目标. Routes: #/targets/<tab>/<year> for the lists, #/targets/project/<projectId> for a project's
 * 申报表, #/targets/department/<year>/<unitCode> for a unit's department-wide targets.
 */
export function TargetsPage() {
  const [, view, ...rest] = useRoute();
  if (view === 'project' && rest[0]) return <ProjectTargetEditor projectId={rest[0]} />;
  if (view === 'department' && rest[1]) return <DepartmentTargetEditor year={yearFromRoute(rest[0])} unitCode={rest[1]} />;
  const tab: Tab = TABS.includes(view as Tab) ? (view as Tab) : 'projects';
  return <TargetLists tab={tab} year={yearFromRoute(rest[0])} />;
}

function TargetLists({ tab, year }: { tab: Tab; year: number }) {
  const inbox = useInvoke('targets.inbox', { year });
  const waiting = inbox.data?.length ?? 0;
  return (
    <div className="fill-height">
      <PageHeader
        title="绩效目标"
        description="项目支出和部门整体支出绩效目标与预算同步申报、审核、批复；批复后锁定，年中变更通过目标调整办理并保留原目标。"
        actions={
          <>
            <YearSelect value={year} onChange={(next) => navigate('targets', tab, String(next))} />
            <IntegratedExportButton year={year} />
          </>
        }
      />
      <Tabs value={tab} onChange={(next) => navigate('targets', next ?? 'projects', String(year))} keepMounted={false} className="fill-tabs" mt="md">
        <Tabs.List className="no-print">
          <Tabs.Tab value="projects">项目支出目标</Tabs.Tab>
          <Tabs.Tab value="departments">部门整体目标</Tabs.Tab>
          <Tabs.Tab value="inbox">待审核{waiting ? `（${waiting}）` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="projects" pt="md" className="fill-panel">
          <TargetListTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="departments" pt="md" className="fill-panel">
          <DepartmentListTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="inbox" pt="md" className="fill-panel">
          <InboxTab year={year} />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
