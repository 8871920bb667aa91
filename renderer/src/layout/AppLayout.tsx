import { AppShell, Badge, Button, Group, NavLink, Text } from '@mantine/core';
import { OPERATOR_ROLE_LABELS, ROLE_LABELS } from '../../../electron/domain/registry';
import { useSession } from '../appState';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PageHeader } from '../components/PageHeader';
import { UnderConstruction } from '../components/UnderConstruction';
import { SampleBanner } from '../pages/demo/SampleBanner';
import { SampleDataBadge } from '../pages/demo/SampleDataBadge';
import { DatabaseMenu } from './DatabaseMenu';
import { confirmLeaving, routeHref, useRoute } from '../router';
import { navigationFor, PREFECTURE_PAGES, WORKFLOWS } from './navigation';
import { NotOffered } from './NotOffered';

export function AppLayout() {
  const { installation, operator, signOut, reloadAll } = useSession();
  const route = useRoute();
  const [section = ''] = route;
  const offered = navigationFor(installation.role);
  const found = offered.find((w) => w.path === section);
  const withheld = found ? undefined : [...WORKFLOWS, ...PREFECTURE_PAGES].find((w) => w.path === section);
  const workflow = found ?? offered[0]!;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 188, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header className="no-print">
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <DatabaseMenu onSwitched={reloadAll} canOpenSample={installation.role === 'county'} />
            <Text fw={700} size="lg" c="blue.8">
              绩效 · 预算绩效管理
            </Text>
            <Badge variant="light" size="lg" radius="sm">
              {installation.region.name}
            </Badge>
            {installation.unit && (
              <Text fw={600} size="sm">
                {installation.unit.name}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {ROLE_LABELS[installation.role]}
            </Text>
            <SampleDataBadge />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm">
              操作员：{operator.name}
              <Text span c="dimmed" size="sm">
                （{OPERATOR_ROLE_LABELS[operator.role]}）
              </Text>
            </Text>
            <Button variant="default" size="xs" onClick={async () => (await confirmLeaving()) && (await signOut())}>
              退出登录
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" className="no-print" component="nav" aria-label="功能导航">
        {offered.map((w) => (
          <NavLink
            key={w.path}
            href={routeHref(w.path)}
            label={w.label}
            active={!withheld && w === workflow}
            aria-current={!withheld && w === workflow ? 'page' : undefined}
            rightSection={
              w.page ? undefined : (
                <Text span size="xs" c="dimmed">
                  建设中
                </Text>
              )
            }
            styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' } }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main className="app-main">
        <SampleBanner />
        <ErrorBoundary scope="page" resetKey={route.join('/')}>
          {withheld ? (
            <NotOffered workflow={withheld} role={installation.role} />
          ) : workflow.page ? (
            <workflow.page />
          ) : (
            <>
              <PageHeader title={workflow.label} />
              <UnderConstruction summary={workflow.summary} />
            </>
          )}
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
