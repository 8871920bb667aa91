import { Alert, Anchor, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { SCOPE_LABELS } from '../../../../electron/domain/monitoring';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { navigate, routeHref } from '../../router';
import { CoverageTab } from './CoverageTab';
import { DepartmentTab } from './DepartmentTab';
import { ReportTab } from './ReportTab';
import { LaterSheetsButton } from './LaterSheetsButton';
import { DeadlineBadge, IssuedBadge } from './RoundsList';
import { SheetsTab } from './SheetsTab';
import { WarningsTab } from './WarningsTab';

/** One round: 填报 (the sheets), 部门整体 (each unit's whole budget), 覆盖情况 (who has not submitted), 预警 (red and yellow), 报告. */
export function RoundView({ roundId, tab }: { roundId: string; tab: string }) {
  const round = useInvoke('monitoring.round', { roundId });
  if (round.error) return <Alert color="red" title="无法读取监控轮次">{round.error}</Alert>;
  if (!round.data) return <Loader aria-label="正在读取监控轮次" />;
  const r = round.data;
  const pending = r.counts.draft + r.counts.returned;
  const department = r.departmentCounts;
  return (
    <Stack gap="sm" className={tab === 'sheets' ? 'fill-height' : undefined}>
      <Anchor href={routeHref('monitoring', String(r.year))} size="sm" className="no-print">
        ← {r.year} 年监控轮次
      </Anchor>
      <PageHeader
        title={r.title}
        description={
          <Group gap="xs" component="span">
            <span>
              报告月份 {r.month} 月 · {SCOPE_LABELS[r.scope]} · {r.counts.sheets} 个项目 · 部门整体 {department.sheets} 张 · 截止 {r.deadline}
            </span>
            {pending > 0 && <DeadlineBadge state={r.deadlineState} />}
            <IssuedBadge issuedBy={r.issuedBy} />
          </Group>
        }
      />
      {r.issuedBy && (
        <Group gap="sm" className="no-print" wrap="nowrap">
          <Text size="sm" c="dimmed">
            本轮次由{r.issuedBy.name}下发：报告月份、截止日期和范围以州里为准，本县不能修改，只填报各项目的监控表并随上报包报送。导入后才批复的项目，用“补开监控表”加入本轮次。
          </Text>
          <LaterSheetsButton roundId={roundId} onOpened={round.reload} />
        </Group>
      )}
      <Text size="sm" c="dimmed" className="no-print">
        项目：未报送 {pending} · 待审核 {r.counts.submitted} · 已通过 {r.counts.approved}
        {department.sheets > 0 &&
          `；部门整体：未报送 ${department.draft + department.returned} · 待审核 ${department.submitted} · 已通过 ${department.approved}`}
      </Text>
      <Tabs value={tab} onChange={(next) => navigate('monitoring', 'round', roundId, next ?? 'sheets')} keepMounted={false} className="fill-tabs">
        <Tabs.List className="no-print">
          <Tabs.Tab value="sheets">填报</Tabs.Tab>
          <Tabs.Tab value="department">部门整体</Tabs.Tab>
          <Tabs.Tab value="coverage">覆盖情况</Tabs.Tab>
          <Tabs.Tab value="warnings">预警</Tabs.Tab>
          <Tabs.Tab value="report">报告</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sheets" pt="md" className="fill-panel">
          <SheetsTab key={r.counts.sheets} round={r} onChanged={round.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="department" pt="md">
          <DepartmentTab roundId={roundId} />
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="md">
          <CoverageTab roundId={roundId} />
        </Tabs.Panel>
        <Tabs.Panel value="warnings" pt="md">
          <WarningsTab roundId={roundId} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ReportTab roundId={roundId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
