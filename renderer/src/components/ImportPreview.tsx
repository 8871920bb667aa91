// The preview of an Excel import, before anything is written: counts by what would happen, every problem
// by row number and column (and sheet, for workbooks of several tables), and the rows of the file.
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { FilePayload } from '../../../electron/ipc/contract';
import type { ImportAction, ImportPreview, ImportResult, RowProblem } from '../../../electron/xlsx/importKit';
import { readFilePayload } from './files';
import { notifyError } from './notify';
import { VirtualTable, type Column } from './VirtualTable';

export const IMPORT_ACTIONS: Record<ImportAction, { label: string; color: string }> = {
  create: { label: '新增', color: 'teal' },
  update: { label: '更新', color: 'blue' },
  unchanged: { label: '无变化', color: 'gray' },
  error: { label: '有错误', color: 'red' },
};

export const actionBadge = (action: ImportAction) => (
  <Badge variant="light" color={IMPORT_ACTIONS[action].color}>
    {IMPORT_ACTIONS[action].label}
  </Badge>
);

const problemColumns = (withSheet: boolean): Column<RowProblem>[] => [
  ...(withSheet ? [{ key: 'sheet', header: '工作表', width: '100px', cell: (p: RowProblem) => p.sheet ?? '' }] : []),
  { key: 'row', header: '行号', width: '80px', cell: (p) => `第 ${p.rowNumber} 行` },
  { key: 'column', header: '列', width: '130px', cell: (p) => p.column },
  { key: 'message', header: '问题', width: 'minmax(240px, 1fr)', cell: (p) => <span title={p.message}>{p.message}</span> },
];

export function ImportPreviewModal<R>({
  preview,
  unitLabel,
  skipNote,
  rowColumns,
  rowKey,
  allOrNothing = false,
  notice,
  committing,
  onCancel,
  onConfirm,
}: {
  preview: ImportPreview<R>;
  /** What one row of `rows` is, e.g. 个项目. */
  unitLabel: string;
  /** What happens to the rows with problems, e.g. 这些项目整体不导入. */
  skipNote: string;
  rowColumns: Column<R>[];
  rowKey: (row: R) => string;
  /** A file that goes in whole or not at all: any problem holds back every row. */
  allOrNothing?: boolean;
  /** What the workflow has to say about the file beyond its rows, e.g. amounts past an allocation. */
  notice?: ReactNode;
  committing: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { counts, problems, rows } = preview;
  const writable = allOrNothing && problems.length > 0 ? 0 : counts.create + counts.update;
  const withSheet = problems.some((p) => p.sheet);
  return (
    <Modal opened onClose={onCancel} title={`导入预览：${preview.fileName}`} size="xl" closeOnClickOutside={false}>
      <Stack gap="md">
        <SimpleGrid cols={4}>
          {(Object.keys(IMPORT_ACTIONS) as ImportAction[]).map((action) => (
            <Paper key={action} withBorder p="sm" ta="center">
              <Text size="sm" c="dimmed">
                {IMPORT_ACTIONS[action].label}
              </Text>
              <Text fz={24} fw={700} c={counts[action] > 0 ? IMPORT_ACTIONS[action].color : 'dimmed'}>
                {counts[action]}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        {problems.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5" c="red.8">
              {counts.error} {unitLabel}有错误，{skipNote}；改正后可再次导入
            </Title>
            <VirtualTable
              label="有错误的行"
              rows={problems}
              columns={problemColumns(withSheet)}
              rowKey={(p) => `${p.sheet ?? ''}-${p.rowNumber}-${p.column}-${p.message}`}
              height={Math.min(240, 40 * (problems.length + 1) + 2)}
            />
            {preview.problemTotal > problems.length && (
              <Text size="sm" c="dimmed">
                共 {preview.problemTotal} 处问题，这里列出前 {problems.length} 处；改正后再次导入可看到其余的问题
              </Text>
            )}
          </Stack>
        )}
        <Stack gap="xs">
          <Title order={3} size="h5">
            文件中的 {rows.length} {unitLabel}
          </Title>
          <VirtualTable label="导入内容" rows={rows} columns={rowColumns} rowKey={rowKey} height={Math.min(240, 40 * (rows.length + 1) + 2)} />
        </Stack>
        {notice}
        {writable === 0 && <Alert color="yellow">{problems.length > 0 && allOrNothing ? '文件中有错误，整个文件都不会导入；请改正后重新选择文件。' : '这个文件没有需要写入的内容。'}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={committing}>
            取消
          </Button>
          <Button onClick={onConfirm} loading={committing} disabled={writable === 0}>
            确认导入 {writable} {unitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * An import in two steps: preview a chosen file, then commit the same bytes. Returns the handler for a
 * picked file, whether it is being read, and the preview modal to render.
 */
export function useImportFlow<P>({
  preview,
  commit,
  onImported,
  renderModal,
}: {
  preview: (file: FilePayload) => Promise<P>;
  commit: (file: FilePayload) => Promise<ImportResult<P>>;
  onImported: (result: ImportResult<P>) => Promise<void> | void;
  renderModal: (props: { preview: P; committing: boolean; onCancel: () => void; onConfirm: () => void }) => ReactNode;
}) {
  const [pending, setPending] = useState<{ file: FilePayload; preview: P } | null>(null);
  const [reading, setReading] = useState(false);
  const [committing, setCommitting] = useState(false);

  async function choose(chosen: File) {
    setReading(true);
    try {
      const file = await readFilePayload(chosen);
      setPending({ file, preview: await preview(file) });
    } catch (error) {
      notifyError(error, '无法读取这个 Excel 文件');
    } finally {
      setReading(false);
    }
  }

  async function confirm() {
    if (!pending) return;
    setCommitting(true);
    try {
      const result = await commit(pending.file);
      setPending(null);
      await onImported(result);
    } catch (error) {
      notifyError(error, '导入失败，没有写入任何数据');
    } finally {
      setCommitting(false);
    }
  }

  const modal = pending && renderModal({ preview: pending.preview, committing, onCancel: () => setPending(null), onConfirm: confirm });
  return { choose, reading, modal };
}
