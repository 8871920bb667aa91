import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { rolesAllowed } from '../../../../electron/domain/permissions';
import { ROLE_LABELS } from '../../../../electron/domain/registry';
import { useSession } from '../../appState';
import { PageHeader } from '../../components/PageHeader';
import { useAllowed } from '../../components/useAllowed';
import { UnreadNoticesLine } from '../exchange/UnreadNoticesLine';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { SampleDataOffer } from '../demo/SampleDataOffer';
import { CountCards, type Count } from './CountCards';
import { TargetCoverageCard } from './TargetCoverageCard';
import { UnitHomePage } from './UnitHomePage';

const UNIT_COUNT: Count = { key: 'units', label: '预算单位', unit: '个', href: routeHref('registry', 'units') };
const COUNTS: Count[] = [
  { key: 'operators', label: '操作员', unit: '人', href: routeHref('settings', 'operators') },
  { key: 'settings', label: '已调整的参数', unit: '项', href: routeHref('settings', 'parameters') },
  { key: 'auditLog', label: '操作日志', unit: '条', href: routeHref('settings', 'audit') },
];

/** The prefecture's first stop: its counties as their packages brought them. */
function CountiesSummaryCard() {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={2} size="h4" mb={4}>
            各县汇总
          </Title>
          <Text size="sm" c="dimmed">
            按年度查看各县市上报的绩效目标、监控、自评、评价、结果应用和整改情况及其图表和历年趋势，可导出 Excel、打印，并生成报自治区的汇总表。
          </Text>
        </div>
        <Button component="a" href={routeHref('dashboard')}>
          查看各县汇总
        </Button>
      </Group>
    </Card>
  );
}

/** The first step of a county (or unit): the unit directory everything else is entered against. */
function UnitRegisterStep({ units, enters }: { units: number; enters: boolean }) {
  return (
    <List.Item>
      {units === 0 && !enters ? (
        <>
          <Text span fw={600}>还没有预算单位名录：</Text>请由{rolesAllowed('enter')}在
          <Anchor href={routeHref('registry', 'units')}>单位与项目</Anchor>
          中登记。
        </>
      ) : units === 0 ? (
        <>
          <Text span fw={600}>先建立预算单位名录：</Text>在
          <Anchor href={routeHref('registry', 'units')}>单位与项目</Anchor>
          中逐个新增，或下载 Excel 模板填好后一次导入。主管部门要先于其下属单位录入。
        </>
      ) : (
        <>
          已登记 {units} 个预算单位。单位调整后可在<Anchor href={routeHref('registry', 'units')}>单位与项目</Anchor>
          中修改、停用，或再次用 Excel 导入更新。
        </>
      )}
    </List.Item>
  );
}

export function HomePage() {
  const { installation } = useSession();
  // A budget unit's installation keeps its own records only: its 首页 is its own.
  return installation.role === 'unit' ? <UnitHomePage /> : <BureauHomePage />;
}

function BureauHomePage() {
  const { installation, operator } = useSession();
  const stats = useInvoke('stats.get', {});
  const units = stats.data?.counts.units ?? 0;
  // Settings, operators and backups are the administrator's: others are told whom to ask instead.
  const administers = useAllowed('settings.manage').allowed;
  const enters = useAllowed('enter').allowed;
  // A prefecture keeps no unit directory and no projects of its own: its counties' come in their packages.
  const keepsUnits = installation.role !== 'prefecture';
  const counts = keepsUnits ? [UNIT_COUNT, ...COUNTS] : COUNTS;

  return (
    <Stack gap="lg">
      <PageHeader
        title="首页"
        description={`${operator.name}，您好。本机为${installation.region.name}（${installation.region.code}）${ROLE_LABELS[installation.role]}。`}
      />
      {stats.error && <Alert color="red">{stats.error}</Alert>}
      <CountCards counts={counts} stats={stats} />
      {installation.role === 'county' && <UnreadNoticesLine />}
      {keepsUnits ? <TargetCoverageCard /> : <CountiesSummaryCard />}
      {keepsUnits && stats.data && units === 0 && <SampleDataOffer />}

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          接下来做什么
        </Title>
        <List spacing="sm" type="ordered">
          {installation.role === 'prefecture' ? (
            <List.Item>
              <Text span fw={600}>导入各县市的上报包：</Text>在
              <Anchor href={routeHref('exchange', 'import')}>数据交换 → 导入上报包</Anchor>
              中逐个导入，核对指纹后出具回执；各县上报的绩效目标在“审核与反馈”中审核。
            </List.Item>
          ) : (
            <UnitRegisterStep units={units} enters={enters} />
          )}
          {administers ? (
            <>
              <List.Item>
                核对<Anchor href={routeHref('settings', 'parameters')}>参数设置</Anchor>
                ：监控月份、红黄绿灯阈值、评价分值和等级分数线已按常用做法预置，与本地文件规定不一致的请修改。
              </List.Item>
              <List.Item>
                为绩效办、审核人和经办人分别<Anchor href={routeHref('settings', 'operators')}>添加操作员</Anchor>
                ，每一次修改和审核都会记入操作日志。
              </List.Item>
              <List.Item>
                数据只保存在本机。请定期在<Anchor href={routeHref('settings', 'backup')}>备份与恢复</Anchor>
                中备份，并把备份文件另存到 U 盘或共享文件夹。
              </List.Item>
            </>
          ) : (
            <List.Item>
              参数设置、操作员和数据备份由系统管理员办理；需要修改参数、添加同事或备份、恢复数据时，请联系系统管理员。可以在
              <Anchor href={routeHref('settings', 'parameters')}>参数设置</Anchor>中查看本机采用的参数。
            </List.Item>
          )}
        </List>
      </Card>
    </Stack>
  );
}
