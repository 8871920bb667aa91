// 首页 of a budget unit's own installation: where its own projects, targets, monitoring sheets and notices
// stand, and what it sends to its county. It keeps no unit directory, so nothing offers to register units.
import { Alert, Anchor, Card, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { WORKFLOW_LABELS, WORKFLOW_STATES } from '../../../../electron/domain/workflow';
import { useSession } from '../../appState';
import { PageHeader } from '../../components/PageHeader';
import { useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { CountCards, type Count } from './CountCards';
import { TargetCoverageCard } from './TargetCoverageCard';

const COUNTS: Count[] = [
  { key: 'projects', label: '本单位项目', unit: '个', href: routeHref('registry', 'projects') },
  { key: 'targets', label: '绩效目标', unit: '份', href: routeHref('targets') },
  { key: 'monitoringSheets', label: '监控表', unit: '张', href: routeHref('monitoring') },
  { key: 'rectifications', label: '整改通知', unit: '件', href: routeHref('rectification') },
];

/** The latest monitoring round the county opened for the unit, with its sheets by state. */
function LatestRoundCard() {
  const rounds = useInvoke('monitoring.rounds', {});
  if (rounds.error) return <Alert color="red">{rounds.error}</Alert>;
  if (!rounds.data) return <Skeleton h={90} />;
  const latest = rounds.data.at(-1);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={6}>
        绩效监控
      </Title>
      {latest ? (
        <Text size="sm">
          最近一轮：{latest.title}，截止 {latest.deadline}；本单位监控表 {latest.counts.sheets} 张，其中
          {WORKFLOW_STATES.map((state) => `${WORKFLOW_LABELS[state]} ${latest.counts[state]} 张`).join('，')}。
          <Anchor href={routeHref('monitoring')} ml={4}>
            去填报
          </Anchor>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          县财政局还没有下达监控轮次。导入县财政局的反馈包后，这里显示本单位要填报的监控表。
        </Text>
      )}
    </Card>
  );
}

/** The notices waiting for the unit's feedback, and those past their deadline. */
function NoticesCard() {
  const notices = useInvoke('rectification.list', {});
  if (notices.error) return <Alert color="red">{notices.error}</Alert>;
  if (!notices.data) return <Skeleton h={90} />;
  const { counts } = notices.data;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={6}>
        整改问责
      </Title>
      <Text size="sm">
        {counts.total === 0 ? (
          '没有收到整改通知。'
        ) : (
          <>
            共 {counts.total} 件整改通知，待本单位反馈 {counts.issued + counts.returned} 件
            {counts.overdue > 0 ? `，其中已逾期 ${counts.overdue} 件` : ''}。
            <Anchor href={routeHref('rectification')} ml={4}>
              去反馈
            </Anchor>
          </>
        )}
      </Text>
    </Card>
  );
}

export function UnitHomePage() {
  const { installation, operator } = useSession();
  const stats = useInvoke('stats.get', {});
  const administers = useAllowed('settings.manage').allowed;
  const unitName = installation.unit?.name ?? '本单位';

  return (
    <Stack gap="lg">
      <PageHeader title="首页" description={`${operator.name}，您好。本机为${installation.region.name}预算单位：${unitName}（${installation.unit?.code ?? ''}）。`} />
      {stats.error && <Alert color="red">{stats.error}</Alert>}
      <CountCards counts={COUNTS} stats={stats} />
      <TargetCoverageCard />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LatestRoundCard />
        <NoticesCard />
      </SimpleGrid>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          接下来做什么
        </Title>
        <List spacing="sm" type="ordered">
          <List.Item>
            在<Anchor href={routeHref('registry', 'projects')}>单位与项目</Anchor>中录入{unitName}的项目及资金，再在
            <Anchor href={routeHref('targets')}>绩效目标</Anchor>中逐个填报并送审。
          </List.Item>
          <List.Item>
            在<Anchor href={routeHref('exchange')}>数据交换</Anchor>中导出上报包交{installation.region.name}财政局；县财政局的反馈包（审核意见、监控轮次、整改通知）也在那里导入。
          </List.Item>
          <List.Item>
            {administers ? (
              <>
                数据只保存在本机，请定期在<Anchor href={routeHref('settings', 'backup')}>备份与恢复</Anchor>中备份。
              </>
            ) : (
              '参数设置、操作员和数据备份由系统管理员办理。'
            )}
          </List.Item>
        </List>
      </Card>
    </Stack>
  );
}
