import { Text } from '@mantine/core';
import type { TemplateImportPreview, TemplateImportRow } from '../../../../electron/selfEvaluation/contract';
import { WORKFLOW_LABELS } from '../../../../electron/domain/workflow';
import { invoke } from '../../api';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifySuccess } from '../../components/notify';
import type { Column } from '../../components/VirtualTable';

const ROW_COLUMNS: Column<TemplateImportRow>[] = [
  { key: 'sheet', header: '工作表', width: '100px', cell: (r) => r.sheet },
  { key: 'code', header: '项目编码', width: '120px', cell: (r) => r.projectCode || '—' },
  { key: 'name', header: '项目名称', width: 'minmax(140px, 1fr)', cell: (r) => <span title={r.projectName}>{r.projectName}</span> },
  { key: 'status', header: '状态', width: '80px', cell: (r) => (r.status ? WORKFLOW_LABELS[r.status] : '未自评') },
  { key: 'total', header: '总分', width: '70px', cell: (r) => r.totalScore ?? '—', align: 'right' },
  { key: 'action', header: '处理方式', width: '90px', cell: (r) => actionBadge(r.action) },
  { key: 'note', header: '说明', width: 'minmax(120px, 1fr)', cell: (r) => <Text span size="sm" c="dimmed" title={r.note}>{r.note}</Text> },
];

/** The unit's filled template into the year's self-evaluations, previewed first, all or nothing. */
export function useTemplateImport(year: number, onImported: () => Promise<void>) {
  return useImportFlow<TemplateImportPreview>({
    preview: (file) => invoke('selfEvaluation.templateImportPreview', { ...file, year }),
    commit: (file) => invoke('selfEvaluation.templateImportCommit', { ...file, year }),
    onImported: async (result) => {
      await onImported();
      const left = result.rows.filter((r) => r.action === 'unchanged').length;
      notifySuccess(`导入 ${result.written} 张自评表${left ? `；${left} 张无变化或已送审、已通过，未改动` : ''}`, '已导入自评模板');
    },
    renderModal: (props) => (
      <ImportPreviewModal {...props} unitLabel="张表" skipNote="整个文件都不导入" allOrNothing rowColumns={ROW_COLUMNS} rowKey={(r) => r.sheet} />
    ),
  });
}
