import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Expert, ExpertImportPreview, ExpertImportRow } from '../../../../../electron/experts/contract';
import { invoke } from '../../../api';
import { EmptyNotice, NoMatches } from '../../../components/EmptyNotice';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../../components/FileActions';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../../components/ImportPreview';
import { notifySuccess } from '../../../components/notify';
import { IfAllowed, useAllowed } from '../../../components/useAllowed';
import { useInvoke } from '../../../components/useInvoke';
import type { Column } from '../../../components/VirtualTable';
import { ConflictsModal } from './ConflictsModal';
import { ExpertFormModal } from './ExpertFormModal';

const IMPORT_COLUMNS: Column<ExpertImportRow>[] = [
  { key: 'row', header: '行号', width: '80px', cell: (r) => r.rowNumber },
  { key: 'name', header: '姓名', width: '120px', cell: (r) => r.name },
  { key: 'organisation', header: '工作单位', width: 'minmax(200px, 1fr)', cell: (r) => r.organisation },
  { key: 'action', header: '处理方式', width: '100px', cell: (r) => actionBadge(r.action) },
];

const downloadTemplate = () => invoke('experts.template', {});
const exportExperts = () => invoke('experts.export', {});
const matches = (expert: Expert, query: string) => [expert.name, expert.field, expert.organisation, expert.title].some((t) => t.includes(query));

/** 专家库: the experts with their availability and declared conflicts, the form and the Excel round trip. */
export function ExpertsTab() {
  const experts = useInvoke('experts.list', {});
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [conflictsOf, setConflictsOf] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const canEnter = useAllowed('enter').allowed;
  const expertImport = useImportFlow<ExpertImportPreview>({
    preview: (file) => invoke('experts.importPreview', file),
    commit: (file) => invoke('experts.importCommit', file),
    onImported: async (result) => {
      await experts.reload();
      notifySuccess(`已导入 ${result.written} 位专家${result.counts.error ? `，跳过 ${result.counts.error} 行有错误的数据` : ''}`, '导入完成');
    },
    renderModal: (props) => <ImportPreviewModal {...props} unitLabel="行" skipNote="导入时将跳过" rowColumns={IMPORT_COLUMNS} rowKey={(r) => String(r.rowNumber)} />,
  });

  const all = experts.data ?? [];
  const visible = all.filter((e) => matches(e, query.trim()));
  const importButton = <PickFileButton label="从 Excel 导入" accept={XLSX_ACCEPT} onFile={expertImport.choose} loading={expertImport.reading} variant="default" />;
  const conflicted = all.find((e) => e.id === conflictsOf);

  let body;
  if (experts.error) body = <Alert color="red" title="无法读取专家库">{experts.error}</Alert>;
  else if (!experts.data) body = <Loader aria-label="正在读取专家库" />;
  else if (all.length === 0) {
    body = (
      <EmptyNotice title="专家库还是空的" description="评价计划中的项目要从专家库指派评价专家。可以逐个新增，也可以下载模板填好后一次导入。">
        <IfAllowed permission="enter">
          <Button onClick={() => setEditing('new')}>新增专家</Button>
          {importButton}
          <DownloadButton label="下载模板" fetchFile={downloadTemplate} variant="subtle" />
        </IfAllowed>
      </EmptyNotice>
    );
  } else {
    body = (
      <>
        <Group justify="space-between" className="no-print">
          <Group gap="sm">
            <TextInput aria-label="搜索专家" placeholder="按姓名、领域或工作单位搜索" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={260} />
            <Text size="sm" c="dimmed" role="status">
              共 {all.length} 位专家，可用 {all.filter((e) => e.available).length} 位
            </Text>
          </Group>
          <Group gap="xs">
            <IfAllowed permission="enter">
              <Button onClick={() => setEditing('new')}>新增专家</Button>
              {importButton}
            </IfAllowed>
            <DownloadButton label="导出" fetchFile={exportExperts} variant="default" />
            <DownloadButton label="下载模板" fetchFile={downloadTemplate} variant="subtle" />
          </Group>
        </Group>
        {visible.length === 0 ? (
          <NoMatches title="没有符合条件的专家" description={`没有姓名、领域或工作单位包含“${query.trim()}”的专家。`} onClear={() => setQuery('')} />
        ) : (
          <Table withTableBorder withColumnBorders aria-label="专家库" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>姓名</Table.Th>
                <Table.Th w={110}>领域</Table.Th>
                <Table.Th w={120}>职称</Table.Th>
                <Table.Th>工作单位</Table.Th>
                <Table.Th w={130}>联系方式</Table.Th>
                <Table.Th w={80}>状态</Table.Th>
                <Table.Th w={200}>利益冲突</Table.Th>
                <Table.Th w={150} className="no-print">操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>{e.title}</Table.Td>
                  <Table.Td>
                    {e.organisation}
                    {e.unitCode && <Badge ml={6} size="xs" variant="outline">本县单位</Badge>}
                  </Table.Td>
                  <Table.Td>{e.contact}</Table.Td>
                  <Table.Td>
                    <Badge color={e.available ? 'teal' : 'gray'} variant={e.available ? 'light' : 'outline'}>
                      {e.available ? '可用' : '暂停'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.conflicts.length ? e.conflicts.map((c) => c.unitName).join('、') : '—'}</Text>
                  </Table.Td>
                  <Table.Td className="no-print">
                    <Group gap={4} wrap="nowrap">
                      {canEnter && (
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(e)} aria-label={`修改 ${e.name}`}>
                          修改
                        </Button>
                      )}
                      <Button size="compact-sm" variant="subtle" onClick={() => setConflictsOf(e.id)} aria-label={`利益冲突 ${e.name}`}>
                        利益冲突
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </>
    );
  }

  return (
    <Stack gap="sm">
      {body}
      {editing && <ExpertFormModal expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={experts.reload} />}
      {conflicted && <ConflictsModal expert={conflicted} canEnter={canEnter} onClose={() => setConflictsOf(null)} onChanged={experts.reload} />}
      {expertImport.modal}
    </Stack>
  );
}
