// Before an import writes anything: who sent the package (and, on first contact, the fingerprint to
// confirm by phone), what it is, and the dry run — every record with what would happen to it.
import { Alert, Badge, Button, Checkbox, Group, LoadingOverlay, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { WORKFLOW_LABELS, type WorkflowState } from '../../../../electron/domain/workflow';
import type { ImportSummary, PlannedRecord, RecordAction } from '../../../../electron/exchange/contract';
import { Fingerprint } from '../../components/Fingerprint';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useExchange } from './exchangeContext';

export const ACTION_COLORS: Record<RecordAction, string> = {
  created: 'teal',
  updated: 'blue',
  unchanged: 'gray',
  deleted: 'orange',
  conflict: 'red',
};
const ACTIONS = Object.keys(ACTION_COLORS) as RecordAction[];

/** A record whose copy here waits for this installation's review: what the sender itself had (its own workflow state). */
function senderStateText(state: NonNullable<PlannedRecord['senderState']>): string {
  const status = String(state.status ?? '');
  const label = WORKFLOW_LABELS[status as WorkflowState] ?? status;
  return `对方自己的状态${label ? `为“${label}”` : '与本机不同'}；本机不采用，待本机审核`;
}

export function ImportReviewModal({
  fileName,
  summary,
  importing,
  onCancel,
  onConfirm,
}: {
  fileName: string;
  summary: ImportSummary;
  importing: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { options } = useExchange();
  const [fingerprintChecked, setFingerprintChecked] = useState(false);
  const [shown, setShown] = useState<RecordAction | 'all'>(summary.counts.conflict > 0 ? 'conflict' : 'all');
  const stage = options.stages.find((s) => s.value === summary.stage)?.label ?? summary.stage;

  const columns = useMemo<Column<PlannedRecord>[]>(
    () => [
      { key: 'label', header: '对象', width: '120px', cell: (r) => r.label },
      { key: 'key', header: '编码（自然键）', width: 'minmax(200px, 1.2fr)', cell: (r) => <Text span ff="monospace" size="sm" title={r.naturalKey}>{r.naturalKey}</Text> },
      {
        key: 'action',
        header: '处理',
        width: '90px',
        cell: (r) => (
          <Badge variant={r.action === 'conflict' ? 'filled' : 'light'} color={ACTION_COLORS[r.action]}>
            {options.actions[r.action]}
          </Badge>
        ),
      },
      {
        key: 'reason',
        header: '原因',
        width: 'minmax(240px, 2fr)',
        cell: (r) =>
          r.reason ? (
            <Text span size="sm" c="red.8" title={r.reason}>
              {r.reason}
            </Text>
          ) : (
            r.senderState && (
              <Text span size="sm" c="dimmed">
                {senderStateText(r.senderState)}
              </Text>
            )
          ),
      },
    ],
    [options.actions],
  );
  // Conflicts first: they are what the reviewer must look at.
  const rows = useMemo(() => {
    const chosen = shown === 'all' ? summary.records : summary.records.filter((r) => r.action === shown);
    return [...chosen].sort((a, b) => Number(b.action === 'conflict') - Number(a.action === 'conflict'));
  }, [summary.records, shown]);

  const receipt = summary.kind === 'receipt';
  const confirmLabel = summary.newPeer ? '信任并导入' : '确认导入';
  const trustAllowance = useAllowed('peers.trust');
  const trustRefused = summary.newPeer && !trustAllowance.allowed;

  return (
    <Modal opened onClose={onCancel} title={`导入前核对：${options.kinds[summary.kind]}`} size="80rem" closeOnClickOutside={false} closeOnEscape={!importing}>
      <LoadingOverlay visible={importing} loaderProps={{ children: <Text fw={500}>正在导入数据包，请勿关闭程序…</Text> }} />
      <Stack gap="md">
        <Table withTableBorder variant="vertical" aria-label="数据包信息">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120}>发送方</Table.Th>
              <Table.Td>
                {summary.sender.name}（{summary.sender.region}）
              </Table.Td>
              <Table.Th w={120}>文件</Table.Th>
              <Table.Td>{fileName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>类型</Table.Th>
              <Table.Td>{options.kinds[summary.kind]}</Table.Td>
              <Table.Th>年度 · 阶段</Table.Th>
              <Table.Td>
                {summary.year} 年度 · {stage}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>发送方序号</Table.Th>
              <Table.Td>第 {summary.sequence} 号</Table.Td>
              <Table.Th>发送方指纹</Table.Th>
              <Table.Td>
                <Fingerprint value={summary.sender.fingerprint} size="sm" />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>

        {summary.newPeer && (
          <Alert color="orange" title={`${summary.sender.name}尚未登记：请先电话核对指纹`}>
            <Stack gap="xs">
              <Text size="sm">
                这是本机第一次收到{summary.sender.name}的数据包。请打电话给对方，请对方打开其软件“数据交换”或“设置 → 本机信息”中的公钥指纹，与下面的指纹逐组核对。一致才可信任；不一致说明文件可能被伪造，请不要导入。
              </Text>
              <Paper p="sm" withBorder bg="white">
                <Fingerprint value={summary.sender.fingerprint} />
              </Paper>
              <Checkbox
                label="已电话核对，指纹完全一致"
                checked={fingerprintChecked}
                onChange={(e) => setFingerprintChecked(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        {summary.repeat && <Alert color="gray">该数据包已经导入过，再次导入不会改变任何数据。</Alert>}

        {receipt ? (
          <Alert color="blue">
            这是{summary.sender.name}为本机发出的数据包出具的回执。导入后，该包所含的 {summary.acknowledged} 条记录标记为对方已收到，下次增量导出不再重复发送。
          </Alert>
        ) : (
          <>
            <SimpleGrid cols={5} aria-label="处理汇总">
              {ACTIONS.map((action) => (
                <Paper key={action} withBorder p="sm" ta="center">
                  <Text size="sm" c="dimmed">
                    {options.actions[action]}
                  </Text>
                  <Text fz={24} fw={700} c={summary.counts[action] > 0 ? ACTION_COLORS[action] : 'dimmed'}>
                    {summary.counts[action]}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            {summary.decisions > 0 && (
              <Text size="sm">
                包含州级审核意见 <b>{summary.decisions}</b> 条：被退回的绩效目标将改为“被退回”，并附上审核意见。
              </Text>
            )}
            {summary.counts.conflict > 0 && (
              <Alert color="red" title={`${summary.counts.conflict} 条记录有冲突，不会被覆盖`}>
                这些记录在本机上次接收之后被修改过，对方也发来了新版本。导入时保留本机版本，请与对方核对后再处理。
              </Alert>
            )}
            {summary.records.length === 0 ? (
              <Text size="sm" c="dimmed">
                数据包中没有需要写入的记录。
              </Text>
            ) : (
              <>
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    共 {summary.records.length} 条记录{shown !== 'all' && `，显示“${options.actions[shown]}”的 ${rows.length} 条`}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    value={shown}
                    onChange={(value) => setShown(value as RecordAction | 'all')}
                    data={[{ value: 'all', label: '全部' }, ...ACTIONS.map((a) => ({ value: a, label: `${options.actions[a]} ${summary.counts[a]}` }))]}
                  />
                </Group>
                <VirtualTable label="逐条处理" rows={rows} columns={columns} rowKey={(r) => `${r.entity}/${r.naturalKey}`} height={Math.min(280, 40 * (rows.length + 1) + 2)} />
              </>
            )}
          </>
        )}

        <Group justify="flex-end">
          {trustRefused && <NotAllowedNote allowance={trustAllowance} />}
          <Button variant="default" onClick={onCancel} disabled={importing}>
            取消
          </Button>
          <Button onClick={onConfirm} loading={importing} disabled={(summary.newPeer && !fingerprintChecked) || trustRefused} color={summary.newPeer ? 'orange' : undefined}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
