import { Alert, Button, Loader, Tabs } from '@mantine/core';
import { useState } from 'react';
import { framework } from '../../../../electron/domain/indicators';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { navigate, useRoute } from '../../router';
import { IndicatorsTab } from './IndicatorsTab';
import { MandatoryTab } from './MandatoryTab';
import { VersionsTab } from './VersionsTab';
import { IfAllowed, NotAllowedNote, useAllowed } from '../../components/useAllowed';

/** An empty library offers the shipped starter library; loading it is an explicit, repeatable-safe step. */
function EmptyLibrary({ onSeeded }: { onSeeded: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const allowance = useAllowed('library.confirm');
  // The prefecture issues the library its counties import; it has none to import itself.
  const issues = useSession().installation.role === 'prefecture';
  async function seed() {
    setBusy(true);
    try {
      const result = await invoke('library.seedStarter', {});
      await onSeeded();
      if (result.seeded) notifySuccess(`${result.projectTypes} 个项目类型、${result.indicators} 条指标，作为指标库第 ${result.libraryVersion} 版`, '已载入初始指标库');
    } catch (error) {
      notifyError(error, '没有载入初始指标库');
    } finally {
      setBusy(false);
    }
  }
  return (
    <EmptyNotice
      title="指标库还是空的"
      description={`可以载入随软件提供的初始指标库（教育、卫生健康、交通、农业、水利、乡村振兴、社会保障、行政运行等常见县级项目类型及其参考指标），${
        issues ? '再按本州实际修改，在“数据交换”中作为指标库更新包下发各县市。' : '再按本地实际修改；也可以在“数据交换”中导入上级下发的指标库更新包。'
      }`}
    >
      <Button onClick={seed} loading={busy} disabled={!allowance.allowed}>
        载入初始指标库
      </Button>
      {!issues && (
        <IfAllowed permission="enter">
          <Button variant="default" onClick={() => navigate('exchange')}>
            导入州级指标库更新包
          </Button>
        </IfAllowed>
      )}
      <NotAllowedNote allowance={allowance} />
    </EmptyNotice>
  );
}

export function LibraryPage() {
  const [, tab = 'indicators'] = useRoute();
  const types = useInvoke('library.projectTypes', {});
  const settings = useInvoke('settings.list', {});
  const frameworkId = settings.data?.find((s) => s.key === 'targets.framework')?.value;
  const preferred = framework(typeof frameworkId === 'string' ? frameworkId : 'classic');

  let indicators;
  if (types.error) indicators = <Alert color="red" title="无法读取指标库">{types.error}</Alert>;
  else if (!types.data) indicators = <Loader aria-label="正在读取指标库" />;
  else if (types.data.length === 0) indicators = <EmptyLibrary onSeeded={types.reload} />;
  else indicators = <IndicatorsTab types={types.data} preferred={preferred} reloadTypes={types.reload} />;

  return (
    <div className="fill-height">
      <PageHeader
        title="指标库"
        description={`按项目类型管理可复用的三级绩效指标（${preferred.name}）。单位提出新指标，绩效办确认入库；填报绩效目标时选定项目类型即可带出已入库的建议指标。`}
      />
      <Tabs value={tab} onChange={(next) => navigate('library', next ?? 'indicators')} keepMounted={false} className="fill-tabs" mt="md">
        <Tabs.List className="no-print">
          <Tabs.Tab value="indicators">指标</Tabs.Tab>
          <Tabs.Tab value="mandatory">固化指标</Tabs.Tab>
          <Tabs.Tab value="versions">版本</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="indicators" pt="md" className="fill-panel">
          {indicators}
        </Tabs.Panel>
        <Tabs.Panel value="mandatory" pt="md" className="fill-panel">
          {types.data ? <MandatoryTab types={types.data} /> : <Loader aria-label="正在读取指标库" />}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md" className="fill-panel">
          <VersionsTab />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
