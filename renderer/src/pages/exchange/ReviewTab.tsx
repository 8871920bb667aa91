// 审核与反馈: the prefecture goes through one county's targets for the year (and a county through one of
// its budget units' targets the same way), approves or returns each or many selected at once (a return
// needs an opinion each), and exports the decisions not yet sent as a reply package for that county or
// unit. Only what the level below put forward can be decided (domain/prefecture.ts): a draft shows why not.
import { Alert, Badge, Button, Checkbox, Group, Loader, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import type { CountyTarget } from '../../../../electron/prefecture/contract';
import { isRedecision, reviewAboveRefusal } from '../../../../electron/domain/prefecture';
import { WORKFLOW_LABELS, type WorkflowState } from '../../../../electron/domain/workflow';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { notifyError } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { navigate, useRoute } from '../../router';
import { ExportCard } from './ExportCard';
import { useExchange } from './exchangeContext';
import type { ReplyPeer } from './peers';
import { RedecideModal } from './RedecideModal';
import { ApproveModal, ReturnModal } from './ReturnModal';
import { TARGET_KINDS, targetName } from './targets';

type Shown = 'all' | 'undecided' | 'pending';

/** A decision on this version already went down: deciding again is a 改判 with its reason. */
const redecidable = (t: CountyTarget) => isRedecision(t.decision?.sentOnVersion, t.version);

/** Why the target cannot be decided here now, or null (the rule the service enforces). */
const refusalOf = (t: CountyTarget) => reviewAboveRefusal(t.status as WorkflowState);

export function ReviewTab() {
  const { installation } = useSession();
  const [, , countyCode] = useRoute();
  const regions = useInvoke('regions.list', {});
  const counties = useMemo(
    () => (regions.data ?? []).filter((r) => r.level === 'county' && r.parentCode === installation.region.code),
    [regions.data, installation.region.code],
  );
  const county = counties.find((c) => c.code === countyCode);

  return (
    <Stack gap="md">
      <Group gap="sm" className="no-print">
        <Select
          label="审核的县市"
          placeholder="请选择县市"
          searchable
          data={counties.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
          value={county?.code ?? null}
          onChange={(code) => navigate('exchange', 'review', ...(code ? [code] : []))}
          w={260}
        />
      </Group>
      {county ? (
        <PeerReview key={county.code} peer={{ via: 'county', code: county.code, name: county.name }} />
      ) : (
        <EmptyNotice
          title="请选择要审核的县市"
          description="导入某县的上报包后，在这里逐项审核其绩效目标：通过，或填写意见退回。审核意见导出为反馈包交回该县，该县导入后被退回的目标即回到“被退回”状态。"
        />
      )}
    </Stack>
  );
}

/** The records a county or a unit reported, each with the latest decision on it. */
function useReportedTargets(peer: ReplyPeer, year: number) {
  return useInvoke<'exchange.countyTargets' | 'exchange.unitTargets'>(
    peer.via === 'unit' ? 'exchange.unitTargets' : 'exchange.countyTargets',
    peer.via === 'unit' ? { unit: peer.code, year } : { county: peer.code, year },
  );
}

/** One county's targets under the prefecture's review, or one unit's under its county's. */
export function PeerReview({ peer }: { peer: ReplyPeer }) {
  const { year } = useExchange();
  const targets = useReportedTargets(peer, year);
  const byUnit = peer.via === 'unit';
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<Shown>('all');
  const [returning, setReturning] = useState<readonly CountyTarget[] | null>(null);
  const [approving, setApproving] = useState<readonly CountyTarget[] | null>(null);
  const [redeciding, setRedeciding] = useState<{ target: CountyTarget; action: 'approve' | 'return' } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [revision, setRevision] = useState(0);

  const reloadTargets = targets.reload;
  const decided = useCallback(async () => {
    await reloadTargets();
    setSelected(new Set());
    setRevision((n) => n + 1);
  }, [reloadTargets]);
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const approve = useCallback(
    async (target: CountyTarget) => {
      try {
        await invoke('exchange.decide', { entity: 'target', recordId: target.id, action: 'approve', opinion: '' });
        await decided();
      } catch (error) {
        notifyError(error, '没有记下审核结果');
      }
    },
    [decided],
  );

  const all = targets.data ?? [];
  const pending = all.filter((t) => t.decision && !t.decision.sent).length;
  const rows = useMemo(() => {
    const q = query.trim();
    return (targets.data ?? []).filter(
      (t) =>
        (shown === 'all' || (shown === 'undecided' ? !t.decision : t.decision && !t.decision.sent)) &&
        (!q || t.ownerCode.includes(q) || (t.projectName ?? '').includes(q)),
    );
  }, [targets.data, query, shown]);

  const decidable = useMemo(() => rows.filter((t) => !refusalOf(t)), [rows]);
  const chosen = useMemo(() => all.filter((t) => selected.has(t.id) && !refusalOf(t)), [all, selected]);

  const columns = useMemo<Column<CountyTarget>[]>(
    () => [
      {
        key: 'select',
        header: '选择',
        width: '56px',
        align: 'center',
        cell: (t) => (
          <Checkbox
            className="no-print"
            aria-label={`选择 ${targetName(t)}`}
            checked={selected.has(t.id)}
            disabled={!!refusalOf(t)}
            onChange={(e) => toggle(t.id, e.currentTarget.checked)}
          />
        ),
      },
      { key: 'kind', header: '类型', width: '110px', cell: (t) => TARGET_KINDS[t.kind] ?? t.kind },
      { key: 'code', header: '编码', width: '170px', cell: (t) => <Text span ff="monospace" size="sm">{t.ownerCode}</Text> },
      { key: 'name', header: '名称', width: 'minmax(200px, 2fr)', cell: (t) => <span title={targetName(t)}>{targetName(t)}</span> },
      { key: 'status', header: byUnit ? '单位状态' : '县级状态', width: '90px', cell: (t) => WORKFLOW_LABELS[t.status as WorkflowState] ?? t.status },
      { key: 'decision', header: byUnit ? '县级审核' : '州级审核', width: 'minmax(260px, 2fr)', cell: (t) => <DecisionCell target={t} /> },
      {
        key: 'actions',
        header: '操作',
        width: '130px',
        cell: (t) => {
          const refusal = refusalOf(t);
          if (refusal) {
            return (
              <Text span size="sm" c="dimmed" title={refusal}>
                未送审
              </Text>
            );
          }
          return (
            <Group gap={4} wrap="nowrap" className="no-print">
              <Button
                size="compact-sm"
                variant="subtle"
                color="teal"
                onClick={() => (redecidable(t) ? setRedeciding({ target: t, action: 'approve' }) : approve(t))}
                aria-label={`通过 ${targetName(t)}`}
              >
                通过
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => (redecidable(t) ? setRedeciding({ target: t, action: 'return' }) : setReturning([t]))}
                aria-label={`退回 ${targetName(t)}`}
              >
                退回
              </Button>
            </Group>
          );
        },
      },
    ],
    [approve, byUnit, selected, toggle],
  );

  let list;
  if (targets.error) list = <Alert color="red" title={`无法读取${peer.name}的绩效目标`}>{targets.error}</Alert>;
  else if (!targets.data) list = <Loader aria-label="正在读取绩效目标" />;
  else if (all.length === 0) {
    list = (
      <EmptyNotice
        title={`还没有收到${peer.name} ${year} 年度的绩效目标`}
        description={`请先${byUnit ? '在本页上方' : '在“导入上报包”中'}导入${peer.name}的上报包（阶段为“绩效目标”或“全部”），其中的绩效目标就会列在这里供审核。`}
      />
    );
  } else {
    list = (
      <>
        <Group justify="space-between" className="no-print">
          <Group gap="sm">
            <TextInput aria-label="搜索目标" placeholder="按编码或名称搜索" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={240} />
            <SegmentedControl
              size="xs"
              value={shown}
              onChange={(v) => setShown(v as Shown)}
              data={[
                { value: 'all', label: `全部 ${all.length}` },
                { value: 'undecided', label: `未审核 ${all.filter((t) => !t.decision).length}` },
                { value: 'pending', label: `待发送 ${pending}` },
              ]}
            />
          </Group>
          <Button size="xs" variant="default" onClick={() => window.print()}>
            打印
          </Button>
        </Group>
        <Group gap="sm" className="no-print" role="group" aria-label="批量审核">
          <Checkbox
            label={`全选可审核的 ${decidable.length} 项`}
            checked={decidable.length > 0 && decidable.every((t) => selected.has(t.id))}
            indeterminate={chosen.length > 0 && !decidable.every((t) => selected.has(t.id))}
            disabled={decidable.length === 0}
            onChange={(e) => setSelected(e.currentTarget.checked ? new Set(decidable.map((t) => t.id)) : new Set())}
          />
          <Text size="sm" c="dimmed">
            已选 {chosen.length} 项
          </Text>
          <Button size="xs" color="teal" disabled={chosen.length === 0} onClick={() => setApproving(chosen)}>
            批量通过
          </Button>
          <Button size="xs" color="red" variant="light" disabled={chosen.length === 0} onClick={() => setReturning(chosen)}>
            批量退回
          </Button>
        </Group>
        <VirtualTable label={`${peer.name}的绩效目标`} rows={rows} columns={columns} rowKey={(t) => t.id} height={Math.min(480, 40 * (rows.length + 1) + 2)} />
      </>
    );
  }

  return (
    <Stack gap="md">
      {list}
      <ExportCard to={peer} revision={revision} onExported={reloadTargets} />
      {returning && <ReturnModal targets={returning} receiver={peer.name} onClose={() => setReturning(null)} onReturned={decided} />}
      {redeciding && <RedecideModal {...redeciding} receiver={peer.name} onClose={() => setRedeciding(null)} onDecided={decided} />}
      {approving && <ApproveModal targets={approving} receiver={peer.name} onClose={() => setApproving(null)} onApproved={decided} />}
    </Stack>
  );
}

/** The latest decision taken here on a target that came up, and whether a reply has carried it yet. */
export function DecisionCell({ target }: { target: Pick<CountyTarget, 'decision'> }) {
  const { decision } = target;
  if (!decision) {
    return (
      <Text span size="sm" c="dimmed">
        未审核
      </Text>
    );
  }
  const returned = decision.action === 'return';
  return (
    <Group gap={4} wrap="nowrap" title={decision.opinion}>
      <Badge variant="light" color={returned ? 'red' : 'teal'} style={{ flexShrink: 0 }}>
        {returned ? '退回' : '通过'}
      </Badge>
      <Badge variant={decision.sent ? 'outline' : 'filled'} color={decision.sent ? 'gray' : 'orange'} style={{ flexShrink: 0 }}>
        {decision.sent ? '已发送' : '待发送'}
      </Badge>
      {decision.opinion && (
        <Text span size="sm" truncate>
          {decision.opinion}
        </Text>
      )}
    </Group>
  );
}
