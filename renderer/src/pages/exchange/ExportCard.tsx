// 导出上报包 / 导出反馈包 (the prefecture's to a county, or a county's to one of its units): choose the
// stage and full or incremental, see what the package would carry, write it and hand the file to the
// browser's download (a save dialog under Electron).
import { Alert, Button, Group, Loader, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Stage, WrittenPackage } from '../../../../electron/exchange/contract';
import { invoke } from '../../api';
import { downloadFile } from '../../components/files';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSession } from '../../appState';
import { useInvoke } from '../../components/useInvoke';
import { useExchange, useReloadWhen } from './exchangeContext';
import { PARENT_NAMES, replyInput, type ReplyPeer } from './peers';

const MODE_HELP = {
  incremental: '增量：只包含上次对方确认收到（导入回执）之后新增或修改的记录，以及已发出但尚未确认收到的记录。',
  full: '全量：包含本年度该阶段的全部记录；对方重复导入不会产生重复数据。',
};

export function ExportCard({
  to,
  revision = 0,
  onExported,
}: {
  /** The receiver of a reply; without it, the report to this installation's own county or prefecture. */
  to?: ReplyPeer;
  /** Bumped by the parent when something changes what the package would carry. */
  revision?: number;
  /** Runs after a package is written (the review list shows its decisions as sent). */
  onExported?: () => Promise<void>;
}) {
  const { installation } = useSession();
  const { options, year, countLabels, packagesChanged, packagesRevision } = useExchange();
  const [stage, setStage] = useState<Stage>(to ? 'all' : 'targets');
  const [full, setFull] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [written, setWritten] = useState<(WrittenPackage & { fileName: string }) | null>(null);
  const preview = useInvoke('exchange.exportPreview', { year, stage, full, ...replyInput(to) });
  const { reload } = preview;
  // A receipt, a reply or a review decision changes what the next package would carry.
  useReloadWhen(reload, packagesRevision + revision);

  // A report upward offers only the stages that carry something up (not the prefecture's library).
  const stages = options.stages.filter((s) => to || s.upward);
  const counts = Object.entries(preview.data ?? {});
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  // The prefecture's library travels as a package kind of its own, written when it exports the library stage.
  const what = !to ? '上报包' : installation.role === 'prefecture' && stage === 'library' ? '指标库更新包' : '反馈包';
  const receiver = to ? to.name : PARENT_NAMES[installation.role === 'unit' ? 'unit' : 'county'];
  // The receiver's receipt comes back through the import where its packages come in.
  const receiptWhere = to?.via === 'unit' ? '“下级单位”' : '“导入上报包”';
  const titleId = `export-${to?.code ?? 'report'}`;

  async function exportPackage() {
    setExporting(true);
    try {
      const result = await invoke('exchange.export', { year, stage, full, ...replyInput(to) });
      downloadFile(result.file);
      setWritten({ ...result.written, fileName: result.file.fileName });
      notifySuccess(`第 ${result.written.sequence} 号${what}已导出，共 ${result.written.total} 条`, '导出完成');
      await Promise.all([packagesChanged(), onExported?.()]);
    } catch (error) {
      notifyError(error, `${what}没有导出`);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {to ? `导出给${to.name}的${what}` : `导出上报包 · 上报${receiver}`} · {year} 年度
        </Title>
        <Group gap="lg" align="flex-end">
          <Select
            label="阶段"
            data={stages}
            value={stage}
            onChange={(next) => next && setStage(next as Stage)}
            allowDeselect={false}
            w={140}
          />
          <Switch label="全量" checked={full} onChange={(e) => setFull(e.currentTarget.checked)} mb={8} />
        </Group>
        <Text size="sm" c="dimmed">
          {full ? MODE_HELP.full : MODE_HELP.incremental}
        </Text>

        {preview.error && <Alert color="red">{preview.error}</Alert>}
        {!preview.data && !preview.error && <Loader size="sm" aria-label="正在统计" />}
        {preview.data && (
          <Table withTableBorder aria-label={`${what}将包含`} maw={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>内容</Table.Th>
                <Table.Th ta="right">条数</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map(([key, n]) => (
                <Table.Tr key={key} c={n === 0 ? 'dimmed' : undefined}>
                  <Table.Td>{countLabels[key] ?? key}</Table.Td>
                  <Table.Td ta="right">{n}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>合计</Table.Td>
                <Table.Td ta="right">{total}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {preview.data && total === 0 && (
          <Text size="sm" c="orange.8">
            {full ? `本年度该阶段没有可发送的记录。` : `没有需要发送的新记录。如需重新发送全部记录，请打开“全量”。`}
          </Text>
        )}

        <Group>
          <Button onClick={exportPackage} loading={exporting} disabled={!preview.data || total === 0}>
            导出{what}
          </Button>
        </Group>
        {written && (
          <Alert color="teal" title={`已导出第 ${written.sequence} 号${options.kinds[written.kind]}`} withCloseButton onClose={() => setWritten(null)}>
            文件“{written.fileName}”已下载（{written.total} 条）。请通过 U 盘或共享文件夹交给{receiver}
            {to ? `；${to.name}导入后出具的回执，请在${receiptWhere}中导入本机。` : `；${receiver}导入后会出具回执，收到回执后在本页导入，本次上报的记录即标记为已送达。`}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
