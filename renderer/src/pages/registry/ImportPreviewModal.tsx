import { Alert, Badge, Button, Group, Modal, SimpleGrid, Paper, Stack, Text, Title } from '@mantine/core';
import type { RowProblem, UnitImportPreview, UnitImportRow } from '../../../../electron/registry/unitsXlsx';
import { VirtualTable, type Column } from '../../components/VirtualTable';

type Action = UnitImportRow['action'];

const ACTIONS: Record<Action, { label: string; color: string }> = {
  create: { label: '新增', color: 'teal' },
  update: { label: '更新', color: 'blue' },
  unchanged: { label: '无变化', color: 'gray' },
  error: { label: '有错误', color: 'red' },
};

const PROBLEM_COLUMNS: Column<RowProblem>[] = [
  { key: 'row', header: '行号', width: '80px', cell: (p) => `第 ${p.rowNumber} 行` },
  { key: 'column', header: '列', width: '130px', cell: (p) => p.column },
  { key: 'message', header: '问题', width: 'minmax(240px, 1fr)', cell: (p) => <span title={p.message}>{p.message}</span> },
];

const ROW_COLUMNS: Column<UnitImportRow>[] = [
  { key: 'row', header: '行号', width: '80px', cell: (r) => r.rowNumber },
  { key: 'code', header: '单位编码', width: '130px', cell: (r) => r.code },
  { key: 'name', header: '单位名称', width: 'minmax(200px, 1fr)', cell: (r) => r.name },
  {
    key: 'action',
    header: '处理方式',
    width: '100px',
    cell: (r) => (
      <Badge variant="light" color={ACTIONS[r.action].color}>
        {ACTIONS[r.action].label}
      </Badge>
    ),
  },
];

/** Shows what an import would do before anything is written. */
export function ImportPreviewModal({
  preview,
  committing,
  onCancel,
  onConfirm,
}: {
  preview: UnitImportPreview;
  committing: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { counts, problems, rows } = preview;
  const writable = counts.create + counts.update;

  return (
    <Modal opened onClose={onCancel} title={`导入预览：${preview.fileName}`} size="xl" closeOnClickOutside={false}>
      <Stack gap="md">
        <SimpleGrid cols={4}>
          {(Object.keys(ACTIONS) as Action[]).map((action) => (
            <Paper key={action} withBorder p="sm" ta="center">
              <Text size="sm" c="dimmed">
                {ACTIONS[action].label}
              </Text>
              <Text fz={24} fw={700} c={counts[action] > 0 ? ACTIONS[action].color : 'dimmed'}>
                {counts[action]}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>

        {problems.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5" c="red.8">
              以下 {counts.error} 行有错误，导入时将跳过；改正后可再次导入
            </Title>
            <VirtualTable label="有错误的行" rows={problems} columns={PROBLEM_COLUMNS} rowKey={(p) => `${p.rowNumber}-${p.column}-${p.message}`} height={Math.min(200, 40 * (problems.length + 1) + 2)} />
          </Stack>
        )}

        <Stack gap="xs">
          <Title order={3} size="h5">
            文件中的 {rows.length} 行
          </Title>
          <VirtualTable label="导入的行" rows={rows} columns={ROW_COLUMNS} rowKey={(r) => String(r.rowNumber)} height={Math.min(240, 40 * (rows.length + 1) + 2)} />
        </Stack>

        {writable === 0 && <Alert color="yellow">这个文件没有需要写入的行。</Alert>}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={committing}>
            取消
          </Button>
          <Button onClick={onConfirm} loading={committing} disabled={writable === 0}>
            确认导入 {writable} 行
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
