// Importing a package in two steps: the service verifies and dry-runs the chosen file (nothing written),
// the reviewer confirms in ImportReviewModal, and the same bytes are imported in one transaction. A
// refused package is shown in full where the file was chosen: the message names the check that failed.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ImportSummary } from '../../../../electron/exchange/contract';
import type { FilePayload } from '../../../../electron/ipc/contract';
import { ApiError, errorMessage, invoke } from '../../api';
import { PickFileButton } from '../../components/FileActions';
import { downloadFile, readFilePayload } from '../../components/files';
import { notifyError, notifySuccess } from '../../components/notify';
import { IfAllowed } from '../../components/useAllowed';
import { useExchange } from './exchangeContext';
import { ImportReviewModal } from './ImportReviewModal';
import { countsText } from './packageState';

const ZIP_ACCEPT = '.zip,application/zip';

interface Failure {
  title: string;
  message: string;
}

function failureOf(error: unknown, fileName: string): Failure {
  const refused = error instanceof ApiError && error.code === 'PACKAGE_REFUSED';
  return { title: refused ? `数据包“${fileName}”被拒绝，没有写入任何数据` : `数据包“${fileName}”没有导入`, message: errorMessage(error) };
}

/** Issues the signed receipt for an imported package and downloads it. */
export async function downloadReceipt(packageId: string): Promise<boolean> {
  try {
    const { file } = await invoke('exchange.receipt', { packageId });
    downloadFile(file);
    notifySuccess(`回执“${file.fileName}”已下载，请交回发送方导入`, '已出具回执');
    return true;
  } catch (error) {
    notifyError(error, '没有出具回执');
    return false;
  }
}

export function ImportCard({ title, description }: { title: string; description: ReactNode }) {
  const { options, packagesChanged } = useExchange();
  const [reading, setReading] = useState(false);
  const [pending, setPending] = useState<{ file: FilePayload; summary: ImportSummary } | null>(null);
  const [importing, setImporting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<{ summary: ImportSummary; receiptIssued: boolean } | null>(null);

  async function preview(chosen: File) {
    setFailure(null);
    setDone(null);
    setReading(true);
    try {
      const file = await readFilePayload(chosen);
      // A dry run writes nothing, so it may look at an unknown sender's package; trusting the sender
      // is the reviewer's decision in the modal, after comparing the fingerprint.
      setPending({ file, summary: await invoke('exchange.preview', { file, trust: true }) });
    } catch (error) {
      setFailure(failureOf(error, chosen.name));
    } finally {
      setReading(false);
    }
  }

  async function confirm() {
    if (!pending) return;
    setImporting(true);
    try {
      const summary = await invoke('exchange.import', { file: pending.file, trust: pending.summary.newPeer });
      setDone({ summary, receiptIssued: false });
      setPending(null);
      notifySuccess(`${options.kinds[summary.kind]}已导入`, '导入完成');
    } catch (error) {
      setFailure(failureOf(error, pending.file.fileName));
      setPending(null);
    } finally {
      setImporting(false);
      await packagesChanged();
    }
  }

  async function issueReceipt(summary: ImportSummary) {
    if (await downloadReceipt(summary.packageId)) {
      setDone({ summary, receiptIssued: true });
      await packagesChanged();
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-title">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        <Group>
          <IfAllowed permission="enter">
            <PickFileButton label="选择数据包文件（.zip）" accept={ZIP_ACCEPT} onFile={preview} loading={reading} />
          </IfAllowed>
          {reading && (
            <Text size="sm" c="dimmed" role="status">
              正在校验签名和文件完整性…
            </Text>
          )}
        </Group>

        {failure && (
          <Alert color="red" variant="filled" title={failure.title} withCloseButton onClose={() => setFailure(null)} role="alert">
            {failure.message}
          </Alert>
        )}
        {done && <ImportResult summary={done.summary} receiptIssued={done.receiptIssued} onReceipt={() => issueReceipt(done.summary)} />}
      </Stack>
      {pending && (
        <ImportReviewModal fileName={pending.file.fileName} summary={pending.summary} importing={importing} onCancel={() => setPending(null)} onConfirm={confirm} />
      )}
    </Paper>
  );
}

function ImportResult({
  summary,
  receiptIssued,
  onReceipt,
}: {
  summary: ImportSummary;
  receiptIssued: boolean;
  onReceipt: () => Promise<void>;
}) {
  const { options, countLabels } = useExchange();
  const [issuing, setIssuing] = useState(false);
  const what = `${summary.sender.name}的第 ${summary.sequence} 号${options.kinds[summary.kind]}`;
  if (summary.kind === 'receipt') {
    return (
      <Alert color="teal" title={`已导入${what}`}>
        {summary.repeat ? '该回执之前已导入过，没有变化。' : `本机发出的数据包中 ${summary.acknowledged} 条记录已标记为对方收到。`}
      </Alert>
    );
  }
  return (
    <Alert color="teal" title={summary.repeat ? `${what}之前已导入过，没有变化` : `已导入${what}`}>
      <Stack gap="xs">
        <Text size="sm">
          {countsText(summary.counts, countLabels)}
          {summary.decisions > 0 && `；审核意见 ${summary.decisions} 条`}
        </Text>
        {receiptIssued ? (
          <Text size="sm">回执已出具并下载，请交回{summary.sender.name}。</Text>
        ) : (
          <Group gap="sm">
            <Text size="sm">请出具回执交回{summary.sender.name}，对方导入后即确认这些记录已送达。</Text>
            <Button
              size="xs"
              loading={issuing}
              onClick={async () => {
                setIssuing(true);
                await onReceipt();
                setIssuing(false);
              }}
            >
              出具回执
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
