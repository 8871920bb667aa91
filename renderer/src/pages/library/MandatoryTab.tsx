// 固化指标: choose a fund kind (衔接资金) or a project type, see the library indicators every target of it
// must carry, add accepted ones (with the direction a new target starts with) or take one out. Each change
// is a new library version, and travels down with the library update package.
import { ActionIcon, Alert, Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { FUND_KINDS, MANDATORY_OPERATORS, mandatoryRule, type MandatoryScope } from '../../../../electron/domain/mandatoryIndicators';
import { referenceTarget } from '../../../../electron/domain/library';
import type { MandatoryEntry, ProjectTypeSummary } from '../../../../electron/library/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { notifyError, notifySuccess } from '../../components/notify';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';

const OPERATOR_OPTIONS = MANDATORY_OPERATORS.map((o) => ({ value: o, label: o === '' ? '沿用指标库' : o }));

export function MandatoryTab({ types }: { types: readonly ProjectTypeSummary[] }) {
  const [scope, setScope] = useState<MandatoryScope>('fund');
  const [scopeCode, setScopeCode] = useState<string | null>(FUND_KINDS[0].code);
  const entries = useInvoke('library.mandatory', {});
  const allowance = useAllowed('library.confirm');

  const scopeOptions = scope === 'fund' ? FUND_KINDS.map((k) => ({ value: k.code, label: k.label })) : types.map((t) => ({ value: t.code, label: `${t.name}（${t.code}）` }));
  const scopeName = scopeOptions.find((o) => o.value === scopeCode)?.label ?? '';
  const shown = (entries.data ?? []).filter((e) => e.scope === scope && e.scopeCode === scopeCode);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={820}>
        固化指标是某类项目必须包含的指标（例如衔接资金项目的带动脱贫人口、资金支出进度）。新建绩效目标时自动带出，单位只能填写指标值，不能删除或改名；缺少固化指标的目标不能送审。
      </Text>
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label="固化指标按"
          value={scope}
          onChange={(next) => {
            setScope(next as MandatoryScope);
            setScopeCode(next === 'fund' ? FUND_KINDS[0].code : null);
          }}
          data={[
            { value: 'fund', label: '按资金类型' },
            { value: 'projectType', label: '按项目类型' },
          ]}
        />
        <Select
          label={scope === 'fund' ? '资金类型' : '项目类型'}
          data={scopeOptions}
          value={scopeCode}
          onChange={setScopeCode}
          searchable
          w={320}
          placeholder="请选择"
        />
      </Group>
      {entries.error && <Alert color="red" title="无法读取固化指标">{entries.error}</Alert>}
      {!entries.data && !entries.error && <Loader aria-label="正在读取固化指标" />}
      {entries.data && scopeCode && (
        <>
          <MandatoryList entries={shown} canChange={allowance.allowed} onChanged={entries.reload} title={`${scopeName}的固化指标`} />
          {allowance.allowed ? (
            <AddMandatory scope={scope} scopeCode={scopeCode} existing={shown} onAdded={entries.reload} />
          ) : (
            <NotAllowedNote allowance={allowance} />
          )}
        </>
      )}
    </Stack>
  );
}

function MandatoryList({ entries, canChange, onChanged, title }: { entries: readonly MandatoryEntry[]; canChange: boolean; onChanged: () => Promise<void>; title: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  async function remove(entry: MandatoryEntry) {
    setBusy(entry.id);
    try {
      await invoke('library.removeMandatory', { id: entry.id, version: entry.version });
      await onChanged();
      notifySuccess(`“${entry.indicator.name}”不再是固化指标；已有目标中的该指标保留为普通指标`, '已取消固化');
    } catch (error) {
      notifyError(error, '没有取消');
    } finally {
      setBusy(null);
    }
  }
  if (entries.length === 0) return <EmptyNotice title="还没有固化指标" description="从下方选择已入库的指标添加。" />;
  return (
    <Table withTableBorder aria-label={title} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>三级指标</Table.Th>
          <Table.Th w={200}>一级 / 二级指标</Table.Th>
          <Table.Th w={110}>指标性质</Table.Th>
          <Table.Th w={150}>参考值</Table.Th>
          <Table.Th w={130}>指标编码</Table.Th>
          <Table.Th w={90} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.indicator.name}</Table.Td>
            <Table.Td>
              {e.indicator.level1} / {e.indicator.level2}
            </Table.Td>
            <Table.Td>{e.operator || `${e.indicator.operator}（沿用）`}</Table.Td>
            <Table.Td>{referenceTarget(e.indicator) || '—'}</Table.Td>
            <Table.Td>{e.indicatorCode}</Table.Td>
            <Table.Td>
              {canChange && (
                <ActionIcon variant="subtle" color="red" aria-label={`取消固化 ${e.indicator.name}`} loading={busy === e.id} onClick={() => void remove(e)}>
                  ×
                </ActionIcon>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AddMandatory({
  scope,
  scopeCode,
  existing,
  onAdded,
}: {
  scope: MandatoryScope;
  scopeCode: string;
  existing: readonly MandatoryEntry[];
  onAdded: () => Promise<void>;
}) {
  // A project type's set comes from its own indicators; a fund kind's from any project type.
  const search = useInvoke('library.search', { status: 'accepted', projectTypeCode: scope === 'projectType' ? scopeCode : null, limit: 10_000 });
  const [code, setCode] = useState<string | null>(null);
  const [operator, setOperator] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => {
    const taken = new Set(existing.map((e) => e.indicatorCode));
    return (search.data?.indicators ?? []).filter((i) => !taken.has(i.code)).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }));
  }, [search.data, existing]);

  async function add() {
    if (!code) return;
    setBusy(true);
    try {
      const added = await invoke('library.addMandatory', { scope, scopeCode, indicatorCode: code, operator: operator as (typeof MANDATORY_OPERATORS)[number] });
      await onAdded();
      setCode(null);
      notifySuccess(`“${added.indicator.name}”已设为${mandatoryRule(added.scope, added.scopeName)}`, '已添加固化指标');
    } catch (error) {
      notifyError(error, '没有添加');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label="添加已入库指标"
          placeholder={search.data ? '输入名称查找' : '正在读取指标'}
          data={options}
          value={code}
          onChange={setCode}
          searchable
          limit={200}
          nothingFoundMessage="没有可添加的已入库指标"
          style={{ flex: 1 }}
          maw={520}
        />
        <Select label="新目标的指标性质" data={OPERATOR_OPTIONS} value={operator} onChange={(v) => setOperator(v ?? '')} allowDeselect={false} w={140} />
        <Button onClick={() => void add()} loading={busy} disabled={!code}>
          添加固化指标
        </Button>
      </Group>
    </Paper>
  );
}
