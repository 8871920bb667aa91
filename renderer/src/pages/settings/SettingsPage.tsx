import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { navigate, useRoute } from '../../router';
import { AuditTab } from './AuditTab';
import { BackupTab } from './BackupTab';
import { InstallationTab } from './InstallationTab';
import { OperatorsTab } from './OperatorsTab';
import { ParametersTab } from './ParametersTab';
import { RegionsTab } from './RegionsTab';

const TABS = [
  { value: 'installation', label: '本机信息', page: InstallationTab },
  { value: 'parameters', label: '参数设置', page: ParametersTab },
  { value: 'operators', label: '操作员', page: OperatorsTab },
  { value: 'regions', label: '区划', page: RegionsTab },
  { value: 'backup', label: '备份与恢复', page: BackupTab },
  { value: 'audit', label: '操作日志', page: AuditTab },
] as const;

export function SettingsPage() {
  const [, tab = 'installation'] = useRoute();
  return (
    <Stack gap="md">
      <PageHeader title="设置" description="本机信息、业务参数、操作员、区划、备份和操作日志。" />
      <Tabs value={tab} onChange={(next) => navigate('settings', next ?? 'installation')} keepMounted={false}>
        <Tabs.List className="no-print">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="lg">
            <t.page />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
