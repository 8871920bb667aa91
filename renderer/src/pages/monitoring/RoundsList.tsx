import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DEADLINE_LABELS, SCOPE_LABELS, type DeadlineState } from '../../../../electron/domain/monitoring';
import type { RoundListing } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { YearSelect } from '../../components/YearSelect';
import { navigate } from '../../router';
import { CreateRoundModal } from './CreateRoundModal';
import { IntegratedExportButton } from './IntegratedExportButton';
import { MonitoringLink } from './MonitoringLink';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';

export const DEADLINE_COLORS: Record<DeadlineState, string> = { open: 'gray', dueSoon: 'orange', overdue: 'red' };

export function DeadlineBadge({ state }: { state: DeadlineState }) {
  return (
    <Badge variant="light" color={DEADLINE_COLORS[state]}>
      {DEADLINE_LABELS[state]}
    </Badge>
  );
}

/** A round the prefecture issued: the county fills it, and only the prefecture sets its month, deadline and scope. */
export function IssuedBadge({ issuedBy }: { issuedBy: RoundListing['issuedBy'] }) {
  if (!issuedBy) return null;
  return (
    <Badge variant="light" color="grape" style={{ flexShrink: 0 }} title={`由${issuedBy.name}下发：本县填报监控表，报告月份、截止日期和范围不能在本县修改`}>
      州级下发
    </Badge>
  );
}

const COLUMNS: Column<RoundListing>[] = [
  {
    key: 'title',
    header: '监控轮次',
    width: 'minmax(240px, 2fr)',
    cell: (r) => (
      <Group gap={6} wrap="nowrap">
        <MonitoringLink to="round" id={r.id} text={r.title} />
        <IssuedBadge issuedBy={r.issuedBy} />
      </Group>
    ),
  },
  { key: 'month', header: '报告月份', width: '90px', cell: (r) => `${r.month} 月`, align: 'center' },
  { key: 'scope', header: '范围', width: '130px', cell: (r) => SCOPE_LABELS[r.scope] },
  { key: 'deadline', header: '截止日期', width: '190px', cell: (r) => (
    <Group gap={6} wrap="nowrap">
      <span>{r.deadline}</span>
      {r.counts.draft + r.counts.returned > 0 && <DeadlineBadge state={r.deadlineState} />}
    </Group>
  ) },
  { key: 'sheets', header: '项目数', width: '80px', cell: (r) => r.counts.sheets, align: 'right' },
  { key: 'pending', header: '未报送', width: '80px', cell: (r) => r.counts.draft + r.counts.returned, align: 'right' },
  { key: 'submitted', header: '待审核', width: '80px', cell: (r) => r.counts.submitted, align: 'right' },
  { key: 'approved', header: '已通过', width: '80px', cell: (r) => r.counts.approved, align: 'right' },
  { key: 'department', header: '部门整体', width: '90px', cell: (r) => `${r.departmentCounts.sheets} 张`, align: 'right' },
];

/** The year's rounds, and opening new ones (one at a time, or the default months at once). */
export function RoundsList({ year }: { year: number }) {
  const rounds = useInvoke('monitoring.rounds', { year });
  const settings = useInvoke('settings.list', {});
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const months = useMemo(() => {
    const value = settings.data?.find((s) => s.key === 'monitoring.months')?.value;
    return Array.isArray(value) ? value : [5, 8, 11];
  }, [settings.data]);
  const opened = new Set((rounds.data ?? []).map((r) => r.month));
  const missing = months.filter((m) => !opened.has(m));

  const allowance = useAllowed('rounds.open');

  async function openDefaults() {
    setBusy(true);
    try {
      const created = await invoke('monitoring.createDefaultRounds', { year });
      await rounds.reload();
      notifySuccess(created.map((r) => `${r.title}（${r.counts.sheets} 个项目）`).join('；'), '已开启监控轮次');
    } catch (error) {
      notifyError(error, '没有开启监控轮次');
    } finally {
      setBusy(false);
    }
  }

  const defaultsButton = missing.length > 0 && (
    <Button variant="default" onClick={openDefaults} loading={busy} disabled={!allowance.allowed}>
      开启 {missing.join('、')} 月监控
    </Button>
  );
  const createButton = (
    <Button onClick={() => setCreating(true)} disabled={!allowance.allowed}>
      新建监控轮次
    </Button>
  );

  let body;
  if (rounds.error) body = <Alert color="red" title="无法读取监控轮次">{rounds.error}</Alert>;
  else if (!rounds.data) body = <Loader aria-label="正在读取监控轮次" />;
  else if (rounds.data.length === 0) {
    body = (
      <EmptyNotice
        title={`${year} 年还没有监控轮次`}
        description={`每个监控轮次对已批复绩效目标的项目开展预算执行和目标实现“双监控”。本县监控月份为 ${months.join('、')} 月（可在“设置 → 参数”中修改）。开启后，每个项目生成一张监控表，由单位填报、财政局审核。`}
      >
        {createButton}
        {defaultsButton}
        <NotAllowedNote allowance={allowance} />
      </EmptyNotice>
    );
  } else {
    body = <VirtualTable label="监控轮次" rows={rounds.data} columns={COLUMNS} rowKey={(r) => r.id} />;
  }

  return (
    <Stack gap="md" className="fill-height">
      <PageHeader
        title="绩效监控"
        description="对预算执行进度和绩效目标实现程度开展“双监控”，红灯、黄灯项目须说明原因、提出纠偏措施。"
        actions={
          <>
            <YearSelect value={year} onChange={(y) => navigate('monitoring', String(y))} />
            <IntegratedExportButton year={year} />
            {rounds.data && rounds.data.length > 0 && defaultsButton}
            {rounds.data && rounds.data.length > 0 && createButton}
          </>
        }
      />
      {rounds.data && rounds.data.length > 0 && (
        <Text size="sm" c="dimmed" role="status">
          {year} 年共 {rounds.data.length} 个监控轮次
        </Text>
      )}
      {body}
      {creating && (
        <CreateRoundModal
          year={year}
          months={months}
          opened={opened}
          onClose={() => setCreating(false)}
          onCreated={(round) => navigate('monitoring', 'round', round.id)}
        />
      )}
    </Stack>
  );
}
