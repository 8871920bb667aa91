import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { navigate, useRoute } from '../../router';
import { ProjectCyclePage } from '../cycle/ProjectCyclePage';
import { ProjectsTab } from '../projects/ProjectsTab';
import { UnitsTab } from './UnitsTab';

export function RegistryPage() {
  const [, tab = 'units', projectId] = useRoute();
  // #/registry/cycle/<projectId>: one project's whole cycle, reached from the project list.
  if (tab === 'cycle' && projectId) return <ProjectCyclePage projectId={projectId} />;
  return (
    <div className="fill-height">
      <PageHeader title="单位与项目" description="本县预算单位及其主管部门、项目名录，是目标、监控和评价的基础数据。" />
      <Tabs value={tab} onChange={(next) => navigate('registry', next ?? 'units')} keepMounted={false} className="fill-tabs" mt="md">
        <Tabs.List className="no-print">
          <Tabs.Tab value="units">预算单位</Tabs.Tab>
          <Tabs.Tab value="projects">项目</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="units" pt="md" className="fill-panel">
          <UnitsTab />
        </Tabs.Panel>
        <Tabs.Panel value="projects" pt="md" className="fill-panel">
          <ProjectsTab />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
