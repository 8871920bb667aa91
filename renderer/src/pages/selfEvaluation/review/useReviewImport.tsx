import type { ReviewImportPreview, ReviewImportRow } from '../../../../../electron/selfEvaluation/contract';
import { invoke } from '../../../api';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../../components/ImportPreview';
import { notifySuccess } from '../../../components/notify';
import type { Column } from '../../../components/VirtualTable';

const ROW_COLUMNS: Column<ReviewImportRow>[] = [
  { key: 'sheet', header: '工作表', width: '100px', cell: (r) => r.sheet },
  { key: 'row', header: '行号', width: '70px', cell: (r) => r.rowNumber },
  { key: 'unit', header: '实施单位', width: 'minmax(120px, 1fr)', cell: (r) => <span title={r.unitName}>{r.unitName}</span> },
  { key: 'name', header: '项目名称', width: 'minmax(140px, 1fr)', cell: (r) => <span title={r.projectName}>{r.projectName}</span> },
  { key: 'differences', header: '差异', width: '80px', cell: (r) => (r.differences === null ? '—' : r.differences === 0 ? '无' : `${r.differences} 处`) },
  { key: 'action', header: '处理方式', width: '90px', cell: (r) => actionBadge(r.action) },
];

/** Excel self-evaluation tables into the year's review list, previewed first. */
export function useReviewImport(year: number, onImported: () => Promise<void>) {
  return useImportFlow<ReviewImportPreview>({
    preview: (file) => invoke('selfEvaluationReview.importPreview', { ...file, year }),
    commit: (file) => invoke('selfEvaluationReview.importCommit', { ...file, year }),
    onImported: async (result) => {
      await onImported();
      notifySuccess(`导入 ${result.written} 张自评表，待复核${result.counts.error ? `；${result.counts.error} 张有错误，未导入` : ''}`, '已导入自评表');
    },
    renderModal: (props) => (
      <ImportPreviewModal {...props} unitLabel="张表" skipNote="这些表整张不导入" rowColumns={ROW_COLUMNS} rowKey={(r) => `${r.sheet}-${r.rowNumber}`} />
    ),
  });
}
